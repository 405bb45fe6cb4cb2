#pragma once

// Internal to models/: what the stream jobs share (VolumeTransfer, VolumeCopy, VmCloner):
// a thread of their own holding their own connection references, progress at most ten
// times a second, the way results reach a QObject that may be gone, and the volume copy
// itself for jobs that run it inline on their own thread (VmCloner). Worker-thread code.

#include "models/connection/HostSession.h"
#include "models/connection/LibvirtHandles.h"
#include "models/transfer/VolumeCopy.h"
#include "models/transfer/VolumeTransfer.h"

#include <QElapsedTimer>
#include <QMetaObject>
#include <QMutex>
#include <QMutexLocker>

#include <atomic>
#include <deque>
#include <functional>
#include <optional>
#include <utility>

namespace crossvirt::models::transfer {

/// "120 MiB" (IEC units, one decimal).
QString sizeText(quint64 bytes);
/// strerror() as a QString.
QString errnoText(int error);

/// A transfer that stopped: why, and the whole message (context included).
struct TransferError
{
    TransferFailure kind;
    QString message;
};

/// Throws TransferError{kind, libvirt's last error under `context`}.
[[noreturn]] void throwLibvirt(TransferFailure kind, const QString &context);
/// libvirt refused a flag or call as unsupported (a pool type without sparse streams).
bool isNotSupported();
/// The active pool `name` on `conn`; Invalid when it is missing or inactive.
StoragePoolHandle activePool(virConnectPtr conn, const QString &name, const QString &context);
/// A new stream on `conn` for the download of all of `vol` (`upload` false) or the upload
/// of `length` bytes into it, sparse when the pool type can (returns true), else carrying
/// every byte (false). Throws HostFailed.
bool openVolumeStream(virConnectPtr conn, virStorageVolPtr vol, bool upload, quint64 length,
                      StreamHandle *stream, const QString &context);

/// What a copy needs to know of a volume.
struct VolumeFacts
{
    QString format; ///< qcow2, raw, iso ("" when libvirt does not say)
    quint64 capacity = 0;
    quint64 allocation = 0; ///< bytes in use on the host (what a target pool must have)
    quint64 physical = 0;   ///< the file's length: what a download stream carries
    QString backingPath;    ///< a qcow2 overlay's backing file ("" for none)
    QString backingFormat;
};
/// Reads them; nullopt with libvirt's last error set when it cannot.
std::optional<VolumeFacts> readVolumeFacts(virStorageVolPtr vol);

/// Position, the rate over the last seconds and a progress value at most ten times a
/// second (the GUI thread is not flooded by a fast local copy).
class ProgressMeter
{
public:
    void start(quint64 total);
    /// `n` more bytes done (`data`: they went through the stream, not a hole). A value to
    /// report when the last one is at least 100 ms old.
    std::optional<TransferProgress> advance(quint64 n, bool data);
    quint64 position() const { return m_position; }
    quint64 dataBytes() const { return m_dataBytes; }
    quint64 total() const { return m_total; }
    double seconds() const { return double(m_clock.elapsed()) / 1000.0; }

private:
    QElapsedTimer m_clock;
    quint64 m_total = 0;
    quint64 m_position = 0;
    quint64 m_dataBytes = 0;
    qint64 m_lastReportMs = -1000;
    std::deque<std::pair<qint64, quint64>> m_samples;
};

/// Shared by a job's QObject (GUI thread) and its thread: the cancel flag, and signals
/// posted to the object unless it is gone by then.
template<typename Target> struct ReportTarget
{
    std::atomic_bool cancel{false};
    QMutex mutex; // guards target only
    Target *target = nullptr;

    /// Runs `fn(target)` on the target's thread, unless the target is gone by then.
    template<typename Fn> void post(Fn fn)
    {
        QMutexLocker lock(&mutex);
        if (target)
            QMetaObject::invokeMethod(
                target, [t = target, fn = std::move(fn)] { fn(t); }, Qt::QueuedConnection);
    }
    /// The object goes away: nothing reaches it any more and the job stops.
    void detach()
    {
        QMutexLocker lock(&mutex);
        target = nullptr;
        cancel = true;
    }
};

/// Takes a connection reference from the worker of `first` and of `second` (one when both
/// are the same session, or `second` is null), then runs `body(firstConn, secondConn)` on a
/// thread of its own: the workers go back to their hosts' other requests at once, so
/// inventories keep updating during a long job. `failed` runs instead (on any thread) when
/// a host is not connected, a worker dropped the request (its host was closed) or no
/// thread could be started.
void runOnOwnThread(HostSession *first, HostSession *second,
                    std::function<void(virConnectPtr, virConnectPtr)> body,
                    std::function<void(const QString &)> failed);

/// How an inline volume copy is watched: cancel, the test delay, progress (on the thread).
struct CopyControl
{
    const std::atomic_bool *cancel = nullptr;
    int chunkDelayMs = 0;
    std::function<void(const TransferProgress &)> progress;
};

/// One end of a copy: a connection and its host's URI (for messages).
struct CopyHost
{
    virConnectPtr conn = nullptr;
    QString uri;
};

/// VolumeCopy's work on the calling thread: checks, creates the target volume, pipes the
/// source's download stream into its upload stream (holes as holes), deletes the new volume
/// again on cancel or failure. Throws TransferError.
VolumeCopyResult copyVolume(const CopyHost &from, const CopyHost &to,
                            const VolumeCopyRequest &request, const CopyControl &control);

} // namespace crossvirt::models::transfer
