#pragma once

#include <QAbstractTableModel>
#include <QList>
#include <algorithm>

namespace crossvirt::models {

/// A table of a host's named objects (pools, volumes, networks) refreshed by whole lists:
/// a new list is merged into the rows by key, so selections and scroll positions survive
/// a re-read (rows gone are removed, rows kept are updated, new rows are appended).
class KeyedTableModel : public QAbstractTableModel
{
public:
    using QAbstractTableModel::QAbstractTableModel;

protected:
    /// Merges `fresh` into `rows` by `key`; a kept row whose `same(old, new)` is false is
    /// replaced and reported with dataChanged over `columnCount` columns.
    template<typename T, typename Key, typename Same>
    void mergeRows(QList<T> &rows, const QList<T> &fresh, Key key, Same same, int columnCount)
    {
        // Remove rows whose key is gone, last first so row numbers stay valid.
        for (int row = int(rows.size()) - 1; row >= 0; --row) {
            const auto k = key(rows.at(row));
            if (std::none_of(fresh.begin(), fresh.end(), [&](const T &f) { return key(f) == k; })) {
                beginRemoveRows({}, row, row);
                rows.removeAt(row);
                endRemoveRows();
            }
        }
        for (const T &f : fresh) {
            const int row = rowOfKey(rows, key(f), key);
            if (row >= 0) {
                if (!same(rows.at(row), f)) {
                    rows[row] = f;
                    emit dataChanged(index(row, 0), index(row, columnCount - 1));
                }
            } else {
                beginInsertRows({}, int(rows.size()), int(rows.size()));
                rows.append(f);
                endInsertRows();
            }
        }
    }

    /// The row whose key is `k`, or -1.
    template<typename T, typename K, typename Key>
    static int rowOfKey(const QList<T> &rows, const K &k, Key key)
    {
        const auto it =
            std::find_if(rows.begin(), rows.end(), [&](const T &r) { return key(r) == k; });
        return it == rows.end() ? -1 : int(it - rows.begin());
    }
};

} // namespace crossvirt::models
