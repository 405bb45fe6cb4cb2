#pragma once

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QPointer>
#include <functional>

class QMainWindow;
class QSplitter;
class QTreeView;
class QTimer;
class QWidget;

namespace crossvirt::views {

/// Remembers the main window's layout in QSettings (group "layout"): window geometry
/// and tool bar state, the splitter, the tree's column widths, order and sort column,
/// and whether the tree shows hosts or clusters. Until the user sizes a column, the
/// columns other than Name fit their contents and Name takes the rest of the width.
/// reset() brings back the layout the window was built with and forgets the saved one
/// (VM windows' geometry included).
class MainWindowLayout : public QObject
{
    Q_OBJECT
public:
    struct Parts
    {
        QMainWindow *window = nullptr;
        QSplitter *splitter = nullptr;
        QTreeView *tree = nullptr;
        int nameColumn = 0;
        int statsColumn = -1; ///< changed by every statistics tick: no refit for it
        std::function<bool()> viewByCluster;
        std::function<void(bool)> setViewByCluster;
    };

    explicit MainWindowLayout(const Parts &parts, QObject *parent = nullptr);

    /// Takes the window as built as the default layout, then restores the saved one.
    void captureDefaultsAndRestore();
    /// Writes the current layout to QSettings.
    void save() const;
    /// The built-in layout again; the saved one (and VM windows' geometry) is forgotten.
    void reset();
    /// Sizes the columns other than Name to their contents (unless the user sized them).
    void fitColumns();
    /// True while columns follow their contents (no width chosen by the user).
    bool columnsFollowContents() const { return m_autoFit; }

    /// A VM window's saved geometry (empty if none), keyed by the VM's UUID.
    static QByteArray vmWindowGeometry(const QString &uuid);
    static void saveVmWindowGeometry(const QString &uuid, const QByteArray &geometry);

private:
    void scheduleFit();

    Parts m_parts;
    QByteArray m_defaultState;
    QByteArray m_defaultHeader;
    QList<int> m_defaultSplitter;
    int m_defaultWidth = 0;
    int m_defaultHeight = 0;
    bool m_autoFit = true;
    bool m_fitting = false;
    QTimer *m_fitTimer;
};

} // namespace crossvirt::views
