#include "models/transfer/VolumeCopy.h"

#include "models/connection/LibvirtError.h"
#include "models/provisioning/NameRules.h"
#include "models/storage/StorageTypes.h"
#include "models/transfer/TransferSupport.h"

#include <QThread>
#include <libvirt/virterror.h>

#include <vector>

namespace crossvirt::models {

using namespace Qt::StringLiterals;
using transfer::sizeText;
using transfer::TransferError;

/// Shared by the VolumeCopy (GUI thread) and its copy thread.
struct VolumeCopyShared : transfer::ReportTarget<VolumeCopy>
{
};

namespace transfer {

namespace {

constexpr size_t kChunk = 256 * 1024;
constexpr quint64 kZeroPiece = 1 << 20;

/// One copy on the calling thread.
class Copier
{
public:
    Copier(const CopyHost &from, const CopyHost &to, const VolumeCopyRequest &request,
           const CopyControl &control)
        : m_from(from), m_to(to), m_request(request), m_control(control)
    {
        m_context = VolumeCopy::tr("Could not copy “%1” of pool “%2” to “%3” in pool “%4”")
                        .arg(request.sourceVolume, request.sourcePool, request.targetVolume,
                             request.targetPool);
    }

    VolumeCopyResult run()
    {
        if (const QStringList problems = NameRules::volumeNameProblems(m_request.targetVolume);
            !problems.isEmpty())
            refuse(problems.first());
        const bool sameHost = m_from.conn == m_to.conn || m_from.uri == m_to.uri;

        const StoragePoolHandle sourcePool =
            activePool(m_from.conn, m_request.sourcePool, m_context);
        const StorageVolHandle source(virStorageVolLookupByName(
            sourcePool.get(), m_request.sourceVolume.toUtf8().constData()));
        if (!source) {
            const virError *err = virGetLastError();
            if (err && err->code == VIR_ERR_NO_STORAGE_VOL) {
                virResetLastError();
                refuse(VolumeCopy::tr("the pool “%1” has no volume “%2”")
                           .arg(m_request.sourcePool, m_request.sourceVolume));
            }
            throwLibvirt(TransferFailure::Invalid, m_context);
        }
        const std::optional<VolumeFacts> read = readVolumeFacts(source.get());
        if (!read)
            throwLibvirt(TransferFailure::HostFailed, m_context);
        const VolumeFacts &facts = *read;
        if (!sameHost && !facts.backingPath.isEmpty()) {
            refuse(VolumeCopy::tr("“%1” is an overlay on “%2”, which the other host does not "
                                  "have: its copy there would not start")
                       .arg(m_request.sourceVolume, facts.backingPath));
        }

        const StoragePoolHandle targetPool = activePool(m_to.conn, m_request.targetPool, m_context);
        virStoragePoolRefresh(targetPool.get(), 0); // current names and free space
        virResetLastError();
        if (StorageVolHandle existing(virStorageVolLookupByName(
                targetPool.get(), m_request.targetVolume.toUtf8().constData()));
            existing) {
            refuse(VolumeCopy::tr("the pool “%1” already has a volume named “%2”")
                       .arg(m_request.targetPool, m_request.targetVolume));
        }
        virResetLastError();
        virStoragePoolInfo poolInfo{};
        if (virStoragePoolGetInfo(targetPool.get(), &poolInfo) != 0)
            throwLibvirt(TransferFailure::HostFailed, m_context);
        if (facts.allocation > poolInfo.available) {
            refuse(VolumeCopy::tr("the copy needs %1 but the pool “%2” has only %3 free")
                       .arg(sizeText(facts.allocation), m_request.targetPool,
                            sizeText(poolInfo.available)));
        }
        if (cancelled())
            throw TransferError{TransferFailure::Cancelled, cancelledText()};

        QString xml = m_request.targetVolumeXml;
        if (xml.isEmpty()) {
            VolumeSpec spec;
            spec.pool = m_request.targetPool;
            spec.name = m_request.targetVolume;
            spec.format = facts.format.isEmpty() ? u"raw"_s : facts.format;
            spec.capacity = facts.capacity;
            xml = volumeXml(spec, facts.backingPath, facts.backingFormat);
        }
        const StorageVolHandle target(
            virStorageVolCreateXML(targetPool.get(), xml.toUtf8().constData(), 0));
        if (!target)
            throwLibvirt(TransferFailure::HostFailed, m_context);

        try {
            pipe(source.get(), target.get(), facts.physical);
        } catch (TransferError &e) {
            // Nothing half-made is left: the volume this copy created goes again.
            if (virStorageVolDelete(target.get(), 0) != 0) {
                const LibvirtError d = LibvirtError::fromLastError({});
                virResetLastError();
                e.message +=
                    u"\n"_s + VolumeCopy::tr("The new volume “%1” could not be removed: %2")
                                  .arg(m_request.targetVolume, d.message());
            }
            throw;
        }
        VolumeCopyResult r;
        r.pool = m_request.targetPool;
        r.volume = m_request.targetVolume;
        r.path = takeLibvirtString(virStorageVolGetPath(target.get()));
        virResetLastError();
        r.bytes = m_meter.position();
        r.dataBytes = m_meter.dataBytes();
        r.seconds = m_meter.seconds();
        return r;
    }

private:
    /// Aborts a stream that is still open when the copy stops half way.
    struct OpenStream
    {
        virStreamPtr stream;
        bool open = true;
        ~OpenStream()
        {
            if (open) {
                virStreamAbort(stream);
                virResetLastError();
            }
        }
        bool finish()
        {
            open = false;
            return virStreamFinish(stream) == 0;
        }
    };

    [[noreturn]] void refuse(const QString &problem)
    {
        throw TransferError{TransferFailure::Invalid, m_context + u": "_s + problem};
    }

    bool cancelled() const { return m_control.cancel && m_control.cancel->load(); }
    static QString cancelledText() { return VolumeCopy::tr("The copy was cancelled."); }

    void advance(quint64 n, bool data)
    {
        if (m_control.chunkDelayMs > 0)
            QThread::msleep(m_control.chunkDelayMs);
        if (const std::optional<TransferProgress> p = m_meter.advance(n, data);
            p && m_control.progress)
            m_control.progress(*p);
    }

    // After a failed stream call: cancelled, a lost host or libvirt's error.
    [[noreturn]] void streamFailure()
    {
        if (cancelled())
            throw TransferError{TransferFailure::Cancelled, cancelledText()};
        const LibvirtError e = LibvirtError::fromLastError(m_context);
        virResetLastError();
        for (const CopyHost *host : {&m_from, &m_to}) {
            if (virConnectIsAlive(host->conn) != 1) {
                throw TransferError{TransferFailure::HostFailed,
                                    VolumeTransfer::tr("%1: the connection to %2 was lost (%3)")
                                        .arg(m_context, host->uri, e.message())};
            }
        }
        throw TransferError{TransferFailure::HostFailed, e.text()};
    }

    void send(virStreamPtr out, const char *data, size_t length)
    {
        size_t done = 0;
        while (done < length) {
            const int n = virStreamSend(out, data + done, length - done);
            if (n < 0)
                streamFailure();
            done += size_t(n);
        }
    }

    // A hole of `length` bytes: a hole on a sparse upload, zeros on one that carries
    // every byte (a pool type without sparse streams).
    void sendHole(virStreamPtr out, bool sparseOut, quint64 length)
    {
        if (sparseOut) {
            if (virStreamSendHole(out, qint64(length), 0) != 0)
                streamFailure();
            advance(length, false);
            return;
        }
        static const std::vector<char> zeros(kZeroPiece, '\0');
        while (length > 0) {
            if (cancelled())
                streamFailure();
            const quint64 n = qMin(length, kZeroPiece);
            send(out, zeros.data(), size_t(n));
            advance(n, false);
            length -= n;
        }
    }

    void pipe(virStorageVolPtr source, virStorageVolPtr target, quint64 total)
    {
        StreamHandle in;
        const bool sparseIn = openVolumeStream(m_from.conn, source, false, 0, &in, m_context);
        OpenStream inOpen{in.get()};
        StreamHandle out;
        const bool sparseOut = openVolumeStream(m_to.conn, target, true, total, &out, m_context);
        OpenStream outOpen{out.get()};

        m_meter.start(total);
        std::vector<char> buffer(kChunk);
        for (;;) {
            if (cancelled())
                streamFailure();
            const int got = sparseIn ? virStreamRecvFlags(in.get(), buffer.data(), buffer.size(),
                                                          VIR_STREAM_RECV_STOP_AT_HOLE)
                                     : virStreamRecv(in.get(), buffer.data(), buffer.size());
            if (got == 0)
                break;
            if (got == -3) { // at a hole
                long long length = 0;
                if (virStreamRecvHole(in.get(), &length, 0) != 0)
                    streamFailure();
                sendHole(out.get(), sparseOut, quint64(length));
                continue;
            }
            if (got < 0)
                streamFailure();
            send(out.get(), buffer.data(), size_t(got));
            advance(quint64(got), true);
        }
        if (cancelled())
            streamFailure();
        if (!inOpen.finish() || !outOpen.finish())
            streamFailure();
    }

    CopyHost m_from;
    CopyHost m_to;
    VolumeCopyRequest m_request;
    CopyControl m_control;
    QString m_context;
    ProgressMeter m_meter;
};

} // namespace

VolumeCopyResult copyVolume(const CopyHost &from, const CopyHost &to,
                            const VolumeCopyRequest &request, const CopyControl &control)
{
    return Copier(from, to, request, control).run();
}

} // namespace transfer

VolumeCopy::VolumeCopy(HostSession *source, HostSession *target, QObject *parent)
    : QObject(parent), m_source(source), m_target(target)
{
    qRegisterMetaType<TransferProgress>();
    qRegisterMetaType<VolumeCopyResult>();
}

VolumeCopy::~VolumeCopy()
{
    if (m_shared)
        m_shared->detach();
}

void VolumeCopy::start(const VolumeCopyRequest &request)
{
    if (m_running)
        return;
    if (m_shared) // a previous run's thread no longer reaches this object
        m_shared->detach();
    m_shared = std::make_shared<VolumeCopyShared>();
    m_shared->target = this;
    m_running = true;

    const std::shared_ptr<VolumeCopyShared> shared = m_shared;
    const auto fail = [shared](TransferFailure kind, const QString &message) {
        shared->post([kind, message](VolumeCopy *c) {
            c->m_running = false;
            emit c->failed(kind, message);
        });
    };
    if (!m_source || !m_target) {
        fail(TransferFailure::HostFailed, notConnectedText());
        return;
    }
    const transfer::CopyHost from{nullptr, m_source->uri()};
    const transfer::CopyHost to{nullptr, m_target->uri()};
    const int delay = m_chunkDelayMs;
    transfer::runOnOwnThread(
        m_source, m_target,
        [shared, fail, from, to, request, delay](virConnectPtr a, virConnectPtr b) {
            transfer::CopyControl control;
            control.cancel = &shared->cancel;
            control.chunkDelayMs = delay;
            control.progress = [shared](const TransferProgress &p) {
                shared->post([p](VolumeCopy *c) { emit c->progress(p); });
            };
            try {
                const VolumeCopyResult result =
                    transfer::copyVolume({a, from.uri}, {b, to.uri}, request, control);
                shared->post([result](VolumeCopy *c) {
                    c->m_running = false;
                    emit c->finished(result);
                });
            } catch (const TransferError &e) {
                fail(e.kind, e.message);
            }
        },
        [fail](const QString &message) { fail(TransferFailure::HostFailed, message); });
}

void VolumeCopy::cancel()
{
    if (m_shared)
        m_shared->cancel = true;
}

} // namespace crossvirt::models
