#pragma once

#include "models/provisioning/HostChoices.h"
#include "models/provisioning/ProvisioningJobs.h"
#include "models/provisioning/StorageInventory.h"
#include "models/provisioning/VmSpec.h"
#include "models/provisioning/VmSpecValidator.h"

#include <QHash>
#include <QPointer>
#include <QWizard>
#include <memory>
#include <optional>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QListView;
class QPlainTextEdit;
class QSpinBox;

namespace crossvirt::models {
class ClusterList;
class Datacenter;
class HostSession;
class OsCatalogue;
class OsFilterProxyModel;
class OsListModel;
} // namespace crossvirt::models

namespace crossvirt::views {

class ChoiceCombo;

/// The New VM wizard. Where (a cluster, whose arch and hosts decide, or a host and an arch
/// it can run), machine type, OS from the osinfo catalogue (setting recommended sizes),
/// name, CPUs, memory, CPU, storage, CD-ROM, NIC, graphics, video and console: every list
/// comes from the arch layer for the guest's arch, machine and host, and says what it
/// withholds. The last page shows where the VM will run and the exact domain XML; Create
/// runs the provisioning job and, on failure, names the step and keeps the wizard open.
class NewVmDialog : public QWizard
{
    Q_OBJECT
public:
    NewVmDialog(models::Datacenter *datacenter, models::ClusterList *clusters,
                QWidget *parent = nullptr);
    ~NewVmDialog() override;

    /// Pre-selects a host or a cluster as the place for the VM; false when unknown.
    bool selectHost(const QString &uri);
    bool selectCluster(const QString &clusterId);
    /// Picks the guest arch (host placement only); false when the host cannot run it.
    bool selectArch(const QString &arch);

    /// True once the host's choices and storage for the current selection have arrived.
    bool isReady() const;
    /// Whether a validation problem belongs to a field on wizard page `pageId`.
    bool pageHasProblems(int pageId) const;
    /// The spec as the pages currently describe it.
    models::VmSpec spec() const;
    /// Problems with spec() (empty: Create is enabled on the last page).
    QList<models::ValidationProblem> problems() const { return m_problems; }
    /// The domain XML the last page shows (empty while the spec has problems).
    QString domainXml() const;
    QString placementText() const;

    // Widgets, for tests and screenshots.
    QComboBox *targetCombo() const { return m_target; }
    QComboBox *archCombo() const { return m_arch; }
    QComboBox *hostCombo() const { return m_host; }
    ChoiceCombo *machineCombo() const { return m_machine; }
    QLineEdit *osSearch() const { return m_osSearch; }
    QListView *osList() const { return m_osList; }
    QLineEdit *nameEdit() const { return m_name; }
    QSpinBox *vcpusSpin() const { return m_vcpus; }
    QSpinBox *memorySpin() const { return m_memory; }
    ChoiceCombo *cpuCombo() const { return m_cpu; }
    QComboBox *storageKindCombo() const { return m_storageKind; }
    QComboBox *poolCombo() const { return m_pool; }
    QSpinBox *sizeSpin() const { return m_size; }
    QComboBox *formatCombo() const { return m_format; }
    QComboBox *volumeCombo() const { return m_volume; }
    ChoiceCombo *diskInterfaceCombo() const { return m_diskBus; }
    QCheckBox *cdromCheck() const { return m_cdrom; }
    QComboBox *isoCombo() const { return m_iso; }
    ChoiceCombo *cdromInterfaceCombo() const { return m_cdromBus; }
    QCheckBox *nicCheck() const { return m_nic; }
    QComboBox *networkCombo() const { return m_network; }
    ChoiceCombo *nicModelCombo() const { return m_nicModel; }
    ChoiceCombo *graphicsCombo() const { return m_graphics; }
    ChoiceCombo *videoCombo() const { return m_video; }
    ChoiceCombo *consoleCombo() const { return m_console; }
    QCheckBox *startCheck() const { return m_start; }
    QCheckBox *openConsoleCheck() const { return m_openConsole; }
    QPlainTextEdit *xmlView() const { return m_xml; }
    QLabel *createErrorLabel() const { return m_createError; }
    /// The inline message shown under a field ("name", "memory", "size", ...).
    QString fieldMessage(const QString &field) const;

    enum PageId
    {
        PlacementPage,
        ResourcesPage,
        StoragePage,
        DevicesPage,
        SummaryPage
    };

signals:
    /// The VM was defined (and started when asked). `openConsole`: the user wants its console.
    void vmCreated(crossvirt::models::HostSession *session, const crossvirt::models::CreatedVm &vm,
                   bool openConsole);

public:
    void accept() override;

private:
    struct Target
    {
        QString clusterId; ///< set for a cluster placement
        QString hostUri;   ///< set for a host placement
    };

    void buildPlacementPage();
    void buildResourcesPage();
    void buildStoragePage();
    void buildDevicesPage();
    void buildSummaryPage();

    void fillTargets();
    void targetChanged();
    void archChanged();
    void hostChanged();
    void machineChanged();
    void requestContext(bool refillMachines);
    void applyContext(const models::GuestHostContext &context, bool refillMachines);
    void applyStorage();
    void fillVolumes();
    void osChanged();
    void validate();
    Target currentTarget() const;
    models::HostSession *currentSession() const;
    models::HostChoicesProvider *provider(models::HostSession *session);
    void setBusy(bool busy);

    models::Datacenter *m_datacenter;
    models::ClusterList *m_clusters;
    QHash<models::HostSession *, QPointer<models::HostChoicesProvider>> m_providers;
    std::shared_ptr<const models::OsCatalogue> m_catalogue;
    std::optional<models::GuestHostContext> m_context; ///< for the current selection
    std::optional<models::GuestChoices> m_choices;
    std::optional<models::StorageSnapshot> m_storage;
    QString m_storageUri; ///< host the storage snapshot is from
    quint64 m_contextRequest = 0;
    quint64 m_storageRequest = 0;
    bool m_contextPending = false;
    bool m_creating = false;
    QList<models::ValidationProblem> m_problems;
    QString m_planError;
    QString m_xmlText;

    QComboBox *m_target = nullptr;
    QComboBox *m_arch = nullptr;
    QLabel *m_archNote = nullptr;
    QComboBox *m_host = nullptr;
    QLabel *m_hostNote = nullptr;
    ChoiceCombo *m_machine = nullptr;
    QLineEdit *m_osSearch = nullptr;
    QCheckBox *m_showEol = nullptr;
    QListView *m_osList = nullptr;
    QLabel *m_osNote = nullptr;
    models::OsListModel *m_osModel = nullptr;
    models::OsFilterProxyModel *m_osFilter = nullptr;
    QLineEdit *m_name = nullptr;
    QSpinBox *m_vcpus = nullptr;
    QSpinBox *m_memory = nullptr;
    QLabel *m_memoryNote = nullptr;
    ChoiceCombo *m_cpu = nullptr;
    QComboBox *m_storageKind = nullptr;
    QComboBox *m_pool = nullptr;
    QSpinBox *m_size = nullptr;
    QComboBox *m_format = nullptr;
    QComboBox *m_volume = nullptr;
    ChoiceCombo *m_diskBus = nullptr;
    QCheckBox *m_cdrom = nullptr;
    QComboBox *m_iso = nullptr;
    ChoiceCombo *m_cdromBus = nullptr;
    QCheckBox *m_nic = nullptr;
    QComboBox *m_network = nullptr;
    ChoiceCombo *m_nicModel = nullptr;
    ChoiceCombo *m_graphics = nullptr;
    ChoiceCombo *m_video = nullptr;
    ChoiceCombo *m_console = nullptr;
    QLabel *m_placement = nullptr;
    QPlainTextEdit *m_xml = nullptr;
    QCheckBox *m_start = nullptr;
    QCheckBox *m_openConsole = nullptr;
    QLabel *m_createError = nullptr;
    QLabel *m_status = nullptr;
    QHash<QString, QLabel *> m_errorLabels; ///< field id -> its inline message
    QHash<QString, int> m_fieldPage;        ///< field id -> page
};

} // namespace crossvirt::views
