#include "models/console/SerialStream.h"

#include "models/connection/WorkerJobs.h"

#include <QLoggingCategory>
#include <QPromise>
#include <libvirt/virterror.h>
#include <system_error>
#include <thread>

namespace crossvirt::models {

namespace {

Q_LOGGING_CATEGORY(lcSerial, "crossvirt.serial", QtInfoMsg)

// Runs `job` on a thread of its own that nobody waits for.
template<typename Job> bool runDetached(Job job)
{
    try {
        std::thread(std::move(job)).detach();
        return true;
    } catch (const std::system_error &) {
        return false;
    }
}

} // namespace

SerialStreamState::~SerialStreamState()
{
    if (stream)
        abortStreamInBackground(std::move(stream));
}

void SerialStreamState::shutDownStream(bool abort)
{
    if (!stream)
        return;
    virStreamEventRemoveCallback(stream.get());
    if (abort)
        virStreamAbort(stream.get());
    else
        virStreamFinish(stream.get());
    virResetLastError();
    stream.reset();
}

void abortStreamInBackground(StreamHandle stream)
{
    if (!stream)
        return;
    virStream *raw = stream.release();
    const bool started = runDetached([raw] {
        StreamHandle owned(raw);
        virStreamEventRemoveCallback(raw);
        virStreamAbort(raw);
        virResetLastError();
    });
    // Without a thread the stream is leaked: better than freezing the window.
    if (!started)
        qCWarning(lcSerial) << "could not start a thread to close a console stream";
}

QFuture<void> endSerialStream(HostSession *session, std::shared_ptr<SerialStreamState> state)
{
    auto promise = std::make_shared<QPromise<void>>();
    QFuture<void> future = promise->future();
    promise->start();
    auto job = [state, promise](auto &&...) {
        {
            QMutexLocker lock(&state->streamMutex);
            state->shutDownStream(true);
        }
        promise->finish();
    };
    if (session) {
        // Also runs when the worker lost its connection (then conn is null). Should the
        // worker stop before running it, ~SerialStreamState hands the stream on.
        WorkerAccess::post(session, job);
    } else if (!runDetached(job)) {
        promise->finish();
    }
    return future;
}

} // namespace crossvirt::models
