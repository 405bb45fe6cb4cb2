// BulkRunner over VMs of two test-driver hosts: one result per VM, a failing VM reported
// while the others go on, deletes that keep volumes another VM uses, a template refused for
// Start, and Cancel marking what had not started.
#include "HostPair.h"

#include "models/bulk/BulkActions.h"
#include "models/provisioning/StorageInventory.h"

#include <QSignalSpy>

using namespace Qt::StringLiterals;
using namespace crossvirt;
using namespace crossvirt::models;

namespace {

class BulkRunnerTest : public test::HostPair
{
protected:
    BulkTarget target(HostSession *session, const QString &name)
    {
        const DomainSummary d = byName(session, name);
        EXPECT_FALSE(d.uuid.isEmpty()) << name.toStdString();
        return BulkTarget{session->uri(), d.uuid, name};
    }

    /// Runs `action` over `targets` to the end; the results in target order.
    QList<BulkItemResult> run(BulkAction action, const QList<BulkTarget> &targets,
                              QList<int> *startOrder = nullptr)
    {
        BulkRunner runner(lookup());
        std::optional<QList<BulkItemResult>> results;
        QObject::connect(&runner, &BulkRunner::finished, &runner,
                         [&](const QList<BulkItemResult> &r) { results = r; });
        QList<int> started;
        QObject::connect(&runner, &BulkRunner::itemStarted, &runner,
                         [&](int index) { started << index; });
        runner.start(action, targets);
        EXPECT_TRUE(test::waitUntil([&] { return results.has_value(); }, 20000));
        EXPECT_FALSE(runner.isRunning());
        if (startOrder)
            *startOrder = started;
        return results.value_or(QList<BulkItemResult>());
    }

    DomainState stateOf(HostSession *session, const QString &name)
    {
        return byName(session, name).state;
    }

    QStringList volumes(HostSession *session)
    {
        const StorageSnapshot s = fetchStorage(session).result();
        const PoolContents *pool = s.pool(u"default"_s);
        return pool ? pool->volumeNames() : QStringList();
    }
};

QString describe(const QList<BulkItemResult> &results)
{
    QStringList lines;
    for (const BulkItemResult &r : results)
        lines << u"%1 %2: %3"_s.arg(r.target.name, r.ok ? u"ok"_s : u"FAILED"_s, r.message);
    return lines.join(u'\n');
}

TEST(BulkActionNames, IdsAndLabels)
{
    EXPECT_EQ(bulkActionId(BulkAction::Start), u"start"_s);
    EXPECT_EQ(bulkActionId(BulkAction::Shutdown), u"shutdown"_s);
    EXPECT_EQ(bulkActionId(BulkAction::ForceOff), u"force-off"_s);
    EXPECT_EQ(bulkActionId(BulkAction::Delete), u"delete"_s);
    EXPECT_EQ(bulkActionId(BulkAction::Clone), u"clone"_s);
    EXPECT_EQ(bulkActionLabel(BulkAction::Shutdown), u"Shut down"_s);
    EXPECT_EQ(bulkActionLabel(BulkAction::ForceOff), u"Force off"_s);
}

TEST_F(BulkRunnerTest, StartOverTwoHostsReportsTheOneThatFails)
{
    const QList<BulkTarget> targets = {target(a.get(), u"a-off"_s), target(a.get(), u"a-on"_s),
                                       target(b.get(), u"b-off"_s), target(a.get(), u"a-shared"_s)};
    QList<int> started;
    const QList<BulkItemResult> results = run(BulkAction::Start, targets, &started);
    ASSERT_EQ(results.size(), 4);
    EXPECT_TRUE(results[0].ok) << describe(results).toStdString();
    EXPECT_FALSE(results[1].ok) << "a-on already runs";
    EXPECT_FALSE(results[1].message.isEmpty());
    EXPECT_TRUE(results[2].ok) << describe(results).toStdString();
    EXPECT_TRUE(results[3].ok) << "a failure does not stop the host's queue";
    for (int i = 0; i < 4; ++i)
        EXPECT_EQ(results[i].target.name, targets[i].name);
    // Host A's targets ran one after another, in target order.
    QList<int> onA;
    for (int i : std::as_const(started)) {
        if (targets[i].uri == a->uri())
            onA << i;
    }
    EXPECT_EQ(onA, (QList<int>{0, 1, 3}));

    EXPECT_TRUE(test::waitUntil([&] {
        return stateOf(a.get(), u"a-off"_s) == DomainState::Running &&
               stateOf(b.get(), u"b-off"_s) == DomainState::Running &&
               stateOf(a.get(), u"a-shared"_s) == DomainState::Running;
    }));
}

TEST_F(BulkRunnerTest, ForceOffThenDeleteKeepsSharedVolumes)
{
    const QList<BulkItemResult> off =
        run(BulkAction::ForceOff,
            {target(a.get(), u"a-on"_s), target(b.get(), u"b-on"_s), target(b.get(), u"b-off"_s)});
    ASSERT_EQ(off.size(), 3);
    EXPECT_TRUE(off[0].ok) << describe(off).toStdString();
    EXPECT_TRUE(off[1].ok) << describe(off).toStdString();
    EXPECT_FALSE(off[2].ok) << "b-off is not running";
    EXPECT_TRUE(test::waitUntil([&] {
        return stateOf(a.get(), u"a-on"_s) == DomainState::Shutoff &&
               stateOf(b.get(), u"b-on"_s) == DomainState::Shutoff;
    }));

    const QList<BulkItemResult> deleted =
        run(BulkAction::Delete,
            {target(a.get(), u"a-off"_s), target(b.get(), u"b-off"_s),
             BulkTarget{b->uri(), u"9c1d2e3f-0000-4000-8000-0000000000ff"_s, u"gone"_s}});
    ASSERT_EQ(deleted.size(), 3);
    EXPECT_TRUE(deleted[0].ok) << describe(deleted).toStdString();
    EXPECT_TRUE(deleted[1].ok) << describe(deleted).toStdString();
    EXPECT_FALSE(deleted[2].ok) << "no such VM";
    EXPECT_TRUE(test::waitUntil([&] {
        return byName(a.get(), u"a-off"_s).uuid.isEmpty() &&
               byName(b.get(), u"b-off"_s).uuid.isEmpty();
    }));
    const QStringList onA = volumes(a.get());
    EXPECT_FALSE(onA.contains(u"a-off.qcow2"_s)) << onA.join(u' ').toStdString();
    EXPECT_TRUE(onA.contains(u"shared.qcow2"_s)) << "a-shared still uses it";
    EXPECT_TRUE(onA.contains(u"a-on.qcow2"_s));
    EXPECT_FALSE(volumes(b.get()).contains(u"b-off.qcow2"_s));
    EXPECT_TRUE(volumes(b.get()).contains(u"b-on.qcow2"_s));
}

TEST_F(BulkRunnerTest, TemplateIsNotStartedNorCloned)
{
    ASSERT_TRUE(byName(a.get(), u"web-tpl"_s).isTemplate)
        << "the inventory reads Crossvirt's template metadata";
    const QList<BulkItemResult> results =
        run(BulkAction::Start, {target(a.get(), u"web-tpl"_s), target(b.get(), u"b-off"_s)});
    ASSERT_EQ(results.size(), 2);
    EXPECT_FALSE(results[0].ok);
    EXPECT_TRUE(results[0].message.contains(u"template"_s)) << results[0].message.toStdString();
    EXPECT_TRUE(results[1].ok) << describe(results).toStdString();
    EXPECT_EQ(stateOf(a.get(), u"web-tpl"_s), DomainState::Shutoff);

    // Nor cloned: a clone would share its read-only bases and claim to be a template.
    const QList<BulkItemResult> cloned = run(BulkAction::Clone, {target(a.get(), u"web-tpl"_s)});
    ASSERT_EQ(cloned.size(), 1);
    EXPECT_FALSE(cloned[0].ok);
    EXPECT_TRUE(cloned[0].message.contains(u"template"_s)) << cloned[0].message.toStdString();
    EXPECT_TRUE(byName(a.get(), u"web-tpl-clone"_s).uuid.isEmpty());
}

TEST_F(BulkRunnerTest, CancelMarksWhatHadNotStarted)
{
    BulkRunner runner(lookup());
    std::optional<QList<BulkItemResult>> results;
    QObject::connect(&runner, &BulkRunner::finished, &runner,
                     [&](const QList<BulkItemResult> &r) { results = r; });
    const QList<BulkTarget> targets = {target(a.get(), u"a-off"_s), target(a.get(), u"a-shared"_s),
                                       target(b.get(), u"b-off"_s)};
    runner.start(BulkAction::Start, targets);
    EXPECT_TRUE(runner.isRunning());
    runner.cancel(); // the first of each host is under way; a-shared waits behind a-off
    ASSERT_TRUE(test::waitUntil([&] { return results.has_value(); }, 20000));
    ASSERT_EQ(results->size(), 3);
    EXPECT_TRUE((*results)[0].ok) << describe(*results).toStdString();
    EXPECT_FALSE((*results)[1].ok);
    EXPECT_EQ((*results)[1].message, u"Cancelled"_s);
    EXPECT_TRUE((*results)[2].ok) << describe(*results).toStdString();
    EXPECT_TRUE(
        test::waitUntil([&] { return stateOf(a.get(), u"a-off"_s) == DomainState::Running; }));
    EXPECT_EQ(stateOf(a.get(), u"a-shared"_s), DomainState::Shutoff);
}

TEST_F(BulkRunnerTest, CloneMakesSuggestedNamesAndRefusesARunningVm)
{
    const QList<BulkItemResult> results =
        run(BulkAction::Clone, {target(b.get(), u"b-nodisk"_s), target(b.get(), u"b-on"_s)});
    ASSERT_EQ(results.size(), 2);
    EXPECT_TRUE(results[0].ok) << describe(results).toStdString();
    EXPECT_TRUE(results[0].message.contains(u"b-nodisk-clone"_s))
        << results[0].message.toStdString();
    EXPECT_FALSE(results[1].ok) << "a running VM is not cloned";
    EXPECT_FALSE(results[1].message.isEmpty());
    EXPECT_TRUE(
        test::waitUntil([&] { return !byName(b.get(), u"b-nodisk-clone"_s).uuid.isEmpty(); }));
    EXPECT_TRUE(byName(b.get(), u"b-on-clone"_s).uuid.isEmpty());
}

TEST_F(BulkRunnerTest, UnknownHostFailsItsItemsOnly)
{
    const QList<BulkItemResult> results =
        run(BulkAction::ForceOff,
            {BulkTarget{u"test:///nowhere"_s, u"x"_s, u"x"_s}, target(b.get(), u"b-on"_s)});
    ASSERT_EQ(results.size(), 2);
    EXPECT_FALSE(results[0].ok);
    EXPECT_TRUE(results[1].ok) << describe(results).toStdString();
}

} // namespace
