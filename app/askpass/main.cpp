// crossvirt-askpass: the SSH_ASKPASS program of the ssh that Crossvirt starts (libvirt's
// qemu+ssh, SSH tunnels). ssh runs it with a prompt; it asks the Crossvirt that started
// that ssh (the socket named after ssh's parent, see AskpassProtocol.h), prints the answer
// for ssh, and exits. When the user cancels it stops its ssh, so ssh gives up at once
// instead of sending an empty password and asking again. Plain C++: it holds no secret
// longer than it takes to pass it on.

#include "models/connection/AskpassProtocol.h"

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <string>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

namespace {

long parentOf(long pid)
{
    std::ifstream stat("/proc/" + std::to_string(pid) + "/stat");
    std::string text((std::istreambuf_iterator<char>(stat)), std::istreambuf_iterator<char>());
    const auto close = text.rfind(')');
    if (close == std::string::npos || close + 4 > text.size())
        return 0;
    // ") S 1234 ..."
    return std::strtol(text.c_str() + close + 4, nullptr, 10);
}

int fail(const char *message)
{
    std::fprintf(stderr, "crossvirt-askpass: %s\n", message);
    return 1;
}

} // namespace

int main(int argc, char **argv)
{
    const std::string prompt = argc > 1 ? argv[1] : "Password:";
    const long ssh = ::getppid();
    const long crossvirt = parentOf(ssh);
    if (crossvirt <= 1)
        return fail("cannot find the process that started ssh");
    const std::string dir = crossvirt::askpass::socketDirectory();
    if (!crossvirt::askpass::isPrivateDirectory(dir))
        return fail("the socket folder is missing or not private");
    const std::string path = crossvirt::askpass::socketPath(crossvirt);
    sockaddr_un addr{};
    addr.sun_family = AF_UNIX;
    if (path.size() >= sizeof(addr.sun_path))
        return fail("socket path too long");
    std::memcpy(addr.sun_path, path.c_str(), path.size() + 1);
    const int fd = ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0 || ::connect(fd, reinterpret_cast<sockaddr *>(&addr), sizeof(addr)) != 0)
        return fail("Crossvirt is not listening for this ssh (was it started by Crossvirt?)");
    const std::string request = prompt + '\0';
    if (::send(fd, request.data(), request.size(), MSG_NOSIGNAL) != ssize_t(request.size()))
        return fail("cannot send the prompt");
    std::string reply;
    char buffer[4096];
    for (;;) {
        const ssize_t n = ::read(fd, buffer, sizeof(buffer));
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            break;
        reply.append(buffer, size_t(n));
    }
    ::close(fd);
    if (reply.rfind("OK\n", 0) == 0) {
        const std::string answer = reply.substr(3) + '\n';
        std::fwrite(answer.data(), 1, answer.size(), stdout);
        std::fflush(stdout);
        std::fill(reply.begin(), reply.end(), '\0');
        return 0;
    }
    const std::string reason = reply.rfind("CANCEL\n", 0) == 0 ? reply.substr(7) : "no answer";
    std::fprintf(stderr, "crossvirt-askpass: %s\n", reason.c_str());
    ::kill(pid_t(ssh), SIGTERM); // ssh would otherwise try an empty password, then ask again
    return 1;
}
