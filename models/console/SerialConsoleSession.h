#pragma once

#include <QObject>
#include <QPointer>
#include <memory>

namespace crossvirt::models {

class HostSession;
struct SerialStreamState;

/// A VM's serial console (virDomainOpenConsole) over a non-blocking virStream:
/// opened and written on the host's worker thread, read by libvirt's event loop,
/// delivered to the GUI thread as bytes. The console of s390x guests (sclp) and of
/// any guest with a serial or console device.
class SerialConsoleSession : public QObject
{
    Q_OBJECT
public:
    SerialConsoleSession(HostSession *session, const QString &uuid, QObject *parent = nullptr);
    ~SerialConsoleSession() override;

    /// Opens the console (the first one, or the device with `alias`), taking it over
    /// from any other client, as virt-manager does.
    void open(const QString &alias = {});
    void close();
    /// Sends keyboard input to the guest.
    void send(const QByteArray &bytes);
    bool isOpen() const { return m_open; }

signals:
    void opened();
    void received(const QByteArray &bytes);
    /// The console ended; `error` is empty when it was closed on purpose.
    void closed(const QString &error);

private:
    friend struct SerialConsoleSessionTestAccess; // tests/console: inject a stream
    QPointer<HostSession> m_session;
    QString m_uuid;
    std::shared_ptr<SerialStreamState> m_state;
    bool m_open = false;
};

} // namespace crossvirt::models
