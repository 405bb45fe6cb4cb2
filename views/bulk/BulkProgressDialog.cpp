#include "views/bulk/BulkProgressDialog.h"

#include "models/connection/HostSession.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace crossvirt::views {

using namespace Qt::StringLiterals;

namespace {

constexpr int StateRole = Qt::UserRole + 1;

QString workStateText(WorkState state)
{
    switch (state) {
    case WorkState::Waiting:
        return BulkProgressDialog::tr("Waiting");
    case WorkState::Working:
        return BulkProgressDialog::tr("Working…");
    case WorkState::Done:
        return BulkProgressDialog::tr("Done");
    case WorkState::Failed:
        return BulkProgressDialog::tr("Failed");
    }
    return {};
}

} // namespace

BulkProgressDialog::BulkProgressDialog(models::BulkRunner::SessionLookup sessionFor,
                                       models::BulkAction action,
                                       const QList<models::BulkTarget> &targets, QWidget *parent)
    : QDialog(parent), m_action(action), m_targets(targets)
{
    setWindowTitle(tr("%1: %n virtual machines", nullptr, int(targets.size()))
                       .arg(models::bulkActionLabel(action)));
    auto *layout = new QVBoxLayout(this);
    m_summary = new QLabel(this);
    m_summary->setWordWrap(true);
    layout->addWidget(m_summary);

    m_table = new QTreeWidget(this);
    m_table->setRootIsDecorated(false);
    // A failure's message may be long: it wraps, the row grows.
    m_table->setWordWrap(true);
    m_table->setUniformRowHeights(false);
    m_table->setSelectionMode(QAbstractItemView::NoSelection);
    m_table->setFocusPolicy(Qt::NoFocus);
    m_table->setAccessibleName(tr("Result of each virtual machine"));
    m_table->setHeaderLabels({tr("Virtual machine"), tr("Host"), tr("Result")});
    m_table->header()->setStretchLastSection(true);
    m_table->setColumnWidth(VmColumn, 180);
    m_table->setColumnWidth(HostColumn, 150);
    for (const models::BulkTarget &t : targets) {
        auto *item = new QTreeWidgetItem(m_table);
        item->setText(VmColumn, t.name);
        item->setToolTip(VmColumn, t.name);
        const models::HostSession *s = sessionFor ? sessionFor(t.uri) : nullptr;
        const QString host =
            s && !s->hostInfo().hostname.isEmpty() ? s->hostInfo().hostname : t.uri;
        item->setText(HostColumn, host);
        item->setToolTip(HostColumn, t.uri);
    }
    layout->addWidget(m_table, 1);

    m_overall = new QProgressBar(this);
    m_overall->setAccessibleName(tr("Overall progress"));
    m_overall->setRange(0, int(targets.size()));
    m_overall->setValue(0);
    m_overall->setFormat(tr("%v of %m"));
    layout->addWidget(m_overall);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Cancel | QDialogButtonBox::Close, this);
    closeButton()->setEnabled(false);
    connect(cancelButton(), &QPushButton::clicked, this, &BulkProgressDialog::reject);
    connect(closeButton(), &QPushButton::clicked, this, &QDialog::accept);
    layout->addWidget(m_buttons);

    for (int row = 0; row < targets.size(); ++row)
        setRowState(row, WorkState::Waiting, {});
    m_summary->setText(tr("%1 %n virtual machines. The VMs of one host go one after another, "
                          "hosts in parallel; a failure does not stop the others.",
                          nullptr, int(targets.size()))
                           .arg(models::bulkActionLabel(action)));

    m_runner = new models::BulkRunner(std::move(sessionFor), this);
    connect(m_runner, &models::BulkRunner::itemStarted, this, &BulkProgressDialog::showStarted);
    connect(m_runner, &models::BulkRunner::itemFinished, this, &BulkProgressDialog::showFinished);
    connect(m_runner, &models::BulkRunner::finished, this, &BulkProgressDialog::showAllFinished);
    resize(760, qBound(240, 170 + 26 * int(targets.size()), 600));
}

BulkProgressDialog::~BulkProgressDialog() = default;

QPushButton *BulkProgressDialog::cancelButton() const
{
    return m_buttons->button(QDialogButtonBox::Cancel);
}

QPushButton *BulkProgressDialog::closeButton() const
{
    return m_buttons->button(QDialogButtonBox::Close);
}

bool BulkProgressDialog::isRunning() const
{
    return m_runner->isRunning();
}

WorkState BulkProgressDialog::stateOf(int row) const
{
    const QTreeWidgetItem *item = m_table->topLevelItem(row);
    return item ? WorkState(item->data(ResultColumn, StateRole).toInt()) : WorkState::Waiting;
}

QString BulkProgressDialog::messageOf(int row) const
{
    const QTreeWidgetItem *item = m_table->topLevelItem(row);
    return item ? item->data(ResultColumn, Qt::UserRole).toString() : QString();
}

void BulkProgressDialog::start()
{
    if (m_started)
        return;
    m_started = true;
    m_runner->start(m_action, m_targets);
}

void BulkProgressDialog::setRowState(int row, WorkState state, const QString &message)
{
    QTreeWidgetItem *item = m_table->topLevelItem(row);
    if (!item)
        return;
    item->setIcon(ResultColumn, workStateIcon(state));
    item->setData(ResultColumn, StateRole, int(state));
    item->setData(ResultColumn, Qt::UserRole, message);
    const QString text = message.isEmpty() ? workStateText(state) : message;
    item->setText(ResultColumn, text);
    item->setToolTip(ResultColumn, text);
}

void BulkProgressDialog::showStarted(int index)
{
    setRowState(index, WorkState::Working, {});
    if (QTreeWidgetItem *item = m_table->topLevelItem(index))
        m_table->scrollToItem(item);
}

void BulkProgressDialog::showFinished(int index, const models::BulkItemResult &result)
{
    setRowState(index, result.ok ? WorkState::Done : WorkState::Failed, result.message);
    m_overall->setValue(++m_done);
}

void BulkProgressDialog::showAllFinished(const QList<models::BulkItemResult> &results)
{
    m_finished = true;
    int failed = 0;
    for (int row = 0; row < results.size(); ++row) {
        const models::BulkItemResult &r = results.at(row);
        if (!r.ok)
            ++failed;
        // Rows the runner never reported (cancelled before they started) get their result.
        if (stateOf(row) == WorkState::Waiting || stateOf(row) == WorkState::Working)
            setRowState(row, r.ok ? WorkState::Done : WorkState::Failed, r.message);
    }
    m_overall->setValue(m_overall->maximum());
    m_summary->setText(
        failed == 0 ? tr("%1: done for all %n virtual machines.", nullptr, int(results.size()))
                          .arg(models::bulkActionLabel(m_action))
                    : tr("%1: %2 of %n virtual machines failed; see each one's result.", nullptr,
                         int(results.size()))
                          .arg(models::bulkActionLabel(m_action))
                          .arg(failed));
    cancelButton()->setEnabled(false);
    closeButton()->setEnabled(true);
    closeButton()->setDefault(true);
    emit finished(results);
}

void BulkProgressDialog::reject()
{
    if (m_started && !m_finished) {
        cancelButton()->setEnabled(false);
        m_summary->setText(tr("Cancelling: the virtual machines not started yet are skipped…"));
        m_runner->cancel();
        return;
    }
    QDialog::reject();
}

} // namespace crossvirt::views
