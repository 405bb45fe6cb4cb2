#include "views/mainwindow/WindowLayout.h"

#include <QHeaderView>
#include <QMainWindow>
#include <QSettings>
#include <QSplitter>
#include <QTimer>
#include <QTreeView>

namespace crossvirt::views {

using namespace Qt::StringLiterals;

namespace {

// A column fitted to its contents never takes more than this; longer text (a host's
// connection error) is elided and shown whole in the tooltip.
constexpr int kMaxFittedColumnWidth = 260;

const QString kMainGroup = u"layout/mainWindow"_s;
const QString kVmGroup = u"layout/vmWindows"_s;

} // namespace

MainWindowLayout::MainWindowLayout(const Parts &parts, QObject *parent)
    : QObject(parent), m_parts(parts), m_fitTimer(new QTimer(this))
{
    m_fitTimer->setSingleShot(true);
    m_fitTimer->setInterval(0);
    connect(m_fitTimer, &QTimer::timeout, this, &MainWindowLayout::fitColumns);
    QHeaderView *header = m_parts.tree->header();
    // A column the user drags to a width keeps it (and the choice is remembered).
    connect(header, &QHeaderView::sectionResized, this, [this](int logical, int, int) {
        if (!m_fitting && logical != m_parts.nameColumn && m_parts.tree->isVisible())
            m_autoFit = false;
    });
    QAbstractItemModel *model = m_parts.tree->model();
    connect(model, &QAbstractItemModel::rowsInserted, this, &MainWindowLayout::scheduleFit);
    connect(model, &QAbstractItemModel::rowsRemoved, this, &MainWindowLayout::scheduleFit);
    connect(model, &QAbstractItemModel::modelReset, this, &MainWindowLayout::scheduleFit);
    connect(model, &QAbstractItemModel::layoutChanged, this, &MainWindowLayout::scheduleFit);
    connect(model, &QAbstractItemModel::dataChanged, this,
            [this](const QModelIndex &topLeft, const QModelIndex &bottomRight) {
                if (topLeft.column() != m_parts.statsColumn ||
                    bottomRight.column() != m_parts.statsColumn)
                    scheduleFit();
            });
    // Fit to the rows on screen: measuring a thousand rows' text per column (Qt's
    // default) took 150 ms of the GUI thread per fit at 10,000 VMs.
    header->setResizeContentsPrecision(0);
}

void MainWindowLayout::scheduleFit()
{
    if (m_autoFit && !m_fitTimer->isActive())
        m_fitTimer->start();
}

void MainWindowLayout::fitColumns()
{
    if (!m_autoFit)
        return;
    QTreeView *tree = m_parts.tree;
    QHeaderView *header = tree->header();
    m_fitting = true;
    for (int c = 0; c < header->count(); ++c) {
        if (c == m_parts.nameColumn || header->isSectionHidden(c))
            continue;
        // QTreeView hides sizeHintForColumn; the base class has it public (virtual).
        const QAbstractItemView *view = tree;
        const int wanted = qMax(header->sectionSizeHint(c), view->sizeHintForColumn(c));
        const int width = qBound(header->minimumSectionSize(), wanted, kMaxFittedColumnWidth);
        if (header->sectionSize(c) != width)
            header->resizeSection(c, width);
    }
    m_fitting = false;
}

void MainWindowLayout::captureDefaultsAndRestore()
{
    QMainWindow *w = m_parts.window;
    QHeaderView *header = m_parts.tree->header();
    m_defaultState = w->saveState();
    m_defaultHeader = header->saveState();
    m_defaultSplitter = m_parts.splitter->sizes();
    m_defaultWidth = w->width();
    m_defaultHeight = w->height();

    QSettings settings;
    settings.beginGroup(kMainGroup);
    m_fitting = true;
    if (settings.contains(u"geometry"_s))
        w->restoreGeometry(settings.value(u"geometry"_s).toByteArray());
    if (settings.contains(u"state"_s))
        w->restoreState(settings.value(u"state"_s).toByteArray());
    if (settings.contains(u"splitter"_s))
        m_parts.splitter->restoreState(settings.value(u"splitter"_s).toByteArray());
    if (settings.contains(u"treeHeader"_s) &&
        header->restoreState(settings.value(u"treeHeader"_s).toByteArray())) {
        // The header remembers the sort indicator; the model must sort by it too.
        m_parts.tree->sortByColumn(header->sortIndicatorSection(), header->sortIndicatorOrder());
        m_autoFit = !settings.value(u"columnsSized"_s, false).toBool();
    }
    m_fitting = false;
    if (settings.value(u"viewByCluster"_s, false).toBool())
        m_parts.setViewByCluster(true);
    scheduleFit();
}

void MainWindowLayout::save() const
{
    QSettings settings;
    settings.beginGroup(kMainGroup);
    settings.setValue(u"geometry"_s, m_parts.window->saveGeometry());
    settings.setValue(u"state"_s, m_parts.window->saveState());
    settings.setValue(u"splitter"_s, m_parts.splitter->saveState());
    settings.setValue(u"treeHeader"_s, m_parts.tree->header()->saveState());
    settings.setValue(u"columnsSized"_s, !m_autoFit);
    settings.setValue(u"viewByCluster"_s, m_parts.viewByCluster());
}

void MainWindowLayout::reset()
{
    {
        QSettings settings;
        settings.remove(u"layout"_s);
    }
    QMainWindow *w = m_parts.window;
    QHeaderView *header = m_parts.tree->header();
    m_fitting = true;
    if (w->isMaximized() || w->isFullScreen())
        w->showNormal();
    w->restoreState(m_defaultState);
    header->restoreState(m_defaultHeader);
    m_parts.tree->sortByColumn(header->sortIndicatorSection(), header->sortIndicatorOrder());
    w->resize(m_defaultWidth, m_defaultHeight);
    if (!m_defaultSplitter.isEmpty())
        m_parts.splitter->setSizes(m_defaultSplitter);
    m_fitting = false;
    m_parts.setViewByCluster(false);
    m_autoFit = true;
    fitColumns();
}

QByteArray MainWindowLayout::vmWindowGeometry(const QString &uuid)
{
    QSettings settings;
    return settings.value(kVmGroup + u'/' + uuid).toByteArray();
}

void MainWindowLayout::saveVmWindowGeometry(const QString &uuid, const QByteArray &geometry)
{
    if (uuid.isEmpty())
        return;
    QSettings settings;
    settings.setValue(kVmGroup + u'/' + uuid, geometry);
}

} // namespace crossvirt::views
