#pragma once

#include <QCoreApplication>
#include <QDate>
#include <QFuture>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>
#include <memory>
#include <optional>

namespace crossvirt::models {

/// What a guest OS asks of a VM: memory, virtual CPUs and disk size.
struct OsResources
{
    int ramMiB = 0;
    int vcpus = 0;
    int storageGiB = 0;

    friend bool operator==(const OsResources &, const OsResources &) = default;
};

/// One guest operating system of the catalogue (an osinfo-db <os>, or a built-in
/// generic entry), with its arches and per-arch resources already resolved.
struct OsEntry
{
    QString id;            ///< osinfo short-id, e.g. "rhel9.0"; "generic-linux" / "other" built in
    QStringList shortIds;  ///< every short-id osinfo knows the OS by (id first)
    QString osinfoId;      ///< osinfo URI, e.g. "http://redhat.com/rhel/9.0"; empty if built in
    QString name;          ///< "Red Hat Enterprise Linux 9.0"
    QString vendor;        ///< "Red Hat, Inc"
    QString family;        ///< "linux", "winnt", ...
    QString distro;        ///< "rhel", "win", ...
    QString version;       ///< "9.0"
    QString releaseStatus; ///< "released", "snapshot", "prerelease" or "rolling"
    QDate releaseDate;
    QDate eolDate;
    bool endOfLife = false; ///< see OsCatalogue::isEndOfLife() for the rule
    QStringList arches;     ///< arches of its media, trees, images and arch-specific resources
    bool builtIn = false;   ///< a generic entry of Crossvirt, not from osinfo-db

    /// Recommended resources for a guest of `arch` (see OsCatalogue for the fallback chain).
    OsResources recommendedFor(const QString &arch) const;
    /// Minimum resources for a guest of `arch`.
    OsResources minimumFor(const QString &arch) const;
    /// Whether every word of `search` occurs (case-insensitively) in the name, a short-id
    /// or the vendor. An empty search matches.
    bool matches(const QString &search) const;

    /// Resolved resources per arch; the key "all" holds those for any other arch.
    QHash<QString, OsResources> recommended;
    QHash<QString, OsResources> minimum;
};

/// The guest OS catalogue: osinfo-db read through libosinfo once, then immutable and safe
/// to read from any thread. Without osinfo-db it holds generic entries and says so.
class OsCatalogue
{
    Q_DECLARE_TR_FUNCTIONS(OsCatalogue)

public:
    /// Reads the default osinfo-db locations (libosinfo honours OSINFO_SYSTEM_DIR,
    /// OSINFO_LOCAL_DIR and OSINFO_USER_DIR). Blocks for a fraction of a second: call it
    /// on a worker thread, or use loadAsync().
    static OsCatalogue load();
    /// Reads only the osinfo-db tree at `dbPath` (the directory holding os/, device/...).
    static OsCatalogue load(const QString &dbPath);
    /// The process-wide catalogue, loaded once on a pool thread; later calls return the
    /// same future and so the same object.
    static QFuture<std::shared_ptr<const OsCatalogue>> loadAsync();

    /// Crossvirt's own "Generic Linux" and "Other OS" entries for `arch`.
    static QList<OsEntry> genericEntries(const QString &arch);
    /// The end-of-life rule (virt-manager's): past its eol-date; without an eol-date,
    /// released more than five years before `today`, unless osinfo calls it rolling.
    static bool isEndOfLife(const QDate &eolDate, const QDate &releaseDate,
                            const QString &releaseStatus, const QDate &today);

    /// True when osinfo-db was missing or empty and the generic entries stand in.
    bool isFallback() const { return m_fallback; }
    /// Text for the user when isFallback(); empty otherwise.
    QString notice() const { return m_notice; }

    /// OSes that run on `arch`, newest release first within a distro, distros by name.
    QList<OsEntry> forArch(const QString &arch, bool includeEndOfLife = false,
                           const QString &search = {}) const;
    std::optional<OsEntry> find(const QString &shortId) const;
    /// Looks an OS up by its osinfo URI, as libvirt domain metadata stores it.
    std::optional<OsEntry> findByOsinfoId(const QString &osinfoId) const;
    OsResources recommendedFor(const OsEntry &entry, const QString &arch) const;
    OsResources minimumFor(const OsEntry &entry, const QString &arch) const;
    /// Number of OSes (end of life included) that run on `arch`.
    int count(const QString &arch) const;
    /// All entries, in catalogue order.
    const QList<OsEntry> &entries() const { return m_entries; }
    /// Arches that have at least one OS.
    QStringList arches() const;

    /// How long loading took and on which thread it ran (for diagnostics).
    qint64 loadTimeMs() const { return m_loadTimeMs; }
    Qt::HANDLE loadThreadId() const { return m_loadThreadId; }

private:
    OsCatalogue() = default;
    static OsCatalogue loadFrom(const QString *dbPath);
    void finish(bool fallback, const QString &reason);

    QList<OsEntry> m_entries;
    QHash<QString, int> m_byShortId;
    QHash<QString, int> m_byOsinfoId;
    QHash<QString, QList<int>> m_byArch;
    bool m_fallback = false;
    QString m_notice;
    qint64 m_loadTimeMs = 0;
    Qt::HANDLE m_loadThreadId = nullptr;
};

} // namespace crossvirt::models
