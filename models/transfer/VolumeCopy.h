#pragma once

// Copy of one storage volume into a new volume, on the same host or from one host to
// another, through libvirt streams (virStorageVolDownload into virStorageVolUpload),
// sparse: holes are neither read nor sent. Clone, New VM from template (full copies) and
// VM pools use it. Unlike virStorageVolCreateXMLFrom it reports progress and can be
// cancelled half way.

#include "models/transfer/VolumeTransfer.h"

#include <QObject>
#include <QPointer>
#include <QString>
#include <memory>

namespace crossvirt::models {

class HostSession;
struct VolumeCopyShared;

struct VolumeCopyRequest
{
    QString sourcePool;
    QString sourceVolume;
    QString targetPool;   ///< an active pool of the target host
    QString targetVolume; ///< the new volume's name (refused when the pool has one)
    /// The new volume's <volume> XML; empty: one like the source's (capacity, format).
    /// Copying bytes does not convert: the format must be the source's.
    QString targetVolumeXml;
};

struct VolumeCopyResult
{
    QString pool;
    QString volume;
    QString path;          ///< the new volume's path on the target host
    quint64 bytes = 0;     ///< the source's size (holes included)
    quint64 dataBytes = 0; ///< bytes that went through the streams
    double seconds = 0;
};

/// One volume copy, on a thread of its own holding its own references to both hosts'
/// connections (the workers only hand them over, so inventories keep updating). Progress,
/// the result and failures arrive on the GUI thread. Cancel aborts both streams; the new
/// volume is deleted on cancel or failure, the source is never written.
class VolumeCopy : public QObject
{
    Q_OBJECT
public:
    /// `source` and `target` may be the same session.
    VolumeCopy(HostSession *source, HostSession *target, QObject *parent = nullptr);
    /// Cancels a running copy; its thread cleans up on its own and ends.
    ~VolumeCopy() override;

    void start(const VolumeCopyRequest &request);
    /// Aborts; failed(Cancelled, ...) follows once the new volume is deleted.
    void cancel();
    bool isRunning() const { return m_running; }

    /// Test hook: wait `ms` after each chunk (so a test can cancel half way).
    void setChunkDelayForTesting(int ms) { m_chunkDelayMs = ms; }

signals:
    void progress(const crossvirt::models::TransferProgress &progress);
    void finished(const crossvirt::models::VolumeCopyResult &result);
    void failed(crossvirt::models::TransferFailure kind, const QString &message);

private:
    QPointer<HostSession> m_source;
    QPointer<HostSession> m_target;
    std::shared_ptr<VolumeCopyShared> m_shared;
    bool m_running = false;
    int m_chunkDelayMs = 0;
};

} // namespace crossvirt::models

Q_DECLARE_METATYPE(crossvirt::models::VolumeCopyResult)
