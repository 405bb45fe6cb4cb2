#pragma once

namespace crossvirt::models {

/// libvirt's default event loop on a thread of its own: delivers domain lifecycle
/// events, keepalives and close callbacks. Must run before the first connection
/// is opened; ensureRunning() is idempotent and thread-safe.
class LibvirtEventLoop
{
public:
    static void ensureRunning();
    /// True when the loop was registered successfully (events can be used).
    static bool isRunning();
};

} // namespace crossvirt::models
