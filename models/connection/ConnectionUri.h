#pragma once

#include <QString>

namespace crossvirt::models {

/// The parts of virt-manager's "Add connection" dialog, turned into a libvirt URI.
struct ConnectionUriSpec
{
    enum class Hypervisor
    {
        QemuSystem,
        QemuSession,
        Test,
        Custom
    };
    enum class Transport
    {
        Local,
        Ssh,
        Tcp,
        Tls
    };

    Hypervisor hypervisor = Hypervisor::QemuSystem;
    Transport transport = Transport::Local;
    QString host;      ///< host name or address, optionally with :port
    QString user;      ///< SSH user name
    QString testFile;  ///< absolute path of a test-driver host file (empty: test:///default)
    QString customUri; ///< used as is for Hypervisor::Custom

    /// The URI, e.g. qemu+ssh://root@kvm1/system; empty when the spec is incomplete.
    QString uri() const;
    /// Why the spec is incomplete (tr'd), or empty when uri() is usable.
    QString problem() const;
};

/// A short, readable name for a URI in the inventory ("kvm1 (QEMU/KVM)").
QString displayNameForUri(const QString &uri);

} // namespace crossvirt::models
