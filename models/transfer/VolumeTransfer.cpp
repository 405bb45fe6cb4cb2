#include "models/transfer/VolumeTransfer.h"

#include "models/connection/WorkerJobs.h"
#include "models/provisioning/NameRules.h"
#include "models/transfer/TransferSupport.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QThread>
#include <QXmlStreamWriter>
#include <libvirt/virterror.h>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace crossvirt::models {

using namespace Qt::StringLiterals;
using transfer::errnoText;
using transfer::sizeText;
using transfer::TransferError;

namespace {

constexpr quint64 kSector = 512;

// A zeroed buffer to hash the holes of a sparse file with.
const QByteArray &zeros()
{
    static const QByteArray z(1 << 20, '\0');
    return z;
}

void hashZeros(QCryptographicHash *hash, quint64 length)
{
    while (length > 0) {
        const quint64 n = qMin<quint64>(length, quint64(zeros().size()));
        hash->addData(QByteArrayView(zeros().constData(), qsizetype(n)));
        length -= n;
    }
}

// A qcow2 image's virtual size (big-endian at offset 24), 0 when it is not qcow2.
quint64 qcow2VirtualSize(int fd)
{
    unsigned char header[32];
    if (pread(fd, header, sizeof header, 0) != ssize_t(sizeof header))
        return 0;
    if (std::memcmp(header, "QFI\xfb", 4) != 0)
        return 0;
    quint64 size = 0;
    for (int i = 24; i < 32; ++i)
        size = (size << 8) | header[i];
    return size;
}

} // namespace

QString TransferProgress::text() const
{
    QString s = bytesTotal > 0
                    ? VolumeTransfer::tr("%1 of %2").arg(sizeText(bytesDone), sizeText(bytesTotal))
                    : sizeText(bytesDone);
    if (bytesPerSecond > 0)
        s += VolumeTransfer::tr(" · %1/s").arg(sizeText(quint64(bytesPerSecond)));
    if (secondsLeft >= 0) {
        if (secondsLeft >= 3600)
            s += VolumeTransfer::tr(" · %1 h %2 min left")
                     .arg(secondsLeft / 3600)
                     .arg((secondsLeft % 3600) / 60);
        else if (secondsLeft >= 60)
            s += VolumeTransfer::tr(" · %1 min %2 s left")
                     .arg(secondsLeft / 60)
                     .arg(secondsLeft % 60);
        else
            s += VolumeTransfer::tr(" · %1 s left").arg(secondsLeft);
    }
    return s;
}

/// Shared by the VolumeTransfer (GUI thread) and its transfer thread.
struct TransferShared : transfer::ReportTarget<VolumeTransfer>
{
};

/// One transfer's work on its own thread.
struct TransferJob
{
    bool upload = true;
    UploadRequest up;
    DownloadRequest down;
    QString uri;
    std::shared_ptr<TransferShared> shared;
    int chunkDelayMs = 0;

    // Running state, touched by the stream callbacks.
    virConnectPtr conn = nullptr;
    int fd = -1;
    quint64 total = 0;
    transfer::ProgressMeter meter;
    std::unique_ptr<QCryptographicHash> hash;
    QString localError;

    ~TransferJob()
    {
        if (fd >= 0)
            ::close(fd);
    }

    void fail(TransferFailure kind, const QString &message)
    {
        shared->post([kind, message](VolumeTransfer *t) { t->deliverFailure(kind, message); });
    }

    QString hostName() const { return uri; }

    void run(virConnectPtr c)
    {
        conn = c;
        try {
            const TransferResult result = upload ? runUpload() : runDownload();
            shared->post([result](VolumeTransfer *t) { t->deliverResult(result); });
        } catch (const TransferError &e) {
            fail(e.kind, e.message);
        }
    }

    // ---- progress ------------------------------------------------------------------

    void advance(quint64 n, bool data)
    {
        if (chunkDelayMs > 0)
            QThread::msleep(chunkDelayMs);
        if (const std::optional<TransferProgress> p = meter.advance(n, data))
            shared->post([p = *p](VolumeTransfer *t) { emit t->progress(p); });
    }

    bool cancelled() const { return shared->cancel.load(); }

    // A hole of `length` bytes went by. Hashing it (as zeros) takes a while for a large
    // hole, so progress and cancel are looked at every few MiB. False when cancelled.
    bool skipped(quint64 length)
    {
        if (!hash) {
            advance(length, false);
            return true;
        }
        constexpr quint64 kPiece = 8 << 20;
        while (length > 0) {
            if (cancelled())
                return false;
            const quint64 n = qMin(length, kPiece);
            hashZeros(hash.get(), n);
            advance(n, false);
            length -= n;
        }
        return true;
    }

    // ---- upload callbacks ------------------------------------------------------------

    static int source(virStreamPtr, char *data, size_t nbytes, void *opaque)
    {
        auto *job = static_cast<TransferJob *>(opaque);
        if (job->cancelled())
            return -1;
        ssize_t got;
        do {
            got = ::read(job->fd, data, nbytes);
        } while (got < 0 && errno == EINTR);
        if (got < 0) {
            job->localError =
                VolumeTransfer::tr("Cannot read “%1”: %2").arg(job->up.localFile, errnoText(errno));
            return -1;
        }
        if (job->hash)
            job->hash->addData(QByteArrayView(data, qsizetype(got)));
        if (got > 0)
            job->advance(quint64(got), true);
        return int(got);
    }

    // Where the next data or hole section starts, as SEEK_DATA / SEEK_HOLE say.
    static int sourceHole(virStreamPtr, int *inData, long long *length, void *opaque)
    {
        auto *job = static_cast<TransferJob *>(opaque);
        if (job->cancelled())
            return -1;
        const off_t cur = lseek(job->fd, 0, SEEK_CUR);
        const off_t end = off_t(job->total);
        if (cur < 0)
            return -1;
        if (cur >= end) {
            *inData = 0;
            *length = 0;
            return 0;
        }
        const off_t data = lseek(job->fd, cur, SEEK_DATA);
        if (data < 0 && errno == ENXIO) { // a hole up to the end
            *inData = 0;
            *length = end - cur;
        } else if (data < 0) { // no SEEK_DATA here: all data
            *inData = 1;
            *length = end - cur;
        } else if (data > cur) {
            *inData = 0;
            *length = data - cur;
        } else {
            off_t hole = lseek(job->fd, cur, SEEK_HOLE);
            if (hole < 0 || hole > end)
                hole = end;
            *inData = 1;
            *length = hole - cur;
        }
        if (lseek(job->fd, cur, SEEK_SET) < 0)
            return -1;
        return 0;
    }

    static int sourceSkip(virStreamPtr, long long length, void *opaque)
    {
        auto *job = static_cast<TransferJob *>(opaque);
        if (job->cancelled())
            return -1;
        if (lseek(job->fd, off_t(length), SEEK_CUR) < 0)
            return -1;
        return job->skipped(quint64(length)) ? 0 : -1;
    }

    // ---- download callbacks ----------------------------------------------------------

    static int sink(virStreamPtr, const char *data, size_t nbytes, void *opaque)
    {
        auto *job = static_cast<TransferJob *>(opaque);
        if (job->cancelled())
            return -1;
        size_t done = 0;
        while (done < nbytes) {
            const ssize_t n = ::write(job->fd, data + done, nbytes - done);
            if (n < 0 && errno == EINTR)
                continue;
            if (n < 0) {
                job->localError = VolumeTransfer::tr("Cannot write “%1”: %2")
                                      .arg(job->down.localFile, errnoText(errno));
                return -1;
            }
            done += size_t(n);
        }
        if (job->hash)
            job->hash->addData(QByteArrayView(data, qsizetype(nbytes)));
        job->advance(nbytes, true);
        return int(nbytes);
    }

    static int sinkHole(virStreamPtr, long long length, void *opaque)
    {
        auto *job = static_cast<TransferJob *>(opaque);
        if (job->cancelled())
            return -1;
        // Skipping leaves a hole; the final ftruncate() gives a trailing hole its size.
        if (lseek(job->fd, off_t(length), SEEK_CUR) < 0) {
            job->localError = VolumeTransfer::tr("Cannot write “%1”: %2")
                                  .arg(job->down.localFile, errnoText(errno));
            return -1;
        }
        return job->skipped(quint64(length)) ? 0 : -1;
    }

    // ---- the two transfers -----------------------------------------------------------

    [[noreturn]] static void throwLibvirt(TransferFailure kind, const QString &context)
    {
        transfer::throwLibvirt(kind, context);
    }

    // After a failed stream: cancelled, a local I/O error, a lost host or libvirt's error.
    [[noreturn]] void throwStreamFailure(const QString &context, bool isUpload)
    {
        if (cancelled())
            throw TransferError{TransferFailure::Cancelled,
                                isUpload ? VolumeTransfer::tr("The upload was cancelled.")
                                         : VolumeTransfer::tr("The download was cancelled.")};
        if (!localError.isEmpty())
            throw TransferError{TransferFailure::LocalFailed, context + u": "_s + localError};
        const LibvirtError e = LibvirtError::fromLastError(context);
        virResetLastError();
        if (virConnectIsAlive(conn) != 1) {
            throw TransferError{TransferFailure::HostFailed,
                                VolumeTransfer::tr("%1: the connection to %2 was lost (%3)")
                                    .arg(context, uri, e.message())};
        }
        throw TransferError{TransferFailure::HostFailed, e.text()};
    }

    StoragePoolHandle activePool(const QString &pool, const QString &context)
    {
        return transfer::activePool(conn, pool, context);
    }

    TransferResult runUpload()
    {
        const QString context = VolumeTransfer::tr("Could not upload “%1” to “%2” in pool “%3”")
                                    .arg(up.localFile, up.volume, up.pool);
        if (const QString problem = VolumeTransfer::checkUploadLocally(up); !problem.isEmpty())
            throw TransferError{TransferFailure::Invalid, context + u": "_s + problem};
        fd = ::open(QFile::encodeName(up.localFile).constData(), O_RDONLY | O_CLOEXEC);
        if (fd < 0)
            throw TransferError{
                TransferFailure::Invalid,
                context + u": "_s +
                    VolumeTransfer::tr("cannot read the file (%1)").arg(errnoText(errno))};
        struct stat st
        {
        };
        if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode))
            throw TransferError{TransferFailure::Invalid,
                                context + u": "_s + VolumeTransfer::tr("not a regular file")};
        total = quint64(st.st_size);
        const QString format =
            up.format.isEmpty() ? VolumeTransfer::guessFormat(up.localFile) : up.format;
        // A raw volume of the file's size, rounded up to whole sectors; a qcow2 file goes
        // into a qcow2 volume as large as the image's virtual disk.
        quint64 capacity = (total + kSector - 1) / kSector * kSector;
        if (format == u"qcow2"_s)
            capacity = qMax(capacity, qcow2VirtualSize(fd));
        if (capacity == 0)
            throw TransferError{TransferFailure::Invalid,
                                context + u": "_s + VolumeTransfer::tr("the file is empty")};

        StoragePoolHandle pool = activePool(up.pool, context);
        virStoragePoolRefresh(pool.get(), 0); // current names and free space; harmless if it fails
        virResetLastError();
        if (StorageVolHandle existing(
                virStorageVolLookupByName(pool.get(), up.volume.toUtf8().constData()));
            existing) {
            throw TransferError{
                TransferFailure::Invalid,
                context + u": "_s +
                    VolumeTransfer::tr("the pool already has a volume named “%1”").arg(up.volume)};
        }
        virResetLastError();
        virStoragePoolInfo info{};
        if (virStoragePoolGetInfo(pool.get(), &info) != 0)
            throwLibvirt(TransferFailure::HostFailed, context);
        if (total > info.available) {
            throw TransferError{
                TransferFailure::Invalid,
                context + u": "_s +
                    VolumeTransfer::tr("the file needs %1 but the pool has only %2 free")
                        .arg(sizeText(total), sizeText(info.available))};
        }
        if (cancelled())
            throw TransferError{TransferFailure::Cancelled,
                                VolumeTransfer::tr("The upload was cancelled.")};

        QString xml;
        {
            QXmlStreamWriter w(&xml);
            w.writeStartElement(u"volume"_s);
            w.writeTextElement(u"name"_s, up.volume);
            w.writeStartElement(u"capacity"_s);
            w.writeAttribute(u"unit"_s, u"bytes"_s);
            w.writeCharacters(QString::number(capacity));
            w.writeEndElement();
            w.writeStartElement(u"allocation"_s);
            w.writeAttribute(u"unit"_s, u"bytes"_s);
            w.writeCharacters(u"0"_s);
            w.writeEndElement();
            w.writeStartElement(u"target"_s);
            w.writeEmptyElement(u"format"_s);
            w.writeAttribute(u"type"_s, format == u"qcow2"_s ? u"qcow2"_s : u"raw"_s);
            w.writeEndElement();
            w.writeEndElement();
        }
        StorageVolHandle vol(virStorageVolCreateXML(pool.get(), xml.toUtf8().constData(), 0));
        if (!vol)
            throwLibvirt(TransferFailure::HostFailed, context);

        try {
            TransferResult r = sendInto(vol.get(), context);
            r.pool = up.pool;
            r.volume = up.volume;
            r.localFile = up.localFile;
            r.createdVolume = true;
            return r;
        } catch (TransferError &e) {
            // Nothing half-made is left: the volume this upload created goes again.
            if (virStorageVolDelete(vol.get(), 0) != 0) {
                const LibvirtError d = LibvirtError::fromLastError({});
                virResetLastError();
                e.message +=
                    u"\n"_s + VolumeTransfer::tr("The new volume “%1” could not be removed: %2")
                                  .arg(up.volume, d.message());
            }
            throw;
        }
    }

    TransferResult sendInto(virStorageVolPtr vol, const QString &context)
    {
        StreamHandle stream;
        const bool sparse = transfer::openVolumeStream(conn, vol, true, total, &stream, context);
        if (up.computeSha256)
            hash = std::make_unique<QCryptographicHash>(QCryptographicHash::Sha256);
        meter.start(total);
        const int rc =
            sparse ? virStreamSparseSendAll(stream.get(), source, sourceHole, sourceSkip, this)
                   : virStreamSendAll(stream.get(), source, this);
        if (rc != 0)
            throwStreamFailure(context, true);
        if (cancelled()) {
            virStreamAbort(stream.get());
            throwStreamFailure(context, true);
        }
        if (virStreamFinish(stream.get()) != 0)
            throwStreamFailure(context, true);
        TransferResult r;
        r.bytes = meter.position();
        r.dataBytes = meter.dataBytes();
        r.seconds = meter.seconds();
        r.volumePath = takeLibvirtString(virStorageVolGetPath(vol));
        virResetLastError();
        if (hash)
            r.sha256 = QString::fromLatin1(hash->result().toHex());
        return r;
    }

    TransferResult runDownload()
    {
        const QString context = VolumeTransfer::tr("Could not download “%1” of pool “%2” to “%3”")
                                    .arg(down.volume, down.pool, down.localFile);
        bool exists = false;
        if (const QString problem = VolumeTransfer::checkDownloadLocally(down, &exists);
            !problem.isEmpty())
            throw TransferError{exists ? TransferFailure::Exists : TransferFailure::Invalid,
                                context + u": "_s + problem};
        StoragePoolHandle pool = activePool(down.pool, context);
        StorageVolHandle vol(
            virStorageVolLookupByName(pool.get(), down.volume.toUtf8().constData()));
        if (!vol)
            throwLibvirt(TransferFailure::Invalid, context);
        virStorageVolInfo info{};
        // The physical size: what the stream carries (a qcow2 volume's file, not its disk).
        if (virStorageVolGetInfoFlags(vol.get(), &info, VIR_STORAGE_VOL_GET_PHYSICAL) == 0) {
            total = info.allocation;
        } else {
            virResetLastError();
            if (virStorageVolGetInfo(vol.get(), &info) != 0)
                throwLibvirt(TransferFailure::HostFailed, context);
            total = info.capacity;
        }

        // The data goes to a temporary file beside the destination, renamed over it only
        // once complete: a failure never leaves a partial file nor loses an existing one.
        QByteArray temp = QFile::encodeName(down.localFile) + ".part-XXXXXX";
        fd = mkostemp(temp.data(), O_CLOEXEC);
        if (fd < 0)
            throw TransferError{
                TransferFailure::Invalid,
                context + u": "_s +
                    VolumeTransfer::tr("cannot create the file (%1)").arg(errnoText(errno))};
        // mkostemp makes it 0600; a download is an ordinary file (umask 022 applied).
        fchmod(fd, 0644);
        try {
            receive(vol.get(), context);
            if (::close(fd) != 0) {
                fd = -1;
                throw TransferError{TransferFailure::LocalFailed,
                                    context + u": "_s + errnoText(errno)};
            }
            fd = -1;
            if (::rename(temp.constData(), QFile::encodeName(down.localFile).constData()) != 0)
                throw TransferError{TransferFailure::LocalFailed,
                                    context + u": "_s + errnoText(errno)};
        } catch (...) {
            if (fd >= 0) {
                ::close(fd);
                fd = -1;
            }
            ::unlink(temp.constData());
            throw;
        }
        TransferResult r;
        r.pool = down.pool;
        r.volume = down.volume;
        r.localFile = down.localFile;
        r.bytes = meter.position();
        r.dataBytes = meter.dataBytes();
        r.seconds = meter.seconds();
        r.volumePath = takeLibvirtString(virStorageVolGetPath(vol.get()));
        virResetLastError();
        if (hash)
            r.sha256 = QString::fromLatin1(hash->result().toHex());
        return r;
    }

    void receive(virStorageVolPtr vol, const QString &context)
    {
        StreamHandle stream;
        const bool sparse = transfer::openVolumeStream(conn, vol, false, 0, &stream, context);
        if (down.computeSha256)
            hash = std::make_unique<QCryptographicHash>(QCryptographicHash::Sha256);
        meter.start(total);
        const int rc = sparse ? virStreamSparseRecvAll(stream.get(), sink, sinkHole, this)
                              : virStreamRecvAll(stream.get(), sink, this);
        if (rc != 0)
            throwStreamFailure(context, false);
        if (virStreamFinish(stream.get()) != 0)
            throwStreamFailure(context, false);
        // A trailing hole was only skipped: give the file its full length.
        if (ftruncate(fd, off_t(meter.position())) != 0)
            throw TransferError{TransferFailure::LocalFailed, context + u": "_s + errnoText(errno)};
    }
};

VolumeTransfer::VolumeTransfer(HostSession *session, QObject *parent)
    : QObject(parent), m_session(session)
{
    qRegisterMetaType<TransferProgress>();
    qRegisterMetaType<TransferResult>();
}

VolumeTransfer::~VolumeTransfer()
{
    if (m_shared)
        m_shared->detach();
}

void VolumeTransfer::startUpload(const UploadRequest &request)
{
    start(true, request, {});
}

void VolumeTransfer::startDownload(const DownloadRequest &request)
{
    start(false, {}, request);
}

void VolumeTransfer::cancel()
{
    if (m_shared)
        m_shared->cancel = true;
}

void VolumeTransfer::deliverFailure(TransferFailure kind, const QString &message)
{
    m_running = false;
    emit failed(kind, message);
}

void VolumeTransfer::deliverResult(const TransferResult &result)
{
    m_running = false;
    emit finished(result);
}

void VolumeTransfer::start(bool upload, const UploadRequest &up, const DownloadRequest &down)
{
    if (m_running)
        return;
    if (m_shared) { // a previous run's thread no longer reaches this object
        QMutexLocker lock(&m_shared->mutex);
        m_shared->target = nullptr;
    }
    m_shared = std::make_shared<TransferShared>();
    m_shared->target = this;
    m_running = true;

    auto job = std::make_shared<TransferJob>();
    job->upload = upload;
    job->up = up;
    job->down = down;
    job->shared = m_shared;
    job->chunkDelayMs = m_chunkDelayMs;
    if (m_session)
        job->uri = m_session->uri();
    // The transfer gets a connection reference of its own and a thread of its own: the
    // worker goes back to the host's other requests at once.
    transfer::runOnOwnThread(
        m_session, nullptr, [job](virConnectPtr conn, virConnectPtr) { job->run(conn); },
        [shared = m_shared](const QString &message) {
            shared->post([message](VolumeTransfer *t) {
                t->deliverFailure(TransferFailure::HostFailed, message);
            });
        });
}

QString VolumeTransfer::checkUploadLocally(const UploadRequest &request)
{
    if (const QStringList problems = NameRules::volumeNameProblems(request.volume);
        !problems.isEmpty())
        return problems.first();
    if (!request.format.isEmpty() && request.format != u"raw"_s && request.format != u"qcow2"_s &&
        request.format != u"iso"_s)
        return tr("unknown format “%1” (raw, qcow2 or iso)").arg(request.format);
    const QFileInfo fi(request.localFile);
    if (request.localFile.isEmpty())
        return tr("choose a local file");
    if (!fi.exists())
        return tr("the file “%1” does not exist").arg(request.localFile);
    if (!fi.isFile())
        return tr("“%1” is not a regular file").arg(request.localFile);
    if (::access(QFile::encodeName(request.localFile).constData(), R_OK) != 0)
        return tr("cannot read “%1” (%2)").arg(request.localFile, errnoText(errno));
    return {};
}

QString VolumeTransfer::checkDownloadLocally(const DownloadRequest &request, bool *exists)
{
    if (exists)
        *exists = false;
    if (request.localFile.isEmpty())
        return tr("choose a destination file");
    const QFileInfo fi(request.localFile);
    if (fi.isDir())
        return tr("“%1” is a folder").arg(request.localFile);
    if (fi.exists() && !request.overwrite) {
        if (exists)
            *exists = true;
        return tr("“%1” already exists").arg(request.localFile);
    }
    const QString dir = fi.absolutePath();
    if (!QFileInfo(dir).isDir())
        return tr("the folder “%1” does not exist").arg(dir);
    if (::access(QFile::encodeName(dir).constData(), W_OK) != 0)
        return tr("cannot write in the folder “%1” (%2)").arg(dir, errnoText(errno));
    return {};
}

QString VolumeTransfer::guessFormat(const QString &localFile)
{
    QFile f(localFile);
    if (f.open(QIODevice::ReadOnly)) {
        const QByteArray head = f.read(4);
        if (head == QByteArrayLiteral("QFI\xfb"))
            return u"qcow2"_s;
        // ISO 9660: "CD001" at 32769 (the primary volume descriptor).
        if (f.seek(32769) && f.read(5) == QByteArrayLiteral("CD001"))
            return u"iso"_s;
    }
    if (localFile.endsWith(u".iso"_s, Qt::CaseInsensitive))
        return u"iso"_s;
    return u"raw"_s;
}

} // namespace crossvirt::models
