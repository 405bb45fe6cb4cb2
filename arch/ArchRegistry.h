#pragma once

#include "arch/ArchModel.h"

#include <QList>
#include <QStringList>
#include <memory>
#include <vector>

namespace crossvirt::arch {

/// Finds the ArchModel for a libvirt arch name. The one place that knows the list
/// of supported architectures; code outside arch/ never compares arch strings.
class ArchRegistry
{
public:
    static const ArchRegistry &instance();

    /// The model for `arch`, or nullptr when Crossvirt does not know the arch.
    const ArchModel *find(const QString &arch) const;
    /// All known arch names, in display order.
    QStringList archNames() const;
    /// All models, in display order.
    QList<const ArchModel *> models() const;
    /// Whether a host whose own CPU is `hostArch` runs `guestArch` guests natively
    /// (KVM) by policy. Live capabilities, when a host has them, override this.
    bool runsNatively(const QString &hostArch, const QString &guestArch) const;

private:
    ArchRegistry();
    std::vector<std::unique_ptr<ArchModel>> m_models;
};

} // namespace crossvirt::arch
