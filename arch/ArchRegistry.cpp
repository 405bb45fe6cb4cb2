#include "arch/ArchRegistry.h"

#include "arch/Aarch64Arch.h"
#include "arch/Armv7lArch.h"
#include "arch/PowerArch.h"
#include "arch/Riscv64Arch.h"
#include "arch/S390xArch.h"
#include "arch/X86Arch.h"

namespace crossvirt::arch {

ArchRegistry::ArchRegistry()
{
    // Display order. Adding an architecture: its class, one line here, its tests.
    m_models.push_back(std::make_unique<X86Arch>(QStringLiteral("x86_64")));
    m_models.push_back(std::make_unique<X86Arch>(QStringLiteral("i686")));
    m_models.push_back(std::make_unique<Ppc64leArch>());
    m_models.push_back(std::make_unique<Ppc64Arch>());
    m_models.push_back(std::make_unique<Aarch64Arch>());
    m_models.push_back(std::make_unique<S390xArch>());
    m_models.push_back(std::make_unique<Riscv64Arch>());
    m_models.push_back(std::make_unique<Armv7lArch>());
}

const ArchRegistry &ArchRegistry::instance()
{
    static const ArchRegistry registry;
    return registry;
}

const ArchModel *ArchRegistry::find(const QString &arch) const
{
    for (const auto &m : m_models) {
        if (m->name() == arch)
            return m.get();
    }
    return nullptr;
}

QStringList ArchRegistry::archNames() const
{
    QStringList names;
    for (const auto &m : m_models)
        names << m->name();
    return names;
}

QList<const ArchModel *> ArchRegistry::models() const
{
    QList<const ArchModel *> out;
    for (const auto &m : m_models)
        out << m.get();
    return out;
}

bool ArchRegistry::runsNatively(const QString &hostArch, const QString &guestArch) const
{
    const ArchModel *host = find(hostArch);
    return host && host->nativeGuestArches().contains(guestArch);
}

} // namespace crossvirt::arch
