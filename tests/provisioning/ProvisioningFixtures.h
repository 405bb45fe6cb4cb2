#pragma once

#include "arch/ArchRegistry.h"
#include "models/provisioning/VmSpec.h"

#include <QString>
#include <QStringList>
#include <optional>

struct _virConnect;

namespace crossvirt::test {

/// A private connection to the libvirt test driver (in-process), closed on destruction.
class TestDriver
{
public:
    TestDriver();
    ~TestDriver();
    TestDriver(const TestDriver &) = delete;
    TestDriver &operator=(const TestDriver &) = delete;

    _virConnect *conn() const { return m_conn; }
    QStringList domainNames() const;
    QStringList volumeNames(const QString &pool = QStringLiteral("default-pool")) const;
    /// Defines `xml`; returns libvirt's error text, empty on success.
    QString define(const QString &xml) const;
    /// Inactive XML of the domain, empty when it does not exist.
    QString dumpXml(const QString &name, bool inactive = true) const;
    void undefine(const QString &name) const;
    bool start(const QString &name) const;

private:
    _virConnect *m_conn = nullptr;
};

/// What a domain XML says, read back for comparisons.
struct ReadBack
{
    QString type;
    QString name;
    QString arch;
    QString machine;
    QString osFirmware;
    QStringList diskBuses;   ///< <target bus> of every disk, XML order
    QStringList diskTargets; ///< <target dev>
    QStringList diskDevices; ///< disk, cdrom
    QStringList controllers; ///< "type/model" (model may be empty)
    QStringList nicModels;
    QStringList graphics;
    QStringList videoModels;
    QStringList consoleTargets; ///< <console><target type>
    QString cpuMode;
    QString cpuModel;
    qint64 memoryKiB = 0;
};
ReadBack readBack(const QString &xml);

/// A VmSpec with the arch's defaults for (arch, machine, virtType) and no storage.
models::VmSpec defaultSpec(const QString &name, const QString &arch, const QString &machine = {},
                           arch::VirtType virtType = arch::VirtType::Kvm);
arch::GuestContext contextOf(const models::VmSpec &spec, bool running = false);

} // namespace crossvirt::test
