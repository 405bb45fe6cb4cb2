#pragma once

#include "models/inventory/InventoryTypes.h"

#include <QElapsedTimer>
#include <QHash>
#include <QImage>
#include <QObject>
#include <QPointer>
#include <QSize>
#include <QStringList>
#include <QTimer>

namespace crossvirt::models {

class HostSession;

/// Small, slowly refreshed screen images of one host's running VMs (live console
/// thumbnails). Views say which VMs' tiles they show; only those are polled, oldest
/// first, with at most one screenshot in flight for the host. Off by default for remote
/// hosts (each screenshot crosses the network), on for local ones.
class ThumbnailService : public QObject
{
    Q_OBJECT
public:
    /// The host's service, created on first use as a child of the session (one per host,
    /// shared by every view, so the one-in-flight rule holds across them).
    static ThumbnailService *of(HostSession *session);

    explicit ThumbnailService(HostSession *session, QObject *parent = nullptr);

    /// Local hypervisors (qemu:///…, test:///…, qemu+unix) get thumbnails by default.
    static bool isLocalUri(const QString &uri);

    HostSession *session() const { return m_session; }
    bool isEnabled() const { return m_enabled; }
    /// Turns polling on or off for this host (off drops the images).
    void setEnabled(bool enabled);

    /// The VMs `viewer` shows now (an empty list when it is hidden). The union over all
    /// viewers is polled; a destroyed viewer counts as showing nothing.
    void setVisible(const QObject *viewer, const QStringList &uuids);
    QStringList visibleUuids() const;

    /// How often a visible VM's image is refreshed (default 5 s).
    int intervalMs() const { return m_intervalMs; }
    void setIntervalMs(int ms);
    /// The size images are scaled down to (default 320×240, twice a tile for HiDPI).
    QSize thumbnailSize() const { return m_size; }
    void setThumbnailSize(const QSize &size);

    /// The latest image of `uuid`; null when there is none (not running, not polled yet,
    /// thumbnails off, or the screenshot failed).
    QImage thumbnail(const QString &uuid) const;
    /// Why there is no image for a running VM (libvirt's message, or "no display"); empty
    /// when there is one or none was asked for yet.
    QString problem(const QString &uuid) const;
    /// Whether a screenshot of `uuid` can be asked for now (running, has a display, on).
    bool canPoll(const QString &uuid) const;

    // For tests and diagnostics.
    int requestCount(const QString &uuid) const;
    int totalRequests() const { return m_totalRequests; }
    int inFlight() const { return m_inFlight; }
    /// The most screenshots ever in flight at once for this host (1 by design).
    int maxInFlight() const { return m_maxInFlight; }

signals:
    void thumbnailChanged(const QString &uuid);
    void enabledChanged(bool enabled);

private:
    struct Entry
    {
        QImage image;
        QString problem;
        qint64 nextDueMs = 0; ///< when the next screenshot may be taken
        int requests = 0;
    };
    void schedule();
    void pump();
    void request(const QString &uuid);
    void onDomainUpdated(const DomainSummary &d);
    void dropImage(const QString &uuid);

    QPointer<HostSession> m_session;
    bool m_enabled;
    int m_intervalMs = 5000;
    QSize m_size{320, 240};
    QHash<const QObject *, QStringList> m_visible;
    QHash<QString, Entry> m_entries;
    QTimer m_timer;
    QElapsedTimer m_clock;
    int m_inFlight = 0;
    int m_maxInFlight = 0;
    int m_totalRequests = 0;
};

} // namespace crossvirt::models
