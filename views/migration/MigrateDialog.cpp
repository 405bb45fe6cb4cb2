#include "views/migration/MigrateDialog.h"

#include "models/cluster/ClusterList.h"
#include "models/connection/Datacenter.h"
#include "models/connection/FutureHandling.h"
#include "models/connection/HostSession.h"
#include "views/common/StateIcons.h"
#include "views/dialogs/FieldMessage.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QStandardItemModel>
#include <QTableWidget>
#include <QVBoxLayout>

namespace crossvirt::views {

using namespace Qt::StringLiterals;
using models::MigrationTarget;

namespace {

constexpr int UriRole = Qt::UserRole + 1;

} // namespace

MigrateDialog::MigrateDialog(models::Datacenter *datacenter, models::ClusterList *clusters,
                             const QString &sourceUri, const QString &uuid, const QString &vmName,
                             QWidget *parent)
    : QDialog(parent), m_datacenter(datacenter), m_clusters(clusters), m_sourceUri(sourceUri),
      m_uuid(uuid), m_vmName(vmName)
{
    if (datacenter) {
        if (const models::HostSession *s = datacenter->session(sourceUri)) {
            if (const auto d = s->domain(uuid))
                m_running = models::isActive(d->state);
        }
    }
    setWindowTitle(tr("Migrate “%1”").arg(vmName));
    buildForm();
    resize(900, 660);
    updateLive();
    if (!datacenter)
        return;
    fillDestinations();
    runCheck();
}

MigrateDialog::~MigrateDialog() = default;

void MigrateDialog::buildForm()
{
    auto *layout = new QVBoxLayout(this);
    m_heading = new QLabel(this);
    m_heading->setTextFormat(Qt::RichText);
    m_heading->setWordWrap(true);
    m_heading->setText(tr("<b>Migrate “%1”</b> from %2")
                           .arg(m_vmName.toHtmlEscaped(), hostName(m_sourceUri).toHtmlEscaped()));
    layout->addWidget(m_heading);

    auto *form = new QFormLayout;
    m_destination = new QComboBox(this);
    m_destination->setModel(new QStandardItemModel(m_destination));
    m_destination->setAccessibleName(tr("Destination host"));
    m_destination->setMinimumContentsLength(30);
    m_destination->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    form->addRow(tr("&Destination:"), m_destination);
    m_destinationNote = makeFieldNote(this);
    form->addRow(QString(), m_destinationNote);

    m_live = new QCheckBox(tr("&Live: keep the guest running while it moves"), this);
    m_live->setChecked(m_running);
    form->addRow(tr("Mode:"), m_live);
    m_liveNote = makeFieldNote(this);
    form->addRow(QString(), m_liveNote);
    m_copyStorage = new QCheckBox(tr("&Copy storage: copy the disks to the destination"), this);
    form->addRow(QString(), m_copyStorage);
    m_copyNote = makeFieldNote(this);
    form->addRow(QString(), m_copyNote);

    auto *transport = new QWidget(this);
    auto *transportLayout = new QHBoxLayout(transport);
    transportLayout->setContentsMargins(0, 0, 0, 0);
    m_direct = new QRadioButton(tr("Di&rect (QEMU to QEMU)"), transport);
    m_tunnelled = new QRadioButton(tr("&Tunnelled through libvirtd"), transport);
    m_direct->setToolTip(tr("QEMU streams the guest straight to the destination host; that "
                            "host must be reachable from this one"));
    m_tunnelled->setToolTip(tr("The source's libvirtd opens the destination itself and carries "
                               "the data over its own connection (peer to peer)"));
    m_direct->setChecked(true);
    transportLayout->addWidget(m_direct);
    transportLayout->addWidget(m_tunnelled);
    transportLayout->addStretch(1);
    form->addRow(tr("Transport:"), transport);
    m_requestProblems = makeFieldError(this);
    m_requestProblems->setAccessibleName(tr("Why this migration cannot go ahead as asked"));
    form->addRow(QString(), m_requestProblems);

    m_bandwidth = new QSpinBox(this);
    m_bandwidth->setRange(0, 100000);
    m_bandwidth->setSuffix(tr(" MiB/s"));
    m_bandwidth->setSpecialValueText(tr("Unlimited"));
    m_bandwidth->setAccessibleName(tr("Bandwidth limit"));
    m_bandwidth->setToolTip(tr("0 = no limit"));
    form->addRow(tr("&Bandwidth limit:"), m_bandwidth);
    layout->addLayout(form);

    m_checkHeading = new QLabel(this);
    m_checkHeading->setWordWrap(true);
    layout->addWidget(m_checkHeading);
    m_table = new QTableWidget(0, ColumnCount, this);
    m_table->setAccessibleName(tr("Migration check of every other host"));
    m_table->setHorizontalHeaderLabels({tr("Host"), tr("Can it move there?"), tr("Notes")});
    m_table->verticalHeader()->hide();
    m_table->setSelectionMode(QAbstractItemView::NoSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setFocusPolicy(Qt::NoFocus);
    m_table->setWordWrap(true);
    m_table->setTextElideMode(Qt::ElideNone);
    m_table->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    QHeaderView *h = m_table->horizontalHeader();
    h->setSectionResizeMode(HostColumn, QHeaderView::ResizeToContents);
    h->setSectionResizeMode(VerdictColumn, QHeaderView::Stretch);
    h->setSectionResizeMode(NotesColumn, QHeaderView::Interactive);
    m_table->setColumnWidth(NotesColumn, 220);
    // Wrapped reasons need the height of their lines at the column's width.
    connect(h, &QHeaderView::sectionResized, this, [this] { m_table->resizeRowsToContents(); });
    layout->addWidget(m_table, 1);

    m_status = new QLabel(this);
    m_status->setWordWrap(true);
    m_status->setTextFormat(Qt::PlainText);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_status->hide();
    layout->addWidget(m_status);
    m_progress = new QProgressBar(this);
    m_progress->setAccessibleName(tr("Migration progress"));
    m_progress->setRange(0, 100);
    m_progress->hide();
    layout->addWidget(m_progress);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    migrateButton()->setText(tr("&Migrate"));
    migrateButton()->setEnabled(false);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &MigrateDialog::startMigration);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &MigrateDialog::reject);
    layout->addWidget(m_buttons);

    connect(m_destination, &QComboBox::currentIndexChanged, this,
            &MigrateDialog::destinationChanged);
    connect(m_live, &QCheckBox::toggled, this, [this] {
        updateLive();
        runCheck();
    });
    // What the check cannot see (a copy through a tunnel): judged on the request.
    connect(m_tunnelled, &QRadioButton::toggled, this, &MigrateDialog::updateMigrateButton);
    connect(m_copyStorage, &QCheckBox::clicked, this, [this] {
        m_copyStorageByUser = true;
        destinationChanged();
        runCheck();
    });
}

QPushButton *MigrateDialog::migrateButton() const
{
    return m_buttons->button(QDialogButtonBox::Ok);
}

QPushButton *MigrateDialog::cancelButton() const
{
    return m_buttons->button(QDialogButtonBox::Cancel);
}

QString MigrateDialog::hostName(const QString &uri) const
{
    if (m_check) {
        if (const MigrationTarget *t = m_check->find(uri); t && !t->displayName.isEmpty())
            return t->displayName;
    }
    if (m_datacenter) {
        const QString name = m_datacenter->displayName(uri);
        if (!name.isEmpty())
            return name;
    }
    return uri;
}

arch::MigrationMode MigrateDialog::mode() const
{
    arch::MigrationMode m;
    m.live = m_running && m_live->isChecked();
    // Until the user decides, the check allows a copy: a host without the disks is then
    // judged on everything else, and picking it ticks Copy storage.
    m.copyStorage = m_copyStorageByUser ? m_copyStorage->isChecked() : true;
    return m;
}

models::MigrationRequest MigrateDialog::request() const
{
    models::MigrationRequest r;
    r.sourceUri = m_sourceUri;
    r.uuid = m_uuid;
    r.destinationUri = destinationUri();
    r.mode.live = m_running && m_live->isChecked();
    r.mode.copyStorage = m_copyStorage->isChecked();
    r.tunnelled = m_tunnelled->isChecked();
    r.bandwidthMiBs = quint64(m_bandwidth->value());
    return r;
}

QString MigrateDialog::destinationUri() const
{
    return m_destination->currentData(UriRole).toString();
}

bool MigrateDialog::isMigrating() const
{
    return m_migrator && m_migrator->isRunning();
}

void MigrateDialog::runCheck()
{
    if (!m_datacenter || isMigrating() || m_done)
        return;
    const quint64 serial = ++m_checkSerial;
    setChecking();
    models::whenFinished(
        models::checkMigration(m_datacenter, m_sourceUri, m_uuid, mode()), this,
        [this, serial](const models::MigrationCheck &check) {
            if (serial == m_checkSerial) // the latest request wins
                setCheck(check);
        },
        [this, serial](const QString &error) {
            if (serial != m_checkSerial)
                return;
            m_checking = false;
            m_checkHeading->setText(tr("Could not check “%1”: %2").arg(m_vmName, error));
            m_table->setRowCount(0);
            updateMigrateButton();
        });
}

void MigrateDialog::setChecking()
{
    m_checking = true;
    m_checkHeading->setText(tr("Checking which hosts can take “%1”…").arg(m_vmName));
    fillTable();
    updateMigrateButton();
}

void MigrateDialog::setCheck(const models::MigrationCheck &check)
{
    ++m_checkSerial; // a check still running is older than this one
    m_check = check;
    m_checking = false;
    if (!check.vmName.isEmpty() && check.vmName != m_vmName) {
        m_vmName = check.vmName;
        setWindowTitle(tr("Migrate “%1”").arg(m_vmName));
    }
    if (check.running != m_running) {
        m_running = check.running;
        const QSignalBlocker block(m_live);
        m_live->setChecked(m_running);
    }
    m_heading->setText(tr("<b>Migrate “%1”</b> from %2")
                           .arg(m_vmName.toHtmlEscaped(), hostName(m_sourceUri).toHtmlEscaped()));
    updateLive();
    const int possible = int(check.possibleUris().size());
    m_checkHeading->setText(
        possible == 0
            ? tr("Migration check: no other host can take “%1” now.").arg(m_vmName)
            : tr("Migration check: %n of %1 other hosts can take “%2”.", nullptr, possible)
                  .arg(check.targets.size())
                  .arg(m_vmName));
    fillDestinations();
    fillTable();
    destinationChanged();
}

void MigrateDialog::updateLive()
{
    m_live->setEnabled(m_running && !m_inProgress && !m_done);
    if (!m_running) {
        const QSignalBlocker block(m_live);
        m_live->setChecked(false);
        m_liveNote->setText(tr("“%1” is shut off: live migration needs a running guest. Its "
                               "definition moves (and its disks with Copy storage).")
                                .arg(m_vmName));
    } else if (!m_live->isChecked()) {
        m_liveNote->setText(tr("Offline: the running guest is not moved; only its definition "
                               "(and its disks with Copy storage)."));
    } else {
        m_liveNote->clear();
    }
    m_liveNote->setVisible(!m_liveNote->text().isEmpty());
}

QList<QPair<QString, QString>> MigrateDialog::otherHosts() const
{
    // The check's list once there is one, else the datacenter's.
    QList<QPair<QString, QString>> hosts; // uri, name
    if (m_check) {
        for (const MigrationTarget &t : std::as_const(m_check->targets))
            hosts.append({t.uri, hostName(t.uri)});
    } else if (m_datacenter) {
        for (const models::HostSession *s : m_datacenter->sessions()) {
            if (s->uri() != m_sourceUri)
                hosts.append({s->uri(), hostName(s->uri())});
        }
    }
    return hosts;
}

void MigrateDialog::fillDestinations()
{
    const QString previous = destinationUri();
    const QList<QPair<QString, QString>> hosts = otherHosts();
    const QSignalBlocker block(m_destination);
    auto *model = qobject_cast<QStandardItemModel *>(m_destination->model());
    model->clear();
    auto *placeholder = new QStandardItem(tr("Choose a host…"));
    placeholder->setFlags(Qt::NoItemFlags);
    model->appendRow(placeholder);

    QFont bold = m_destination->font();
    bold.setBold(true);
    auto addGroup = [&](const QString &title, const QList<QPair<QString, QString>> &members) {
        if (members.isEmpty())
            return;
        auto *header = new QStandardItem(title);
        header->setFlags(Qt::NoItemFlags); // a heading, never a destination
        header->setFont(bold);
        model->appendRow(header);
        for (const auto &[uri, name] : members) {
            const MigrationTarget *t = m_check ? m_check->find(uri) : nullptr;
            const bool ok = t && t->possible();
            QString label = u"    "_s + name;
            QString tip;
            if (!t) {
                label = tr("    %1 (checking…)").arg(name);
                tip = tr("Checking %1…").arg(name);
            } else if (!ok) {
                label = tr("    %1 (cannot take it)").arg(name);
                tip = t->connected ? t->reasonLines().join(u'\n')
                                   : tr("%1 is not connected").arg(name);
            } else {
                tip = tr("“%1” can move to %2").arg(m_vmName, name);
            }
            auto *item = new QStandardItem(label);
            item->setData(uri, UriRole);
            item->setToolTip(tip);
            item->setIcon(!t   ? workStateIcon(WorkState::Working)
                          : ok ? workStateIcon(WorkState::Done)
                               : workStateIcon(WorkState::Failed));
            item->setFlags(ok ? Qt::ItemIsEnabled | Qt::ItemIsSelectable : Qt::NoItemFlags);
            model->appendRow(item);
        }
    };
    QSet<QString> grouped;
    if (m_clusters) {
        for (const models::Cluster &c : m_clusters->clusters()) {
            QList<QPair<QString, QString>> members;
            for (const auto &host : std::as_const(hosts)) {
                if (c.hostUris.contains(host.first)) {
                    members << host;
                    grouped.insert(host.first);
                }
            }
            addGroup(c.arch.isEmpty() ? tr("Cluster %1").arg(c.name)
                                      : tr("Cluster %1 (%2)").arg(c.name, c.arch),
                     members);
        }
    }
    QList<QPair<QString, QString>> rest;
    for (const auto &host : std::as_const(hosts)) {
        if (!grouped.contains(host.first))
            rest << host;
    }
    addGroup(tr("No cluster"), rest);

    int keep = previous.isEmpty() ? -1 : m_destination->findData(previous, UriRole);
    if (keep >= 0 && !(model->item(keep)->flags() & Qt::ItemIsEnabled))
        keep = -1;
    m_destination->setCurrentIndex(keep >= 0 ? keep : 0);
}

bool MigrateDialog::selectDestination(const QString &uri)
{
    const int i = m_destination->findData(uri, UriRole);
    auto *model = qobject_cast<QStandardItemModel *>(m_destination->model());
    if (i < 0 || !(model->item(i)->flags() & Qt::ItemIsEnabled))
        return false;
    m_destination->setCurrentIndex(i);
    return true;
}

void MigrateDialog::fillTable()
{
    const QList<QPair<QString, QString>> rows = otherHosts();
    m_table->setRowCount(int(rows.size()));
    const QColor grey = palette().color(QPalette::PlaceholderText);
    for (int row = 0; row < rows.size(); ++row) {
        const auto &[uri, name] = rows.at(row);
        const MigrationTarget *t = m_check && !m_checking ? m_check->find(uri) : nullptr;
        auto *host = new QTableWidgetItem(name);
        host->setData(UriRole, uri);
        host->setToolTip(uri);
        auto *verdict = new QTableWidgetItem;
        auto *notes = new QTableWidgetItem;
        notes->setForeground(grey);
        if (!t) {
            host->setIcon(workStateIcon(WorkState::Working));
            verdict->setText(tr("Checking…"));
        } else if (t->possible()) {
            host->setIcon(workStateIcon(WorkState::Done));
            verdict->setText(tr("Can migrate"));
            QStringList lines = t->notes;
            if (!t->storageShared)
                lines.prepend(tr("Its disks are copied there (storage not shared)."));
            notes->setText(lines.join(u'\n'));
        } else {
            host->setIcon(workStateIcon(WorkState::Failed));
            QStringList lines = t->reasonLines();
            if (!t->connected && lines.isEmpty())
                lines << tr("Not connected");
            verdict->setText(lines.join(u'\n'));
            notes->setText(t->notes.join(u'\n'));
        }
        verdict->setToolTip(verdict->text());
        notes->setToolTip(notes->text());
        m_table->setItem(row, HostColumn, host);
        m_table->setItem(row, VerdictColumn, verdict);
        m_table->setItem(row, NotesColumn, notes);
    }
    fitTableRows();
}

void MigrateDialog::fitTableRows()
{
    m_table->resizeRowsToContents();
    // Tall enough for every row up to a point; beyond it the table scrolls.
    int tableHeight = m_table->horizontalHeader()->sizeHint().height() + 2 * m_table->frameWidth();
    for (int row = 0; row < m_table->rowCount(); ++row)
        tableHeight += m_table->rowHeight(row);
    m_table->setMinimumHeight(qMin(tableHeight, 420));
    // Grow the window to show the table and the form whole (within reason).
    const int wanted = qMin(sizeHint().height(), 900);
    if (isVisible() && height() < wanted)
        resize(width(), wanted);
}

void MigrateDialog::resizeEvent(QResizeEvent *event)
{
    QDialog::resizeEvent(event);
    // The stretched reasons column changed width: wrapped rows need other heights.
    QMetaObject::invokeMethod(
        m_table, [this] { m_table->resizeRowsToContents(); }, Qt::QueuedConnection);
}

void MigrateDialog::showEvent(QShowEvent *event)
{
    QDialog::showEvent(event);
    QMetaObject::invokeMethod(
        this, [this] { fitTableRows(); }, Qt::QueuedConnection);
}

void MigrateDialog::destinationChanged()
{
    const QString uri = destinationUri();
    const MigrationTarget *t = m_check && !uri.isEmpty() ? m_check->find(uri) : nullptr;
    if (!m_copyStorageByUser) {
        const QSignalBlocker block(m_copyStorage);
        m_copyStorage->setChecked(t && !t->storageShared);
    }
    QString copy;
    if (t && !t->storageShared && m_copyStorage->isChecked()) {
        copy = tr("The disks of “%1” are not on %2: Copy storage copies them there.")
                   .arg(m_vmName, hostName(uri));
    }
    m_copyNote->setText(copy);
    m_copyNote->setVisible(!copy.isEmpty());
    const QString notes = t ? t->notes.join(u'\n') : QString();
    m_destinationNote->setText(notes);
    m_destinationNote->setVisible(!notes.isEmpty());
    updateMigrateButton();
}

void MigrateDialog::updateMigrateButton()
{
    const QString uri = destinationUri();
    const MigrationTarget *t = m_check && !uri.isEmpty() ? m_check->find(uri) : nullptr;
    const QStringList asked =
        t && t->possible() ? models::migrationRequestProblems(request(), *t) : QStringList();
    setFieldErrors(m_requestProblems, asked);
    const bool ok =
        !m_checking && !m_inProgress && !m_done && t && t->possible() && asked.isEmpty();
    migrateButton()->setEnabled(ok);
    if (m_checking)
        migrateButton()->setToolTip(tr("Checking the hosts…"));
    else if (!t)
        migrateButton()->setToolTip(tr("Choose a host that can take “%1”").arg(m_vmName));
    else if (!t->possible())
        migrateButton()->setToolTip(t->reasonLines().join(u'\n'));
    else if (!asked.isEmpty())
        migrateButton()->setToolTip(asked.join(u'\n'));
    else
        migrateButton()->setToolTip(tr("Move “%1” to %2").arg(m_vmName, hostName(uri)));
}

void MigrateDialog::setMigrating(bool migrating)
{
    m_inProgress = migrating;
    m_status->setPalette(palette()); // a new attempt: no red left from the last one
    for (QWidget *w : {static_cast<QWidget *>(m_destination), static_cast<QWidget *>(m_copyStorage),
                       static_cast<QWidget *>(m_tunnelled), static_cast<QWidget *>(m_direct),
                       static_cast<QWidget *>(m_bandwidth)})
        w->setEnabled(!migrating && !m_done);
    updateLive();
    m_progress->setVisible(migrating);
    m_status->setVisible(true);
    cancelButton()->setEnabled(true);
    updateMigrateButton();
    if (migrating) {
        migrateButton()->setEnabled(false);
        m_progress->setRange(0, 0); // busy until the first job stats
        m_status->setText(
            tr("Migrating “%1” to %2…").arg(m_vmName, hostName(request().destinationUri)));
    }
}

void MigrateDialog::startMigration()
{
    if (!migrateButton()->isEnabled() || !m_datacenter || isMigrating())
        return;
    if (!m_migrator) {
        m_migrator = new models::Migrator(m_datacenter, this);
        connect(m_migrator, &models::Migrator::progress, this, &MigrateDialog::showProgress);
        connect(m_migrator, &models::Migrator::finished, this, &MigrateDialog::showFinished);
        connect(m_migrator, &models::Migrator::failed, this, &MigrateDialog::showFailed);
    }
    m_migrator->start(request());
    setMigrating(true);
}

void MigrateDialog::showProgress(const models::MigrationProgress &p)
{
    if (m_progress->isHidden())
        setMigrating(true);
    if (p.dataTotal) {
        m_progress->setRange(0, 100);
        m_progress->setValue(p.percent());
    }
    const QString text = p.text();
    if (!text.isEmpty())
        m_status->setText(text);
}

void MigrateDialog::showFinished(const models::MigrationResult &result)
{
    m_done = true;
    setMigrating(false);
    m_progress->show();
    m_progress->setRange(0, 100);
    m_progress->setValue(100);
    const QString name = result.name.isEmpty() ? m_vmName : result.name;
    QString text = tr("“%1” now runs on %2.").arg(name, hostName(result.destinationUri));
    if (result.downtimeMs >= 0)
        text += u' ' + tr("Downtime: %1 ms.").arg(result.downtimeMs);
    m_status->setText(text);
    migrateButton()->hide();
    cancelButton()->setText(tr("Close"));
    cancelButton()->setEnabled(true);
    emit migrated(result);
}

void MigrateDialog::showFailed(const QString &message, bool cancelled)
{
    setMigrating(false);
    if (cancelled) {
        m_status->setText(
            message.isEmpty()
                ? tr("Cancelled: “%1” is still on %2.").arg(m_vmName, hostName(m_sourceUri))
                : tr("Cancelled: “%1” is still on %2. %3")
                      .arg(m_vmName, hostName(m_sourceUri), message));
    } else {
        m_status->setText(tr("The migration of “%1” failed: %2").arg(m_vmName, message));
        // A failure reads as one (the red of the form's field errors).
        QPalette pal = m_status->palette();
        pal.setColor(QPalette::WindowText, QColor(0xb0, 0x20, 0x20));
        m_status->setPalette(pal);
    }
    runCheck(); // the hosts may have changed meanwhile
}

void MigrateDialog::reject()
{
    if (isMigrating()) {
        cancelButton()->setEnabled(false);
        m_status->setText(tr("Cancelling: “%1” stays on %2…").arg(m_vmName, hostName(m_sourceUri)));
        m_migrator->cancel();
        return;
    }
    QDialog::reject();
}

} // namespace crossvirt::views
