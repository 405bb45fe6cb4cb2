#pragma once

#include "models/snapshots/Snapshots.h"
#include "views/snapshots/TakeSnapshotDialog.h"

#include <QMessageBox>
#include <QPointer>
#include <QWidget>
#include <optional>

class QLabel;

class QProgressBar;
class QPushButton;
class QStackedWidget;
class QTreeWidget;
class QTreeWidgetItem;

namespace crossvirt::models {
class HostSession;
}

namespace crossvirt::views {

class TakeSnapshotDialog;

/// The VM window's Snapshots tab: the VM's snapshots as a tree (name, state, taken,
/// description), the current one in bold and marked, and Take…, Revert, Delete, Refresh.
/// Revert and Delete are enabled only when the arch class allows them for the selected
/// snapshot; otherwise the reason is their tooltip and the line under the tree. It reads
/// the snapshots (loadSnapshots) off the GUI thread when first shown, after each action and
/// when the VM's state changes.
class SnapshotsPage : public QWidget
{
    Q_OBJECT
public:
    enum Column
    {
        NameColumn,
        StateColumn,
        CreatedColumn,
        DescriptionColumn,
        ColumnCount
    };
    /// The snapshot's name on each item of the name column.
    static constexpr int NameRole = Qt::UserRole + 1;

    /// With a null `session` nothing is read: call setSnapshots() (tests, screenshots).
    SnapshotsPage(models::HostSession *session, const QString &uuid, QWidget *parent = nullptr);
    ~SnapshotsPage() override;

    /// Reads the snapshots again (the latest request wins).
    void refresh();
    /// Shows `snapshots` (what refresh() does when the read finishes).
    void setSnapshots(const models::VmSnapshots &snapshots);
    const std::optional<models::VmSnapshots> &snapshots() const { return m_snapshots; }
    /// True while a read or an action runs.
    bool isBusy() const { return m_loads > 0 || m_acting; }
    /// True once a read finished (shown or failed).
    bool isLoaded() const { return m_loaded; }

    QTreeWidget *tree() const { return m_tree; }
    QLabel *emptyLabel() const { return m_empty; }
    /// Why the selected snapshot cannot be reverted or deleted (or no snapshot be taken).
    QLabel *infoLabel() const { return m_info; }
    /// What the last action's failure said (libvirt's text), hidden when none.
    QLabel *errorLabel() const { return m_error; }
    QPushButton *takeButton() const { return m_take; }
    QPushButton *revertButton() const { return m_revert; }
    QPushButton *deleteButton() const { return m_delete; }
    QPushButton *refreshButton() const { return m_refresh; }
    /// The item of snapshot `name`, or nullptr.
    QTreeWidgetItem *itemOf(const QString &name) const;
    QString selectedName() const;
    bool selectSnapshot(const QString &name);
    /// The confirmation open now (Revert, Delete), or nullptr.
    QMessageBox *confirmation() const { return m_confirmation; }
    /// The Take Snapshot dialog open now, or nullptr.
    TakeSnapshotDialog *takeDialog() const { return m_takeDialog; }

    /// The buttons' actions (each asks first, then runs off the GUI thread).
    void takeSnapshot();
    void revertSelected();
    void deleteSelected();

signals:
    /// A read finished and the tree shows it.
    void loaded();
    /// An action finished: `error` is empty when it worked.
    void actionFinished(const QString &error);

protected:
    void showEvent(QShowEvent *event) override;

private:
    void fillTree();
    void updateButtons();
    void setActing(bool acting, const QString &status = {});
    void actionFailed(const QString &text);
    void revert(const QString &name);
    void remove(const QString &name, bool withChildren);
    const models::SnapshotInfo *selected() const;
    QString vmName() const;

    QPointer<models::HostSession> m_session;
    QString m_uuid;
    std::optional<models::VmSnapshots> m_snapshots;
    int m_generation = 0; ///< latest read wins
    int m_loads = 0;
    bool m_loaded = false;
    bool m_acting = false;
    QString m_failure; ///< the last action's failure, kept across the refresh that follows
    QString m_selectAfterLoad;
    int m_lastState = -1; ///< the VM's state last seen: a change reads the snapshots again

    QLabel *m_heading;
    QStackedWidget *m_stack;
    QTreeWidget *m_tree;
    QLabel *m_empty;
    QLabel *m_info;
    QLabel *m_error;
    QLabel *m_status;
    QProgressBar *m_busy;
    QPushButton *m_take;
    QPushButton *m_revert;
    QPushButton *m_delete;
    QPushButton *m_refresh;
    QPointer<QMessageBox> m_confirmation;
    QPointer<TakeSnapshotDialog> m_takeDialog;
};

} // namespace crossvirt::views
