#include "views/pools/NewVmPoolDialog.h"

#include "models/cluster/ClusterList.h"
#include "models/connection/Datacenter.h"
#include "models/connection/FutureHandling.h"
#include "models/connection/HostSession.h"
#include "views/common/Accessibility.h"
#include "views/common/TemplateTree.h"
#include "views/dialogs/FieldMessage.h"
#include "views/pools/TemplateListing.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QStandardItemModel>
#include <QTableWidget>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace crossvirt::views {

using namespace Qt::StringLiterals;
using models::ConnectionState;

namespace {

enum Column
{
    MemberColumn,
    HostColumn,
    RunsColumn,
    DisksColumn,
    StatusColumn
};

} // namespace

NewVmPoolDialog::NewVmPoolDialog(models::Datacenter *datacenter, models::ClusterList *clusters,
                                 QWidget *parent)
    : QDialog(parent), m_datacenter(datacenter), m_clusters(clusters),
      m_listing(new TemplateListing(datacenter, this))
{
    setWindowTitle(tr("New VM Pool"));
    setMinimumSize(940, 680);
    auto *layout = new QVBoxLayout(this);

    auto *top = new QHBoxLayout;
    auto *templateBox = new QGroupBox(tr("Template"), this);
    auto *templateLayout = new QVBoxLayout(templateBox);
    m_templates = new QTreeWidget(templateBox);
    m_templates->setColumnCount(3);
    m_templates->setHeaderLabels({tr("Template"), tr("Arch"), tr("Summary")});
    m_templates->setAccessibleName(tr("Template"));
    m_templates->setAllColumnsShowFocus(true);
    m_templates->header()->setStretchLastSection(true);
    templateLayout->addWidget(m_templates);
    top->addWidget(templateBox, 3);

    auto *poolBox = new QGroupBox(tr("Pool"), this);
    auto *form = new QFormLayout(poolBox);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_poolName = new QLineEdit(poolBox);
    m_poolName->setPlaceholderText(tr("e.g. web"));
    form->addRow(tr("Pool &name:"), m_poolName);
    m_pattern = new QLineEdit(poolBox);
    m_pattern->setPlaceholderText(tr("e.g. web-%02d"));
    m_pattern->setToolTip(tr("One number conversion: %d, %02d or %3d (%% for a percent sign)."));
    m_preview = makeFieldNote(poolBox);
    m_patternError = makeFieldError(poolBox);
    auto *patternBox = new QWidget(poolBox);
    auto *patternLayout = new QVBoxLayout(patternBox);
    patternLayout->setContentsMargins(0, 0, 0, 0);
    patternLayout->setSpacing(2);
    patternLayout->addWidget(m_pattern);
    patternLayout->addWidget(m_preview);
    patternLayout->addWidget(m_patternError);
    form->addRow(tr("VM &names:"), patternBox);
    m_count = new QSpinBox(poolBox);
    m_count->setRange(1, models::kMaxPoolSize);
    m_count->setValue(3);
    form->addRow(tr("&Count:"), m_count);
    m_target = new QComboBox(poolBox);
    m_targetNote = makeFieldNote(poolBox);
    auto *targetBox = new QWidget(poolBox);
    auto *targetLayout = new QVBoxLayout(targetBox);
    targetLayout->setContentsMargins(0, 0, 0, 0);
    targetLayout->setSpacing(2);
    targetLayout->addWidget(m_target);
    targetLayout->addWidget(m_targetNote);
    form->addRow(tr("&Place in:"), targetBox);
    m_overlay = new QRadioButton(tr("&Overlays on the template's volumes"), poolBox);
    m_copy = new QRadioButton(tr("&Full copies"), poolBox);
    m_overlay->setChecked(true);
    auto *diskGroup = new QButtonGroup(this);
    diskGroup->addButton(m_overlay);
    diskGroup->addButton(m_copy);
    m_diskNote = makeFieldNote(poolBox, tr("Overlays only on the template's host; the other "
                                           "hosts always get full copies."));
    auto *diskBox = new QWidget(poolBox);
    auto *diskLayout = new QVBoxLayout(diskBox);
    diskLayout->setContentsMargins(0, 0, 0, 0);
    diskLayout->setSpacing(2);
    diskLayout->addWidget(m_overlay);
    diskLayout->addWidget(m_copy);
    diskLayout->addWidget(m_diskNote);
    form->addRow(tr("Disks:"), diskBox);
    m_start = new QCheckBox(tr("&Start the VMs after creating them"), poolBox);
    form->addRow(QString(), m_start);
    labelFormFields(form);
    top->addWidget(poolBox, 2);
    layout->addLayout(top, 2);

    auto *placementBox = new QGroupBox(tr("Placement"), this);
    auto *placementLayout = new QVBoxLayout(placementBox);
    m_table = new QTableWidget(0, 5, placementBox);
    m_table->setHorizontalHeaderLabels(
        {tr("VM"), tr("Host"), tr("Runs"), tr("Disks"), tr("Status")});
    m_table->setShowGrid(false);
    m_table->setAlternatingRowColors(true);
    for (int c = MemberColumn; c < StatusColumn; ++c)
        m_table->horizontalHeader()->setSectionResizeMode(c, QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(StatusColumn, QHeaderView::Stretch);
    m_table->setAccessibleName(tr("Placement"));
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    placementLayout->addWidget(m_table, 1);
    m_withheld = makeFieldNote(placementBox);
    placementLayout->addWidget(m_withheld);
    m_problems = makeFieldError(placementBox);
    placementLayout->addWidget(m_problems);
    layout->addWidget(placementBox, 3);

    m_progress = new QProgressBar(this);
    m_progress->setAccessibleName(tr("Overall progress"));
    m_progress->hide();
    layout->addWidget(m_progress);
    m_status = new QLabel(this);
    m_status->setWordWrap(true);
    layout->addWidget(m_status);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_create = m_buttons->addButton(tr("&Create Pool"), QDialogButtonBox::AcceptRole);
    m_create->setEnabled(false);
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &NewVmPoolDialog::reject);
    connect(m_create, &QPushButton::clicked, this, &NewVmPoolDialog::create);

    connect(m_listing, &TemplateListing::updated, this, &NewVmPoolDialog::fillTemplates);
    connect(m_templates, &QTreeWidget::currentItemChanged, this, &NewVmPoolDialog::templateChanged);
    connect(m_target, &QComboBox::currentIndexChanged, this, &NewVmPoolDialog::targetChanged);
    connect(m_poolName, &QLineEdit::textEdited, this, [this](const QString &name) {
        // The names follow the pool's name until the user writes their own pattern.
        if (!m_patternEdited)
            m_pattern->setText(name.isEmpty() ? QString() : name + u"-%02d"_s);
    });
    connect(m_poolName, &QLineEdit::textChanged, this, &NewVmPoolDialog::replan);
    connect(m_pattern, &QLineEdit::textEdited, this, [this] { m_patternEdited = true; });
    connect(m_pattern, &QLineEdit::textChanged, this, &NewVmPoolDialog::replan);
    connect(m_count, &QSpinBox::valueChanged, this, &NewVmPoolDialog::replan);
    connect(m_overlay, &QRadioButton::toggled, this, &NewVmPoolDialog::replan);
    connect(m_start, &QCheckBox::toggled, this, &NewVmPoolDialog::replan);

    m_listing->load();
    fillTemplates();
    fillTargets();
}

NewVmPoolDialog::~NewVmPoolDialog() = default;

bool NewVmPoolDialog::templatesLoaded() const
{
    return m_listing->isLoaded();
}

bool NewVmPoolDialog::isCreating() const
{
    return m_creator && m_creator->isRunning();
}

// ---- template -------------------------------------------------------------------------------

void NewVmPoolDialog::fillTemplates()
{
    TemplateTree::fill(
        m_templates, m_listing->templates(),
        [this](const QString &uri) { return m_datacenter->displayName(uri); }, {}, m_templateKey);
    QString status;
    if (!m_listing->isLoaded())
        status = tr("Reading the templates of the connected hosts…");
    else if (m_listing->templates().isEmpty())
        status = tr("No connected host has a template. Make one from a shut-off VM with "
                    "Virtual Machine › Make Template…");
    if (!m_listing->errors().isEmpty())
        status += tr("Templates could not be listed on %1").arg(m_listing->errors().join(u"; "_s));
    m_status->setText(status);
    templateChanged();
}

std::optional<models::TemplateInfo> NewVmPoolDialog::currentTemplate() const
{
    return TemplateTree::current(m_templates, m_listing->templates());
}

bool NewVmPoolDialog::selectTemplate(const QString &uri, const QString &name)
{
    return TemplateTree::select(m_templates, uri, name);
}

void NewVmPoolDialog::templateChanged()
{
    const auto tmpl = currentTemplate();
    const QString key = tmpl ? TemplateTree::key(*tmpl) : QString();
    if (key == m_templateKey)
        return;
    m_templateKey = key;
    if (tmpl && m_poolName->text().isEmpty() && !m_patternEdited) {
        // A starting point the user can change: the template's name without "-tpl".
        QString base = tmpl->name;
        for (const QString &suffix : {u"-template"_s, u"-tpl"_s}) {
            if (base.endsWith(suffix))
                base.chop(suffix.size());
        }
        m_pattern->setText(base + u"-%02d"_s);
    }
    fillTargets();
}

// ---- where ----------------------------------------------------------------------------------

void NewVmPoolDialog::fillTargets()
{
    const auto tmpl = currentTemplate();
    const QStringList previous = m_target->currentData().toStringList();
    QStringList withheld;
    {
        const QSignalBlocker block(m_target);
        m_target->clear();
        auto *model = qobject_cast<QStandardItemModel *>(m_target->model());
        int firstOffered = -1;
        auto add = [&](const QString &label, const QStringList &itemData, const QString &reason) {
            m_target->addItem(label, itemData);
            const int row = m_target->count() - 1;
            if (!reason.isEmpty()) {
                model->item(row)->setEnabled(false);
                m_target->setItemData(row, reason, Qt::ToolTipRole);
                withheld << tr("%1: %2").arg(label, reason);
            } else if (firstOffered < 0) {
                firstOffered = row;
            }
        };
        for (const models::Cluster &c : m_clusters->clusters()) {
            QString reason;
            if (tmpl && c.arch != tmpl->arch)
                reason = tr("runs %1 guests; the template is %2").arg(c.arch, tmpl->arch);
            add(tr("Cluster %1 (%2)").arg(c.name, c.arch), {c.id, {}}, reason);
        }
        for (const models::HostSession *s : m_datacenter->sessions()) {
            QString reason;
            const models::HostInfo &info = s->hostInfo();
            if (s->state() != ConnectionState::Connected)
                reason = tr("not connected");
            else if (tmpl && !info.nativeArches.contains(tmpl->arch) &&
                     !info.emulatedArches.contains(tmpl->arch))
                reason = tr("cannot run %1 guests").arg(tmpl->arch);
            add(tr("Host %1").arg(m_datacenter->displayName(s->uri())), {{}, s->uri()}, reason);
        }
        int keep = m_target->findData(previous);
        if (keep >= 0 && !model->item(keep)->isEnabled())
            keep = -1;
        m_target->setCurrentIndex(keep >= 0 ? keep : firstOffered);
    }
    const QString note =
        tmpl && !withheld.isEmpty() ? tr("Not offered: %1").arg(withheld.join(u"; "_s)) : QString();
    m_targetNote->setText(note);
    m_targetNote->setVisible(!note.isEmpty());
    targetChanged();
}

bool NewVmPoolDialog::selectTarget(const QString &clusterIdOrUri)
{
    for (int i = 0; i < m_target->count(); ++i) {
        const QStringList ids = m_target->itemData(i).toStringList();
        if (ids.contains(clusterIdOrUri) &&
            qobject_cast<QStandardItemModel *>(m_target->model())->item(i)->isEnabled()) {
            m_target->setCurrentIndex(i);
            return true;
        }
    }
    return false;
}

QStringList NewVmPoolDialog::targetHostUris() const
{
    const QStringList ids = m_target->currentData().toStringList();
    if (ids.size() != 2)
        return {};
    if (!ids[0].isEmpty()) {
        const auto c = m_clusters->cluster(ids[0]);
        return c ? c->hostUris : QStringList();
    }
    return {ids[1]};
}

void NewVmPoolDialog::targetChanged()
{
    // Read every target host's facts for the template, then plan (pure) on every edit.
    const quint64 generation = ++m_factsGeneration;
    m_facts.clear();
    m_factErrors.clear();
    m_factsPending = 0;
    const auto tmpl = currentTemplate();
    if (tmpl) {
        for (const QString &uri : targetHostUris()) {
            models::HostSession *s = m_datacenter->session(uri);
            if (!s || s->state() != ConnectionState::Connected) {
                m_factErrors << tr("%1: not connected").arg(m_datacenter->displayName(uri));
                continue;
            }
            ++m_factsPending;
            const QString host = m_datacenter->displayName(uri);
            models::whenFinished(
                models::loadPoolHostFacts(s, *tmpl), this,
                [this, generation](const models::PoolHostFacts &facts) {
                    if (generation != m_factsGeneration)
                        return;
                    m_facts << facts;
                    if (--m_factsPending == 0)
                        replan();
                },
                [this, generation, host](const QString &error) {
                    if (generation != m_factsGeneration)
                        return;
                    m_factErrors << tr("%1: %2").arg(host, error);
                    if (--m_factsPending == 0)
                        replan();
                });
        }
    }
    replan();
}

// ---- names and plan -------------------------------------------------------------------------

void NewVmPoolDialog::updatePreview()
{
    QString error;
    const QStringList names =
        models::expandNamePattern(m_pattern->text(), m_count->value(), 1, &error);
    QString preview;
    if (!names.isEmpty()) {
        preview = names.size() <= 3 ? names.join(u", "_s)
                                    : tr("%1 … %2").arg(names.first(), names.last());
    }
    m_preview->setText(preview);
    m_preview->setVisible(!preview.isEmpty());
    setFieldErrors(m_patternError, m_pattern->text().isEmpty() || error.isEmpty()
                                       ? QStringList()
                                       : QStringList{error});
}

void NewVmPoolDialog::replan()
{
    if (isCreating() || m_finished)
        return;
    updatePreview();
    m_plan.reset();
    const auto tmpl = currentTemplate();
    const QStringList target = m_target->currentData().toStringList();
    if (tmpl && target.size() == 2 && m_factsPending == 0) {
        models::VmPoolRequest request;
        request.name = m_poolName->text().trimmed();
        request.namePattern = m_pattern->text();
        request.count = m_count->value();
        request.diskMode = m_overlay->isChecked() ? models::TemplateDiskMode::Overlay
                                                  : models::TemplateDiskMode::Copy;
        request.start = m_start->isChecked();
        if (const auto c = m_clusters->cluster(target[0])) {
            request.clusterArch = c->arch;
            request.allowEmulation = c->allowEmulation;
        } else {
            request.allowEmulation = true; // one host chosen by the user: it may emulate
        }
        QList<models::DomainSummary> domains;
        for (const models::HostSession *s : m_datacenter->sessions())
            domains += s->domains();
        m_plan = models::planVmPool(*tmpl, request, m_facts, models::vmPoolNames(domains));
        if (request.name.isEmpty())
            m_plan->problems.prepend(tr("Enter a name for the pool."));
    }

    m_table->setRowCount(0);
    QStringList withheld = m_factErrors;
    if (m_plan) {
        m_table->setRowCount(int(m_plan->members.size()));
        int row = 0;
        for (const models::VmPoolMember &m : std::as_const(m_plan->members)) {
            const bool native = m.plan.virtType == arch::VirtType::Kvm;
            m_table->setItem(row, MemberColumn, new QTableWidgetItem(m.name));
            m_table->setItem(row, HostColumn,
                             new QTableWidgetItem(m_datacenter->displayName(m.hostUri)));
            m_table->setItem(
                row, RunsColumn,
                new QTableWidgetItem(native ? tr("native (KVM)") : tr("emulated (TCG)")));
            bool copies = false;
            for (const models::FromTemplateDisk &disk : m.plan.disks)
                copies = copies || disk.copy;
            m_table->setItem(row, DisksColumn,
                             new QTableWidgetItem(m.plan.disks.isEmpty() ? tr("none")
                                                  : copies               ? tr("full copies")
                                                                         : tr("overlays")));
            m_table->setItem(row, StatusColumn,
                             new QTableWidgetItem(m.plan.ok() ? tr("To be created")
                                                              : m.plan.problems.join(u' ')));
            ++row;
        }
        for (const auto &[uri, reason] : std::as_const(m_plan->withheldHosts))
            withheld << tr("%1: %2").arg(m_datacenter->displayName(uri), reason);
    }
    const QString withheldText =
        withheld.isEmpty() ? QString() : tr("Hosts not used: %1").arg(withheld.join(u"; "_s));
    m_withheld->setText(withheldText);
    m_withheld->setVisible(!withheldText.isEmpty());

    QStringList problems;
    if (!tmpl)
        problems << tr("Choose a template.");
    else if (target.size() != 2)
        problems << tr("No cluster or host runs %1 guests.").arg(tmpl->arch);
    else if (m_factsPending > 0)
        m_status->setText(tr("Reading the hosts' capabilities and storage…"));
    if (m_plan) {
        problems << m_plan->problems;
        m_status->setText(m_plan->ok() ? tr("VMs to create: %1.").arg(m_plan->members.size())
                                       : QString());
    }
    // An untouched new dialog waits for a template before it complains.
    setFieldErrors(m_problems, tmpl ? problems : QStringList());
    m_create->setEnabled(m_plan && m_plan->ok());
}

// ---- create ---------------------------------------------------------------------------------

void NewVmPoolDialog::setInputsEnabled(bool enabled)
{
    for (QWidget *w : std::initializer_list<QWidget *>{m_templates, m_poolName, m_pattern, m_count,
                                                       m_target, m_overlay, m_copy, m_start})
        w->setEnabled(enabled);
}

void NewVmPoolDialog::create()
{
    if (!m_plan || !m_plan->ok() || isCreating())
        return;
    models::Datacenter *datacenter = m_datacenter;
    auto *creator = new models::VmPoolCreator(
        [datacenter](const QString &uri) { return datacenter->session(uri); }, this);
    m_creator = creator;
    setInputsEnabled(false);
    m_create->setEnabled(false);
    const int total = int(m_plan->members.size());
    m_progress->setRange(0, total);
    m_progress->setValue(0);
    m_progress->setFormat(tr("%v of %m VMs"));
    m_progress->show();
    m_status->setText(tr("Creating the pool %1…").arg(m_plan->request.name));
    for (int row = 0; row < m_table->rowCount(); ++row)
        m_table->item(row, StatusColumn)->setText(tr("Waiting…"));
    connect(creator, &models::VmPoolCreator::progress, this, [this](int done, int all) {
        m_progress->setRange(0, all);
        m_progress->setValue(done);
    });
    connect(creator, &models::VmPoolCreator::memberFinished, this,
            [this](const models::VmPoolMemberResult &r) {
                for (int row = 0; row < m_table->rowCount(); ++row) {
                    if (m_table->item(row, MemberColumn)->text() != r.name)
                        continue;
                    QTableWidgetItem *status = m_table->item(row, StatusColumn);
                    status->setText(r.ok ? tr("Done") : tr("Failed: %1").arg(r.message));
                    status->setToolTip(status->text());
                    status->setForeground(r.ok ? palette().text() : QBrush(Qt::red));
                }
                m_table->resizeRowsToContents(); // a failure's whole message, wrapped
            });
    connect(creator, &models::VmPoolCreator::finished, this,
            [this, creator](const QList<models::VmPoolMemberResult> &results) {
                m_results = results;
                m_finished = true;
                creator->deleteLater();
                int made = 0;
                for (const auto &r : results)
                    made += r.ok ? 1 : 0;
                const int failed = int(results.size()) - made;
                m_status->setText(failed == 0
                                      ? tr("Created all %1 VMs of the pool.").arg(made)
                                      : tr("Created %1 of %2 VMs; %3 failed (see their rows).")
                                            .arg(made)
                                            .arg(results.size())
                                            .arg(failed));
                m_create->hide();
                m_buttons->button(QDialogButtonBox::Cancel)->setText(tr("&Close"));
                emit poolCreated(m_plan ? m_plan->request.name : QString(), results);
            });
    creator->start(*m_plan);
}

void NewVmPoolDialog::reject()
{
    if (isCreating()) {
        // Members not started are dropped, those under way removed; made ones stay.
        m_status->setText(tr("Cancelling: VMs already made stay…"));
        m_creator->cancel();
        return;
    }
    QDialog::reject();
}

} // namespace crossvirt::views
