#pragma once

#include <QStringList>

class QAbstractItemModel;
class QLabel;
class QTableView;
class QTreeWidget;
class QWidget;

namespace crossvirt::views {

/// A selectable, wrapping value label for the read-only details pages.
QLabel *detailValueLabel(QWidget *parent);
/// A compact read-only table (no selection, columns fit their contents).
QTreeWidget *detailTable(const QStringList &headers, QWidget *parent);
/// A read-only table of a host's objects (pools, volumes, networks, leases): rows are
/// selected whole, one at a time, names elided in the middle, the last column stretched;
/// `accessibleName` names it for screen readers.
QTableView *listTable(QAbstractItemModel *model, const QString &accessibleName, QWidget *parent);
/// A bold, larger page title.
QLabel *detailTitle(QWidget *parent);

} // namespace crossvirt::views
