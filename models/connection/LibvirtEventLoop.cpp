#include "models/connection/LibvirtEventLoop.h"

#include <QtGlobal>
#include <atomic>
#include <csignal>
#include <libvirt/libvirt.h>
#include <libvirt/virterror.h>
#include <mutex>
#include <thread>

namespace crossvirt::models {

namespace {
std::once_flag g_once;
std::atomic_bool g_running{false};

// libvirt prints every error to stderr by default; Crossvirt reports errors itself.
void quietErrorHandler(void *, virErrorPtr) {}
} // namespace

void LibvirtEventLoop::ensureRunning()
{
    std::call_once(g_once, [] {
        virInitialize();
        virSetErrorFunc(nullptr, quietErrorHandler);
        // A host that dies leaves libvirt writing to a closed socket; the default
        // SIGPIPE action would kill the whole application with it (virsh ignores it too).
        std::signal(SIGPIPE, SIG_IGN);
        if (virEventRegisterDefaultImpl() < 0) {
            qWarning("libvirt event loop could not be registered; falling back to polling");
            return;
        }
        // The loop thread lives as long as the process; it only waits in poll().
        std::thread([] {
            for (;;) {
                if (virEventRunDefaultImpl() < 0)
                    std::this_thread::sleep_for(std::chrono::milliseconds(100));
            }
        }).detach();
        g_running = true;
    });
}

bool LibvirtEventLoop::isRunning()
{
    return g_running;
}

} // namespace crossvirt::models
