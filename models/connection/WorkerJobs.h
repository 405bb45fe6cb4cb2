#pragma once

// Internal to models/: queues jobs that call libvirt on a host's worker thread. views/
// cannot include this header (it pulls in libvirt, which views/ is compiled without).

#include "models/connection/HostSession.h"
#include "models/connection/LibvirtHandles.h"

#include <QFuture>
#include <QPromise>
#include <functional>
#include <memory>
#include <type_traits>

namespace crossvirt::models {

/// The one door to HostSession's worker queue.
struct WorkerAccess
{
    static void post(HostSession *session, std::function<void(virConnectPtr)> fn)
    {
        session->post(std::move(fn));
    }
};

/// Runs `job(virConnectPtr)` on the session's worker thread with the open connection and
/// returns its result as a future. Throw LibvirtError from the job to fail it; a closed
/// connection fails it with "not connected".
template<typename Job>
auto runOnWorker(HostSession *session, Job job) -> QFuture<std::invoke_result_t<Job, virConnectPtr>>
{
    using Result = std::invoke_result_t<Job, virConnectPtr>;
    auto promise = std::make_shared<QPromise<Result>>();
    QFuture<Result> future = promise->future();
    promise->start();
    WorkerAccess::post(session, [promise, job = std::move(job),
                                 uri = session->uri()](virConnectPtr conn) mutable {
        try {
            if (!conn)
                throw LibvirtError(uri, notConnectedText());
            if constexpr (std::is_void_v<Result>)
                job(conn);
            else
                promise->addResult(job(conn));
        } catch (...) {
            promise->setException(std::current_exception());
        }
        promise->finish();
    });
    return future;
}

} // namespace crossvirt::models
