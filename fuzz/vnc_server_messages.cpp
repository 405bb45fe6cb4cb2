// libFuzzer target: a fake VNC server whose every byte is the fuzzer's input, talking to
// the real client code: VncProtocolRun (the VNC console's protocol loop: handshake with
// Crossvirt's security choice, framebuffer allocation, LibVNCClient's
// HandleRFBServerMessage with our callbacks, failure classification) over a socketpair.
// The input is what the server sends from its first byte ("RFB 003.008\n"), so seeds are
// whole sessions recorded from a real QEMU (fuzz/record-qemu-vnc.py).
//
// One thread: the server's bytes go into the socket before the client starts, then the
// server half-closes, so the client never waits and runs to the end of the stream (or
// its first refusal); the client's own messages pile up unread in the server's end,
// which is closed afterwards. Nothing outlives an input: no thread, no descriptor.
#include "models/console/VncEndpoint.h"
#include "models/console/VncProtocolRun.h"

#include <cerrno>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <sys/socket.h>
#include <unistd.h>

using namespace crossvirt::models;

namespace {

// What the client writes (update requests, one per update it gets) stays in the socket
// unread: its buffer must hold all of it, or the single thread would block on a write.
// As root SO_SNDBUFFORCE lifts the sysctl limit; otherwise the inputs stay small enough
// (scripts/fuzz.sh runs this target with -max_len=65536).
constexpr int ClientSendBuffer = 64 << 20;

void setBuffer(int fd, int option, int bytes)
{
    if (::setsockopt(fd, SOL_SOCKET, option, &bytes, sizeof bytes) != 0 && option == SO_SNDBUFFORCE)
        ::setsockopt(fd, SOL_SOCKET, SO_SNDBUF, &bytes, sizeof bytes);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    int fds[2];
    if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, fds) != 0)
        std::abort();
    const int client = fds[0];
    const int server = fds[1];
    setBuffer(server, SO_SNDBUFFORCE, int(size) * 2 + 65536);
    setBuffer(client, SO_SNDBUFFORCE, ClientSendBuffer);

    size_t sent = 0;
    while (sent < size) {
        const ssize_t n = ::send(server, data + sent, size - sent, MSG_NOSIGNAL | MSG_DONTWAIT);
        if (n <= 0) {
            if (n < 0 && errno == EINTR)
                continue;
            break; // the rest does not fit: the server "sent" a prefix
        }
        sent += size_t(n);
    }
    ::shutdown(server, SHUT_WR);

    {
        // No password known and none asked for: a server that wants one is refused, as
        // a console without a password dialog would. The stall timeout only matters if
        // something waited, which nothing here does.
        auto run = std::make_shared<VncProtocolRun>(
            VncEndpoint::socket(client, QStringLiteral("fuzz")), /*askForPassword=*/false,
            /*stallTimeoutMs=*/2000, /*owner=*/nullptr);
        const VncFailureReport outcome = run->runOnCallingThread();
        // The stream always ends, so the console always closes, and the user is told why.
        if (outcome.failure == VncSession::Failure::None || outcome.message.isEmpty())
            std::abort();
        (void)run->takeFrame();
    }
    ::close(server);
    return 0;
}
