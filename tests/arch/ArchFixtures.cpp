#include "ArchFixtures.h"

#include "common/TestSupport.h"

#include <QFile>
#include <gtest/gtest.h>

namespace crossvirt::test {

QByteArray readFixture(const QString &file)
{
    QFile f(sourcePath(QStringLiteral("tests/data/capabilities/") + file));
    if (!f.open(QIODevice::ReadOnly)) {
        ADD_FAILURE() << "cannot open fixture " << f.fileName().toStdString();
        return {};
    }
    return f.readAll();
}

arch::HostCapabilities loadHostCapabilities(const QString &file)
{
    QString error;
    const auto caps = arch::parseHostCapabilities(readFixture(file), &error);
    if (!caps) {
        ADD_FAILURE() << file.toStdString() << ": " << error.toStdString();
        return {};
    }
    return *caps;
}

arch::DomainCapabilities loadDomainCapabilities(const QString &file)
{
    QString error;
    const auto caps = arch::parseDomainCapabilities(readFixture(file), &error);
    if (!caps) {
        ADD_FAILURE() << file.toStdString() << ": " << error.toStdString();
        return {};
    }
    return *caps;
}

const arch::ArchModel &archModel(const QString &name)
{
    const arch::ArchModel *m = arch::ArchRegistry::instance().find(name);
    if (!m) {
        ADD_FAILURE() << "no arch model for " << name.toStdString();
        m = arch::ArchRegistry::instance().find(QStringLiteral("x86_64"));
    }
    return *m;
}

arch::GuestContext guestContext(const QString &arch, arch::VirtType type,
                                const arch::DomainCapabilities *caps, const QString &machine)
{
    arch::GuestContext ctx;
    ctx.arch = arch;
    ctx.machine = machine;
    ctx.virtType = type;
    ctx.domainCaps = caps;
    return ctx;
}

} // namespace crossvirt::test
