#pragma once

#include <QStringList>

class QLabel;
class QTreeWidget;
class QWidget;

namespace crossvirt::views {

/// A selectable, wrapping value label for the read-only details pages.
QLabel *detailValueLabel(QWidget *parent);
/// A compact read-only table (no selection, columns fit their contents).
QTreeWidget *detailTable(const QStringList &headers, QWidget *parent);
/// A bold, larger page title.
QLabel *detailTitle(QWidget *parent);

} // namespace crossvirt::views
