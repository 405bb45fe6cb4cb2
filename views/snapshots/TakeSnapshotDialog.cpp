#include "views/snapshots/TakeSnapshotDialog.h"

#include "models/connection/FutureHandling.h"
#include "models/connection/HostSession.h"
#include "views/dialogs/FieldMessage.h"

#include <QButtonGroup>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalBlocker>
#include <QStyle>
#include <QVBoxLayout>

namespace crossvirt::views {

using namespace Qt::StringLiterals;

namespace {

constexpr TakeSnapshotDialog::Mode kModes[] = {TakeSnapshotDialog::Mode::Internal,
                                               TakeSnapshotDialog::Mode::ExternalWithMemory,
                                               TakeSnapshotDialog::Mode::ExternalDiskOnly};

int indexOf(TakeSnapshotDialog::Mode mode)
{
    return int(mode);
}

} // namespace

TakeSnapshotDialog::TakeSnapshotDialog(models::HostSession *session, const QString &uuid,
                                       const QString &vmName, const models::VmSnapshots *known,
                                       QWidget *parent)
    : QDialog(parent), m_session(session), m_uuid(uuid), m_vmName(vmName)
{
    setWindowTitle(tr("Take Snapshot of %1").arg(vmName));
    auto *layout = new QVBoxLayout(this);
    m_heading = new QLabel(this);
    m_heading->setTextFormat(Qt::RichText);
    m_heading->setWordWrap(true);
    m_heading->setText(tr("<b>Take a snapshot of “%1”</b>").arg(vmName.toHtmlEscaped()));
    layout->addWidget(m_heading);

    m_loading =
        new QLabel(tr("Reading “%1”, its disks and what its host allows…").arg(vmName), this);
    m_loading->setAlignment(Qt::AlignCenter);
    m_loading->setWordWrap(true);
    layout->addWidget(m_loading, 1);
    m_form = new QWidget(this);
    buildForm(m_form);
    m_form->hide();
    layout->addWidget(m_form, 1);

    m_error = makeFieldError(this);
    m_error->setAccessibleName(tr("Why the snapshot cannot be taken"));
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_error);
    m_status = new QLabel(this);
    m_status->setWordWrap(true);
    m_status->hide();
    layout->addWidget(m_status);
    m_busy = new QProgressBar(this);
    m_busy->setRange(0, 0); // busy: libvirt reports no progress for a snapshot
    m_busy->setAccessibleName(tr("Taking the snapshot"));
    m_busy->hide();
    layout->addWidget(m_busy);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    takeButton()->setText(tr("&Take Snapshot"));
    takeButton()->setEnabled(false);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &TakeSnapshotDialog::take);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &TakeSnapshotDialog::reject);
    layout->addWidget(m_buttons);
    // Wide enough that a withheld way's reason takes two or three lines, not six.
    setMinimumWidth(540);
    resize(580, sizeHint().height());

    if (known) {
        setSnapshots(*known);
        return;
    }
    if (!session)
        return;
    models::whenFinished(
        models::loadSnapshots(session, uuid), this,
        [this](const models::VmSnapshots &snapshots) { setSnapshots(snapshots); },
        [this](const QString &error) {
            m_loadFailed = true;
            m_loading->hide();
            showFailure(tr("Could not read “%1”: %2").arg(m_vmName, error));
        });
}

TakeSnapshotDialog::~TakeSnapshotDialog() = default;

void TakeSnapshotDialog::buildForm(QWidget *page)
{
    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *form = new QFormLayout;
    m_name = new QLineEdit(page);
    m_name->setAccessibleName(tr("Snapshot name"));
    form->addRow(tr("&Name:"), m_name);
    m_nameProblem = makeFieldError(page);
    form->addRow(QString(), m_nameProblem);
    m_description = new QPlainTextEdit(page);
    m_description->setAccessibleName(tr("Snapshot description"));
    m_description->setPlaceholderText(tr("What this point is, e.g. “before the upgrade”"));
    m_description->setTabChangesFocus(true);
    // Three lines: a description is a sentence or two.
    m_description->setFixedHeight(m_description->fontMetrics().lineSpacing() * 3 +
                                  2 * m_description->frameWidth() + 8);
    form->addRow(tr("&Description:"), m_description);
    layout->addLayout(form);
    connect(m_name, &QLineEdit::textChanged, this, &TakeSnapshotDialog::validate);

    auto *box = new QGroupBox(tr("What to save"), page);
    auto *grid = new QGridLayout(box);
    m_modes = new QButtonGroup(this);
    const int indent = style()->pixelMetric(QStyle::PM_ExclusiveIndicatorWidth) +
                       style()->pixelMetric(QStyle::PM_RadioButtonLabelSpacing);
    for (Mode mode : kModes) {
        const int i = indexOf(mode);
        m_modeButtons[i] = new QRadioButton(box);
        m_modes->addButton(m_modeButtons[i], i);
        grid->addWidget(m_modeButtons[i], 2 * i, 0);
        // The arch's reason under the way it withholds, lined up with the button's text.
        m_modeReasons[i] = makeFieldNote(box);
        m_modeReasons[i]->setContentsMargins(indent, 0, 0, 0);
        m_modeReasons[i]->setTextInteractionFlags(Qt::TextSelectableByMouse);
        grid->addWidget(m_modeReasons[i], 2 * i + 1, 0);
    }
    m_note = makeFieldNote(box);
    m_note->setAccessibleName(tr("Note on internal snapshots"));
    grid->addWidget(m_note, 6, 0);
    layout->addWidget(box);
    connect(m_modes, &QButtonGroup::idToggled, this, [this](int, bool on) {
        if (on)
            validate();
    });
}

QRadioButton *TakeSnapshotDialog::modeButton(Mode mode) const
{
    return m_modeButtons[indexOf(mode)];
}

QLabel *TakeSnapshotDialog::modeReasonLabel(Mode mode) const
{
    return m_modeReasons[indexOf(mode)];
}

QPushButton *TakeSnapshotDialog::takeButton() const
{
    return m_buttons->button(QDialogButtonBox::Ok);
}

const arch::Operation &TakeSnapshotDialog::operation(Mode mode) const
{
    const arch::SnapshotModes &modes = m_snapshots->modes;
    switch (mode) {
    case Mode::Internal:
        return modes.internal;
    case Mode::ExternalWithMemory:
        return modes.externalWithMemory;
    case Mode::ExternalDiskOnly:
        break;
    }
    return modes.externalDiskOnly;
}

void TakeSnapshotDialog::setSnapshots(const models::VmSnapshots &snapshots)
{
    m_snapshots = snapshots;
    if (!snapshots.vmName.isEmpty() && snapshots.vmName != m_vmName) {
        m_vmName = snapshots.vmName;
        setWindowTitle(tr("Take Snapshot of %1").arg(m_vmName));
    }
    const bool running = snapshots.running;
    m_heading->setText(
        running
            ? tr("<b>Take a snapshot of “%1”</b>, which is running").arg(m_vmName.toHtmlEscaped())
            : tr("<b>Take a snapshot of “%1”</b>, which is shut off")
                  .arg(m_vmName.toHtmlEscaped()));
    m_loading->hide();
    m_form->show();

    modeButton(Mode::Internal)->setText(running ? tr("&Internal (with memory)") : tr("&Internal"));
    modeButton(Mode::Internal)
        ->setToolTip(running ? tr("The disks and the memory, inside the qcow2 disk files: a "
                                  "revert brings the guest back running at this point")
                             : tr("The disks, inside the qcow2 disk files"));
    modeButton(Mode::ExternalWithMemory)->setText(tr("External &with memory"));
    modeButton(Mode::ExternalWithMemory)
        ->setToolTip(tr("New overlay files take the disks' writes from now on; the memory is "
                        "saved to a file beside the first disk"));
    modeButton(Mode::ExternalDiskOnly)
        ->setText(running ? tr("&External, disks only") : tr("&External"));
    modeButton(Mode::ExternalDiskOnly)
        ->setToolTip(tr("New overlay files take the disks' writes from now on; the memory is "
                        "not saved (a revert starts the guest from its disks)"));

    std::optional<Mode> first;
    for (Mode mode : kModes) {
        QRadioButton *button = modeButton(mode);
        QLabel *reason = modeReasonLabel(mode);
        // A shut-off guest has no memory to save: that way is not a choice at all.
        const bool shown = running || mode != Mode::ExternalWithMemory;
        const arch::Operation &op = operation(mode);
        button->setVisible(shown);
        button->setEnabled(shown && op.supported);
        reason->setText(op.supported ? QString() : op.reason);
        reason->setVisible(shown && !op.supported && !op.reason.isEmpty());
        if (shown && op.supported && !first)
            first = mode;
    }
    if (first) {
        const QSignalBlocker block(m_modes);
        modeButton(*first)->setChecked(true);
    } else if (QAbstractButton *checked = m_modes->checkedButton()) {
        m_modes->setExclusive(false);
        checked->setChecked(false);
        m_modes->setExclusive(true);
    }
    {
        const QSignalBlocker block(m_name);
        m_name->setText(models::suggestedSnapshotName(snapshots));
    }
    validate();
    m_name->setFocus();
    m_name->selectAll();
    adjustSize();
}

std::optional<TakeSnapshotDialog::Mode> TakeSnapshotDialog::chosenMode() const
{
    const int id = m_modes->checkedId();
    if (id < 0 || !m_modeButtons[id]->isEnabled())
        return std::nullopt;
    return Mode(id);
}

models::SnapshotRequest TakeSnapshotDialog::request() const
{
    models::SnapshotRequest r;
    r.name = m_name->text().trimmed();
    r.description = m_description->toPlainText().trimmed();
    const auto mode = chosenMode();
    r.location = mode && *mode != Mode::Internal ? arch::SnapshotLocation::External
                                                 : arch::SnapshotLocation::Internal;
    // Internal snapshots of a running guest always hold the memory; a shut-off guest has none.
    r.withMemory = m_snapshots && m_snapshots->running && mode != Mode::ExternalDiskOnly;
    return r;
}

void TakeSnapshotDialog::validate()
{
    if (!m_snapshots)
        return;
    const QString problem = models::snapshotNameProblem(*m_snapshots, m_name->text().trimmed());
    setFieldErrors(m_nameProblem, problem.isEmpty() ? QStringList() : QStringList{problem});
    const auto mode = chosenMode();
    const bool internal = mode == Mode::Internal;
    m_note->setText(internal ? m_snapshots->modes.internalNote : QString());
    m_note->setVisible(internal && !m_snapshots->modes.internalNote.isEmpty());

    QString whyNot;
    if (!m_snapshots->modes.anySupported()) {
        // Every way withheld: the reasons are beside them; say so once more by the button.
        const QString reason = m_snapshots->modes.internal.reason;
        whyNot =
            tr("No snapshot of “%1” can be taken now: %2")
                .arg(m_vmName, reason.isEmpty() ? tr("see the reason beside each way") : reason);
    } else if (!mode) {
        whyNot = tr("Choose what to save");
    } else if (!problem.isEmpty()) {
        whyNot = problem;
    }
    // The error line: why nothing is possible, else the last failure (libvirt's text).
    const QString error = m_snapshots->modes.anySupported() ? m_failure : whyNot;
    setFieldErrors(m_error, error.isEmpty() ? QStringList() : QStringList{error});
    takeButton()->setEnabled(whyNot.isEmpty() && !m_taking);
    takeButton()->setToolTip(
        whyNot.isEmpty() ? tr("Take the snapshot “%1”").arg(m_name->text().trimmed()) : whyNot);
}

void TakeSnapshotDialog::setTaking(bool taking)
{
    m_taking = taking;
    m_form->setEnabled(!taking);
    m_busy->setVisible(taking);
    m_status->setVisible(taking);
    m_buttons->button(QDialogButtonBox::Cancel)->setEnabled(!taking);
    validate();
}

void TakeSnapshotDialog::showFailure(const QString &text)
{
    m_failure = text;
    if (m_snapshots)
        validate();
    else
        setFieldErrors(m_error, {text});
    adjustSize();
}

void TakeSnapshotDialog::take()
{
    if (!m_snapshots || m_taking || !takeButton()->isEnabled())
        return;
    const models::SnapshotRequest r = request();
    if (!m_session) {
        showFailure(tr("Could not take the snapshot “%1”: the host is not connected").arg(r.name));
        return;
    }
    m_failure.clear();
    m_status->setText(r.location == arch::SnapshotLocation::External
                          ? tr("Taking the external snapshot “%1” of “%2”…").arg(r.name, m_vmName)
                          : tr("Taking the snapshot “%1” of “%2”…").arg(r.name, m_vmName));
    setTaking(true);
    models::whenFinished(
        models::createSnapshot(m_session, m_uuid, r), this,
        [this](const models::SnapshotInfo &snapshot) {
            setTaking(false);
            emit taken(snapshot);
            accept();
        },
        [this, name = r.name](const QString &error) {
            setTaking(false);
            showFailure(
                tr("Could not take the snapshot “%1” of “%2”: %3").arg(name, m_vmName, error));
        });
}

void TakeSnapshotDialog::reject()
{
    // libvirt cannot stop a snapshot half way: wait for it.
    if (m_taking)
        return;
    QDialog::reject();
}

} // namespace crossvirt::views
