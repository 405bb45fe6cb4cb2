#pragma once

#include "models/vmedit/VmEdit.h"

#include <QPointer>
#include <QWidget>

class QLabel;
class QListWidget;
class QPushButton;
class QStackedWidget;
class QTreeWidget;

namespace crossvirt::models {
class HostSession;
}

namespace crossvirt::views {

class BootSection;
class CpuSection;
class DeviceSection;
class EditSection;
class MemorySection;
class OverviewSection;
class VmXmlPage;

/// The VM window's Details tab (virt-manager's layout): a list of Overview, CPUs, Memory,
/// Boot Options and the VM's devices, the page of the selected entry, the staged changes
/// with when each takes effect (models::planEdit), and Add Hardware…, Remove…, Apply and
/// Revert. Loads with models::loadVmForEdit when first shown and again when the VM starts
/// or stops, keeping unsaved edits. Also owns the XML tab's page (xmlPage()), which shows
/// the same loaded definitions.
class VmDetailsPage : public QWidget
{
    Q_OBJECT
public:
    VmDetailsPage(models::HostSession *session, const QString &uuid, QWidget *parent = nullptr);

    /// The XML tab's page (the VM window adds it as a tab of its own).
    VmXmlPage *xmlPage() const { return m_xml; }

    /// Re-reads the VM (off the GUI thread); staged edits stay staged.
    void reload();
    /// Applies the staged changes (applyEdit), then reloads.
    void apply();
    /// Drops the staged changes.
    void revert();
    /// Shows the page of `key`: "overview", "cpus", "memory", "boot" or "device:ID".
    bool selectPage(const QString &key);

    bool isLoaded() const { return m_loaded; }
    /// Whether a load or an apply is under way.
    bool isBusy() const { return m_busy; }
    const models::VmEditContext &context() const { return m_ctx; }
    const models::VmConfig &wanted() const { return m_wanted; }
    const models::EditPlan &plan() const { return m_plan; }
    /// The NIC pages' staged changes, by MAC.
    const QMap<QString, models::NicUpdate> &nicUpdates() const { return m_nicUpdates; }

    QListWidget *pageList() const { return m_list; }
    OverviewSection *overviewSection() const { return m_overview; }
    CpuSection *cpuSection() const { return m_cpu; }
    MemorySection *memorySection() const { return m_memory; }
    BootSection *bootSection() const { return m_boot; }
    DeviceSection *deviceSection() const { return m_device; }
    QPushButton *applyButton() const { return m_apply; }
    QPushButton *revertButton() const { return m_revert; }
    QPushButton *addHardwareButton() const { return m_addHardware; }
    QPushButton *removeButton() const { return m_remove; }
    /// The staged changes as listed: "DESCRIPTION — WHEN" per step.
    QStringList stepLines() const;
    /// What the last apply, load or media change said (result or error).
    QString messageText() const;
    QString errorText() const;

public slots:
    /// Opens Add Hardware for this VM; reloads when a device was added.
    void openAddHardware();
    /// Asks to remove the selected device; reloads when it was removed.
    void openRemoveDevice();

signals:
    /// A load finished (the XML tab follows it).
    void contextLoaded(const crossvirt::models::VmEditContext &ctx);
    /// A load, apply or media change finished (for tests and the window).
    void idle();

protected:
    void showEvent(QShowEvent *event) override;

private:
    void loaded(const models::VmEditContext &ctx);
    void fillSections();
    void rebuildList();
    void pageChanged();
    void edited();
    void replan();
    void updateButtons();
    void setBusy(bool busy);
    void showResult(const QString &text);
    void showError(const QString &text);
    void changeMedia(const QString &target, const QString &source);
    void nicEdited(const QString &mac, const models::NicUpdate &update);
    void fetchStorage();
    void runPlan(const models::EditPlan &plan, const QString &doneText);
    QString selectedKey() const;
    QString selectedDeviceId() const;

    QPointer<models::HostSession> m_session;
    QString m_uuid;
    models::VmEditContext m_ctx;
    models::VmConfig m_wanted;
    models::EditPlan m_plan;
    /// The NIC pages' staged changes, by MAC.
    QMap<QString, models::NicUpdate> m_nicUpdates;
    bool m_loaded = false;
    bool m_busy = false;
    bool m_reloadPending = false;
    bool m_deleted = false;

    QListWidget *m_list;
    QStackedWidget *m_stack;
    OverviewSection *m_overview;
    CpuSection *m_cpu;
    MemorySection *m_memory;
    BootSection *m_boot;
    DeviceSection *m_device;
    QList<EditSection *> m_sections;
    QLabel *m_loading;
    QTreeWidget *m_steps;
    QLabel *m_message;
    QLabel *m_error;
    QPushButton *m_addHardware, *m_remove, *m_apply, *m_revert;
    VmXmlPage *m_xml;
};

/// Copies into `target` (a freshly loaded definition) the fields where `edited` differs
/// from `base` (the definition it was edited from): unsaved edits survive a reload.
void keepEdits(const models::VmConfig &base, const models::VmConfig &edited,
               models::VmConfig &target);

} // namespace crossvirt::views
