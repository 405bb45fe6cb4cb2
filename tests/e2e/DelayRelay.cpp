#include "e2e/DelayRelay.h"

#include <QByteArray>

#include <arpa/inet.h>
#include <cerrno>
#include <chrono>
#include <condition_variable>
#include <cstring>
#include <deque>
#include <fcntl.h>
#include <mutex>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <random>
#include <sys/socket.h>
#include <thread>
#include <unistd.h>
#include <vector>

using namespace Qt::StringLiterals;

namespace crossvirt::test::e2e {

namespace {
using Clock = std::chrono::steady_clock;

struct Chunk
{
    Clock::time_point due;
    QByteArray data; // empty: end of stream
};

// One direction of one connection: a reader that stamps chunks and a writer that sends
// each when it is due.
struct Direction
{
    std::mutex mutex;
    std::condition_variable cv;
    std::deque<Chunk> queue;
    bool stopped = false;
};

void closeFd(int &fd)
{
    if (fd >= 0)
        ::close(fd);
    fd = -1;
}

bool writeAll(int fd, const QByteArray &data)
{
    qsizetype done = 0;
    while (done < data.size()) {
        const ssize_t n =
            ::send(fd, data.constData() + done, size_t(data.size() - done), MSG_NOSIGNAL);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return false;
        done += n;
    }
    return true;
}
} // namespace

struct DelayRelay::State
{
    std::mutex mutex;
    std::thread acceptor;
    std::vector<std::thread> threads; // the pumps
    std::vector<int> sockets;
    std::vector<std::shared_ptr<Direction>> directions;
    std::mt19937 random;
    std::atomic<int> stalls{0};
    std::atomic<bool> stopping{false};
    int listenFd = -1;
    int wakeRead = -1, wakeWrite = -1;
};

DelayRelay::DelayRelay(Options options) : m_options(std::move(options)) {}

DelayRelay::~DelayRelay()
{
    stop();
}

int DelayRelay::stalls() const
{
    return m_state ? m_state->stalls.load() : 0;
}

bool DelayRelay::start()
{
    auto state = std::make_shared<State>();
    state->random.seed(m_options.seed);
    state->listenFd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t len = sizeof addr;
    int pipeFds[2];
    if (state->listenFd < 0 || ::bind(state->listenFd, reinterpret_cast<sockaddr *>(&addr), len) ||
        ::listen(state->listenFd, 16) ||
        ::getsockname(state->listenFd, reinterpret_cast<sockaddr *>(&addr), &len) ||
        ::pipe2(pipeFds, O_CLOEXEC)) {
        m_error =
            u"relay: cannot listen on 127.0.0.1: %1"_s.arg(QString::fromLocal8Bit(strerror(errno)));
        closeFd(state->listenFd);
        return false;
    }
    state->wakeRead = pipeFds[0];
    state->wakeWrite = pipeFds[1];
    m_port = ntohs(addr.sin_port);
    m_state = state;

    const Options opt = m_options;
    std::atomic<int> *connections = &m_connections;
    auto pump = [state, opt](int from, int to, std::shared_ptr<Direction> dir) {
        // Reader: stamps each chunk with when it may go on.
        std::thread writer([state, to, dir] {
            for (;;) {
                std::unique_lock lock(dir->mutex);
                dir->cv.wait(lock, [&] { return dir->stopped || !dir->queue.empty(); });
                if (dir->stopped)
                    return;
                const Clock::time_point due = dir->queue.front().due;
                if (dir->cv.wait_until(lock, due, [&] { return dir->stopped; }))
                    return;
                Chunk chunk = std::move(dir->queue.front());
                dir->queue.pop_front();
                lock.unlock();
                if (chunk.data.isEmpty()) {
                    ::shutdown(to, SHUT_WR);
                    return;
                }
                if (!writeAll(to, chunk.data))
                    return;
            }
        });
        Clock::time_point last = Clock::now();
        char buffer[65536];
        for (;;) {
            const ssize_t n = ::recv(from, buffer, sizeof buffer, 0);
            if (n < 0 && errno == EINTR)
                continue;
            Chunk chunk;
            chunk.due = Clock::now() + std::chrono::milliseconds(opt.delayMs);
            if (n > 0 && opt.stallOneIn > 0) {
                std::lock_guard lock(state->mutex);
                if (state->random() % unsigned(opt.stallOneIn) == 0) {
                    chunk.due += std::chrono::milliseconds(opt.stallMs);
                    ++state->stalls;
                }
            }
            chunk.due = std::max(chunk.due, last); // in order, as TCP delivers
            last = chunk.due;
            if (n > 0)
                chunk.data = QByteArray(buffer, n);
            {
                std::lock_guard lock(dir->mutex);
                dir->queue.push_back(std::move(chunk));
            }
            dir->cv.notify_all();
            if (n <= 0)
                break;
        }
        writer.join();
    };

    state->acceptor = std::thread([state, opt, pump, connections] {
        for (;;) {
            pollfd fds[2] = {{state->listenFd, POLLIN, 0}, {state->wakeRead, POLLIN, 0}};
            if (::poll(fds, 2, -1) < 0 && errno != EINTR)
                return;
            if (state->stopping || (fds[1].revents & POLLIN))
                return;
            if (!(fds[0].revents & POLLIN))
                continue;
            const int client = ::accept4(state->listenFd, nullptr, nullptr, SOCK_CLOEXEC);
            if (client < 0)
                continue;
            const int server = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
            sockaddr_in target{};
            target.sin_family = AF_INET;
            target.sin_port = htons(opt.targetPort);
            ::inet_pton(AF_INET, opt.targetAddress.toLatin1().constData(), &target.sin_addr);
            if (server < 0 ||
                ::connect(server, reinterpret_cast<sockaddr *>(&target), sizeof target) != 0) {
                if (server >= 0)
                    ::close(server);
                ::close(client); // the client sees the host refuse, as it would directly
                continue;
            }
            const int one = 1;
            ::setsockopt(client, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
            ::setsockopt(server, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
            ++*connections;
            auto up = std::make_shared<Direction>();
            auto down = std::make_shared<Direction>();
            std::lock_guard lock(state->mutex);
            if (state->stopping) {
                ::close(client);
                ::close(server);
                return;
            }
            state->sockets.push_back(client);
            state->sockets.push_back(server);
            state->directions.push_back(up);
            state->directions.push_back(down);
            state->threads.emplace_back(pump, client, server, up);
            state->threads.emplace_back(pump, server, client, down);
        }
    });
    return true;
}

void DelayRelay::stop()
{
    if (!m_state)
        return;
    std::shared_ptr<State> state = std::move(m_state);
    std::vector<std::thread> threads;
    {
        std::lock_guard lock(state->mutex);
        state->stopping = true;
        for (int fd : state->sockets)
            ::shutdown(fd, SHUT_RDWR); // readers see the end
        for (const auto &dir : state->directions) {
            std::lock_guard dirLock(dir->mutex);
            dir->stopped = true;
            dir->cv.notify_all();
        }
    }
    const char wake = 1;
    [[maybe_unused]] const ssize_t w = ::write(state->wakeWrite, &wake, 1);
    // The acceptor may still add threads until it sees `stopping`: join it first.
    state->acceptor.join();
    {
        std::lock_guard lock(state->mutex);
        threads = std::move(state->threads);
    }
    for (std::thread &t : threads)
        t.join();
    for (int &fd : state->sockets)
        closeFd(fd);
    closeFd(state->listenFd);
    closeFd(state->wakeRead);
    closeFd(state->wakeWrite);
}

} // namespace crossvirt::test::e2e
