#pragma once

#include <QDialog>
#include <QPointer>

class QCheckBox;
class QLabel;
class QPushButton;

namespace crossvirt::models {
class HostSession;
}

namespace crossvirt::views {

/// Delete Template: confirms, optionally with the template's base volumes, and calls
/// deleteTemplate. A refusal (VMs still backed by its volumes, named) is shown here and the
/// dialog stays open; on success it is accepted.
class DeleteTemplateDialog : public QDialog
{
    Q_OBJECT
public:
    DeleteTemplateDialog(models::HostSession *session, const QString &uuid, const QString &name,
                         const QString &hostName, QWidget *parent = nullptr);

    QCheckBox *withVolumesCheck() const { return m_withVolumes; }
    QPushButton *deleteButton() const { return m_delete; }
    QLabel *errorLabel() const { return m_error; }
    bool isRunning() const { return m_running; }

signals:
    void templateDeleted(const QString &uri, const QString &uuid);

private:
    void run();

    QPointer<models::HostSession> m_session;
    QString m_uuid;
    QCheckBox *m_withVolumes;
    QLabel *m_error;
    QLabel *m_status;
    QPushButton *m_delete;
    bool m_running = false;
};

} // namespace crossvirt::views
