// GIO before Qt: its headers use the word "signals", which Qt defines as a macro.
#include <gio/gio.h>

#include "PrivateSecretService.h"

#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDBusError>
#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QStandardPaths>
#include <QThread>

using namespace Qt::StringLiterals;

namespace crossvirt::test {

PrivateSecretService::PrivateSecretService()
    : m_root(QDir::tempPath() + u"/crossvirt-keyring-XXXXXX"_s)
{}

PrivateSecretService::~PrivateSecretService()
{
    // libsecret talks through GIO's shared session-bus connection, which by default
    // raises SIGTERM when its bus goes away; this bus going away is expected.
    if (!m_address.isEmpty() && m_bus && m_bus->state() == QProcess::Running) {
        if (GDBusConnection *session = g_bus_get_sync(G_BUS_TYPE_SESSION, nullptr, nullptr)) {
            g_dbus_connection_set_exit_on_close(session, FALSE);
            g_object_unref(session);
        }
    }
    for (QProcess *p : {m_keyring.get(), m_bus.get()}) {
        if (p && p->state() != QProcess::NotRunning) {
            p->terminate();
            if (!p->waitForFinished(3000)) {
                p->kill();
                p->waitForFinished(3000);
            }
        }
    }
    if (!m_address.isEmpty() && qgetenv("DBUS_SESSION_BUS_ADDRESS") == m_address.toUtf8())
        qunsetenv("DBUS_SESSION_BUS_ADDRESS");
}

QString PrivateSecretService::home() const
{
    return m_root.filePath(u"home"_s);
}

bool PrivateSecretService::start(bool withKeyring)
{
    const QString dbusDaemon = QStandardPaths::findExecutable(u"dbus-daemon"_s);
    const QString keyringDaemon = QStandardPaths::findExecutable(u"gnome-keyring-daemon"_s);
    if (dbusDaemon.isEmpty()) {
        m_skip = u"dbus-daemon is not installed (Debian: dbus-daemon)"_s;
        return false;
    }
    if (withKeyring && keyringDaemon.isEmpty()) {
        m_skip = u"gnome-keyring-daemon is not installed (Debian: gnome-keyring)"_s;
        return false;
    }
    if (!m_root.isValid()) {
        m_error = u"cannot create a temporary folder"_s;
        return false;
    }
    const QDir root(m_root.path());
    for (const char *sub : {"home", "home/.config", "home/.local/share", "home/.cache", "run"})
        root.mkpath(QString::fromLatin1(sub));
    QFile::setPermissions(root.filePath(u"run"_s),
                          QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    const QString socket = root.filePath(u"bus"_s);
    // No <servicedir>: nothing on this bus is activated behind the test's back.
    const QString config =
        u"<!DOCTYPE busconfig PUBLIC \"-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN\" "
        "\"http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd\">\n"
        "<busconfig><type>session</type><listen>unix:path=%1</listen><auth>EXTERNAL</auth>"
        "<policy context=\"default\"><allow send_destination=\"*\" eavesdrop=\"true\"/>"
        "<allow eavesdrop=\"true\"/><allow own=\"*\"/></policy></busconfig>\n"_s.arg(socket);
    QFile configFile(root.filePath(u"bus.conf"_s));
    if (!configFile.open(QIODevice::WriteOnly) || configFile.write(config.toUtf8()) < 0) {
        m_error = u"cannot write the bus configuration"_s;
        return false;
    }
    configFile.close();

    m_bus = std::make_unique<QProcess>();
    m_bus->start(dbusDaemon, {u"--config-file=%1"_s.arg(configFile.fileName()), u"--nofork"_s,
                              u"--print-address=1"_s});
    if (!m_bus->waitForStarted(5000)) {
        m_error = u"dbus-daemon did not start: "_s + m_bus->errorString();
        return false;
    }
    QDeadlineTimer deadline(10000);
    while (!m_bus->canReadLine() && !deadline.hasExpired())
        m_bus->waitForReadyRead(200);
    m_address = QString::fromUtf8(m_bus->readLine()).trimmed();
    if (m_address.isEmpty()) {
        m_error = u"dbus-daemon printed no address: "_s +
                  QString::fromLocal8Bit(m_bus->readAllStandardError());
        return false;
    }
    qputenv("DBUS_SESSION_BUS_ADDRESS", m_address.toUtf8());
    if (!withKeyring)
        return true;

    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"DBUS_SESSION_BUS_ADDRESS"_s, m_address);
    env.insert(u"HOME"_s, home());
    env.insert(u"XDG_CONFIG_HOME"_s, root.filePath(u"home/.config"_s));
    env.insert(u"XDG_DATA_HOME"_s, root.filePath(u"home/.local/share"_s));
    env.insert(u"XDG_CACHE_HOME"_s, root.filePath(u"home/.cache"_s));
    env.insert(u"XDG_RUNTIME_DIR"_s, root.filePath(u"run"_s));
    env.remove(u"DISPLAY"_s);
    env.remove(u"WAYLAND_DISPLAY"_s);
    m_keyring = std::make_unique<QProcess>();
    m_keyring->setProcessEnvironment(env);
    m_keyring->setProcessChannelMode(QProcess::ForwardedErrorChannel);
    // --unlock reads the password on stdin and creates the login keyring with it.
    m_keyring->start(keyringDaemon, {u"--foreground"_s, u"--unlock"_s, u"--components=secrets"_s});
    if (!m_keyring->waitForStarted(5000)) {
        m_error = u"gnome-keyring-daemon did not start: "_s + m_keyring->errorString();
        return false;
    }
    m_keyring->write("crossvirt-test-keyring-password");
    m_keyring->waitForBytesWritten(5000); // nothing else runs this process's event loop here
    m_keyring->closeWriteChannel();
    if (!waitForSecretService(15000)) {
        m_error = u"gnome-keyring-daemon did not offer org.freedesktop.secrets: "_s + m_error;
        return false;
    }
    return true;
}

bool PrivateSecretService::waitForSecretService(int timeoutMs)
{
    // A named connection of its own: the process's session-bus connection (which
    // libsecret and QtKeychain use) is not made before the service is there.
    const QString name = u"crossvirt-test-probe"_s;
    bool up = false;
    {
        QDBusConnection bus = QDBusConnection::connectToBus(m_address, name);
        QDeadlineTimer deadline(timeoutMs);
        while (bus.isConnected() && !deadline.hasExpired()) {
            if (bus.interface()->isServiceRegistered(u"org.freedesktop.secrets"_s)) {
                up = true;
                break;
            }
            if (m_keyring->state() == QProcess::NotRunning)
                break;
            QThread::msleep(50);
        }
    }
    if (!up) {
        QDBusConnection bus = QDBusConnection::connectToBus(m_address, name);
        m_error = u"connected %1, error %2, keyring state %3"_s.arg(
            QString::number(bus.isConnected()), bus.lastError().message(),
            QString::number(int(m_keyring->state())));
    }
    QDBusConnection::disconnectFromBus(name);
    return up;
}

} // namespace crossvirt::test
