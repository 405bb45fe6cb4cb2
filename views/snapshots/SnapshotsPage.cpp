#include "views/snapshots/SnapshotsPage.h"

#include "models/connection/FutureHandling.h"
#include "models/connection/HostSession.h"
#include "views/common/StateIcons.h"
#include "views/dialogs/FieldMessage.h"
#include "views/snapshots/TakeSnapshotDialog.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QStackedWidget>
#include <QStyle>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace crossvirt::views {

using namespace Qt::StringLiterals;
using models::SnapshotInfo;

namespace {

QIcon snapshotStateIcon(const QString &state, const QStyle *style)
{
    if (state == "running"_L1)
        return domainStateIcon(models::DomainState::Running);
    if (state == "paused"_L1)
        return domainStateIcon(models::DomainState::Paused);
    if (state == "shutoff"_L1 || state == "shutdown"_L1 || state == "crashed"_L1)
        return domainStateIcon(models::DomainState::Shutoff);
    // "disk-snapshot": the disks of a running guest, no memory.
    return style->standardIcon(QStyle::SP_DriveHDIcon);
}

} // namespace

SnapshotsPage::SnapshotsPage(models::HostSession *session, const QString &uuid, QWidget *parent)
    : QWidget(parent), m_session(session), m_uuid(uuid)
{
    auto *layout = new QVBoxLayout(this);
    m_heading = new QLabel(this);
    m_heading->setWordWrap(true);
    layout->addWidget(m_heading);

    m_stack = new QStackedWidget(this);
    m_tree = new QTreeWidget(m_stack);
    m_tree->setAccessibleName(tr("Snapshots"));
    m_tree->setColumnCount(ColumnCount);
    m_tree->setHeaderLabels({tr("Name"), tr("State"), tr("Taken"), tr("Description")});
    m_tree->setSelectionMode(QAbstractItemView::SingleSelection);
    m_tree->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_tree->setAlternatingRowColors(true);
    m_tree->setUniformRowHeights(true);
    m_tree->setWordWrap(false);
    QHeaderView *header = m_tree->header();
    header->setStretchLastSection(true);
    header->setSectionResizeMode(NameColumn, QHeaderView::Interactive);
    header->setSectionResizeMode(StateColumn, QHeaderView::ResizeToContents);
    header->setSectionResizeMode(CreatedColumn, QHeaderView::ResizeToContents);
    m_tree->setColumnWidth(NameColumn, 200);
    m_stack->addWidget(m_tree);
    m_empty = new QLabel(m_stack);
    m_empty->setWordWrap(true);
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setMargin(24);
    m_empty->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_stack->addWidget(m_empty);
    m_stack->setCurrentWidget(m_empty);
    layout->addWidget(m_stack, 1);

    m_info = makeFieldNote(this);
    m_info->setAccessibleName(tr("Why an action is not available"));
    m_info->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_info);
    m_error = makeFieldError(this);
    m_error->setAccessibleName(tr("What failed"));
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_error);
    auto *statusRow = new QHBoxLayout;
    m_status = new QLabel(this);
    m_status->hide();
    statusRow->addWidget(m_status);
    m_busy = new QProgressBar(this);
    m_busy->setRange(0, 0);
    m_busy->setMaximumHeight(m_status->sizeHint().height());
    m_busy->setAccessibleName(tr("Working"));
    m_busy->hide();
    statusRow->addWidget(m_busy, 1);
    layout->addLayout(statusRow);

    auto *buttons = new QHBoxLayout;
    m_take = new QPushButton(tr("&Take…"), this);
    m_revert = new QPushButton(tr("Re&vert…"), this);
    m_delete = new QPushButton(tr("&Delete…"), this);
    m_refresh = new QPushButton(tr("Re&fresh"), this);
    m_take->setAccessibleName(tr("Take a snapshot"));
    m_revert->setAccessibleName(tr("Revert to the selected snapshot"));
    m_delete->setAccessibleName(tr("Delete the selected snapshot"));
    m_refresh->setToolTip(tr("Read the snapshots again"));
    buttons->addWidget(m_take);
    buttons->addWidget(m_revert);
    buttons->addWidget(m_delete);
    buttons->addStretch(1);
    buttons->addWidget(m_refresh);
    layout->addLayout(buttons);

    connect(m_take, &QPushButton::clicked, this, &SnapshotsPage::takeSnapshot);
    connect(m_revert, &QPushButton::clicked, this, &SnapshotsPage::revertSelected);
    connect(m_delete, &QPushButton::clicked, this, &SnapshotsPage::deleteSelected);
    connect(m_refresh, &QPushButton::clicked, this, &SnapshotsPage::refresh);
    connect(m_tree, &QTreeWidget::itemSelectionChanged, this, &SnapshotsPage::updateButtons);

    if (session) {
        if (const auto d = session->domain(uuid))
            m_lastState = int(d->state);
        // A state change (started, shut off, reverted elsewhere) changes what is possible.
        connect(session, &models::HostSession::domainUpdated, this,
                [this](const models::DomainSummary &d) {
                    if (d.uuid != m_uuid || int(d.state) == m_lastState)
                        return;
                    m_lastState = int(d.state);
                    if (m_loaded)
                        refresh();
                });
    }
    m_empty->setText(tr("Reading the snapshots…"));
    updateButtons();
}

SnapshotsPage::~SnapshotsPage() = default;

void SnapshotsPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (!m_loaded && m_loads == 0)
        refresh();
}

QString SnapshotsPage::vmName() const
{
    if (m_snapshots && !m_snapshots->vmName.isEmpty())
        return m_snapshots->vmName;
    if (m_session) {
        if (const auto d = m_session->domain(m_uuid))
            return d->name;
    }
    return tr("the virtual machine");
}

void SnapshotsPage::refresh()
{
    if (!m_session)
        return;
    const int generation = ++m_generation;
    ++m_loads;
    updateButtons();
    models::whenFinished(
        models::loadSnapshots(m_session, m_uuid), this,
        [this, generation](const models::VmSnapshots &snapshots) {
            --m_loads;
            if (generation == m_generation)
                setSnapshots(snapshots);
            else
                updateButtons();
        },
        [this, generation](const QString &error) {
            --m_loads;
            if (generation != m_generation) {
                updateButtons();
                return;
            }
            m_loaded = true;
            m_snapshots.reset();
            m_tree->clear();
            m_empty->setText(tr("Could not read the snapshots of “%1”: %2").arg(vmName(), error));
            m_stack->setCurrentWidget(m_empty);
            m_heading->clear();
            updateButtons();
            emit loaded();
        });
}

void SnapshotsPage::setSnapshots(const models::VmSnapshots &snapshots)
{
    m_snapshots = snapshots;
    m_loaded = true;
    fillTree();
    updateButtons();
    emit loaded();
}

void SnapshotsPage::fillTree()
{
    const QString keep = !m_selectAfterLoad.isEmpty() ? m_selectAfterLoad : selectedName();
    m_selectAfterLoad.clear();
    m_tree->clear();
    const models::VmSnapshots &s = *m_snapshots;
    const int count = int(s.snapshots.size());
    if (count == 0) {
        m_heading->setText(s.running ? tr("“%1” is running and has no snapshots.").arg(vmName())
                                     : tr("“%1” is shut off and has no snapshots.").arg(vmName()));
        m_empty->setText(
            tr("No snapshots yet.\n\nA snapshot keeps this point of “%1”: its disks, and its "
               "memory when it runs. Click Take… below (or Snapshot ▸ Take Snapshot… in the "
               "main window) to take one; you can revert to it later.")
                .arg(vmName()));
        m_stack->setCurrentWidget(m_empty);
        return;
    }
    const QString counted = count == 1 ? tr("One snapshot of “%1”").arg(vmName())
                                       : tr("%1 snapshots of “%2”").arg(count).arg(vmName());
    m_heading->setText(s.current.isEmpty()
                           ? tr("%1; none is current.").arg(counted)
                           : tr("%1; the current one (the guest's starting point) is “%2”.")
                                 .arg(counted, s.current));
    QHash<QString, QTreeWidgetItem *> items;
    const QLocale locale;
    for (const SnapshotInfo &snap : s.snapshots) {
        QTreeWidgetItem *parent = items.value(snap.parent);
        auto *item = parent ? new QTreeWidgetItem(parent) : new QTreeWidgetItem(m_tree);
        items.insert(snap.name, item);
        item->setData(NameColumn, NameRole, snap.name);
        item->setText(NameColumn, snap.isCurrent ? tr("%1 (current)").arg(snap.name) : snap.name);
        item->setToolTip(NameColumn, snap.isCurrent
                                         ? tr("“%1” is the current snapshot: the guest's "
                                              "disks continue from it")
                                               .arg(snap.name)
                                         : snap.name);
        if (snap.isCurrent) {
            for (int c = 0; c < ColumnCount; ++c) {
                QFont bold = item->font(c);
                bold.setBold(true);
                item->setFont(c, bold);
            }
        }
        item->setIcon(StateColumn, snapshotStateIcon(snap.state, style()));
        item->setText(StateColumn, snap.stateLabel());
        item->setText(CreatedColumn, snap.created.isValid()
                                         ? locale.toString(snap.created, QLocale::ShortFormat)
                                         : QString());
        QString description = snap.description;
        description.replace(u'\n', u' ');
        item->setText(DescriptionColumn, description);
        item->setToolTip(DescriptionColumn, snap.description);
    }
    m_tree->expandAll();
    m_tree->resizeColumnToContents(NameColumn);
    m_tree->setColumnWidth(NameColumn, qMax(160, m_tree->columnWidth(NameColumn) + 8));
    m_stack->setCurrentWidget(m_tree);
    if (!selectSnapshot(keep))
        selectSnapshot(s.current);
}

QTreeWidgetItem *SnapshotsPage::itemOf(const QString &name) const
{
    if (name.isEmpty())
        return nullptr;
    for (QTreeWidgetItemIterator it(m_tree); *it; ++it) {
        if ((*it)->data(NameColumn, NameRole).toString() == name)
            return *it;
    }
    return nullptr;
}

QString SnapshotsPage::selectedName() const
{
    const QList<QTreeWidgetItem *> items = m_tree->selectedItems();
    return items.isEmpty() ? QString() : items.first()->data(NameColumn, NameRole).toString();
}

bool SnapshotsPage::selectSnapshot(const QString &name)
{
    QTreeWidgetItem *item = itemOf(name);
    if (!item)
        return false;
    m_tree->setCurrentItem(item);
    item->setSelected(true);
    return true;
}

const SnapshotInfo *SnapshotsPage::selected() const
{
    return m_snapshots ? m_snapshots->find(selectedName()) : nullptr;
}

void SnapshotsPage::updateButtons()
{
    const bool busy = isBusy();
    m_refresh->setEnabled(m_session && !m_acting);
    m_busy->setVisible(busy);
    QStringList reasons;

    // Take: when the arch allows some way for the VM as it is now.
    if (!m_snapshots) {
        m_take->setEnabled(false);
        m_take->setToolTip(m_loaded ? tr("The snapshots could not be read")
                                    : tr("Reading the snapshots…"));
    } else if (!m_snapshots->modes.anySupported()) {
        const QString why = tr("No snapshot can be taken now: %1")
                                .arg(m_snapshots->modes.internal.reason.isEmpty()
                                         ? m_snapshots->modes.externalDiskOnly.reason
                                         : m_snapshots->modes.internal.reason);
        m_take->setEnabled(false);
        m_take->setToolTip(why);
        reasons << why;
    } else {
        m_take->setEnabled(!m_acting);
        m_take->setToolTip(tr("Take a snapshot of “%1”").arg(vmName()));
    }

    const SnapshotInfo *snap = selected();
    if (!snap) {
        const QString why = tr("Select a snapshot first");
        m_revert->setEnabled(false);
        m_revert->setToolTip(why);
        m_delete->setEnabled(false);
        m_delete->setToolTip(why);
        if (m_snapshots && !m_snapshots->snapshots.isEmpty())
            reasons << tr("Select a snapshot to revert to it or delete it.");
    } else {
        const arch::Operation &revert = snap->revert;
        m_revert->setEnabled(revert.supported && !m_acting);
        m_revert->setToolTip(revert.supported
                                 ? tr("Bring “%1” back to “%2”").arg(vmName(), snap->name)
                                 : revert.reason);
        if (!revert.supported)
            reasons << tr("Revert: %1").arg(revert.reason);
        // Delete: alone, or (the confirmation offers it) with its children.
        const bool alone = snap->remove.supported;
        const bool withChildren = !snap->children.isEmpty() && snap->removeWithChildren.supported;
        m_delete->setEnabled((alone || withChildren) && !m_acting);
        if (alone || withChildren) {
            m_delete->setToolTip(tr("Delete “%1”").arg(snap->name));
            if (!alone)
                reasons << tr("Delete: only with its later snapshots: %1").arg(snap->remove.reason);
        } else {
            const QString why = snap->remove.reason.isEmpty() ? snap->removeWithChildren.reason
                                                              : snap->remove.reason;
            m_delete->setToolTip(why);
            reasons << tr("Delete: %1").arg(why);
        }
    }
    m_info->setText(reasons.join(u'\n'));
    m_info->setVisible(!reasons.isEmpty());
    setFieldErrors(m_error, m_failure.isEmpty() ? QStringList() : QStringList{m_failure});
}

void SnapshotsPage::setActing(bool acting, const QString &status)
{
    m_acting = acting;
    m_status->setText(status);
    m_status->setVisible(acting && !status.isEmpty());
    updateButtons();
}

void SnapshotsPage::actionFailed(const QString &text)
{
    m_failure = text;
    setActing(false);
    refresh();
    emit actionFinished(text);
}

void SnapshotsPage::takeSnapshot()
{
    if (m_takeDialog) {
        m_takeDialog->raise();
        return;
    }
    const models::VmSnapshots *known = m_snapshots ? &*m_snapshots : nullptr;
    auto *dialog = new TakeSnapshotDialog(m_session, m_uuid, vmName(), known, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_takeDialog = dialog;
    connect(dialog, &TakeSnapshotDialog::taken, this, [this](const SnapshotInfo &snapshot) {
        m_failure.clear();
        m_selectAfterLoad = snapshot.name;
        refresh();
        emit actionFinished({});
    });
    dialog->open();
}

void SnapshotsPage::revertSelected()
{
    const SnapshotInfo *snap = selected();
    if (!snap || !snap->revert.supported || m_acting)
        return;
    const QString name = snap->name;
    auto *box =
        new QMessageBox(QMessageBox::Warning, tr("Revert to Snapshot"),
                        tr("Revert “%1” to “%2”?").arg(vmName(), name), QMessageBox::Cancel, this);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setInformativeText(
        snap->withMemory
            ? tr("Its current disks and memory are replaced by the snapshot's: whatever changed "
                 "since “%1” was taken is lost. The guest then runs from that point.")
                  .arg(name)
            : tr("Its current disks and memory are replaced by the snapshot's disks: whatever "
                 "changed since “%1” was taken is lost. The guest is then shut off.")
                  .arg(name));
    QPushButton *yes = box->addButton(tr("&Revert"), QMessageBox::DestructiveRole);
    box->setDefaultButton(QMessageBox::Cancel);
    connect(box, &QMessageBox::finished, this, [this, box, yes, name] {
        if (box->clickedButton() == yes)
            revert(name);
    });
    m_confirmation = box;
    box->open();
}

void SnapshotsPage::revert(const QString &name)
{
    if (!m_session)
        return;
    m_failure.clear();
    setActing(true, tr("Reverting “%1” to “%2”…").arg(vmName(), name));
    models::whenFinished(
        models::revertSnapshot(m_session, m_uuid, name), this,
        [this] {
            setActing(false);
            refresh();
            emit actionFinished({});
        },
        [this, name](const QString &error) {
            actionFailed(tr("Could not revert “%1” to “%2”: %3").arg(vmName(), name, error));
        });
}

void SnapshotsPage::deleteSelected()
{
    const SnapshotInfo *snap = selected();
    if (!snap || m_acting || !m_delete->isEnabled())
        return;
    const QString name = snap->name;
    QStringList descendants = m_snapshots->subtree(name);
    descendants.removeAll(name);
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Delete Snapshot"),
                                tr("Delete the snapshot “%1” of “%2”?").arg(name, vmName()),
                                QMessageBox::Cancel, this);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setInformativeText(descendants.isEmpty()
                                ? tr("The virtual machine as it is now stays; only the way back "
                                     "to “%1” is gone.")
                                      .arg(name)
                                : tr("The virtual machine as it is now stays. Its later "
                                     "snapshots stay too unless you tick the box."));
    QCheckBox *children = nullptr;
    if (!descendants.isEmpty()) {
        children = new QCheckBox(descendants.size() == 1
                                     ? tr("Also delete its later snapshot %1").arg(descendants[0])
                                     : tr("Also delete its %1 later snapshots: %2")
                                           .arg(descendants.size())
                                           .arg(descendants.join(u", "_s)),
                                 box);
        if (!snap->remove.supported) {
            // It cannot go alone: only with its children.
            children->setChecked(true);
            children->setEnabled(false);
            children->setToolTip(snap->remove.reason);
        } else if (!snap->removeWithChildren.supported) {
            children->setEnabled(false);
            children->setToolTip(snap->removeWithChildren.reason);
        }
        box->setCheckBox(children);
    }
    QPushButton *yes = box->addButton(tr("&Delete"), QMessageBox::DestructiveRole);
    box->setDefaultButton(QMessageBox::Cancel);
    connect(box, &QMessageBox::finished, this, [this, box, yes, children, name] {
        if (box->clickedButton() == yes)
            remove(name, children && children->isChecked());
    });
    m_confirmation = box;
    box->open();
}

void SnapshotsPage::remove(const QString &name, bool withChildren)
{
    if (!m_session)
        return;
    m_failure.clear();
    setActing(true, withChildren ? tr("Deleting “%1” and its later snapshots…").arg(name)
                                 : tr("Deleting “%1”…").arg(name));
    models::whenFinished(
        models::deleteSnapshot(m_session, m_uuid, name, withChildren), this,
        [this](const QStringList &) {
            setActing(false);
            refresh();
            emit actionFinished({});
        },
        [this, name](const QString &error) {
            actionFailed(
                tr("Could not delete the snapshot “%1” of “%2”: %3").arg(name, vmName(), error));
        });
}

} // namespace crossvirt::views
