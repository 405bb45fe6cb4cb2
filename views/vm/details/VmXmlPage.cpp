#include "views/vm/details/VmXmlPage.h"

#include "models/connection/FutureHandling.h"
#include "models/connection/HostSession.h"
#include "views/dialogs/FieldMessage.h"

#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTabWidget>
#include <QVBoxLayout>

namespace crossvirt::views {

namespace {
QPlainTextEdit *xmlView(const QString &name, QWidget *parent)
{
    auto *view = new QPlainTextEdit(parent);
    view->setReadOnly(true);
    view->setLineWrapMode(QPlainTextEdit::NoWrap);
    view->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    view->setAccessibleName(name);
    view->setTabChangesFocus(false);
    return view;
}
} // namespace

VmXmlPage::VmXmlPage(models::HostSession *session, const QString &uuid, QWidget *parent)
    : QWidget(parent), m_session(session), m_uuid(uuid)
{
    auto *layout = new QVBoxLayout(this);
    m_views = new QTabWidget(this);
    m_inactive = xmlView(tr("Inactive XML"), m_views);
    m_live = xmlView(tr("Live XML"), m_views);
    m_views->addTab(m_inactive, tr("Inactive (next boot)"));
    m_views->addTab(m_live, tr("Live"));
    m_inactive->setPlaceholderText(tr("Loading…"));
    m_live->setPlaceholderText(tr("Loading…"));
    layout->addWidget(m_views, 1);
    m_note = makeFieldNote(this);
    layout->addWidget(m_note);
    m_error = makeFieldError(this);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_error);

    auto *buttons = new QHBoxLayout;
    m_edit = new QPushButton(tr("Edit XML"), this);
    m_edit->setCheckable(true);
    m_edit->setToolTip(tr("For experts: edit the definition the next boot uses. libvirt "
                          "validates it before it is saved."));
    m_cancel = new QPushButton(tr("Cancel"), this);
    m_apply = new QPushButton(tr("Apply"), this);
    buttons->addWidget(m_edit);
    buttons->addStretch();
    buttons->addWidget(m_cancel);
    buttons->addWidget(m_apply);
    layout->addLayout(buttons);

    connect(m_edit, &QPushButton::toggled, this, &VmXmlPage::setEditing);
    connect(m_cancel, &QPushButton::clicked, this, &VmXmlPage::cancel);
    connect(m_apply, &QPushButton::clicked, this, &VmXmlPage::applyXml);
    connect(m_inactive, &QPlainTextEdit::textChanged, this, &VmXmlPage::updateState);
    updateState();
}

void VmXmlPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    emit shown();
}

void VmXmlPage::setContext(const models::VmEditContext &ctx)
{
    m_running = ctx.running();
    m_live->setPlainText(ctx.running() ? ctx.liveXml : QString());
    m_live->setPlaceholderText(tr("The VM is not running: it has no live XML."));
    m_views->setTabEnabled(1, ctx.running());
    m_inactiveXml = ctx.inactiveXml;
    if (!m_editing)
        m_inactive->setPlainText(m_inactiveXml);
    updateState();
}

void VmXmlPage::setEditing(bool editing)
{
    if (m_editing == editing)
        return;
    m_editing = editing;
    if (m_edit->isChecked() != editing)
        m_edit->setChecked(editing);
    if (editing) {
        m_views->setCurrentWidget(m_inactive);
        m_inactive->setFocus();
    } else {
        m_inactive->setPlainText(m_inactiveXml);
        setFieldErrors(m_error, {});
    }
    updateState();
}

void VmXmlPage::cancel()
{
    setEditing(false);
}

void VmXmlPage::applyXml()
{
    if (!m_editing || m_busy || !m_session)
        return;
    m_busy = true;
    setFieldErrors(m_error, {});
    updateState();
    const QString xml = m_inactive->toPlainText();
    models::whenFinished(
        models::defineEditedXml(m_session, m_uuid, xml), this,
        [this, xml] {
            m_busy = false;
            m_inactiveXml = xml; // until the reload brings libvirt's own form
            setEditing(false);
            emit defined();
            emit idle();
        },
        [this](const QString &error) {
            m_busy = false;
            // libvirt's own words; the edit stays so it can be fixed.
            setFieldErrors(m_error, {tr("libvirt refused the XML: %1").arg(error)});
            updateState();
            emit idle();
        });
}

QString VmXmlPage::errorText() const
{
    return m_error->isVisible() || !m_error->text().isEmpty() ? m_error->text() : QString();
}

void VmXmlPage::updateState()
{
    m_inactive->setReadOnly(!m_editing || m_busy);
    m_edit->setEnabled(!m_busy && !m_inactiveXml.isEmpty());
    m_cancel->setVisible(m_editing);
    m_apply->setVisible(m_editing);
    m_cancel->setEnabled(!m_busy);
    m_apply->setEnabled(!m_busy && m_editing && m_inactive->toPlainText() != m_inactiveXml);
    QString note;
    if (m_editing)
        note = tr("Editing the definition the next boot uses. libvirt checks it before it is "
                  "saved; a running VM keeps its live configuration until it restarts.");
    else if (m_running)
        note = tr("Live: what the running VM uses now. Inactive: what its next boot uses.");
    m_note->setText(note);
    m_note->setVisible(!note.isEmpty());
}

} // namespace crossvirt::views
