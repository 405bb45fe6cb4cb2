#pragma once

#include "arch/ArchRegistry.h"
#include "arch/Capabilities.h"

#include <QString>
#include <ostream>

// Readable QString/QStringList in gtest failure messages.
inline void PrintTo(const QString &s, std::ostream *os)
{
    *os << '"' << s.toStdString() << '"';
}

namespace crossvirt::test {

/// Parsed fixtures from tests/data/capabilities; a failed load fails the calling test.
arch::HostCapabilities loadHostCapabilities(const QString &file);
arch::DomainCapabilities loadDomainCapabilities(const QString &file);
QByteArray readFixture(const QString &file);

/// The registry's model for `name`; the calling test fails when unknown.
const arch::ArchModel &archModel(const QString &name);

/// A context for a guest of `arch`, optionally narrowed by `caps`.
arch::GuestContext guestContext(const QString &arch, arch::VirtType type = arch::VirtType::Kvm,
                                const arch::DomainCapabilities *caps = nullptr,
                                const QString &machine = {});

} // namespace crossvirt::test
