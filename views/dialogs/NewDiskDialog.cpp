#include "views/dialogs/NewDiskDialog.h"
#include "views/common/Accessibility.h"

#include "models/connection/FutureHandling.h"
#include "models/connection/HostSession.h"
#include "models/inventory/InventoryModel.h"
#include "models/provisioning/DomainXmlBuilder.h"
#include "models/provisioning/HostCapabilitiesService.h"
#include "views/dialogs/ChoiceCombo.h"
#include "views/dialogs/FieldMessage.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QVBoxLayout>

namespace crossvirt::views {

using namespace Qt::StringLiterals;

namespace {
QWidget *withError(QWidget *parent, QWidget *field, QLabel *error)
{
    auto *box = new QWidget(parent);
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(field);
    layout->addWidget(error);
    return box;
}
} // namespace

NewDiskDialog::NewDiskDialog(models::HostSession *session, const models::DomainSummary &vm,
                             QWidget *parent)
    : NewDiskDialog(session, vm, nullptr, parent)
{}

NewDiskDialog::NewDiskDialog(models::HostSession *session, const models::DomainSummary &vm,
                             models::HostCapabilitiesService *capabilities, QWidget *parent)
    : QDialog(parent), m_session(session), m_vm(vm)
{
    setWindowTitle(tr("Add Disk to %1").arg(vm.name));
    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_mode = new QLabel(this);
    m_mode->setWordWrap(true);
    m_mode->setText(running()
                        ? tr("%1 is running (%2, %3): only interfaces that can be hot-plugged "
                             "are offered. The disk is attached now and kept in its definition.")
                              .arg(vm.name, vm.arch, vm.machine)
                        : tr("%1 is stopped (%2, %3): the disk is added to its definition and "
                             "appears at the next start.")
                              .arg(vm.name, vm.arch, vm.machine));
    form->addRow(m_mode);

    m_pool = new QComboBox(this);
    m_poolError = makeFieldError(this);
    form->addRow(tr("&Pool:"), withError(this, m_pool, m_poolError));
    m_size = new QSpinBox(this);
    m_size->setRange(0, 1024 * 1024);
    m_size->setSuffix(tr(" GiB"));
    m_size->setValue(10);
    m_size->setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
    m_size->setMinimumWidth(160);
    m_sizeError = makeFieldError(this);
    form->addRow(tr("&Size:"), withError(this, m_size, m_sizeError));
    m_format = new QComboBox(this);
    m_format->addItem(tr("qcow2 (thin, snapshots)"), u"qcow2"_s);
    m_format->addItem(tr("raw (fastest)"), u"raw"_s);
    form->addRow(tr("&Format:"), m_format);
    m_interface = new ChoiceCombo(this);
    m_interfaceError = makeFieldError(this);
    form->addRow(tr("&Interface:"), withError(this, m_interface, m_interfaceError));
    m_target = new QLabel(this);
    m_target->setWordWrap(true);
    form->addRow(tr("Device:"), m_target);
    labelFormFields(form);

    m_attachError = makeFieldError(this);
    m_attachError->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    attachButton()->setText(tr("&Attach"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &NewDiskDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_attachError);
    layout->addStretch();
    layout->addWidget(m_buttons);
    setMinimumWidth(520);

    connect(m_pool, &QComboBox::currentIndexChanged, this, &NewDiskDialog::validate);
    connect(m_size, &QSpinBox::valueChanged, this, &NewDiskDialog::validate);
    connect(m_format, &QComboBox::currentIndexChanged, this, &NewDiskDialog::validate);
    connect(m_interface, &ChoiceCombo::currentIdChanged, this, &NewDiskDialog::validate);

    if (!session) {
        validate();
        return;
    }
    models::HostChoicesProvider *choices = capabilities
                                               ? capabilities->provider(session)
                                               : new models::HostChoicesProvider(session, this);
    whenFinished(
        choices->guestContext(vm.arch, vm.machine, true), this,
        [this](const models::GuestHostContext &context) { applyContext(context); },
        [this](const QString &error) {
            setFieldErrors(m_attachError,
                           {tr("The host's choices could not be read: %1").arg(error)});
        });
    whenFinished(
        models::fetchStorage(session), this,
        [this](const models::StorageSnapshot &storage) {
            m_storage = storage;
            applyStorage();
        },
        [this](const QString &error) {
            m_storage = models::StorageSnapshot{};
            applyStorage();
            setFieldErrors(m_poolError,
                           {tr("The host's storage could not be read: %1").arg(error)});
        });
    whenFinished(
        session->domainDetails(vm.uuid), this,
        [this](const models::DomainDetails &details) {
            m_domainXml = details.xml;
            m_detailsLoaded = true;
            validate();
        },
        [this](const QString &error) {
            m_detailsLoaded = true;
            setFieldErrors(m_attachError,
                           {tr("The VM's devices could not be read: %1").arg(error)});
            validate();
        });
    validate();
}

bool NewDiskDialog::running() const
{
    return models::isActive(m_vm.state);
}

QPushButton *NewDiskDialog::attachButton() const
{
    return m_buttons->button(QDialogButtonBox::Ok);
}

bool NewDiskDialog::isReady() const
{
    return m_context.has_value() && m_storage.has_value() && m_detailsLoaded;
}

void NewDiskDialog::applyContext(const models::GuestHostContext &context)
{
    m_context = context;
    if (const arch::ArchModel *m = context.model()) {
        const arch::GuestContext ctx = context.context(running());
        m_interface->setChoices(m->diskInterfaces(ctx), m->defaultDevices(ctx).diskInterface);
    }
    validate();
}

void NewDiskDialog::applyStorage()
{
    {
        const QSignalBlocker block(m_pool);
        m_pool->clear();
        for (const models::PoolContents &p : m_storage->pools) {
            if (p.info.active) {
                m_pool->addItem(
                    tr("%1 (%2 free)").arg(p.info.name, models::formatKiB(p.info.available / 1024)),
                    p.info.name);
            }
        }
        m_pool->setCurrentIndex(m_pool->count() > 0 ? 0 : -1);
    }
    validate();
}

models::AttachDiskSpec NewDiskDialog::spec() const
{
    models::AttachDiskSpec s;
    s.vmName = m_vm.name;
    s.pool = m_pool->currentData().toString();
    s.sizeGiB = m_size->value();
    s.format = m_format->currentData().toString();
    s.interfaceId = m_interface->currentId();
    return s;
}

void NewDiskDialog::validate()
{
    m_problems.clear();
    m_preview.clear();
    const models::AttachDiskSpec s = spec();
    const arch::ArchModel *model = m_context ? m_context->model() : nullptr;
    if (model) {
        m_problems = models::VmSpecValidator::validate(
            s, *model, m_context->context(running()),
            models::ValidationHost{0, m_storage ? &*m_storage : nullptr});
    } else if (m_context) {
        m_problems.append(
            {u"vm"_s, tr("Crossvirt does not know the %1 architecture.").arg(m_vm.arch)});
    }
    QStringList pool, size, iface, other;
    for (const auto &p : std::as_const(m_problems)) {
        if (p.field == "pool"_L1 || p.field == "volume"_L1)
            pool << p.message;
        else if (p.field == "size"_L1 || p.field == "format"_L1)
            size << p.message;
        else if (p.field == "diskInterface"_L1)
            iface << p.message;
        else
            other << p.message;
    }
    setFieldErrors(m_poolError, pool);
    setFieldErrors(m_sizeError, size);
    setFieldErrors(m_interfaceError, iface);

    if (model && !m_domainXml.isEmpty() && !s.interfaceId.isEmpty()) {
        const models::DiskAttachPlan plan = models::DiskXmlBuilder::plan(
            m_domainXml, *model, s.interfaceId, s.pool, u"new"_s, s.format);
        if (!plan.error.isEmpty()) {
            m_problems.append({u"diskInterface"_s, plan.error});
            setFieldErrors(m_interfaceError, iface << plan.error);
        } else {
            m_preview = plan.controllerXml.isEmpty()
                            ? tr("%1 on the %2 bus").arg(plan.targetDev, plan.bus)
                            : tr("%1 on the %2 bus; a %3 controller is added for it")
                                  .arg(plan.targetDev, plan.bus,
                                       arch::ArchModel::diskInterfaceLabel(s.interfaceId));
        }
    }
    m_target->setText(isReady() ? m_preview : tr("Reading the VM and the host…"));
    attachButton()->setEnabled(isReady() && m_problems.isEmpty() && !m_attaching && m_session);
}

QString NewDiskDialog::targetPreview() const
{
    return m_preview;
}

QString NewDiskDialog::fieldMessage(const QString &field) const
{
    const QLabel *label = field == "pool"_L1            ? m_poolError
                          : field == "size"_L1          ? m_sizeError
                          : field == "diskInterface"_L1 ? m_interfaceError
                                                        : m_attachError;
    return label->isHidden() ? QString() : label->text();
}

void NewDiskDialog::accept()
{
    if (m_attaching || !m_session || !m_problems.isEmpty() || !isReady())
        return;
    m_attaching = true;
    setFieldErrors(m_attachError, {});
    validate();
    whenFinished(
        models::attachDisk(m_session, spec()), this,
        [this](const models::AttachedDisk &disk) {
            m_attaching = false;
            emit diskAttached(disk);
            QDialog::accept();
        },
        [this](const QString &text) {
            m_attaching = false;
            setFieldErrors(m_attachError, {tr("The disk was not added. %1").arg(text)});
            validate();
        });
}

} // namespace crossvirt::views
