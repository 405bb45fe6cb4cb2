// Events, unreachable hosts and the GUI thread's responsiveness.
#include "models/connection/HostSession.h"
#include "common/TestSupport.h"
#include "models/connection/LibvirtHandles.h"

#include <QElapsedTimer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>
#include <gtest/gtest.h>
#include <libvirt/libvirt.h>

using namespace crossvirt::models;
using namespace Qt::StringLiterals;

namespace {

// Runs the event loop for `ms` and returns the longest gap between 5 ms ticks:
// how long the GUI thread would have been frozen.
qint64 longestEventLoopGap(int ms)
{
    QElapsedTimer clock;
    clock.start();
    qint64 last = 0, worst = 0;
    QTimer tick;
    tick.setInterval(5);
    QObject::connect(&tick, &QTimer::timeout, &tick, [&] {
        const qint64 now = clock.elapsed();
        worst = qMax(worst, now - last);
        last = now;
    });
    tick.start();
    crossvirt::test::waitUntil([&] { return clock.elapsed() >= ms; }, ms + 1000);
    return qMax(worst, clock.elapsed() - last);
}

} // namespace

TEST(HostSession, LifecycleEventsUpdateTheInventoryWithoutARefresh)
{
    // test:///default is shared inside one process: a second, raw connection plays
    // another admin changing the host behind Crossvirt's back.
    HostSession session(u"test:///default"_s);
    session.open();
    ASSERT_TRUE(crossvirt::test::waitUntil([&] { return !session.domains().isEmpty(); }));
    const ConnectHandle other(virConnectOpen("test:///default"));
    ASSERT_NE(other, nullptr);
    const char *xml = "<domain type='test'><name>evented</name><memory>65536</memory>"
                      "<os><type arch='x86_64'>hvm</type></os></domain>";
    const DomainHandle owner(virDomainDefineXML(other.get(), xml));
    ASSERT_NE(owner, nullptr);
    virDomainPtr dom = owner.get();
    auto find = [&] {
        for (const auto &d : session.domains()) {
            if (d.name == u"evented"_s)
                return std::optional<DomainSummary>(d);
        }
        return std::optional<DomainSummary>();
    };
    EXPECT_TRUE(crossvirt::test::waitUntil([&] { return find().has_value(); }))
        << "a domain defined elsewhere appears through the lifecycle event";
    ASSERT_EQ(virDomainCreate(dom), 0);
    EXPECT_TRUE(crossvirt::test::waitUntil(
        [&] { return find() && find()->state == DomainState::Running; }));
    ASSERT_EQ(virDomainDestroy(dom), 0);
    EXPECT_TRUE(crossvirt::test::waitUntil(
        [&] { return find() && find()->state == DomainState::Shutoff; }));
    ASSERT_EQ(virDomainUndefine(dom), 0);
    EXPECT_TRUE(crossvirt::test::waitUntil([&] { return !find().has_value(); }));
}

TEST(HostSession, RefusedHostIsRetriedWithLibvirtsError)
{
    QTcpServer probe;
    ASSERT_TRUE(probe.listen(QHostAddress::LocalHost));
    const quint16 port = probe.serverPort();
    probe.close(); // nothing listens there now
    HostSession session(u"qemu+tcp://127.0.0.1:%1/system"_s.arg(port));
    QList<ConnectionState> states;
    QObject::connect(&session, &HostSession::stateChanged, &session,
                     [&](ConnectionState s) { states << s; });
    session.open();
    ASSERT_TRUE(
        crossvirt::test::waitUntil([&] { return session.state() == ConnectionState::Retrying; }));
    EXPECT_TRUE(session.lastError().contains(u"refused"_s, Qt::CaseInsensitive))
        << session.lastError().toStdString();
    EXPECT_EQ(session.retryInSeconds(), 1);
    EXPECT_TRUE(states.contains(ConnectionState::Connecting));
    // The next attempt comes by itself, and backs off.
    ASSERT_TRUE(crossvirt::test::waitUntil([&] { return session.retryInSeconds() == 2; }, 4000));
}

TEST(HostSession, HostThatNeverAnswersDoesNotFreezeTheGuiThread)
{
    // Accepts the TCP connection and never says a word, like a hung libvirtd.
    QTcpServer silent;
    ASSERT_TRUE(silent.listen(QHostAddress::LocalHost));
    QList<QTcpSocket *> accepted;
    QObject::connect(&silent, &QTcpServer::newConnection, &silent,
                     [&] { accepted << silent.nextPendingConnection(); });
    QElapsedTimer lifetime;
    lifetime.start();
    {
        HostSession session(u"qemu+tcp://127.0.0.1:%1/system"_s.arg(silent.serverPort()));
        session.open();
        const qint64 gap = longestEventLoopGap(1500);
        EXPECT_LT(gap, 100) << "the GUI thread stalled for " << gap << " ms while connecting";
        EXPECT_EQ(session.state(), ConnectionState::Connecting);
        EXPECT_FALSE(accepted.isEmpty()) << "the worker really reached the silent host";
        // Removing a host whose worker is stuck must not hang the window either.
        QElapsedTimer closing;
        closing.start();
        session.close();
        const qint64 gapWhileClosing = longestEventLoopGap(200);
        EXPECT_LT(gapWhileClosing, 100);
    } // ~HostSession abandons the stuck worker after a bounded wait
    EXPECT_LT(lifetime.elapsed(), 1500 + 200 + 3000);
    qDeleteAll(accepted); // the stuck open() now fails and its thread ends
}

TEST(HostSession, RequestsToAClosedHostFailClearly)
{
    HostSession session(u"test:///default"_s);
    auto f = session.domainDetails(u"00000000-0000-0000-0000-000000000000"_s);
    try {
        f.waitForFinished();
        FAIL() << "expected a failure";
    } catch (const LibvirtError &e) {
        EXPECT_EQ(e.message(), notConnectedText());
    }
}

TEST(HostSession, DomainsOfAHostShareTheirRepeatedStrings)
{
    // 10,000 VMs must not hold 10,000 copies of "x86_64" and of their machine type:
    // equal arch, machine and virt type strings point at one copy.
    HostSession session(u"test://"_s +
                        crossvirt::test::sourcePath(u"resources/demo/demo-x86_64.xml"_s));
    session.open();
    ASSERT_TRUE(crossvirt::test::waitUntil([&] { return !session.domains().isEmpty(); }));
    QList<DomainSummary> x86;
    for (const DomainSummary &d : session.domains()) {
        if (d.arch == u"x86_64"_s)
            x86 << d;
    }
    ASSERT_GE(x86.size(), 2);
    for (const DomainSummary &d : x86) {
        EXPECT_EQ(d.arch.constData(), x86.first().arch.constData());
        EXPECT_EQ(d.domainType.constData(), x86.first().domainType.constData());
        if (d.machine == x86.first().machine) {
            EXPECT_EQ(d.machine.constData(), x86.first().machine.constData());
        }
    }
}
