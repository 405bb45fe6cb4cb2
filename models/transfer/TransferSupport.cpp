#include "models/transfer/TransferSupport.h"

#include "models/connection/LibvirtError.h"
#include "models/connection/WorkerJobs.h"

#include <QDomDocument>
#include <QLocale>
#include <libvirt/virterror.h>

#include <cstring>
#include <system_error>
#include <thread>

namespace crossvirt::models::transfer {

using namespace Qt::StringLiterals;

namespace {
constexpr qint64 kProgressIntervalMs = 100; // at most ten progress signals a second
constexpr qint64 kRateWindowMs = 3000;      // the rate is measured over the last 3 s
} // namespace

QString sizeText(quint64 bytes)
{
    return QLocale().formattedDataSize(qint64(bytes), 1, QLocale::DataSizeIecFormat);
}

QString errnoText(int error)
{
    return QString::fromLocal8Bit(std::strerror(error));
}

void throwLibvirt(TransferFailure kind, const QString &context)
{
    const LibvirtError e = LibvirtError::fromLastError(context);
    virResetLastError();
    throw TransferError{kind, e.text()};
}

bool isNotSupported()
{
    const virError *err = virGetLastError();
    return err && (err->code == VIR_ERR_NO_SUPPORT || err->code == VIR_ERR_ARGUMENT_UNSUPPORTED ||
                   err->code == VIR_ERR_INVALID_ARG || err->code == VIR_ERR_OPERATION_UNSUPPORTED);
}

StoragePoolHandle activePool(virConnectPtr conn, const QString &name, const QString &context)
{
    StoragePoolHandle p(virStoragePoolLookupByName(conn, name.toUtf8().constData()));
    if (!p)
        throwLibvirt(TransferFailure::Invalid, context);
    if (virStoragePoolIsActive(p.get()) != 1)
        throw TransferError{
            TransferFailure::Invalid,
            VolumeTransfer::tr("%1: the storage pool “%2” is not active").arg(context, name)};
    return p;
}

bool openVolumeStream(virConnectPtr conn, virStorageVolPtr vol, bool upload, quint64 length,
                      StreamHandle *stream, const QString &context)
{
    const auto open = [&](bool sparse) {
        stream->reset(virStreamNew(conn, 0));
        if (!*stream)
            return false;
        return upload ? virStorageVolUpload(vol, stream->get(), 0, length,
                                            sparse ? VIR_STORAGE_VOL_UPLOAD_SPARSE_STREAM : 0) == 0
                      : virStorageVolDownload(vol, stream->get(), 0, 0,
                                              sparse ? VIR_STORAGE_VOL_DOWNLOAD_SPARSE_STREAM
                                                     : 0) == 0;
    };
    if (open(true))
        return true;
    if (!*stream || !isNotSupported())
        throwLibvirt(TransferFailure::HostFailed, context);
    virResetLastError(); // a pool type without sparse streams: every byte goes through
    if (!open(false))
        throwLibvirt(TransferFailure::HostFailed, context);
    return false;
}

std::optional<VolumeFacts> readVolumeFacts(virStorageVolPtr vol)
{
    VolumeFacts v;
    virStorageVolInfo info{};
    if (virStorageVolGetInfo(vol, &info) != 0)
        return std::nullopt;
    v.capacity = info.capacity;
    v.allocation = info.allocation;
    v.physical = info.capacity;
    if (virStorageVolGetInfoFlags(vol, &info, VIR_STORAGE_VOL_GET_PHYSICAL) == 0)
        v.physical = info.allocation; // with the flag, the physical size
    virResetLastError();
    const QString xml = takeLibvirtString(virStorageVolGetXMLDesc(vol, 0));
    if (xml.isEmpty())
        return std::nullopt;
    QDomDocument doc;
    if (!doc.setContent(xml))
        return std::nullopt;
    const QDomElement root = doc.documentElement();
    v.format =
        root.firstChildElement(u"target"_s).firstChildElement(u"format"_s).attribute(u"type"_s);
    const QDomElement backing = root.firstChildElement(u"backingStore"_s);
    v.backingPath = backing.firstChildElement(u"path"_s).text().trimmed();
    v.backingFormat = backing.firstChildElement(u"format"_s).attribute(u"type"_s);
    return v;
}

// ---- ProgressMeter ------------------------------------------------------------------------

void ProgressMeter::start(quint64 total)
{
    m_total = total;
    m_position = 0;
    m_dataBytes = 0;
    m_lastReportMs = -kProgressIntervalMs;
    m_samples.clear();
    m_clock.start();
}

std::optional<TransferProgress> ProgressMeter::advance(quint64 n, bool data)
{
    m_position += n;
    if (data)
        m_dataBytes += n;
    const qint64 now = m_clock.elapsed();
    m_samples.emplace_back(now, m_position);
    while (m_samples.size() > 2 && now - m_samples.front().first > kRateWindowMs)
        m_samples.pop_front();
    if (now - m_lastReportMs < kProgressIntervalMs)
        return std::nullopt;
    m_lastReportMs = now;
    TransferProgress p;
    p.bytesDone = m_position;
    p.bytesTotal = m_total;
    const qint64 span = now - m_samples.front().first;
    if (span >= 200)
        p.bytesPerSecond = double(m_position - m_samples.front().second) * 1000.0 / double(span);
    else if (now > 0)
        p.bytesPerSecond = double(m_position) * 1000.0 / double(now);
    if (p.bytesPerSecond > 0 && m_total >= m_position)
        p.secondsLeft = int(double(m_total - m_position) / p.bytesPerSecond + 0.5);
    return p;
}

// ---- runOnOwnThread -----------------------------------------------------------------------

namespace {

/// Collects the connection references; the last worker to hand one over starts the thread.
/// Dropped by a worker that stopped before running its part (the host was closed), it
/// reports "not connected".
struct Launch
{
    std::function<void(virConnectPtr, virConnectPtr)> body;
    std::function<void(const QString &)> failed;
    QMutex mutex;
    int pending = 0;
    bool done = false; // started or failed
    ConnectHandle refs[2];

    ~Launch()
    {
        if (!done)
            failed(notConnectedText());
    }

    void fail(const QString &message)
    {
        {
            QMutexLocker lock(&mutex);
            if (done)
                return;
            done = true;
        }
        failed(message);
    }

    void arrive(int index, virConnectPtr conn)
    {
        if (!conn) {
            fail(notConnectedText());
            return;
        }
        virConnectRef(conn);
        ConnectHandle ref(conn);
        QMutexLocker lock(&mutex);
        if (done)
            return;
        refs[index] = std::move(ref);
        if (--pending > 0)
            return;
        done = true;
        auto first = std::make_shared<ConnectHandle>(std::move(refs[0]));
        auto second = std::make_shared<ConnectHandle>(std::move(refs[1]));
        try {
            std::thread([body = body, first, second] {
                body(first->get(), *second ? second->get() : first->get());
            }).detach();
        } catch (const std::system_error &) {
            lock.unlock();
            failed(VolumeTransfer::tr("Could not start a thread for the transfer."));
        }
    }
};

} // namespace

void runOnOwnThread(HostSession *first, HostSession *second,
                    std::function<void(virConnectPtr, virConnectPtr)> body,
                    std::function<void(const QString &)> failed)
{
    if (!first) {
        failed(notConnectedText());
        return;
    }
    const bool two = second && second != first;
    auto launch = std::make_shared<Launch>();
    launch->body = std::move(body);
    launch->failed = std::move(failed);
    launch->pending = two ? 2 : 1;
    WorkerAccess::post(first, [launch](virConnectPtr conn) { launch->arrive(0, conn); });
    if (two)
        WorkerAccess::post(second, [launch](virConnectPtr conn) { launch->arrive(1, conn); });
}

} // namespace crossvirt::models::transfer
