#pragma once

#include "models/vmedit/VmEdit.h"

#include <QPointer>
#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTabWidget;

namespace crossvirt::models {
class HostSession;
}

namespace crossvirt::views {

/// The VM window's XML tab: the live and the inactive domain XML, read-only, and an
/// "Edit XML" mode for experts that makes the inactive XML editable and defines it with
/// models::defineEditedXml (libvirt validates it; its own error text is shown).
class VmXmlPage : public QWidget
{
    Q_OBJECT
public:
    VmXmlPage(models::HostSession *session, const QString &uuid, QWidget *parent = nullptr);

    /// Shows the definitions of `ctx`; an edit under way is kept.
    void setContext(const models::VmEditContext &ctx);

    bool isEditing() const { return m_editing; }
    void setEditing(bool editing);
    /// Defines the edited XML (asynchronously; emits defined() when libvirt took it).
    void applyXml();
    /// Leaves Edit XML and restores the definition.
    void cancel();
    bool isBusy() const { return m_busy; }

    QTabWidget *views() const { return m_views; }
    QPlainTextEdit *inactiveView() const { return m_inactive; }
    QPlainTextEdit *liveView() const { return m_live; }
    QPushButton *editButton() const { return m_edit; }
    QPushButton *applyButton() const { return m_apply; }
    QPushButton *cancelButton() const { return m_cancel; }
    QString errorText() const;

signals:
    /// The page was shown (the details page loads the VM on first show).
    void shown();
    /// libvirt took the edited XML: the VM should be reloaded.
    void defined();
    /// A define finished (with or without an error).
    void idle();

protected:
    void showEvent(QShowEvent *event) override;

private:
    void updateState();

    QPointer<models::HostSession> m_session;
    QString m_uuid;
    QString m_inactiveXml;
    bool m_editing = false;
    bool m_busy = false;
    bool m_running = false;
    QTabWidget *m_views;
    QPlainTextEdit *m_inactive;
    QPlainTextEdit *m_live;
    QLabel *m_note;
    QLabel *m_error;
    QPushButton *m_edit, *m_apply, *m_cancel;
};

} // namespace crossvirt::views
