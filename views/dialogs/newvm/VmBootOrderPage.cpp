#include "views/dialogs/newvm/VmBootOrderPage.h"

#include "views/dialogs/FieldMessage.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QSignalBlocker>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace crossvirt::views {

namespace {
constexpr int KindRole = Qt::UserRole;
constexpr int OfferedRole = Qt::UserRole + 1;
} // namespace

VmBootOrderPage::VmBootOrderPage(QWidget *parent) : NewVmPage(parent)
{
    setObjectName(u"bootOrderPage"_s);
    setTitle(tr("Boot options"));
    setSubTitle(tr("The devices the VM boots from, in order. Crossvirt gives each checked "
                   "device a boot order of its own."));
    auto *layout = new QVBoxLayout(this);
    m_custom = new QCheckBox(tr("&Set the boot order myself"), this);
    m_custom->setObjectName(u"customBootOrder"_s);
    layout->addWidget(m_custom);
    m_defaultNote =
        makeFieldNote(this, tr("Unchecked: the architecture's default for the install method (the "
                               "install medium first, then the disk; a kernel boot needs none)."));
    layout->addWidget(m_defaultNote);

    auto *row = new QHBoxLayout;
    m_list = new QListWidget(this);
    m_list->setObjectName(u"bootDevices"_s);
    m_list->setAccessibleName(tr("Boot order"));
    m_list->setAccessibleDescription(
        tr("Devices in the order the VM tries them; checked ones are bootable"));
    m_list->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    row->addWidget(m_list, 1);
    auto *buttons = new QVBoxLayout;
    m_up = new QPushButton(tr("&Up"), this);
    m_up->setObjectName(u"bootUp"_s);
    m_down = new QPushButton(tr("&Down"), this);
    m_down->setObjectName(u"bootDown"_s);
    buttons->addWidget(m_up);
    buttons->addWidget(m_down);
    buttons->addStretch(1);
    row->addLayout(buttons);
    layout->addLayout(row);
    m_limitNote = makeFieldNote(this);
    m_limitNote->setObjectName(u"bootOrderLimit"_s);
    layout->addWidget(m_limitNote);
    layout->addWidget(errorLabel(u"bootOrder"_s));
    layout->addStretch(1);
    fitList();

    connect(m_custom, &QCheckBox::toggled, this, [this] {
        updateButtons();
        emit changed();
    });
    connect(m_up, &QPushButton::clicked, this, [this] { move(-1); });
    connect(m_down, &QPushButton::clicked, this, [this] { move(+1); });
    connect(m_list, &QListWidget::currentRowChanged, this, &VmBootOrderPage::updateButtons);
    connect(m_list, &QListWidget::itemChanged, this, &VmBootOrderPage::itemChanged);
    updateButtons();
}

void VmBootOrderPage::setDevices(const QList<BootDeviceEntry> &devices)
{
    m_filling = true;
    const QSignalBlocker block(m_list);
    QStringList wanted;
    for (const BootDeviceEntry &d : devices)
        wanted << d.kind;
    for (int i = m_list->count() - 1; i >= 0; --i) {
        if (!wanted.contains(m_list->item(i)->data(KindRole).toString()))
            delete m_list->takeItem(i);
    }
    for (const BootDeviceEntry &d : devices) {
        QListWidgetItem *item = nullptr;
        for (int i = 0; i < m_list->count() && !item; ++i) {
            if (m_list->item(i)->data(KindRole).toString() == d.kind)
                item = m_list->item(i);
        }
        const bool isNew = item == nullptr;
        if (isNew) {
            item = new QListWidgetItem(m_list);
            item->setData(KindRole, d.kind);
        }
        item->setData(OfferedRole, d.offered);
        if (d.offered) {
            item->setText(d.label);
            item->setToolTip({});
            item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable);
            if (isNew)
                item->setCheckState(Qt::Checked);
        } else {
            item->setText(tr("%1 (cannot boot: %2)").arg(d.label, d.reason));
            item->setToolTip(d.reason);
            item->setFlags(Qt::ItemIsSelectable | Qt::ItemIsUserCheckable);
            item->setCheckState(Qt::Unchecked);
        }
    }
    if (!m_custom->isChecked()) {
        // Not the user's order yet: the list shows the default one.
        for (int to = 0; to < devices.size(); ++to) {
            for (int i = to; i < m_list->count(); ++i) {
                if (m_list->item(i)->data(KindRole).toString() == devices[to].kind) {
                    if (i != to)
                        m_list->insertItem(to, m_list->takeItem(i));
                    break;
                }
            }
        }
    }
    enforceLimit(nullptr);
    m_filling = false;
    fitList();
    updateButtons();
}

void VmBootOrderPage::fitList()
{
    // As tall as its devices (at most three), so the page shows no empty pane.
    const int row =
        m_list->count() > 0 ? m_list->sizeHintForRow(0) : m_list->fontMetrics().height() + 4;
    m_list->setFixedHeight(row * qMax(3, m_list->count()) + 2 * m_list->frameWidth() + 4);
}

void VmBootOrderPage::setLimit(int maxDevices, const QString &reason)
{
    m_max = maxDevices;
    m_limitNote->setText(maxDevices > 0 ? reason : QString());
    m_limitNote->setVisible(maxDevices > 0 && !reason.isEmpty());
    const QSignalBlocker block(m_list);
    enforceLimit(nullptr);
}

QStringList VmBootOrderPage::bootOrder() const
{
    QStringList out;
    if (!m_custom->isChecked())
        return out;
    for (int i = 0; i < m_list->count(); ++i) {
        const QListWidgetItem *item = m_list->item(i);
        if (item->checkState() == Qt::Checked && item->data(OfferedRole).toBool())
            out << item->data(KindRole).toString();
    }
    return out;
}

bool VmBootOrderPage::setBootOrder(const QStringList &kinds)
{
    if (kinds.isEmpty()) {
        m_custom->setChecked(false);
        return true;
    }
    bool ok = true;
    {
        const QSignalBlocker block(m_list);
        int to = 0;
        for (const QString &kind : kinds) {
            int row = -1;
            for (int i = 0; i < m_list->count() && row < 0; ++i) {
                if (m_list->item(i)->data(KindRole).toString() == kind)
                    row = i;
            }
            if (row < 0 || !m_list->item(row)->data(OfferedRole).toBool()) {
                ok = false;
                continue;
            }
            QListWidgetItem *item = m_list->takeItem(row);
            m_list->insertItem(to++, item);
            item->setCheckState(Qt::Checked);
        }
        for (int i = to; i < m_list->count(); ++i)
            m_list->item(i)->setCheckState(Qt::Unchecked);
    }
    const QSignalBlocker block(m_custom);
    m_custom->setChecked(true);
    updateButtons();
    emit changed();
    return ok;
}

void VmBootOrderPage::enforceLimit(QListWidgetItem *keep)
{
    if (m_max <= 0)
        return;
    // Keep the item the user just checked and the earliest others up to the limit.
    int checked = keep && keep->checkState() == Qt::Checked ? 1 : 0;
    for (int i = 0; i < m_list->count(); ++i) {
        QListWidgetItem *item = m_list->item(i);
        if (item == keep || item->checkState() != Qt::Checked)
            continue;
        if (checked >= m_max)
            item->setCheckState(Qt::Unchecked);
        else
            ++checked;
    }
}

void VmBootOrderPage::itemChanged(QListWidgetItem *item)
{
    if (m_filling)
        return;
    {
        const QSignalBlocker block(m_list);
        enforceLimit(item);
    }
    emit changed();
}

void VmBootOrderPage::move(int delta)
{
    const int row = m_list->currentRow();
    const int to = row + delta;
    if (row < 0 || to < 0 || to >= m_list->count())
        return;
    {
        const QSignalBlocker block(m_list);
        QListWidgetItem *item = m_list->takeItem(row);
        m_list->insertItem(to, item);
    }
    m_list->setCurrentRow(to);
    updateButtons();
    emit changed();
}

void VmBootOrderPage::updateButtons()
{
    const bool custom = m_custom->isChecked();
    m_list->setEnabled(custom);
    const int row = m_list->currentRow();
    m_up->setEnabled(custom && row > 0);
    m_down->setEnabled(custom && row >= 0 && row < m_list->count() - 1);
}

} // namespace crossvirt::views
