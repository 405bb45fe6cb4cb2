#pragma once

#include "models/bulk/BulkActions.h"
#include "views/common/StateIcons.h"

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QTreeWidget;

namespace crossvirt::views {

/// The progress window of one action over several VMs (models::BulkRunner): a row per VM
/// with its host, where it is (waiting, working, done, failed) and its result message, an
/// overall progress bar, Cancel while it runs and Close once every VM has a result.
class BulkProgressDialog : public QDialog
{
    Q_OBJECT
public:
    enum Column
    {
        VmColumn,
        HostColumn,
        ResultColumn,
        ColumnCount
    };

    BulkProgressDialog(models::BulkRunner::SessionLookup sessionFor, models::BulkAction action,
                       const QList<models::BulkTarget> &targets, QWidget *parent = nullptr);
    ~BulkProgressDialog() override;

    /// Starts the runner (once).
    void start();
    bool isRunning() const;
    bool isFinished() const { return m_finished; }

    QTreeWidget *table() const { return m_table; }
    QProgressBar *overallProgress() const { return m_overall; }
    QLabel *summaryLabel() const { return m_summary; }
    QPushButton *cancelButton() const;
    QPushButton *closeButton() const;
    WorkState stateOf(int row) const;
    QString messageOf(int row) const;

    /// Cancels while running (the window stays to show what was cancelled), else closes.
    void reject() override;

    /// The runner's reports (public so a screenshot can show a run without hosts).
    void showStarted(int index);
    void showFinished(int index, const models::BulkItemResult &result);
    void showAllFinished(const QList<models::BulkItemResult> &results);

signals:
    /// Every VM has a result.
    void finished(const QList<models::BulkItemResult> &results);

private:
    void setRowState(int row, WorkState state, const QString &message);

    models::BulkAction m_action;
    QList<models::BulkTarget> m_targets;
    models::BulkRunner *m_runner;
    QTreeWidget *m_table;
    QLabel *m_summary;
    QProgressBar *m_overall;
    QDialogButtonBox *m_buttons;
    int m_done = 0;
    bool m_started = false;
    bool m_finished = false;
};

} // namespace crossvirt::views
