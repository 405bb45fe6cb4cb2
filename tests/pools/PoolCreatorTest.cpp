// A VM pool on the libvirt test driver: the template web-tpl of host A (tests/pools/data),
// read by listTemplates(), its host's facts by loadPoolHostFacts(), three members planned
// as overlays and created concurrently; one whose name is taken behind the plan's back
// fails alone. deleteVmPoolOnHost() then removes the pool's VMs and their overlays and
// leaves the template, its base and every other VM.
#include "HostPair.h"

#include "models/bulk/BulkActions.h"
#include "models/connection/WorkerJobs.h"
#include "models/provisioning/StorageInventory.h"
#include "models/templates/VmPools.h"

#include <libvirt/libvirt.h>

using namespace Qt::StringLiterals;
using namespace crossvirt;
using namespace crossvirt::models;

namespace {

class PoolCreatorTest : public test::HostPair
{
protected:
    TemplateInfo webTemplate()
    {
        QFuture<QList<TemplateInfo>> f = listTemplates(a.get());
        EXPECT_TRUE(failure(f).isEmpty()) << failure(f).toStdString();
        for (const TemplateInfo &t : f.result()) {
            if (t.name == "web-tpl"_L1)
                return t;
        }
        ADD_FAILURE() << "web-tpl is not listed as a template";
        return {};
    }

    PoolHostFacts facts(HostSession *session, const TemplateInfo &tmpl)
    {
        QFuture<PoolHostFacts> f = loadPoolHostFacts(session, tmpl);
        EXPECT_TRUE(failure(f).isEmpty()) << failure(f).toStdString();
        return f.isValid() && f.resultCount() ? f.result() : PoolHostFacts();
    }

    QStringList volumes(HostSession *session)
    {
        const StorageSnapshot s = fetchStorage(session).result();
        const PoolContents *pool = s.pool(u"default"_s);
        return pool ? pool->volumeNames() : QStringList();
    }

    /// Defines a bare VM named `name` on `session`'s host, past the inventory the plan saw.
    void defineBehindThePlan(HostSession *session, const QString &name)
    {
        const QByteArray xml =
            u"<domain type='test'><name>%1</name><memory>65536</memory><os><type>hvm</type>"
            "</os></domain>"_s.arg(name)
                .toUtf8();
        QFuture<void> f = runOnWorker(session, [xml](virConnectPtr conn) {
            virDomainPtr dom = virDomainDefineXML(conn, xml.constData());
            if (!dom)
                throwLastLibvirtError(u"define"_s);
            virDomainFree(dom);
        });
        ASSERT_TRUE(failure(f).isEmpty()) << failure(f).toStdString();
    }

    VmPoolRequest request() const
    {
        VmPoolRequest r;
        r.name = u"web"_s;
        r.namePattern = u"web-%02d"_s;
        r.count = 3;
        r.diskMode = TemplateDiskMode::Overlay;
        return r;
    }
};

QString describe(const QList<VmPoolMemberResult> &results)
{
    QStringList lines;
    for (const VmPoolMemberResult &r : results)
        lines << u"%1@%2 %3: %4"_s.arg(r.name, r.hostUri, r.ok ? u"ok"_s : u"FAILED"_s, r.message);
    return lines.join(u'\n');
}

TEST_F(PoolCreatorTest, HostFactsOfATestDriverHost)
{
    const TemplateInfo tmpl = webTemplate();
    const PoolHostFacts f = facts(a.get(), tmpl);
    EXPECT_EQ(f.uri, a->uri());
    EXPECT_EQ(f.hostArch, u"x86_64"_s);
    // 16 GiB less the 1 GiB of the running a-on.
    EXPECT_EQ(f.freeMemoryMiB, 15 * 1024);
    EXPECT_EQ(f.context.arch, u"x86_64"_s);
    EXPECT_TRUE(f.context.placement.offered);
    EXPECT_TRUE(f.storage.domainNames.contains(u"web-tpl"_s));
    ASSERT_NE(f.storage.pool(u"default"_s), nullptr);
    EXPECT_TRUE(f.storage.pool(u"default"_s)->volumeNames().contains(u"web-tpl.qcow2"_s));
}

TEST_F(PoolCreatorTest, CreatesTheMembersAndOneFailureLeavesTheOthers)
{
    const TemplateInfo tmpl = webTemplate();
    ASSERT_FALSE(tmpl.uuid.isEmpty());
    const VmPoolPlan plan = planVmPool(tmpl, request(), {facts(a.get(), tmpl)}, {u"db"_s});
    ASSERT_TRUE(plan.ok()) << plan.problems.join(u'\n').toStdString();
    ASSERT_EQ(plan.members.size(), 3);
    const QStringList volumesBefore = volumes(a.get());

    defineBehindThePlan(a.get(), u"web-02"_s);

    VmPoolCreator creator(lookup());
    std::optional<QList<VmPoolMemberResult>> results;
    QList<QPair<int, int>> progress;
    int memberSignals = 0;
    QObject::connect(&creator, &VmPoolCreator::finished, &creator,
                     [&](const QList<VmPoolMemberResult> &r) { results = r; });
    QObject::connect(&creator, &VmPoolCreator::progress, &creator,
                     [&](int done, int total) { progress << qMakePair(done, total); });
    QObject::connect(&creator, &VmPoolCreator::memberFinished, &creator,
                     [&](const VmPoolMemberResult &) { ++memberSignals; });
    creator.start(plan);
    EXPECT_TRUE(creator.isRunning());
    ASSERT_TRUE(test::waitUntil([&] { return results.has_value(); }, 30000));
    EXPECT_FALSE(creator.isRunning());

    ASSERT_EQ(results->size(), 3);
    EXPECT_EQ((*results)[0].name, u"web-01"_s);
    EXPECT_TRUE((*results)[0].ok) << describe(*results).toStdString();
    EXPECT_FALSE((*results)[1].ok) << "web-02 was taken";
    EXPECT_FALSE((*results)[1].message.isEmpty());
    EXPECT_TRUE((*results)[2].ok) << describe(*results).toStdString();
    EXPECT_FALSE((*results)[0].uuid.isEmpty());
    EXPECT_EQ(memberSignals, 3);
    ASSERT_FALSE(progress.isEmpty());
    EXPECT_EQ(progress.last(), qMakePair(3, 3));

    // The made members carry the pool in their metadata; web-02 is still the VM that took
    // the name, and no volume of the failed member is left.
    ASSERT_TRUE(test::waitUntil([&] {
        return byName(a.get(), u"web-01"_s).vmPool == "web"_L1 &&
               byName(a.get(), u"web-03"_s).vmPool == "web"_L1;
    }));
    EXPECT_TRUE(byName(a.get(), u"web-02"_s).vmPool.isEmpty());
    EXPECT_EQ(byName(a.get(), u"web-01"_s).fromTemplate, u"web-tpl"_s);
    const QStringList volumesAfter = volumes(a.get());
    EXPECT_EQ(volumesAfter.size(), volumesBefore.size() + 2)
        << volumesAfter.join(u' ').toStdString();

    // Deleting the pool removes its two VMs and their overlays, nothing else.
    QFuture<QStringList> del = deleteVmPoolOnHost(a.get(), u"web"_s);
    ASSERT_TRUE(failure(del).isEmpty()) << failure(del).toStdString();
    QStringList deleted = del.result();
    deleted.sort();
    EXPECT_EQ(deleted, (QStringList{u"web-01"_s, u"web-03"_s}));
    ASSERT_TRUE(test::waitUntil([&] {
        return byName(a.get(), u"web-01"_s).uuid.isEmpty() &&
               byName(a.get(), u"web-03"_s).uuid.isEmpty();
    }));
    EXPECT_FALSE(byName(a.get(), u"web-02"_s).uuid.isEmpty());
    EXPECT_FALSE(byName(a.get(), u"web-tpl"_s).uuid.isEmpty());
    QStringList left = volumes(a.get());
    QStringList before = volumesBefore;
    left.sort();
    before.sort();
    EXPECT_EQ(left, before) << "the overlays are gone, the template's base stays";

    // Nothing of that pool is left to delete.
    QFuture<QStringList> again = deleteVmPoolOnHost(a.get(), u"web"_s);
    ASSERT_TRUE(failure(again).isEmpty());
    EXPECT_TRUE(again.result().isEmpty());
}

TEST_F(PoolCreatorTest, StartedMembersAreForcedOffByThePoolDelete)
{
    const TemplateInfo tmpl = webTemplate();
    VmPoolRequest r = request();
    r.count = 2;
    r.start = true;
    const VmPoolPlan plan = planVmPool(tmpl, r, {facts(a.get(), tmpl)});
    ASSERT_TRUE(plan.ok()) << plan.problems.join(u'\n').toStdString();

    VmPoolCreator creator(lookup());
    std::optional<QList<VmPoolMemberResult>> results;
    QObject::connect(&creator, &VmPoolCreator::finished, &creator,
                     [&](const QList<VmPoolMemberResult> &res) { results = res; });
    creator.start(plan);
    ASSERT_TRUE(test::waitUntil([&] { return results.has_value(); }, 30000));
    ASSERT_EQ(results->size(), 2);
    EXPECT_TRUE((*results)[0].ok && (*results)[1].ok) << describe(*results).toStdString();
    ASSERT_TRUE(test::waitUntil([&] {
        return byName(a.get(), u"web-01"_s).state == DomainState::Running &&
               byName(a.get(), u"web-02"_s).state == DomainState::Running;
    }));

    QFuture<QStringList> del = deleteVmPoolOnHost(a.get(), u"web"_s);
    ASSERT_TRUE(failure(del).isEmpty()) << failure(del).toStdString();
    EXPECT_EQ(del.result().size(), 2);
    EXPECT_TRUE(test::waitUntil([&] {
        return byName(a.get(), u"web-01"_s).uuid.isEmpty() &&
               byName(a.get(), u"web-02"_s).uuid.isEmpty();
    }));
}

TEST_F(PoolCreatorTest, AtMostTwoMembersPerHostAtOnceAndCancelStopsTheRest)
{
    const TemplateInfo tmpl = webTemplate();
    VmPoolRequest r = request();
    r.count = 5;
    const VmPoolPlan plan = planVmPool(tmpl, r, {facts(a.get(), tmpl)});
    ASSERT_TRUE(plan.ok()) << plan.problems.join(u'\n').toStdString();
    const QStringList volumesBefore = volumes(a.get());

    VmPoolCreator creator(lookup());
    std::optional<QList<VmPoolMemberResult>> results;
    QObject::connect(&creator, &VmPoolCreator::finished, &creator,
                     [&](const QList<VmPoolMemberResult> &res) { results = res; });
    creator.start(plan);
    int running = 0;
    for (TemplateDeployer *d : creator.findChildren<TemplateDeployer *>())
        running += d->isRunning() ? 1 : 0;
    EXPECT_EQ(running, 2) << "two deployers on the one host, the other members wait";

    creator.cancel();
    ASSERT_TRUE(test::waitUntil([&] { return results.has_value(); }, 30000));
    ASSERT_EQ(results->size(), 5);
    int made = 0;
    for (int i = 0; i < 5; ++i) {
        if ((*results)[i].ok)
            ++made;
        else
            EXPECT_FALSE((*results)[i].message.isEmpty());
    }
    for (int i = 2; i < 5; ++i)
        EXPECT_FALSE((*results)[i].ok) << "members not started when cancelled are not made";
    // What was made stays (and is the pool's); what was cancelled left nothing behind.
    test::waitUntil([] { return false; }, 300);
    int inPool = 0;
    for (const DomainSummary &d : a->domains())
        inPool += d.vmPool == "web"_L1 ? 1 : 0;
    EXPECT_EQ(inPool, made);
    EXPECT_EQ(volumes(a.get()).size(), volumesBefore.size() + made);
}

TEST_F(PoolCreatorTest, BulkDeleteKeepsATemplateThatMembersStandOn)
{
    const TemplateInfo tmpl = webTemplate();
    VmPoolRequest r = request();
    r.count = 1;
    const VmPoolPlan plan = planVmPool(tmpl, r, {facts(a.get(), tmpl)});
    ASSERT_TRUE(plan.ok()) << plan.problems.join(u'\n').toStdString();
    VmPoolCreator creator(lookup());
    std::optional<QList<VmPoolMemberResult>> made;
    QObject::connect(&creator, &VmPoolCreator::finished, &creator,
                     [&](const QList<VmPoolMemberResult> &res) { made = res; });
    creator.start(plan);
    ASSERT_TRUE(test::waitUntil([&] { return made.has_value(); }, 30000));
    ASSERT_TRUE(made->value(0).ok) << describe(*made).toStdString();

    // The template's base backs web-01's overlay: deleting the template with the others
    // selected is refused for it alone.
    BulkRunner runner(lookup());
    std::optional<QList<BulkItemResult>> results;
    QObject::connect(&runner, &BulkRunner::finished, &runner,
                     [&](const QList<BulkItemResult> &res) { results = res; });
    runner.start(BulkAction::Delete,
                 {BulkTarget{a->uri(), tmpl.uuid, tmpl.name},
                  BulkTarget{a->uri(), byName(a.get(), u"a-shared"_s).uuid, u"a-shared"_s}});
    ASSERT_TRUE(test::waitUntil([&] { return results.has_value(); }, 20000));
    ASSERT_EQ(results->size(), 2);
    EXPECT_FALSE((*results)[0].ok);
    EXPECT_TRUE((*results)[0].message.contains(u"web-01"_s)) << (*results)[0].message.toStdString();
    EXPECT_TRUE((*results)[1].ok) << (*results)[1].message.toStdString();
    test::waitUntil([] { return false; }, 200);
    EXPECT_FALSE(byName(a.get(), u"web-tpl"_s).uuid.isEmpty());
    EXPECT_TRUE(volumes(a.get()).contains(u"web-tpl.qcow2"_s));
}

TEST_F(PoolCreatorTest, RefusedPlanCreatesNothing)
{
    const TemplateInfo tmpl = webTemplate();
    VmPoolRequest r = request();
    r.namePattern = u"web"_s; // no number
    const VmPoolPlan plan = planVmPool(tmpl, r, {facts(a.get(), tmpl)});
    ASSERT_FALSE(plan.ok());
    const int before = int(a->domains().size());
    VmPoolCreator creator(lookup());
    bool finished = false;
    QObject::connect(&creator, &VmPoolCreator::finished, &creator,
                     [&](const QList<VmPoolMemberResult> &) { finished = true; });
    creator.start(plan);
    EXPECT_TRUE(finished);
    EXPECT_FALSE(creator.isRunning());
    test::waitUntil([] { return false; }, 200);
    EXPECT_EQ(int(a->domains().size()), before);
}

} // namespace
