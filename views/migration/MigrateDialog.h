#pragma once

#include "models/migration/Migration.h"

#include <QDialog>
#include <QPointer>
#include <optional>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QRadioButton;
class QSpinBox;
class QTableWidget;

namespace crossvirt::models {
class ClusterList;
class Datacenter;
} // namespace crossvirt::models

namespace crossvirt::views {

/// The Migrate dialog over models/migration: the destination host (every other host,
/// grouped by cluster, only the possible ones selectable), live or offline, copy storage,
/// tunnelled or direct, a bandwidth limit; under it the migration check of every other host
/// with "Can migrate" or each reason. Then Migrator with a progress bar (data remaining,
/// downtime) and Cancel, which leaves the VM running on its source.
class MigrateDialog : public QDialog
{
    Q_OBJECT
public:
    /// Runs checkMigration for `uuid` on `sourceUri` at once. With a null `datacenter`
    /// nothing is checked: call setCheck() (tests, screenshots).
    MigrateDialog(models::Datacenter *datacenter, models::ClusterList *clusters,
                  const QString &sourceUri, const QString &uuid, const QString &vmName,
                  QWidget *parent = nullptr);
    ~MigrateDialog() override;

    /// Check table columns.
    enum Column
    {
        HostColumn,
        VerdictColumn,
        NotesColumn,
        ColumnCount
    };

    /// Shows `check` (the latest one asked for): the table, which hosts are selectable.
    void setCheck(const models::MigrationCheck &check);
    /// Shows "Checking…" until the next setCheck().
    void setChecking();
    bool isChecking() const { return m_checking; }
    const std::optional<models::MigrationCheck> &check() const { return m_check; }
    /// Picks `uri` as the destination when it is offered and possible.
    bool selectDestination(const QString &uri);
    QString destinationUri() const;
    /// What the form asks for now.
    models::MigrationRequest request() const;
    bool isMigrating() const;

    QComboBox *destinationCombo() const { return m_destination; }
    QCheckBox *liveBox() const { return m_live; }
    QCheckBox *copyStorageBox() const { return m_copyStorage; }
    QRadioButton *tunnelledButton() const { return m_tunnelled; }
    QRadioButton *directButton() const { return m_direct; }
    QSpinBox *bandwidthSpin() const { return m_bandwidth; }
    QLabel *liveNote() const { return m_liveNote; }
    QLabel *copyStorageNote() const { return m_copyNote; }
    QLabel *destinationNote() const { return m_destinationNote; }
    /// Why the request cannot go ahead as asked (a disk copy through a tunnel), red.
    QLabel *requestProblemsLabel() const { return m_requestProblems; }
    QTableWidget *checkTable() const { return m_table; }
    QLabel *statusLabel() const { return m_status; }
    QProgressBar *progressBar() const { return m_progress; }
    QPushButton *migrateButton() const;
    QPushButton *cancelButton() const;

    /// Starts the move (the Migrate button).
    void startMigration();
    /// Shows where a move is (Migrator's progress; public so a screenshot can show it).
    void showProgress(const models::MigrationProgress &progress);
    /// Shows the end of a move (Migrator's finished; public for tests).
    void showFinished(const models::MigrationResult &result);
    /// Shows a failed or cancelled move (Migrator's failed).
    void showFailed(const QString &message, bool cancelled);
    /// Cancels a running move (the dialog stays open to say where the VM is), else closes.
    void reject() override;

protected:
    void resizeEvent(QResizeEvent *event) override;
    void showEvent(QShowEvent *event) override;

signals:
    /// The VM runs on its destination now.
    void migrated(const crossvirt::models::MigrationResult &result);

private:
    void buildForm();
    void fillDestinations();
    void fillTable();
    void runCheck();
    void destinationChanged();
    void updateLive();
    void updateMigrateButton();
    void setMigrating(bool migrating);
    void fitTableRows();
    QString hostName(const QString &uri) const;
    /// Every host but the source: (URI, name), in the check's order.
    QList<QPair<QString, QString>> otherHosts() const;
    arch::MigrationMode mode() const;

    QPointer<models::Datacenter> m_datacenter;
    QPointer<models::ClusterList> m_clusters;
    QString m_sourceUri;
    QString m_uuid;
    QString m_vmName;
    bool m_running = false;
    std::optional<models::MigrationCheck> m_check;
    bool m_checking = false;
    quint64 m_checkSerial = 0;
    /// Copy storage follows the destination until the user ticks or unticks it.
    bool m_copyStorageByUser = false;
    models::Migrator *m_migrator = nullptr;
    bool m_done = false;
    bool m_inProgress = false; ///< between Migrate and the end (or a shown progress)

    QLabel *m_heading;
    QComboBox *m_destination;
    QLabel *m_destinationNote;
    QCheckBox *m_live;
    QLabel *m_liveNote;
    QCheckBox *m_copyStorage;
    QLabel *m_copyNote;
    QRadioButton *m_tunnelled;
    QRadioButton *m_direct;
    QSpinBox *m_bandwidth;
    QLabel *m_requestProblems;
    QLabel *m_checkHeading;
    QTableWidget *m_table;
    QLabel *m_status;
    QProgressBar *m_progress;
    QDialogButtonBox *m_buttons;
};

} // namespace crossvirt::views
