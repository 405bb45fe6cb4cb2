#include "views/mainwindow/DeleteVmDialog.h"

#include <QApplication>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QStyle>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace crossvirt::views {

using namespace Qt::StringLiterals;

DeleteVmDialog::DeleteVmDialog(const QString &vmName, bool running,
                               const QList<models::DomainVolume> &volumes, QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Delete virtual machine"));
    auto *layout = new QVBoxLayout(this);
    auto *question = new QLabel(
        running ? tr("Delete “%1”? It is running and will be forced off first. This cannot be "
                     "undone.")
                      .arg(vmName)
                : tr("Delete “%1”? This cannot be undone.").arg(vmName),
        this);
    question->setWordWrap(true);
    layout->addWidget(question);

    auto *storageLabel =
        new QLabel(volumes.isEmpty() ? tr("It has no storage volumes.")
                                     : tr("Also delete the storage volumes you tick:"),
                   this);
    storageLabel->setWordWrap(true);
    layout->addWidget(storageLabel);
    m_volumes = new QTreeWidget(this);
    m_volumes->setRootIsDecorated(false);
    m_volumes->setAccessibleName(tr("Storage volumes to delete"));
    m_volumes->setHeaderLabels({tr("Storage"), tr("Target"), tr("Notes")});
    m_volumes->setVisible(!volumes.isEmpty());
    const QIcon warning = style()->standardIcon(QStyle::SP_MessageBoxWarning);
    for (const models::DomainVolume &v : volumes) {
        auto *item = new QTreeWidgetItem(m_volumes);
        item->setText(PathColumn, v.path);
        item->setData(PathColumn, Qt::UserRole, v.path);
        item->setToolTip(PathColumn, v.path);
        item->setText(TargetColumn, v.target);
        QStringList notes;
        if (!v.usedBy.isEmpty())
            notes << tr("Used by %1: kept").arg(v.usedBy.join(u", "_s));
        if (!v.managed)
            notes << tr("Not a volume libvirt manages: kept");
        if (v.cdrom())
            notes << tr("CD-ROM");
        if (v.readOnly)
            notes << tr("Read-only");
        if (v.shareable)
            notes << tr("Shareable");
        item->setText(NotesColumn, notes.join(u"; "_s));
        item->setToolTip(NotesColumn, notes.join(u"\n"_s));
        if (!notes.isEmpty())
            item->setIcon(NotesColumn, warning);
        // Unchecked by default: deleting storage is always the user's explicit choice.
        item->setCheckState(PathColumn, Qt::Unchecked);
        Qt::ItemFlags flags = item->flags();
        if (!v.deletable())
            flags &= ~(Qt::ItemIsUserCheckable | Qt::ItemIsEnabled);
        item->setFlags(flags);
    }
    m_volumes->header()->setStretchLastSection(true);
    for (int c : {PathColumn, TargetColumn})
        m_volumes->resizeColumnToContents(c);
    m_volumes->setMinimumWidth(qMin(900, m_volumes->header()->length() + 220));
    layout->addWidget(m_volumes, 1);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_delete = buttons->addButton(tr("Delete"), QDialogButtonBox::DestructiveRole);
    buttons->button(QDialogButtonBox::Cancel)->setDefault(true);
    buttons->button(QDialogButtonBox::Cancel)->setFocus();
    connect(m_delete, &QPushButton::clicked, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
}

QStringList DeleteVmDialog::selectedVolumes() const
{
    QStringList paths;
    for (int i = 0; i < m_volumes->topLevelItemCount(); ++i) {
        const QTreeWidgetItem *item = m_volumes->topLevelItem(i);
        if (item->checkState(PathColumn) == Qt::Checked && (item->flags() & Qt::ItemIsEnabled))
            paths << item->data(PathColumn, Qt::UserRole).toString();
    }
    return paths;
}

} // namespace crossvirt::views
