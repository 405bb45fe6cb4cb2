#include "VmEditFixtures.h"

#include "common/TestSupport.h"

#include <QFile>

using namespace Qt::StringLiterals;

namespace crossvirt::test {

QString vmeditFixture(const QString &name)
{
    QFile f(sourcePath(u"tests/vmedit/data/"_s + name));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(f.readAll());
}

models::VmEditContext editContext(const QString &inactive, const QString &live)
{
    models::VmEditContext ctx;
    ctx.uri = u"test:///default"_s;
    ctx.inactiveXml = vmeditFixture(inactive);
    ctx.inactive = models::parseVmConfig(ctx.inactiveXml.toUtf8());
    if (live.isEmpty()) {
        ctx.liveXml = ctx.inactiveXml;
        ctx.live = ctx.inactive;
    } else {
        ctx.liveXml = vmeditFixture(live);
        ctx.live = models::parseVmConfig(ctx.liveXml.toUtf8());
        ctx.live.running = true;
        ctx.inactive.running = true;
    }
    ctx.hostMemoryMiB = 64 * 1024;
    ctx.hostCpus = 16;
    return ctx;
}

models::VmEditContext runningContext(const QString &inactive)
{
    models::VmEditContext ctx = editContext(inactive);
    ctx.live.running = true;
    ctx.inactive.running = true;
    return ctx;
}

QString describe(const models::EditPlan &plan)
{
    QStringList lines;
    for (const models::EditStep &s : plan.steps)
        lines << u"%1 [%2] %3"_s.arg(s.description).arg(int(s.rule.timing)).arg(s.rule.reason);
    return lines.join(u'\n');
}

} // namespace crossvirt::test
