// glib's gio headers have a struct member named "signals", which Qt defines as a macro;
// keep the macro away from them whatever was included first. libosinfo's headers lack
// extern "C" (glib's have their own), so wrap them after glib is in.
#pragma push_macro("signals")
#undef signals
#include <gio/gio.h>
#include <glib-object.h>
extern "C" {
#include <osinfo/osinfo.h>
}
#pragma pop_macro("signals")

#include "models/osinfo/OsCatalogue.h"

#include "arch/ArchRegistry.h"

#include <QCollator>
#include <QElapsedTimer>
#include <QFile>
#include <QMutex>
#include <QThread>
#include <QtConcurrent/QtConcurrentRun>
#include <algorithm>
#include <limits>

using namespace Qt::StringLiterals;

namespace crossvirt::models {

namespace {

const QString kAnyArch = u"all"_s;

// Used when osinfo-db says nothing about a resource of an OS.
constexpr OsResources kDefaultRecommended{2048, 2, 20};
constexpr OsResources kDefaultMinimum{512, 1, 8};

struct GObjectUnref
{
    void operator()(gpointer object) const
    {
        if (object)
            g_object_unref(object);
    }
};
template<typename T> using GObjectPtr = std::unique_ptr<T, GObjectUnref>;

QString fromUtf8(const gchar *text)
{
    return text ? QString::fromUtf8(text) : QString();
}

// One <resources> element's values as osinfo gives them: bytes, -1 when unset.
struct RawResources
{
    qint64 ramBytes = -1;
    int vcpus = -1;
    qint64 storageBytes = -1;
};

int ceilDiv(qint64 bytes, qint64 unit)
{
    const qint64 value = (bytes + unit - 1) / unit;
    return int(std::min<qint64>(value, std::numeric_limits<int>::max()));
}

// First of `candidates` that osinfo set (> 0), else `fallback`.
qint64 firstSet(std::initializer_list<qint64> candidates, qint64 fallback)
{
    for (qint64 value : candidates) {
        if (value > 0)
            return value;
    }
    return fallback;
}

/*
 * Resolving one OS's resources for one arch, field by field:
 *  minimum:     arch-specific minimum, then "all" minimum, then kDefaultMinimum.
 *  recommended: arch-specific recommended, then "all" recommended, then the minimum
 *               (arch, then "all"), then kDefaultRecommended; never below the minimum.
 * vCPUs differ: osinfo-db almost never sets a recommended n-cpus and its minimum is
 * nearly always 1, so without a recommended value we offer max(minimum, 2).
 */
void resolveResources(const QHash<QString, RawResources> &minimum,
                      const QHash<QString, RawResources> &recommended, const QString &arch,
                      OsResources *outMinimum, OsResources *outRecommended)
{
    const RawResources none;
    const RawResources &minArch = arch == kAnyArch ? none : minimum.value(arch, none);
    const RawResources &minAll = minimum.value(kAnyArch, none);
    const RawResources recArch = arch == kAnyArch ? none : recommended.value(arch, none);
    const RawResources recAll = recommended.value(kAnyArch, none);
    constexpr qint64 MiB = 1024 * 1024;
    constexpr qint64 GiB = 1024 * MiB;

    OsResources min;
    min.ramMiB = ceilDiv(
        firstSet({minArch.ramBytes, minAll.ramBytes}, qint64(kDefaultMinimum.ramMiB) * MiB), MiB);
    min.vcpus = int(firstSet({minArch.vcpus, minAll.vcpus}, kDefaultMinimum.vcpus));
    min.storageGiB = ceilDiv(firstSet({minArch.storageBytes, minAll.storageBytes},
                                      qint64(kDefaultMinimum.storageGiB) * GiB),
                             GiB);

    OsResources rec;
    rec.ramMiB =
        ceilDiv(firstSet({recArch.ramBytes, recAll.ramBytes, minArch.ramBytes, minAll.ramBytes},
                         qint64(kDefaultRecommended.ramMiB) * MiB),
                MiB);
    rec.vcpus = int(
        firstSet({recArch.vcpus, recAll.vcpus}, std::max(min.vcpus, kDefaultRecommended.vcpus)));
    rec.storageGiB = ceilDiv(firstSet({recArch.storageBytes, recAll.storageBytes,
                                       minArch.storageBytes, minAll.storageBytes},
                                      qint64(kDefaultRecommended.storageGiB) * GiB),
                             GiB);
    rec.ramMiB = std::max(rec.ramMiB, min.ramMiB);
    rec.vcpus = std::max(rec.vcpus, min.vcpus);
    rec.storageGiB = std::max(rec.storageGiB, min.storageGiB);

    *outMinimum = min;
    *outRecommended = rec;
}

void readResources(OsinfoResourcesList *list, QHash<QString, RawResources> *out,
                   QStringList *arches)
{
    const gint n = osinfo_list_get_length(OSINFO_LIST(list));
    for (gint i = 0; i < n; ++i) {
        auto *resources = OSINFO_RESOURCES(osinfo_list_get_nth(OSINFO_LIST(list), i));
        const QString arch = fromUtf8(osinfo_resources_get_architecture(resources));
        if (arch.isEmpty())
            continue;
        RawResources &raw = (*out)[arch];
        // Several elements for one arch: a value set in any of them counts.
        if (const gint64 ram = osinfo_resources_get_ram(resources); ram > 0)
            raw.ramBytes = ram;
        if (const gint cpus = osinfo_resources_get_n_cpus(resources); cpus > 0)
            raw.vcpus = cpus;
        if (const gint64 storage = osinfo_resources_get_storage(resources); storage > 0)
            raw.storageBytes = storage;
        arches->append(arch);
    }
}

template<typename List, typename Item>
void collectArches(List *list, const gchar *(*architecture)(Item *), Item *(*cast)(gpointer),
                   QStringList *arches)
{
    const gint n = osinfo_list_get_length(OSINFO_LIST(list));
    for (gint i = 0; i < n; ++i) {
        const QString arch =
            fromUtf8(architecture(cast(osinfo_list_get_nth(OSINFO_LIST(list), i))));
        if (!arch.isEmpty())
            arches->append(arch);
    }
}

OsinfoMedia *asMedia(gpointer p)
{
    return OSINFO_MEDIA(p);
}
OsinfoTree *asTree(gpointer p)
{
    return OSINFO_TREE(p);
}
OsinfoImage *asImage(gpointer p)
{
    return OSINFO_IMAGE(p);
}

QString releaseStatusName(int status)
{
    switch (status) {
    case OSINFO_RELEASE_STATUS_SNAPSHOT:
        return u"snapshot"_s;
    case OSINFO_RELEASE_STATUS_PRERELEASE:
        return u"prerelease"_s;
    case OSINFO_RELEASE_STATUS_ROLLING:
        return u"rolling"_s;
    default:
        return u"released"_s;
    }
}

OsEntry readOs(OsinfoOs *os, const QDate &today)
{
    auto *product = OSINFO_PRODUCT(os);
    OsEntry entry;
    entry.osinfoId = fromUtf8(osinfo_entity_get_id(OSINFO_ENTITY(os)));
    entry.name = fromUtf8(osinfo_product_get_name(product));
    entry.vendor = fromUtf8(osinfo_product_get_vendor(product));
    entry.version = fromUtf8(osinfo_product_get_version(product));
    entry.family = fromUtf8(osinfo_os_get_family(os));
    entry.distro = fromUtf8(osinfo_os_get_distro(os));
    entry.releaseStatus = releaseStatusName(osinfo_os_get_release_status(os));
    entry.releaseDate =
        QDate::fromString(fromUtf8(osinfo_product_get_release_date_string(product)), Qt::ISODate);
    entry.eolDate =
        QDate::fromString(fromUtf8(osinfo_product_get_eol_date_string(product)), Qt::ISODate);

    entry.id = fromUtf8(osinfo_product_get_short_id(product));
    GList *shortIds = osinfo_product_get_short_id_list(product); // transfer container
    for (GList *it = shortIds; it; it = it->next)
        entry.shortIds.append(fromUtf8(static_cast<const gchar *>(it->data)));
    g_list_free(shortIds);
    if (entry.id.isEmpty() && !entry.shortIds.isEmpty())
        entry.id = entry.shortIds.constFirst();
    entry.shortIds.removeAll(entry.id);
    if (!entry.id.isEmpty())
        entry.shortIds.prepend(entry.id);
    if (entry.name.isEmpty())
        entry.name = entry.id;

    QStringList arches;
    {
        GObjectPtr<OsinfoMediaList> media(osinfo_os_get_media_list(os));
        collectArches(media.get(), osinfo_media_get_architecture, asMedia, &arches);
        GObjectPtr<OsinfoTreeList> trees(osinfo_os_get_tree_list(os));
        collectArches(trees.get(), osinfo_tree_get_architecture, asTree, &arches);
        GObjectPtr<OsinfoImageList> images(osinfo_os_get_image_list(os));
        collectArches(images.get(), osinfo_image_get_architecture, asImage, &arches);
    }
    QHash<QString, RawResources> minimum;
    QHash<QString, RawResources> recommended;
    {
        GObjectPtr<OsinfoResourcesList> list(osinfo_os_get_minimum_resources(os));
        readResources(list.get(), &minimum, &arches);
    }
    {
        GObjectPtr<OsinfoResourcesList> list(osinfo_os_get_recommended_resources(os));
        readResources(list.get(), &recommended, &arches);
    }
    // "all" says what an OS needs wherever it runs, not that it runs everywhere: only
    // a named arch on media, tree, image or resources puts the OS on that arch's list.
    arches.removeAll(kAnyArch);
    arches.removeDuplicates();
    arches.sort();
    entry.arches = arches;

    for (const QString &arch : std::as_const(arches)) {
        resolveResources(minimum, recommended, arch, &entry.minimum[arch],
                         &entry.recommended[arch]);
    }
    resolveResources(minimum, recommended, kAnyArch, &entry.minimum[kAnyArch],
                     &entry.recommended[kAnyArch]);

    entry.endOfLife =
        OsCatalogue::isEndOfLife(entry.eolDate, entry.releaseDate, entry.releaseStatus, today);
    return entry;
}

// Distros by name; within one, undated entries (prereleases, rolling, "unknown" catch-alls,
// all newer than any dated release in practice) first, then newest release first.
void sortEntries(QList<OsEntry> *entries)
{
    QCollator collator;
    collator.setNumericMode(true);
    collator.setCaseSensitivity(Qt::CaseInsensitive);
    auto group = [](const OsEntry &e) { return e.distro.isEmpty() ? e.name : e.distro; };
    std::sort(entries->begin(), entries->end(), [&](const OsEntry &a, const OsEntry &b) {
        if (const int c = collator.compare(group(a), group(b)))
            return c < 0;
        if (a.releaseDate.isValid() != b.releaseDate.isValid())
            return !a.releaseDate.isValid();
        if (a.releaseDate != b.releaseDate)
            return a.releaseDate > b.releaseDate;
        if (const int c = collator.compare(a.version, b.version))
            return c > 0;
        if (const int c = collator.compare(a.name, b.name))
            return c < 0;
        return a.id < b.id;
    });
}

} // namespace

OsResources OsEntry::recommendedFor(const QString &arch) const
{
    const auto it = recommended.constFind(arch);
    if (it != recommended.constEnd())
        return *it;
    return recommended.value(kAnyArch, kDefaultRecommended);
}

OsResources OsEntry::minimumFor(const QString &arch) const
{
    const auto it = minimum.constFind(arch);
    if (it != minimum.constEnd())
        return *it;
    return minimum.value(kAnyArch, kDefaultMinimum);
}

bool OsEntry::matches(const QString &search) const
{
    const QStringList words = search.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    for (const QString &word : words) {
        const bool found = name.contains(word, Qt::CaseInsensitive) ||
                           vendor.contains(word, Qt::CaseInsensitive) ||
                           std::any_of(shortIds.cbegin(), shortIds.cend(), [&](const QString &s) {
                               return s.contains(word, Qt::CaseInsensitive);
                           });
        if (!found)
            return false;
    }
    return true;
}

bool OsCatalogue::isEndOfLife(const QDate &eolDate, const QDate &releaseDate,
                              const QString &releaseStatus, const QDate &today)
{
    if (eolDate.isValid())
        return eolDate < today;
    if (releaseStatus == u"rolling")
        return false;
    if (releaseDate.isValid())
        return releaseDate.addYears(5) < today;
    return false;
}

QList<OsEntry> OsCatalogue::genericEntries(const QString &arch)
{
    OsEntry genericLinux;
    genericLinux.id = u"generic-linux"_s;
    genericLinux.shortIds = {genericLinux.id};
    genericLinux.name = tr("Generic Linux");
    genericLinux.family = u"linux"_s;
    genericLinux.releaseStatus = u"released"_s;
    genericLinux.arches = {arch};
    genericLinux.builtIn = true;
    genericLinux.recommended.insert(kAnyArch, kDefaultRecommended);
    genericLinux.minimum.insert(kAnyArch, kDefaultMinimum);

    OsEntry other;
    other.id = u"other"_s;
    other.shortIds = {other.id};
    other.name = tr("Other OS");
    other.releaseStatus = u"released"_s;
    other.arches = {arch};
    other.builtIn = true;
    other.recommended.insert(kAnyArch, kDefaultRecommended);
    other.minimum.insert(kAnyArch, kDefaultMinimum);
    return {genericLinux, other};
}

OsCatalogue OsCatalogue::load()
{
    return loadFrom(nullptr);
}

OsCatalogue OsCatalogue::load(const QString &dbPath)
{
    return loadFrom(&dbPath);
}

OsCatalogue OsCatalogue::loadFrom(const QString *dbPath)
{
    QElapsedTimer timer;
    timer.start();
    OsCatalogue catalogue;
    catalogue.m_loadThreadId = QThread::currentThreadId();
    const QDate today = QDate::currentDate();

    GObjectPtr<OsinfoLoader> loader(osinfo_loader_new());
    GError *error = nullptr;
    if (dbPath)
        osinfo_loader_process_path(loader.get(), QFile::encodeName(*dbPath).constData(), &error);
    else
        osinfo_loader_process_default_path(loader.get(), &error);
    QString loadError;
    if (error) {
        loadError = fromUtf8(error->message);
        g_error_free(error);
    }

    OsinfoDb *db = osinfo_loader_get_db(loader.get()); // owned by the loader
    GObjectPtr<OsinfoOsList> oses(osinfo_db_get_os_list(db));
    const gint n = osinfo_list_get_length(OSINFO_LIST(oses.get()));
    catalogue.m_entries.reserve(n);
    for (gint i = 0; i < n; ++i) {
        auto *os = OSINFO_OS(osinfo_list_get_nth(OSINFO_LIST(oses.get()), i));
        catalogue.m_entries.append(readOs(os, today));
    }
    oses.reset();
    loader.reset();

    if (catalogue.m_entries.isEmpty()) {
        for (const QString &arch : arch::ArchRegistry::instance().archNames()) {
            const QList<OsEntry> generic = genericEntries(arch);
            for (const OsEntry &entry : generic) {
                auto existing = std::find_if(catalogue.m_entries.begin(), catalogue.m_entries.end(),
                                             [&](const OsEntry &e) { return e.id == entry.id; });
                if (existing == catalogue.m_entries.end())
                    catalogue.m_entries.append(entry);
                else
                    existing->arches.append(arch);
            }
        }
        catalogue.finish(true, loadError);
    } else {
        if (!loadError.isEmpty())
            qWarning("osinfo-db was read with errors: %s", qUtf8Printable(loadError));
        sortEntries(&catalogue.m_entries);
        catalogue.finish(false, {});
    }
    catalogue.m_loadTimeMs = timer.elapsed();
    return catalogue;
}

void OsCatalogue::finish(bool fallback, const QString &reason)
{
    m_fallback = fallback;
    if (fallback) {
        m_notice = tr("The operating system database (osinfo-db) was not found or lists no "
                      "operating systems, so only generic entries are offered. Install the "
                      "osinfo-db package to choose a specific operating system.");
        if (!reason.isEmpty())
            m_notice += QLatin1Char(' ') + tr("Details: %1").arg(reason);
    }
    for (int i = 0; i < m_entries.size(); ++i) {
        const OsEntry &entry = m_entries.at(i);
        for (const QString &shortId : entry.shortIds)
            m_byShortId.insert(shortId, i);
        if (!entry.osinfoId.isEmpty())
            m_byOsinfoId.insert(entry.osinfoId, i);
        for (const QString &arch : entry.arches)
            m_byArch[arch].append(i);
    }
}

QFuture<std::shared_ptr<const OsCatalogue>> OsCatalogue::loadAsync()
{
    static QMutex mutex;
    static std::optional<QFuture<std::shared_ptr<const OsCatalogue>>> cached;
    QMutexLocker lock(&mutex);
    if (!cached) {
        cached = QtConcurrent::run(
            [] { return std::shared_ptr<const OsCatalogue>(new OsCatalogue(load())); });
    }
    return *cached;
}

QList<OsEntry> OsCatalogue::forArch(const QString &arch, bool includeEndOfLife,
                                    const QString &search) const
{
    QList<OsEntry> result;
    const QList<int> indexes = m_byArch.value(arch);
    for (int i : indexes) {
        const OsEntry &entry = m_entries.at(i);
        if (!includeEndOfLife && entry.endOfLife)
            continue;
        if (!entry.matches(search))
            continue;
        result.append(entry);
    }
    return result;
}

std::optional<OsEntry> OsCatalogue::find(const QString &shortId) const
{
    const auto it = m_byShortId.constFind(shortId);
    if (it == m_byShortId.constEnd())
        return std::nullopt;
    return m_entries.at(*it);
}

std::optional<OsEntry> OsCatalogue::findByOsinfoId(const QString &osinfoId) const
{
    const auto it = m_byOsinfoId.constFind(osinfoId);
    if (it == m_byOsinfoId.constEnd())
        return std::nullopt;
    return m_entries.at(*it);
}

OsResources OsCatalogue::recommendedFor(const OsEntry &entry, const QString &arch) const
{
    return entry.recommendedFor(arch);
}

OsResources OsCatalogue::minimumFor(const OsEntry &entry, const QString &arch) const
{
    return entry.minimumFor(arch);
}

int OsCatalogue::count(const QString &arch) const
{
    return int(m_byArch.value(arch).size());
}

QStringList OsCatalogue::arches() const
{
    QStringList result = m_byArch.keys();
    result.sort();
    return result;
}

} // namespace crossvirt::models
