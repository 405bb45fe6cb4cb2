#include "views/vm/hardware/AddHardwareDialog.h"

#include "arch/ArchModel.h"
#include "models/connection/FutureHandling.h"
#include "models/connection/HostSession.h"
#include "models/provisioning/StorageInventory.h"
#include "models/storage/StorageJobs.h"
#include "views/dialogs/ChoiceCombo.h"
#include "views/dialogs/FieldMessage.h"
#include "views/vm/hardware/AddHardwarePages.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QRegularExpression>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace crossvirt::views {

using namespace Qt::StringLiterals;
namespace HardwareKind = arch::HardwareKind;

namespace {

bool is(const QString &kind, const char *id)
{
    return kind == QLatin1String(id);
}

/// The disk and CD-ROM sources this VM has (either definition), so Storage does not offer
/// a volume it already uses.
QStringList vmSources(const models::VmEditContext &ctx)
{
    QStringList sources;
    for (const models::VmConfig *config : {&ctx.inactive, &ctx.live}) {
        for (const models::VmDevice &d : config->devices) {
            if (!d.source.isEmpty())
                sources << d.source;
        }
    }
    return sources;
}

} // namespace

AddHardwareDialog::AddHardwareDialog(models::HostSession *session, const models::VmEditContext &ctx,
                                     QWidget *parent)
    : QDialog(parent), m_session(session), m_ctx(ctx)
{
    const QString vmName = m_ctx.inactive.name.isEmpty() ? m_ctx.live.name : m_ctx.inactive.name;
    setWindowTitle(tr("Add Hardware to %1").arg(vmName));

    m_kinds = new QListWidget(this);
    m_kinds->setAccessibleName(tr("Device kinds"));
    m_kinds->setSelectionMode(QAbstractItemView::SingleSelection);
    m_kinds->setUniformItemSizes(true);

    m_title = new QLabel(this);
    QFont big = m_title->font();
    big.setBold(true);
    big.setPointSizeF(big.pointSizeF() * 1.15);
    m_title->setFont(big);
    m_kindNote = makeFieldError(this);
    m_stack = new QStackedWidget(this);

    auto *right = new QVBoxLayout;
    right->addWidget(m_title);
    right->addWidget(m_kindNote);
    right->addSpacing(4);
    right->addWidget(m_stack, 1);

    auto *columns = new QHBoxLayout;
    columns->addWidget(m_kinds);
    columns->addLayout(right, 1);

    m_verdict = new QLabel(this);
    m_verdict->setWordWrap(true);
    m_verdict->setTextFormat(Qt::PlainText);
    m_verdict->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_verdict->setFrameShape(QFrame::StyledPanel);
    m_verdict->setMargin(6);
    m_error = makeFieldError(this);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    addButton()->setText(tr("&Add"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &AddHardwareDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(columns, 1);
    layout->addWidget(m_verdict);
    layout->addWidget(m_error);
    layout->addWidget(m_buttons);
    resize(800, 520);
    setMinimumSize(720, 460);

    buildPages();
    // Size the list to its longest kind name so no name is cut; no list when nothing is known.
    m_kinds->setFixedWidth(m_kinds->sizeHintForColumn(0) + 2 * m_kinds->frameWidth() + 24);
    m_kinds->setVisible(m_kinds->count() > 0);
    connect(m_kinds, &QListWidget::currentRowChanged, this, &AddHardwareDialog::showKind);

    if (m_session) {
        whenFinished(
            models::fetchStorage(m_session), this,
            [this](const models::StorageSnapshot &storage) {
                // The pools again with the VMs using each volume, so Storage does not offer
                // another VM's disk as if it were free; without them, the pools as read.
                models::whenFinished(
                    models::storage::readPools(m_session), this,
                    [this, storage](const QList<models::PoolContents> &pools) {
                        models::StorageSnapshot withUsers = storage;
                        withUsers.pools = pools;
                        applyStorage(withUsers);
                    },
                    [this, storage](const QString &) { applyStorage(storage); });
            },
            [this](const QString &error) { storageFailed(error); });
        whenFinished(
            models::hostDevices(m_session), this,
            [this](const QList<models::HostDeviceInfo> &devices) {
                m_devicesLoaded = true;
                for (const char *k : {HardwareKind::UsbHost, HardwareKind::PciHost}) {
                    if (auto *p = qobject_cast<AddHostDevicePage *>(page(QLatin1String(k))))
                        p->setDevices(devices);
                }
                updateVerdict();
            },
            [this](const QString &error) { devicesFailed(error); });
    } else {
        storageFailed(tr("the host is not connected."));
        devicesFailed(tr("the host is not connected."));
    }

    // The first offered kind, as virt-manager opens on Storage.
    int first = -1;
    for (int i = 0; i < m_kinds->count() && first < 0; ++i) {
        if (m_kindChoices.offers(m_kinds->item(i)->data(Qt::UserRole).toString()))
            first = i;
    }
    m_kinds->setCurrentRow(first >= 0 ? first : 0);
    updateVerdict();
}

void AddHardwareDialog::applyStorage(const models::StorageSnapshot &storage)
{
    m_storageLoaded = true;
    if (auto *p = qobject_cast<AddDiskPage *>(page(QLatin1String(HardwareKind::Disk))))
        p->setStorage(storage);
    if (auto *p = qobject_cast<AddCdromPage *>(page(QLatin1String(HardwareKind::Cdrom))))
        p->setStorage(storage);
    if (auto *p = qobject_cast<AddNicPage *>(page(QLatin1String(HardwareKind::Nic))))
        p->setStorage(storage);
    updateVerdict();
}

void AddHardwareDialog::storageFailed(const QString &error)
{
    m_storageLoaded = true;
    if (auto *p = qobject_cast<AddDiskPage *>(page(QLatin1String(HardwareKind::Disk))))
        p->setStorageError(error);
    if (auto *p = qobject_cast<AddCdromPage *>(page(QLatin1String(HardwareKind::Cdrom))))
        p->setStorageError(error);
    if (auto *p = qobject_cast<AddNicPage *>(page(QLatin1String(HardwareKind::Nic))))
        p->setStorageError(error);
    updateVerdict();
}

void AddHardwareDialog::devicesFailed(const QString &error)
{
    m_devicesLoaded = true;
    for (const char *k : {HardwareKind::UsbHost, HardwareKind::PciHost}) {
        if (auto *p = qobject_cast<AddHostDevicePage *>(page(QLatin1String(k))))
            p->setError(error);
    }
    updateVerdict();
}

void AddHardwareDialog::buildPages()
{
    const arch::ArchModel *model = m_ctx.model();
    if (!model) {
        m_title->setText(tr("Unknown architecture"));
        setFieldErrors(m_kindNote, {tr("Crossvirt does not know the %1 architecture, so it "
                                       "cannot say which devices this VM can have.")
                                        .arg(m_ctx.inactive.arch)});
        return;
    }
    const arch::GuestContext gctx = m_ctx.context();
    m_kindChoices = model->hardwareKinds(gctx);
    const QString vmName = m_ctx.inactive.name;

    for (const arch::Choice &c : m_kindChoices.all()) {
        auto *item = new QListWidgetItem(c.label, m_kinds);
        item->setData(Qt::UserRole, c.id);
        if (!c.offered) {
            // Selectable so its page can say why, but greyed like a disabled entry.
            item->setForeground(palette().brush(QPalette::Disabled, QPalette::Text));
            item->setToolTip(c.reason);
        }

        AddHardwarePage *p = nullptr;
        const QString &k = c.id;
        if (is(k, HardwareKind::Disk)) {
            p = new AddDiskPage(model->diskInterfaces(gctx), vmName, vmSources(m_ctx));
        } else if (is(k, HardwareKind::Cdrom)) {
            p = new AddCdromPage(model->cdromInterfaces(gctx));
        } else if (is(k, HardwareKind::Nic)) {
            // Every model the guest can have: one that cannot be hot-plugged (sPAPR VLAN) is
            // still added for the next boot, and the verdict line says so and why.
            arch::GuestContext cold = gctx;
            cold.running = false;
            p = new AddNicPage(model->nicModels(cold));
        } else if (is(k, HardwareKind::Console)) {
            p = new AddModelPage(k, tr("&Type:"), model->consoleTypes(gctx),
                                 tr("A text console the VM window's Console tab can open."));
        } else if (is(k, HardwareKind::Graphics)) {
            p = new AddModelPage(k, tr("&Type:"), model->graphicsTypes(gctx),
                                 tr("A graphical display the Console tab shows."));
        } else if (is(k, HardwareKind::Video)) {
            p = new AddModelPage(k, tr("&Model:"), model->videoModels(gctx),
                                 tr("The display adapter the guest draws on."));
        } else if (is(k, HardwareKind::Controller)) {
            p = new AddModelPage(k, tr("&Controller:"), model->controllerChoices(gctx),
                                 tr("A bus that disks or USB devices are attached to."));
        } else if (is(k, HardwareKind::Input)) {
            p = new AddModelPage(k, tr("&Device:"), model->inputChoices(gctx),
                                 tr("A tablet keeps the pointer in step with the console "
                                    "window; a keyboard or mouse for guests without one."));
        } else if (is(k, HardwareKind::Watchdog)) {
            p = new AddModelPage(k, tr("&Model:"), model->watchdogModels(gctx),
                                 tr("Resets the guest when it stops answering its watchdog."));
        } else if (is(k, HardwareKind::Rng)) {
            p = new AddModelPage(k, tr("&Model:"), model->rngModels(gctx),
                                 tr("Gives the guest entropy from the host's /dev/urandom."));
        } else if (is(k, HardwareKind::Tpm)) {
            p = new AddModelPage(k, tr("&Model:"), model->tpmModels(gctx),
                                 tr("An emulated TPM 2.0 (swtpm) for measured boot and disk "
                                    "encryption keys."));
        } else if (is(k, HardwareKind::UsbHost) || is(k, HardwareKind::PciHost)) {
            p = new AddHostDevicePage(k);
        }
        if (!p) {
            // A kind this dialog has no page for: listed, but nothing to choose.
            p = new AddModelPage(k, tr("&Model:"), arch::ChoiceList{}, {});
        }
        addPage(p);
    }
}

void AddHardwareDialog::addPage(AddHardwarePage *page)
{
    m_pages.insert(page->kind(), page);
    m_stack->addWidget(page);
    page->setEnabled(m_kindChoices.offers(page->kind()));
    connect(page, &AddHardwarePage::changed, this, &AddHardwareDialog::updateVerdict);
}

void AddHardwareDialog::showKind(int row)
{
    QListWidgetItem *item = m_kinds->item(row);
    if (!item)
        return;
    const QString kind = item->data(Qt::UserRole).toString();
    m_title->setText(item->text());
    if (AddHardwarePage *p = page(kind))
        m_stack->setCurrentWidget(p);
    const QString reason = kindReason(kind);
    setFieldErrors(m_kindNote,
                   m_kindChoices.offers(kind)
                       ? QStringList{}
                       : QStringList{reason.isEmpty() ? tr("Not available for this VM.")
                                                      : tr("Not available: %1").arg(reason)});
    setFieldErrors(m_error, {});
    updateVerdict();
}

QStringList AddHardwareDialog::kindIds() const
{
    return m_kindChoices.ids();
}

bool AddHardwareDialog::isKindOffered(const QString &kind) const
{
    return m_kindChoices.offers(kind);
}

QString AddHardwareDialog::kindReason(const QString &kind) const
{
    return m_kindChoices.reasonFor(kind);
}

bool AddHardwareDialog::selectKind(const QString &kind)
{
    for (int i = 0; i < m_kinds->count(); ++i) {
        if (m_kinds->item(i)->data(Qt::UserRole).toString() == kind) {
            m_kinds->setCurrentRow(i);
            return true;
        }
    }
    return false;
}

QString AddHardwareDialog::currentKind() const
{
    const QListWidgetItem *item = m_kinds->currentItem();
    return item ? item->data(Qt::UserRole).toString() : QString();
}

AddHardwarePage *AddHardwareDialog::page(const QString &kind) const
{
    return m_pages.value(kind);
}

ChoiceCombo *AddHardwareDialog::choiceCombo(const QString &kind) const
{
    AddHardwarePage *p = page(kind);
    return p ? p->choiceCombo() : nullptr;
}

models::AddDeviceRequest AddHardwareDialog::request() const
{
    models::AddDeviceRequest r;
    r.kind = currentKind();
    if (const AddHardwarePage *p = page(r.kind))
        p->fill(r);
    return r;
}

bool AddHardwareDialog::isReady() const
{
    return m_storageLoaded && m_devicesLoaded;
}

QString AddHardwareDialog::verdictText() const
{
    return m_verdict->text();
}

QString AddHardwareDialog::kindNoteText() const
{
    return m_kindNote->isHidden() ? QString() : m_kindNote->text();
}

QString AddHardwareDialog::errorText() const
{
    return m_error->isHidden() ? QString() : m_error->text();
}

QPushButton *AddHardwareDialog::addButton() const
{
    return m_buttons->button(QDialogButtonBox::Ok);
}

void AddHardwareDialog::updateVerdict()
{
    m_plan.reset();
    const QString kind = currentKind();
    AddHardwarePage *p = page(kind);
    QString text;
    bool cannot = true; // a refusal, shown in red (missing input is not)
    if (!m_ctx.model()) {
        text = tr("Cannot be added: Crossvirt does not know the %1 architecture.")
                   .arg(m_ctx.inactive.arch);
    } else if (!m_session) {
        text = tr("Cannot be added: the host is not connected.");
    } else if (kind.isEmpty() || !p) {
        cannot = false;
        text = tr("Choose a kind of device on the left.");
    } else if (!m_kindChoices.offers(kind)) {
        const QString reason = kindReason(kind);
        text = reason.isEmpty() ? tr("Cannot be added: not available for this VM.")
                                : tr("Cannot be added: %1").arg(reason);
    } else if (const QString problem = p->problem(); !problem.isEmpty()) {
        // Input still missing: not a verdict on the device yet.
        cannot = false;
        text = problem;
    } else {
        models::EditPlan plan = models::planAddDevice(m_ctx, request());
        if (!plan.ok()) {
            text = tr("Cannot be added: %1").arg(plan.refusals());
        } else if (plan.isEmpty()) {
            text = tr("Cannot be added: Crossvirt found nothing to change.");
        } else {
            cannot = false;
            QString laterReason;
            bool later = false;
            for (const models::EditStep &step : std::as_const(plan.steps)) {
                if (step.rule.timing == arch::ChangeTiming::NextBoot) {
                    later = true;
                    if (laterReason.isEmpty())
                        laterReason = step.rule.reason;
                }
            }
            if (!later)
                text = tr("Added to the running guest now.");
            else if (!laterReason.isEmpty())
                text = tr("Added at the next boot: %1").arg(laterReason);
            else if (m_ctx.running())
                text = tr("Added at the next boot.");
            else
                text = tr("Added at the next boot (the VM is shut off).");
            // Show the name the core gives a new volume the user did not name.
            if (auto *disk = qobject_cast<AddDiskPage *>(p)) {
                static const QRegularExpression nameElement(u"<name>([^<]+)</name>"_s);
                for (const models::EditStep &step : std::as_const(plan.steps)) {
                    if (const auto m = nameElement.match(step.volumeXml); m.hasMatch())
                        disk->setAutomaticName(m.captured(1));
                }
            }
            m_plan = std::move(plan);
        }
    }
    m_verdict->setText(text);
    QPalette pal = palette();
    if (cannot)
        pal.setColor(QPalette::WindowText, QColor(0xb0, 0x20, 0x20));
    m_verdict->setPalette(pal);
    addButton()->setEnabled(m_plan.has_value() && !m_applying && m_session);
}

void AddHardwareDialog::accept()
{
    if (m_applying || !m_session || !m_plan || !m_plan->ok())
        return;
    const models::EditPlan plan = *m_plan;
    m_applying = true;
    setFieldErrors(m_error, {});
    updateVerdict();
    m_kinds->setEnabled(false);
    m_stack->setEnabled(false);
    whenFinished(
        models::applyEdit(m_session, plan), this,
        [this, plan](const models::EditResult &) {
            m_applying = false;
            QStringList parts;
            for (const models::EditStep &step : plan.steps) {
                parts << (step.rule.timing == arch::ChangeTiming::Now
                              ? tr("%1, now").arg(step.description)
                              : tr("%1, at the next boot").arg(step.description));
            }
            emit deviceAdded(parts.join(u"; "_s));
            QDialog::accept();
        },
        [this](const QString &text) {
            m_applying = false;
            m_kinds->setEnabled(true);
            m_stack->setEnabled(true);
            setFieldErrors(m_error, {tr("The device was not added. %1").arg(text)});
            updateVerdict();
        });
}

} // namespace crossvirt::views
