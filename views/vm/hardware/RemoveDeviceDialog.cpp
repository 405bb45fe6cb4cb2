#include "views/vm/hardware/RemoveDeviceDialog.h"

#include "arch/GuestChanges.h"
#include "models/connection/FutureHandling.h"
#include "models/connection/HostSession.h"
#include "views/dialogs/FieldMessage.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QStyle>
#include <QVBoxLayout>

namespace crossvirt::views {

using namespace Qt::StringLiterals;
namespace HardwareKind = arch::HardwareKind;

RemoveDeviceDialog::RemoveDeviceDialog(models::HostSession *session,
                                       const models::VmEditContext &ctx, const QString &deviceId,
                                       QWidget *parent)
    : QDialog(parent), m_session(session), m_ctx(ctx), m_deviceId(deviceId)
{
    const QString vmName = m_ctx.inactive.name.isEmpty() ? m_ctx.live.name : m_ctx.inactive.name;
    // A device hot-plugged for this run only is in the live definition alone.
    const models::VmDevice *device = m_ctx.inactive.device(deviceId);
    if (!device)
        device = m_ctx.live.device(deviceId);

    m_question = new QLabel(this);
    m_question->setWordWrap(true);
    m_question->setTextFormat(Qt::PlainText);
    QFont bold = m_question->font();
    bold.setBold(true);
    m_question->setFont(bold);
    m_timing = new QLabel(this);
    m_timing->setWordWrap(true);
    m_timing->setTextFormat(Qt::PlainText);
    m_kept = makeFieldNote(this);
    m_error = makeFieldError(this);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *icon = new QLabel(this);
    const int size = style()->pixelMetric(QStyle::PM_MessageBoxIconSize, nullptr, this);
    icon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxQuestion).pixmap(size, size));
    icon->setAlignment(Qt::AlignTop);

    auto *texts = new QVBoxLayout;
    texts->addWidget(m_question);
    texts->addWidget(m_timing);
    texts->addWidget(m_kept);
    texts->addWidget(m_error);
    texts->addStretch();
    auto *row = new QHBoxLayout;
    row->addWidget(icon, 0, Qt::AlignTop);
    row->addSpacing(8);
    row->addLayout(texts, 1);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    removeButton()->setText(tr("&Remove"));
    // Cancel is what Enter does: removing is the choice made on purpose.
    removeButton()->setAutoDefault(false);
    m_buttons->button(QDialogButtonBox::Cancel)->setDefault(true);
    m_buttons->button(QDialogButtonBox::Cancel)->setFocus();
    connect(m_buttons, &QDialogButtonBox::accepted, this, &RemoveDeviceDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(row, 1);
    layout->addWidget(m_buttons);
    setMinimumWidth(560);

    if (!device) {
        setWindowTitle(tr("Remove Device from %1").arg(vmName));
        m_question->setText(tr("%1 has no device %2.").arg(vmName, deviceId));
        m_timing->setText(tr("It may have been removed already: reload the VM's details."));
        updateButtons();
        return;
    }

    const QString label = device->label();
    setWindowTitle(tr("Remove %1").arg(label));
    const bool storage = device->kind == QLatin1String(HardwareKind::Disk) ||
                         device->kind == QLatin1String(HardwareKind::Cdrom);
    if (storage && !device->source.isEmpty())
        m_question->setText(tr("Remove %1 (%2) from %3?").arg(label, device->source, vmName));
    else if (device->kind == QLatin1String(HardwareKind::Nic) && !device->source.isEmpty())
        m_question->setText(tr("Remove %1 on %2 from %3?").arg(label, device->source, vmName));
    else
        m_question->setText(tr("Remove %1 from %2?").arg(label, vmName));

    if (device->kind == QLatin1String(HardwareKind::Disk)) {
        m_kept->setText(tr("The volume itself is kept: removing a disk never deletes its "
                           "volume. Delete it from the host's Storage tab if no longer needed."));
    } else if (device->kind == QLatin1String(HardwareKind::Cdrom) && !device->source.isEmpty()) {
        m_kept->setText(tr("The ISO image itself is kept."));
    }
    m_kept->setVisible(!m_kept->text().isEmpty());

    models::EditPlan plan = models::planRemoveDevice(m_ctx, deviceId);
    QPalette pal = palette();
    if (!plan.ok() || plan.isEmpty()) {
        const QString why = plan.refusals();
        m_timing->setText(why.isEmpty() ? tr("It cannot be removed.")
                                        : tr("It cannot be removed: %1").arg(why));
        pal.setColor(QPalette::WindowText, QColor(0xb0, 0x20, 0x20));
    } else {
        bool later = false;
        QString reason;
        for (const models::EditStep &step : std::as_const(plan.steps)) {
            if (step.rule.timing == arch::ChangeTiming::NextBoot) {
                later = true;
                if (reason.isEmpty())
                    reason = step.rule.reason;
            }
        }
        if (!later)
            m_timing->setText(tr("It is removed from the running guest now and from its "
                                 "definition."));
        else if (!reason.isEmpty())
            m_timing->setText(tr("It is removed at the next boot: %1").arg(reason));
        else if (m_ctx.running())
            m_timing->setText(tr("It is removed at the next boot."));
        else
            m_timing->setText(tr("It is removed from the definition: %1 no longer has it at "
                                 "its next start.")
                                  .arg(vmName));
        m_plan = std::move(plan);
    }
    m_timing->setPalette(pal);
    updateButtons();
}

QString RemoveDeviceDialog::questionText() const
{
    return m_question->text();
}

QString RemoveDeviceDialog::timingText() const
{
    return m_timing->text();
}

QString RemoveDeviceDialog::keptText() const
{
    return m_kept->isHidden() ? QString() : m_kept->text();
}

QString RemoveDeviceDialog::errorText() const
{
    return m_error->isHidden() ? QString() : m_error->text();
}

QPushButton *RemoveDeviceDialog::removeButton() const
{
    return m_buttons->button(QDialogButtonBox::Ok);
}

void RemoveDeviceDialog::updateButtons()
{
    removeButton()->setEnabled(m_plan.has_value() && !m_applying && m_session);
}

void RemoveDeviceDialog::accept()
{
    if (m_applying || !m_session || !m_plan)
        return;
    const models::EditPlan plan = *m_plan;
    m_applying = true;
    setFieldErrors(m_error, {});
    updateButtons();
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
            emit deviceRemoved(parts.join(u"; "_s));
            QDialog::accept();
        },
        [this](const QString &text) {
            m_applying = false;
            setFieldErrors(m_error, {tr("The device was not removed. %1").arg(text)});
            updateButtons();
        });
}

} // namespace crossvirt::views
