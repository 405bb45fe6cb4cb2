#include "models/osinfo/OsListModel.h"

#include <QLocale>

using namespace Qt::StringLiterals;

namespace crossvirt::models {

OsListModel::OsListModel(QObject *parent) : QAbstractListModel(parent) {}

void OsListModel::setEntries(const QString &arch, const QList<OsEntry> &entries)
{
    beginResetModel();
    m_arch = arch;
    m_entries = entries;
    endResetModel();
}

int OsListModel::rowOf(const QString &shortId) const
{
    for (int row = 0; row < m_entries.size(); ++row) {
        if (m_entries.at(row).shortIds.contains(shortId))
            return row;
    }
    return -1;
}

int OsListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

QVariant OsListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const OsEntry &entry = m_entries.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole:
        return entry.name;
    case Qt::ToolTipRole:
        return toolTip(entry);
    case ShortIdRole:
        return entry.id;
    case RamRole:
        return entry.recommendedFor(m_arch).ramMiB;
    case VcpusRole:
        return entry.recommendedFor(m_arch).vcpus;
    case StorageRole:
        return entry.recommendedFor(m_arch).storageGiB;
    case EndOfLifeRole:
        return entry.endOfLife;
    case VendorRole:
        return entry.vendor;
    case OsinfoIdRole:
        return entry.osinfoId;
    case ReleaseDateRole:
        return entry.releaseDate;
    case SearchTextRole:
        return QStringList{entry.name, entry.vendor, entry.shortIds.join(QLatin1Char(' '))}.join(
            QLatin1Char('\n'));
    default:
        return {};
    }
}

QHash<int, QByteArray> OsListModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert(ShortIdRole, "shortId");
    names.insert(RamRole, "ramMiB");
    names.insert(VcpusRole, "vcpus");
    names.insert(StorageRole, "storageGiB");
    names.insert(EndOfLifeRole, "endOfLife");
    names.insert(VendorRole, "vendor");
    names.insert(OsinfoIdRole, "osinfoId");
    names.insert(ReleaseDateRole, "releaseDate");
    names.insert(SearchTextRole, "searchText");
    return names;
}

QString OsListModel::toolTip(const OsEntry &entry) const
{
    const QLocale locale;
    QStringList lines;
    if (!entry.vendor.isEmpty())
        lines << tr("Vendor: %1").arg(entry.vendor);
    if (entry.releaseDate.isValid())
        lines << tr("Released: %1").arg(locale.toString(entry.releaseDate, QLocale::ShortFormat));
    else if (entry.releaseStatus == u"prerelease" || entry.releaseStatus == u"snapshot")
        lines << tr("Not yet released");
    else if (entry.releaseStatus == u"rolling")
        lines << tr("Rolling release");
    if (entry.eolDate.isValid()) {
        const QString date = locale.toString(entry.eolDate, QLocale::ShortFormat);
        lines << (entry.endOfLife ? tr("End of life since %1").arg(date)
                                  : tr("Supported until %1").arg(date));
    } else if (entry.endOfLife) {
        lines << tr("End of life (released more than five years ago)");
    }
    const OsResources rec = entry.recommendedFor(m_arch);
    lines << tr("Recommended: %1 MiB memory, %n vCPU(s), %2 GiB disk", nullptr, rec.vcpus)
                 .arg(rec.ramMiB)
                 .arg(rec.storageGiB);
    return lines.join(QLatin1Char('\n'));
}

OsFilterProxyModel::OsFilterProxyModel(QObject *parent) : QSortFilterProxyModel(parent) {}

void OsFilterProxyModel::setSearchText(const QString &text)
{
    if (text == m_search)
        return;
    m_search = text;
    m_words = text.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    invalidateFilter();
}

void OsFilterProxyModel::setShowEndOfLife(bool show)
{
    if (show == m_showEndOfLife)
        return;
    m_showEndOfLife = show;
    invalidateFilter();
}

bool OsFilterProxyModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    if (!m_showEndOfLife && index.data(OsListModel::EndOfLifeRole).toBool())
        return false;
    if (m_words.isEmpty())
        return true;
    const QString text = index.data(OsListModel::SearchTextRole).toString();
    return std::all_of(m_words.cbegin(), m_words.cend(), [&](const QString &word) {
        return text.contains(word, Qt::CaseInsensitive);
    });
}

} // namespace crossvirt::models
