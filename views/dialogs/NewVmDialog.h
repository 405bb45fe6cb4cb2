#pragma once

#include "models/provisioning/ProvisioningCore.h"

#include <QHash>
#include <QWizard>
#include <functional>
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
class HostCapabilitiesService;
class HostSession;
class OsCatalogue;
} // namespace crossvirt::models

namespace crossvirt::views {

class ChoiceCombo;
class VmBootOrderPage;
class VmDevicesPage;
class VmInstallPage;
class NewVmPage;
class VmPlacementPage;
class VmResourcesPage;
class VmStoragePage;
class VmSummaryPage;
class VmTemplatePage;
class VmTemplateSummaryPage;
class NewVmFromTemplate;

/// The New VM wizard. Where (a cluster, whose arch and hosts decide, or a host and an arch
/// it can run), machine type, OS from the osinfo catalogue (setting recommended sizes),
/// name, install method (ISO, direct kernel boot, an existing disk, network boot), CPUs,
/// memory, CPU, storage, CD-ROM, NIC, graphics, video, console and boot order: every list
/// comes from the arch layer for the guest's arch, machine and host, and says what it
/// withholds. The last page shows where the VM will run and the exact domain XML; Create
/// runs the provisioning job and, on failure, names the step and keeps the wizard open.
/// The pages (views/dialogs/newvm/) only hold widgets; this class wires them to the
/// provisioning core (models/provisioning/ProvisioningCore.h), which fetches the host's
/// context, gives the defaults, validates, plans and creates, exactly as for
/// `crossvirt-cli create`. Hosts are placed by HostCapabilitiesService::rankHosts.
class NewVmDialog : public QWizard
{
    Q_OBJECT
public:
    /// `capabilities`: the app's shared per-host cache; nullptr makes one for this dialog.
    NewVmDialog(models::Datacenter *datacenter, models::ClusterList *clusters,
                models::HostCapabilitiesService *capabilities, QWidget *parent = nullptr);
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
    QComboBox *targetCombo() const;
    QComboBox *archCombo() const;
    QComboBox *hostCombo() const;
    ChoiceCombo *machineCombo() const;
    QLineEdit *osSearch() const;
    QListView *osList() const;
    QLineEdit *nameEdit() const;
    QSpinBox *vcpusSpin() const;
    QSpinBox *memorySpin() const;
    ChoiceCombo *cpuCombo() const;
    QComboBox *storageKindCombo() const;
    QComboBox *poolCombo() const;
    QSpinBox *sizeSpin() const;
    QComboBox *formatCombo() const;
    QComboBox *volumeCombo() const;
    ChoiceCombo *diskInterfaceCombo() const;
    QCheckBox *cdromCheck() const;
    QComboBox *isoCombo() const;
    ChoiceCombo *cdromInterfaceCombo() const;
    QCheckBox *nicCheck() const;
    QComboBox *networkCombo() const;
    ChoiceCombo *nicModelCombo() const;
    ChoiceCombo *graphicsCombo() const;
    ChoiceCombo *videoCombo() const;
    ChoiceCombo *consoleCombo() const;
    QCheckBox *startCheck() const;
    QCheckBox *openConsoleCheck() const;
    QPlainTextEdit *xmlView() const;
    QLabel *createErrorLabel() const;
    /// The install page (objectName "installPage") and its fields.
    VmInstallPage *installPage() const { return m_installPage; }
    QComboBox *installMethodCombo() const;
    QLineEdit *kernelPathEdit() const;
    QLineEdit *initrdPathEdit() const;
    QLineEdit *kernelArgsEdit() const;
    QLineEdit *dtbPathEdit() const;
    /// The boot options page (objectName "bootOrderPage").
    VmBootOrderPage *bootOrderPage() const { return m_bootOrderPage; }
    /// The guest context the pages currently show (nullopt while it is read).
    const std::optional<models::GuestHostContext> &guestContext() const { return m_context; }
    /// The inline message shown under a field ("name", "memory", "size", ...).
    QString fieldMessage(const QString &field) const;

    enum PageId
    {
        PlacementPage,
        InstallPage,
        ResourcesPage,
        StoragePage,
        DevicesPage,
        BootOrderPage,
        SummaryPage,
        TemplatePage,       ///< from a template: name, host, disks, start
        TemplateSummaryPage ///< from a template: the plan's problems or what will be made
    };

    /// The "From a template" path (its template list, plan and deployment).
    NewVmFromTemplate *fromTemplate() const { return m_fromTemplate; }
    VmTemplatePage *templatePage() const { return m_templatePage; }
    VmTemplateSummaryPage *templateSummaryPage() const { return m_templateSummaryPage; }
    /// Chooses "From a template" (true) or "Install an operating system" on the first page.
    void setFromTemplate(bool fromTemplate);
    int nextId() const override;

signals:
    /// The VM was defined (and started when asked). `openConsole`: the user wants its console.
    void vmCreated(crossvirt::models::HostSession *session, const crossvirt::models::CreatedVm &vm,
                   bool openConsole);

public:
    void accept() override;
    void reject() override;

private:
    struct Target
    {
        QString clusterId; ///< set for a cluster placement
        QString hostUri;   ///< set for a host placement
    };

    void addPage(NewVmPage *page, PageId id, std::function<bool()> complete);
    void fillTargets();
    void targetChanged();
    void archChanged();
    void fillHosts();
    void hostChanged();
    void machineChanged();
    void requestContext(bool refillMachines);
    void applyContext(const models::GuestHostContext &context, bool refillMachines);
    void contextFailed(const QString &error);
    void applyStorage();
    void fillVolumes();
    void osChanged();
    void installMethodPicked();
    void updateKernelArguments();
    void updateBootDevices();
    std::optional<models::OsChoice> currentOs() const;
    void validate();
    Target currentTarget() const;
    bool allowEmulation() const;
    models::HostSession *currentSession() const;
    void setBusy(bool busy);

    models::Datacenter *m_datacenter;
    models::ClusterList *m_clusters;
    models::HostCapabilitiesService *m_capabilities;
    models::GuestContextRequests *m_requests;
    std::shared_ptr<const models::OsCatalogue> m_catalogue;
    std::optional<models::GuestHostContext> m_context; ///< for the current selection
    std::optional<models::GuestChoices> m_choices;
    std::optional<models::StorageSnapshot> m_storage;
    QString m_storageUri; ///< host the storage snapshot is from
    bool m_refillMachines = false;
    bool m_creating = false;
    bool m_closeWhenCancelled = false;
    QList<models::ValidationProblem> m_problems;
    QString m_planError;
    QString m_xmlText;

    VmPlacementPage *m_placementPage = nullptr;
    VmInstallPage *m_installPage = nullptr;
    VmBootOrderPage *m_bootOrderPage = nullptr;
    VmResourcesPage *m_resourcesPage = nullptr;
    VmStoragePage *m_storagePage = nullptr;
    VmDevicesPage *m_devicesPage = nullptr;
    VmSummaryPage *m_summaryPage = nullptr;
    VmTemplatePage *m_templatePage = nullptr;
    VmTemplateSummaryPage *m_templateSummaryPage = nullptr;
    NewVmFromTemplate *m_fromTemplate = nullptr;
    QHash<QString, QLabel *> m_errorLabels; ///< field id -> its inline message
    QHash<QString, int> m_fieldPage;        ///< field id -> page
};

} // namespace crossvirt::views
