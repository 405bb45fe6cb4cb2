#pragma once

// Upload of a local file into a storage volume and download of a volume into a local
// file, through a libvirt stream (virStorageVolUpload / virStorageVolDownload), sparse:
// holes are neither read nor sent, and are recreated as holes on the receiving side.

#include <QMetaType>
#include <QObject>
#include <QPointer>
#include <QString>
#include <memory>

namespace crossvirt::models {

class HostSession;
struct TransferShared;

/// What to upload: a local file into a new volume `volume` of the active pool `pool`.
struct UploadRequest
{
    QString pool;
    QString volume;    ///< the new volume's name (refused when the pool has one of that name)
    QString localFile; ///< a readable regular file
    /// "raw", "qcow2" or "iso"; empty: guessed from the file's contents and name. An ISO
    /// goes into a raw volume of the file's size; a qcow2 file into a qcow2 volume of
    /// its virtual size.
    QString format;
    bool computeSha256 = false; ///< hash what was sent (holes as zeros) into the result
};

/// What to download: volume `volume` of pool `pool` into `localFile`.
struct DownloadRequest
{
    QString pool;
    QString volume;
    QString localFile;
    /// Replace an existing `localFile` (only once the download is complete; until then
    /// the data goes to a temporary file beside it). Without it an existing file is refused.
    bool overwrite = false;
    bool computeSha256 = false;
};

/// Where a running transfer is; sent at most ten times a second.
struct TransferProgress
{
    quint64 bytesDone = 0;  ///< position in the file/volume (holes count as done)
    quint64 bytesTotal = 0; ///< 0 when unknown
    double bytesPerSecond = 0;
    int secondsLeft = -1; ///< -1 while unknown

    /// "120 MiB of 256 MiB · 45 MiB/s · 3 s left"
    QString text() const;
};

/// What a finished transfer did.
struct TransferResult
{
    QString pool;
    QString volume;
    QString volumePath; ///< the volume's path on the host
    QString localFile;
    quint64 bytes = 0;     ///< file/volume size transferred (holes included)
    quint64 dataBytes = 0; ///< bytes that really went through the stream
    double seconds = 0;
    QString sha256; ///< hex, when asked for
    bool createdVolume = false;
};

/// Why a transfer did not finish.
enum class TransferFailure
{
    Invalid,     ///< refused before anything was changed (bad name, unreadable file, ...)
    Exists,      ///< the download's destination exists and overwrite was not asked
    HostFailed,  ///< libvirt or the host failed during the transfer
    LocalFailed, ///< reading or writing the local file failed during the transfer
    Cancelled,
};

/// One upload or download, run on a thread of its own that holds its own reference to
/// the host's connection (the host's worker only hands that reference over, so the
/// inventory keeps updating during a long transfer). Progress, the result and failures
/// arrive on the GUI thread as signals. Cancel aborts the stream; a volume the upload
/// created and a partial local file are removed again on cancel or failure.
class VolumeTransfer : public QObject
{
    Q_OBJECT
public:
    explicit VolumeTransfer(HostSession *session, QObject *parent = nullptr);
    /// Cancels a running transfer; its thread cleans up on its own and ends.
    ~VolumeTransfer() override;

    void startUpload(const UploadRequest &request);
    void startDownload(const DownloadRequest &request);
    /// Aborts the stream; failed(Cancelled, ...) follows once the cleanup is done.
    void cancel();
    bool isRunning() const { return m_running; }

    /// Checks an upload request without touching the host: the name, the local file
    /// and the format. Empty when fine, else the first problem in words.
    static QString checkUploadLocally(const UploadRequest &request);
    /// Checks a download's destination: empty when fine, else the problem in words
    /// (with *exists set when the only problem is that the file exists).
    static QString checkDownloadLocally(const DownloadRequest &request, bool *exists = nullptr);
    /// "raw", "qcow2" or "iso" from the file's first bytes (then its name); "raw" when unsure.
    static QString guessFormat(const QString &localFile);

    /// Test hook: wait `ms` after each chunk (so a test can cancel half way).
    void setChunkDelayForTesting(int ms) { m_chunkDelayMs = ms; }

signals:
    void progress(const crossvirt::models::TransferProgress &progress);
    void finished(const crossvirt::models::TransferResult &result);
    void failed(crossvirt::models::TransferFailure kind, const QString &message);

private:
    friend struct TransferJob;
    void deliverFailure(TransferFailure kind, const QString &message);
    void deliverResult(const TransferResult &result);
    void start(bool upload, const UploadRequest &up, const DownloadRequest &down);
    void failNow(TransferFailure kind, const QString &message);

    QPointer<HostSession> m_session;
    std::shared_ptr<TransferShared> m_shared;
    bool m_running = false;
    int m_chunkDelayMs = 0;
};

} // namespace crossvirt::models

Q_DECLARE_METATYPE(crossvirt::models::TransferProgress)
Q_DECLARE_METATYPE(crossvirt::models::TransferResult)
