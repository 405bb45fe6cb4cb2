#include "views/clone/CloneDialog.h"

#include "models/connection/FutureHandling.h"
#include "models/connection/HostSession.h"
#include "views/dialogs/FieldMessage.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalBlocker>
#include <QTableWidget>
#include <QVBoxLayout>

namespace crossvirt::views {

using namespace Qt::StringLiterals;
using models::CloneDiskMode;
using models::CloneDiskSource;

namespace {

QString bytesText(quint64 bytes)
{
    return QLocale().formattedDataSize(qint64(bytes), 1, QLocale::DataSizeIecFormat);
}

bool isRemovable(const CloneDiskSource &d)
{
    return d.device == u"cdrom"_s || d.device == u"floppy"_s;
}

/// The modes that make sense for a disk (the plan forces the others): an empty CD-ROM stays
/// empty, media and read-only or shareable disks are shared, a writable disk may be copied,
/// shared or replaced by a new empty one.
QList<CloneDiskMode> offeredModes(const CloneDiskSource &d)
{
    if (isRemovable(d) && d.path.isEmpty())
        return {CloneDiskMode::Keep};
    if (isRemovable(d) || d.readOnly || d.shareable)
        return {CloneDiskMode::Share};
    return {CloneDiskMode::Copy, CloneDiskMode::Share, CloneDiskMode::NewEmpty};
}

QString diskLabel(const CloneDiskSource &d)
{
    if (d.device == u"cdrom"_s)
        return QCoreApplication::translate("crossvirt::views::CloneDialog", "%1 (CD-ROM)")
            .arg(d.target);
    if (d.device == u"floppy"_s)
        return QCoreApplication::translate("crossvirt::views::CloneDialog", "%1 (floppy)")
            .arg(d.target);
    return d.target;
}

int perMille(quint64 done, quint64 total)
{
    return total ? int(qMin<quint64>(1000, done * 1000 / total)) : 0;
}

} // namespace

CloneDialog::CloneDialog(models::HostSession *session, const QString &uuid, const QString &vmName,
                         QWidget *parent)
    : QDialog(parent), m_session(session), m_uuid(uuid), m_vmName(vmName)
{
    setWindowTitle(tr("Clone %1").arg(vmName));
    auto *layout = new QVBoxLayout(this);
    m_heading = new QLabel(this);
    m_heading->setTextFormat(Qt::RichText);
    const QString host = session && !session->hostInfo().hostname.isEmpty()
                             ? session->hostInfo().hostname
                             : QString();
    m_heading->setText(
        host.isEmpty()
            ? tr("<b>Clone “%1”</b>").arg(vmName.toHtmlEscaped())
            : tr("<b>Clone “%1”</b> on %2").arg(vmName.toHtmlEscaped(), host.toHtmlEscaped()));
    layout->addWidget(m_heading);

    // One of three shows (loading, refusal, form); hidden ones take no room, so a refusal
    // is a small window.
    m_loading = new QLabel(tr("Reading “%1” and its disks…").arg(vmName), this);
    m_loading->setAlignment(Qt::AlignCenter);
    m_loading->setWordWrap(true);
    layout->addWidget(m_loading, 1);
    m_refusal = new QLabel(this);
    m_refusal->setWordWrap(true);
    m_refusal->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    m_refusal->setAccessibleName(tr("Why this virtual machine cannot be cloned"));
    m_refusal->hide();
    layout->addWidget(m_refusal, 1);
    m_form = new QWidget(this);
    buildForm(m_form);
    m_form->hide();
    layout->addWidget(m_form, 1);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    cloneButton()->setText(tr("&Clone"));
    cloneButton()->setEnabled(false);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &CloneDialog::startClone);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &CloneDialog::reject);
    layout->addWidget(m_buttons);
    resize(1060, 300);

    if (!session)
        return;
    models::whenFinished(
        models::loadCloneSource(session, uuid), this,
        [this](const models::CloneSource &source) { setSource(source); },
        [this](const QString &error) {
            m_loadFailed = true;
            showRefusal(tr("Could not read “%1”: %2").arg(m_vmName, error));
        });
}

CloneDialog::~CloneDialog() = default;

void CloneDialog::buildForm(QWidget *page)
{
    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *nameForm = new QFormLayout;
    m_name = new QLineEdit(page);
    m_name->setAccessibleName(tr("Name of the clone"));
    nameForm->addRow(tr("&Name:"), m_name);
    m_problems = makeFieldError(page);
    nameForm->addRow(QString(), m_problems);
    layout->addLayout(nameForm);
    connect(m_name, &QLineEdit::textChanged, this, [this] { replan(); });

    layout->addWidget(new QLabel(tr("Storage:"), page));
    m_disks = new QTableWidget(0, ColumnCount, page);
    m_disks->setAccessibleName(tr("Disks of the clone"));
    m_disks->setHorizontalHeaderLabels({tr("Disk"), tr("Source"), tr("Size"), tr("Clone as"),
                                        tr("New volume"), tr("Notes"), tr("Progress")});
    m_disks->verticalHeader()->hide();
    m_disks->setSelectionMode(QAbstractItemView::NoSelection);
    m_disks->setFocusPolicy(Qt::NoFocus); // the combos take the focus, not the cells
    m_disks->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_disks->setWordWrap(false);
    // Paths differ at their end (web-01.qcow2, web-02.qcow2): lose the middle.
    m_disks->setTextElideMode(Qt::ElideMiddle);
    QHeaderView *h = m_disks->horizontalHeader();
    h->setSectionResizeMode(DiskColumn, QHeaderView::ResizeToContents);
    h->setSectionResizeMode(SourceColumn, QHeaderView::Interactive);
    h->setSectionResizeMode(SizeColumn, QHeaderView::ResizeToContents);
    h->setSectionResizeMode(ModeColumn, QHeaderView::ResizeToContents);
    h->setSectionResizeMode(NewVolumeColumn, QHeaderView::Interactive);
    h->setSectionResizeMode(NotesColumn, QHeaderView::Stretch);
    h->setSectionResizeMode(ProgressColumn, QHeaderView::Stretch);
    m_disks->setColumnWidth(SourceColumn, 220);
    m_disks->setColumnWidth(NewVolumeColumn, 225);
    m_disks->setColumnHidden(ProgressColumn, true);
    layout->addWidget(m_disks);

    m_macs = new QLabel(page);
    m_macs->setWordWrap(true);
    m_macs->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_macs);
    m_nvram = new QLabel(page);
    m_nvram->setWordWrap(true);
    m_nvram->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_nvram);
    m_total = new QLabel(page);
    m_total->setWordWrap(true);
    layout->addWidget(m_total);

    m_status = new QLabel(page);
    m_status->setWordWrap(true);
    m_status->hide();
    layout->addWidget(m_status);
    m_overall = new QProgressBar(page);
    m_overall->setAccessibleName(tr("Overall progress"));
    m_overall->setRange(0, 1000);
    m_overall->hide();
    layout->addWidget(m_overall);
    layout->addStretch(1);
}

QPushButton *CloneDialog::cloneButton() const
{
    return m_buttons->button(QDialogButtonBox::Ok);
}

QPushButton *CloneDialog::cancelButton() const
{
    return m_buttons->button(QDialogButtonBox::Cancel);
}

QComboBox *CloneDialog::modeCombo(int row) const
{
    return qobject_cast<QComboBox *>(m_disks->cellWidget(row, ModeColumn));
}

QProgressBar *CloneDialog::diskProgress(int row) const
{
    return qobject_cast<QProgressBar *>(m_disks->cellWidget(row, ProgressColumn));
}

bool CloneDialog::isCloning() const
{
    return m_cloner && m_cloner->isRunning();
}

void CloneDialog::setSource(const models::CloneSource &source)
{
    m_source = source;
    if (!source.name.isEmpty() && source.name != m_vmName) {
        m_vmName = source.name;
        setWindowTitle(tr("Clone %1").arg(m_vmName));
    }
    if (source.running) {
        showRefusal(
            tr("“%1” is running. Shut it down first: a copy of a disk in use would be torn, so "
               "only a shut-off virtual machine can be cloned.")
                .arg(m_vmName));
        cloneButton()->setToolTip(tr("Shut “%1” down first").arg(m_vmName));
        return;
    }
    m_loading->hide();
    m_form->show();
    {
        const QSignalBlocker block(m_name);
        m_name->setText(models::suggestedCloneName(source));
    }
    m_disks->setRowCount(0);
    m_plan = models::planClone(source, request());
    m_defaultModes.clear();
    for (const models::CloneDiskPlan &disk : std::as_const(m_plan.disks))
        m_defaultModes.insert(disk.source.target, disk.mode);
    fillDisks();
    showPlan();
    fitTableToRows();
    m_name->setFocus();
    m_name->selectAll();
}

void CloneDialog::fillDisks()
{
    m_disks->setRowCount(int(m_plan.disks.size()));
    for (int row = 0; row < m_plan.disks.size(); ++row) {
        const models::CloneDiskPlan &disk = m_plan.disks.at(row);
        const CloneDiskSource &s = disk.source;
        auto *target = new QTableWidgetItem(diskLabel(s));
        target->setData(Qt::UserRole, s.target);
        m_disks->setItem(row, DiskColumn, target);
        auto *path = new QTableWidgetItem(s.path.isEmpty() ? tr("(no medium)") : s.path);
        path->setToolTip(s.path);
        m_disks->setItem(row, SourceColumn, path);
        auto *size = new QTableWidgetItem(s.capacity ? bytesText(s.capacity) : QString());
        if (s.capacity)
            size->setToolTip(tr("%1 in use").arg(bytesText(s.allocation)));
        m_disks->setItem(row, SizeColumn, size);
        auto *combo = new QComboBox(m_disks);
        combo->setAccessibleName(tr("How to clone %1").arg(s.target));
        for (CloneDiskMode mode : offeredModes(s))
            combo->addItem(models::cloneDiskModeLabel(mode), int(mode));
        combo->setEnabled(combo->count() > 1);
        m_disks->setCellWidget(row, ModeColumn, combo);
        m_disks->setItem(row, NewVolumeColumn, new QTableWidgetItem);
        m_disks->setItem(row, NotesColumn, new QTableWidgetItem);
        connect(combo, &QComboBox::currentIndexChanged, this, [this] { replan(); });
    }
}

models::CloneRequest CloneDialog::request() const
{
    models::CloneRequest r;
    r.newName = m_name->text().trimmed();
    for (int row = 0; row < m_disks->rowCount(); ++row) {
        const QComboBox *combo = modeCombo(row);
        if (!combo || combo->count() < 2)
            continue;
        // Only what the user changed: the plan's own choice keeps its own reason.
        const QString target = m_disks->item(row, DiskColumn)->data(Qt::UserRole).toString();
        const auto mode = CloneDiskMode(combo->currentData().toInt());
        if (m_defaultModes.value(target, mode) != mode)
            r.diskModes.insert(target, mode);
    }
    return r;
}

void CloneDialog::replan()
{
    if (!m_source || isCloning())
        return;
    m_plan = models::planClone(*m_source, request());
    showPlan();
}

void CloneDialog::showPlan()
{
    setFieldErrors(m_problems, m_plan.problems);
    for (int row = 0; row < m_plan.disks.size() && row < m_disks->rowCount(); ++row) {
        const models::CloneDiskPlan &disk = m_plan.disks.at(row);
        if (QComboBox *combo = modeCombo(row)) {
            const QSignalBlocker block(combo);
            const int i = combo->findData(int(disk.mode));
            if (i >= 0)
                combo->setCurrentIndex(i);
        }
        QString where;
        if (!disk.newVolume.isEmpty())
            where = disk.newPool.isEmpty() ? disk.newVolume : disk.newPool + u'/' + disk.newVolume;
        QTableWidgetItem *volume = m_disks->item(row, NewVolumeColumn);
        volume->setText(where.isEmpty() ? tr("(the same)") : where);
        volume->setToolTip(disk.mode == CloneDiskMode::Copy
                               ? tr("%1: %2 to copy").arg(where, bytesText(disk.bytes))
                               : where);
        QTableWidgetItem *notes = m_disks->item(row, NotesColumn);
        notes->setText(disk.why);
        notes->setToolTip(disk.why);
    }
    m_macs->setText(m_plan.newMacs.isEmpty()
                        ? tr("Network: no interfaces.")
                        : tr("Network: new MAC addresses %1.").arg(m_plan.newMacs.join(u", "_s)));
    m_nvram->setVisible(!m_plan.nvramSource.isEmpty());
    m_nvram->setText(tr("UEFI variables copied to %1").arg(m_plan.nvramTarget));
    m_nvram->setToolTip(tr("From %1").arg(m_plan.nvramSource));
    const quint64 total = m_plan.bytesToCopy();
    m_total->setText(
        total ? tr("To copy: %1 (only the used part of each disk).").arg(bytesText(total))
              : tr("Nothing to copy: the clone's disks are shared or new and empty."));
    const bool ok = m_plan.ok();
    cloneButton()->setEnabled(ok && !isCloning());
    cloneButton()->setToolTip(ok ? tr("Create “%1”").arg(m_plan.newName)
                                 : m_plan.problems.join(u'\n'));
}

void CloneDialog::setCloning(bool cloning)
{
    m_name->setEnabled(!cloning);
    for (int row = 0; row < m_disks->rowCount(); ++row) {
        if (QComboBox *combo = modeCombo(row))
            combo->setEnabled(!cloning && combo->count() > 1);
    }
    cloneButton()->setEnabled(!cloning && m_plan.ok());
    cancelButton()->setEnabled(true);
    m_disks->setColumnHidden(NotesColumn, cloning);
    m_disks->setColumnHidden(ProgressColumn, !cloning);
    m_overall->setVisible(cloning);
    m_status->setVisible(true);
    if (!cloning)
        return;
    for (int row = 0; row < m_plan.disks.size(); ++row) {
        const models::CloneDiskPlan &disk = m_plan.disks.at(row);
        if (disk.mode == CloneDiskMode::Copy) {
            auto *bar = new QProgressBar(m_disks);
            bar->setRange(0, 1000);
            bar->setValue(0);
            bar->setAccessibleName(tr("Copy of %1").arg(disk.source.target));
            m_disks->setCellWidget(row, ProgressColumn, bar);
        } else {
            m_disks->removeCellWidget(row, ProgressColumn);
            m_disks->setItem(row, ProgressColumn,
                             new QTableWidgetItem(disk.mode == CloneDiskMode::NewEmpty
                                                      ? tr("New empty volume")
                                                      : tr("Nothing to copy")));
        }
    }
    // Until the first copy reports, or for a clone without copies: busy.
    if (m_plan.bytesToCopy() == 0)
        m_overall->setRange(0, 0);
    else {
        m_overall->setRange(0, 1000);
        m_overall->setValue(0);
    }
    m_status->setText(tr("Cloning “%1” as “%2”…").arg(m_vmName, m_plan.newName));
}

void CloneDialog::fitTableToRows()
{
    // As tall as its rows (up to eight): no empty pane under two disks.
    int height = m_disks->horizontalHeader()->sizeHint().height() + 2 * m_disks->frameWidth();
    for (int row = 0; row < qMin(8, m_disks->rowCount()); ++row)
        height += m_disks->rowHeight(row);
    m_disks->setFixedHeight(height);
    // Word-wrapped labels: the height they need at this width, not at their narrowest.
    layout()->activate();
    const int fit = heightForWidth(width());
    resize(width(), fit > 0 ? fit : minimumSizeHint().height());
}

void CloneDialog::showRefusal(const QString &text)
{
    m_refusal->setText(text);
    m_loading->hide();
    m_form->hide();
    m_refusal->show();
    cloneButton()->setEnabled(false);
    cloneButton()->hide();
    cancelButton()->setText(tr("Close"));
    resize(600, heightForWidth(600) > 0 ? heightForWidth(600) : sizeHint().height());
}

void CloneDialog::startClone()
{
    if (!m_plan.ok() || !m_session || isCloning())
        return;
    if (!m_cloner) {
        m_cloner = new models::VmCloner(m_session, this);
        connect(m_cloner, &models::VmCloner::progress, this, &CloneDialog::showProgress);
        connect(m_cloner, &models::VmCloner::finished, this,
                [this](const models::CloneResult &result) {
                    m_overall->setRange(0, 1000);
                    m_overall->setValue(1000);
                    m_status->setText(tr("Cloned as “%1”.").arg(result.name));
                    emit cloned(result);
                    accept();
                });
        connect(m_cloner, &models::VmCloner::failed, this, &CloneDialog::onFailed);
    }
    setCloning(true);
    m_cloner->start(m_plan);
}

void CloneDialog::showProgress(const models::CloneProgress &p)
{
    if (m_overall->isHidden())
        setCloning(true);
    for (int row = 0; row < m_plan.disks.size(); ++row) {
        QProgressBar *bar = diskProgress(row);
        if (!bar)
            continue;
        if (row < p.disk)
            bar->setValue(1000);
        else if (row == p.disk)
            bar->setValue(perMille(p.diskDone, p.diskTotal));
    }
    if (p.allTotal) {
        m_overall->setRange(0, 1000);
        m_overall->setValue(perMille(p.allDone, p.allTotal));
    } else {
        m_overall->setRange(0, 0); // creating volumes, copying NVRAM, defining: busy
    }
    m_status->setText(p.text());
}

void CloneDialog::onFailed(const QString &message, bool cancelled)
{
    setCloning(false);
    if (cancelled) {
        m_status->setText(message.isEmpty() ? tr("Cancelled. The copies made so far were removed.")
                                            : tr("Cancelled. %1").arg(message));
    } else {
        m_status->setText(tr("The clone failed: %1").arg(message));
    }
    replan(); // the host may have changed meanwhile (a name taken)
}

void CloneDialog::reject()
{
    if (isCloning()) {
        cancelButton()->setEnabled(false);
        m_status->setText(tr("Cancelling: removing the copies made so far…"));
        m_cloner->cancel();
        return;
    }
    QDialog::reject();
}

} // namespace crossvirt::views
