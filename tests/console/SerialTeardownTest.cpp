// Closing a serial console never calls libvirt on the GUI thread: a dead remote host
// can block virStreamAbort for minutes, and the window must not freeze with it.
#include "models/connection/HostSession.h"
#include "models/connection/LibvirtHandles.h"
#include "models/console/SerialConsoleSession.h"
#include "models/console/SerialStream.h"

#include "common/TestSupport.h"

#include <QElapsedTimer>
#include <QSemaphore>
#include <QThread>
#include <gtest/gtest.h>
#include <thread>

namespace crossvirt::models {
struct SerialConsoleSessionTestAccess
{
    static std::shared_ptr<SerialStreamState> state(SerialConsoleSession &s) { return s.m_state; }
    static void markOpen(SerialConsoleSession &s) { s.m_open = true; }
};
} // namespace crossvirt::models

using namespace crossvirt::models;
using namespace Qt::StringLiterals;
using crossvirt::test::waitUntil;

namespace {

constexpr int kStuckMs = 3000;
constexpr int kAtOnceMs = 250;

// Plays a libvirt call hanging on a dead host: holds the stream's lock until released
// (or kStuckMs passed, so a regression fails instead of hanging the suite).
class StuckLibvirtCall
{
public:
    explicit StuckLibvirtCall(SerialStreamState &state)
    {
        QSemaphore holding;
        m_thread = std::thread([&state, &holding, this] {
            QMutexLocker lock(&state.streamMutex);
            holding.release();
            m_release.tryAcquire(1, kStuckMs);
        });
        holding.acquire();
    }
    ~StuckLibvirtCall()
    {
        release();
        m_thread.join();
    }
    void release() { m_release.release(); }

private:
    QSemaphore m_release;
    std::thread m_thread;
};

bool streamGone(SerialStreamState &state)
{
    QMutexLocker lock(&state.streamMutex);
    return !state.stream;
}

} // namespace

TEST(SerialConsoleTeardown, ConsoleOfADeletedHostClosesAtOnceAndFreesTheStreamLater)
{
    const ConnectHandle conn(virConnectOpen("test:///default"));
    ASSERT_TRUE(conn);
    auto host = std::make_unique<HostSession>(u"test:///default"_s);
    auto *console = new SerialConsoleSession(host.get(), u"6695eb01-f6a4-8304-79aa-97f2502e193f"_s);
    const std::shared_ptr<SerialStreamState> state =
        SerialConsoleSessionTestAccess::state(*console);
    state->stream.reset(virStreamNew(conn.get(), VIR_STREAM_NONBLOCK));
    ASSERT_TRUE(state->stream);
    SerialConsoleSessionTestAccess::markOpen(*console);

    host.reset(); // the host was removed while its console was open
    {
        StuckLibvirtCall stuck(*state);
        QElapsedTimer clock;
        clock.start();
        delete console;
        EXPECT_LT(clock.elapsed(), kAtOnceMs) << "tearing down the console waited for libvirt";
    }
    EXPECT_TRUE(waitUntil([&] { return streamGone(*state); }, 5000))
        << "the stream was never freed";
}

// Ends a fresh test:///default stream through endSerialStream(host) while a libvirt
// call holds it: the call must return at once and the stream be freed afterwards.
static void expectEndsWithoutWaiting(HostSession *host)
{
    const ConnectHandle conn(virConnectOpen("test:///default"));
    ASSERT_TRUE(conn);
    auto state = std::make_shared<SerialStreamState>();
    state->stream.reset(virStreamNew(conn.get(), VIR_STREAM_NONBLOCK));
    ASSERT_TRUE(state->stream);

    QFuture<void> done;
    {
        StuckLibvirtCall stuck(*state);
        QElapsedTimer clock;
        clock.start();
        done = endSerialStream(host, state);
        EXPECT_LT(clock.elapsed(), kAtOnceMs);
        EXPECT_FALSE(done.isFinished()) << "the stream cannot be ended while libvirt holds it";
    }
    EXPECT_TRUE(waitUntil([&] { return done.isFinished(); }, 5000));
    EXPECT_TRUE(streamGone(*state));
}

TEST(SerialConsoleTeardown, WithoutAHostTheStreamEndsOnAnotherThread)
{
    expectEndsWithoutWaiting(nullptr);
}

TEST(SerialConsoleTeardown, WhileTheHostLivesTheStreamEndsOnItsWorker)
{
    HostSession host(u"test:///default"_s);
    expectEndsWithoutWaiting(&host);
}
