#include "models/thumbnails/ThumbnailService.h"

#include "models/connection/FutureHandling.h"
#include "models/connection/HostSession.h"
#include "models/thumbnails/DomainScreenshot.h"

#include <QCoreApplication>
#include <QSet>
#include <QUrl>
#include <limits>

namespace crossvirt::models {

using namespace Qt::StringLiterals;

namespace {
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(ThumbnailService)
};
// A failed screenshot (a display not up yet, a driver without screenshots) is tried
// again this many intervals later, not at every tick.
constexpr int kRetryIntervals = 6;
} // namespace

ThumbnailService *ThumbnailService::of(HostSession *session)
{
    if (!session)
        return nullptr;
    if (auto *existing =
            session->findChild<ThumbnailService *>(QString(), Qt::FindDirectChildrenOnly))
        return existing;
    return new ThumbnailService(session, session);
}

ThumbnailService::ThumbnailService(HostSession *session, QObject *parent)
    : QObject(parent), m_session(session), m_enabled(isLocalUri(session->uri()))
{
    m_clock.start();
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &ThumbnailService::pump);
    connect(session, &HostSession::domainUpdated, this, &ThumbnailService::onDomainUpdated);
    connect(session, &HostSession::domainRemoved, this, [this](const QString &uuid) {
        if (m_entries.remove(uuid))
            emit thumbnailChanged(uuid);
    });
    connect(session, &HostSession::domainsReset, this, [this](const QList<DomainSummary> &list) {
        for (const DomainSummary &d : list)
            onDomainUpdated(d);
        QSet<QString> present;
        for (const DomainSummary &d : list)
            present.insert(d.uuid);
        const QStringList known = m_entries.keys();
        for (const QString &uuid : known) {
            if (!present.contains(uuid)) {
                m_entries.remove(uuid);
                emit thumbnailChanged(uuid);
            }
        }
        schedule();
    });
    connect(session, &HostSession::stateChanged, this, [this] { schedule(); });
}

bool ThumbnailService::isLocalUri(const QString &uri)
{
    const QUrl url(uri);
    const QString scheme = url.scheme();
    if (scheme == "test"_L1)
        return true;
    if (!url.host().isEmpty())
        return false;
    // qemu:///system, qemu+unix:///system; ssh/tcp/tls without a host are not usual.
    return !scheme.contains(u'+') || scheme.endsWith("+unix"_L1);
}

void ThumbnailService::setEnabled(bool enabled)
{
    if (enabled == m_enabled)
        return;
    m_enabled = enabled;
    if (!enabled) {
        const QStringList known = m_entries.keys();
        m_entries.clear();
        for (const QString &uuid : known)
            emit thumbnailChanged(uuid);
    }
    emit enabledChanged(enabled);
    schedule();
}

void ThumbnailService::setVisible(const QObject *viewer, const QStringList &uuids)
{
    if (!m_visible.contains(viewer)) {
        if (uuids.isEmpty())
            return;
        connect(viewer, &QObject::destroyed, this, [this, viewer] { m_visible.remove(viewer); });
    }
    if (uuids.isEmpty())
        m_visible[viewer].clear();
    else
        m_visible[viewer] = uuids;
    schedule();
}

QStringList ThumbnailService::visibleUuids() const
{
    QStringList all;
    for (const QStringList &uuids : m_visible) {
        for (const QString &uuid : uuids) {
            if (!all.contains(uuid))
                all << uuid;
        }
    }
    return all;
}

void ThumbnailService::setIntervalMs(int ms)
{
    m_intervalMs = qMax(100, ms);
    schedule();
}

void ThumbnailService::setThumbnailSize(const QSize &size)
{
    m_size = size;
}

QImage ThumbnailService::thumbnail(const QString &uuid) const
{
    return m_entries.value(uuid).image;
}

QString ThumbnailService::problem(const QString &uuid) const
{
    if (m_session) {
        if (const auto d = m_session->domain(uuid); d && !archHasDisplay(d->arch, d->machine))
            return Text::tr("%1 guests have no graphical display.").arg(d->arch);
    }
    return m_entries.value(uuid).problem;
}

bool ThumbnailService::canPoll(const QString &uuid) const
{
    if (!m_enabled || !m_session || m_session->state() != ConnectionState::Connected)
        return false;
    const auto d = m_session->domain(uuid);
    return d && isActive(d->state) && archHasDisplay(d->arch, d->machine);
}

int ThumbnailService::requestCount(const QString &uuid) const
{
    return m_entries.value(uuid).requests;
}

void ThumbnailService::onDomainUpdated(const DomainSummary &d)
{
    if (!isActive(d.state)) {
        dropImage(d.uuid);
        return;
    }
    // Started (or resumed) since the last failure: try again now.
    auto it = m_entries.find(d.uuid);
    if (it != m_entries.end() && !it->problem.isEmpty()) {
        it->problem.clear();
        it->nextDueMs = 0;
    }
    schedule();
}

void ThumbnailService::dropImage(const QString &uuid)
{
    auto it = m_entries.find(uuid);
    if (it == m_entries.end())
        return;
    const bool had = !it->image.isNull() || !it->problem.isEmpty();
    it->image = QImage();
    it->problem.clear();
    it->nextDueMs = 0; // a VM started again is shown at once
    if (had)
        emit thumbnailChanged(uuid);
}

void ThumbnailService::schedule()
{
    // Queued: setVisible() from a scroll handler must not send a request re-entrantly.
    if (!m_timer.isActive() || m_timer.remainingTime() > 0)
        m_timer.start(0);
}

void ThumbnailService::pump()
{
    if (m_inFlight > 0 || !m_enabled || !m_session)
        return;
    const qint64 now = m_clock.elapsed();
    QString next;
    qint64 nextDue = std::numeric_limits<qint64>::max();
    for (const QString &uuid : visibleUuids()) {
        if (!canPoll(uuid))
            continue;
        const qint64 due = m_entries.value(uuid).nextDueMs;
        if (due < nextDue) {
            nextDue = due;
            next = uuid;
        }
    }
    if (next.isEmpty())
        return; // woken again by visibility, state or setting changes
    if (nextDue > now) {
        m_timer.start(int(qMin<qint64>(nextDue - now, std::numeric_limits<int>::max())));
        return;
    }
    request(next);
}

void ThumbnailService::request(const QString &uuid)
{
    Entry &e = m_entries[uuid];
    ++e.requests;
    ++m_totalRequests;
    ++m_inFlight;
    m_maxInFlight = qMax(m_maxInFlight, m_inFlight);
    const auto finished = [this, uuid](const QImage &image, const QString &problem) {
        --m_inFlight;
        auto it = m_entries.find(uuid);
        if (it != m_entries.end()) {
            const qint64 now = m_clock.elapsed();
            if (canPoll(uuid)) {
                it->image = image;
                it->problem = problem;
            }
            it->nextDueMs = now + qint64(m_intervalMs) * (problem.isEmpty() ? 1 : kRetryIntervals);
            emit thumbnailChanged(uuid);
        }
        pump();
    };
    whenFinished(
        domainScreenshot(m_session, uuid, m_size), this,
        [finished](const QImage &image) { finished(image, QString()); },
        [finished](const QString &error) { finished(QImage(), error); });
}

} // namespace crossvirt::models
