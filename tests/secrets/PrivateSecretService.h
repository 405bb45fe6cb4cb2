#pragma once

#include <QProcess>
#include <QString>
#include <QTemporaryDir>
#include <memory>

namespace crossvirt::test {

/// A D-Bus session bus of the test's own (dbus-daemon with a private socket and no
/// service activation) and, optionally, a Secret Service on it: gnome-keyring-daemon
/// with its login keyring unlocked by a test password, in a private HOME and XDG
/// folders. The machine's real keyring is never touched. start() sets
/// DBUS_SESSION_BUS_ADDRESS for this process; the destructor stops both daemons (by
/// their own process) and removes the folders.
class PrivateSecretService
{
public:
    PrivateSecretService();
    ~PrivateSecretService();

    /// False with skipReason() when dbus-daemon or gnome-keyring-daemon is missing, or
    /// with error() when one did not start.
    bool start(bool withKeyring);
    QString skipReason() const { return m_skip; }
    QString error() const { return m_error; }
    QString busAddress() const { return m_address; }
    /// The private HOME (the keyring's files are under it).
    QString home() const;

private:
    bool waitForSecretService(int timeoutMs);

    QTemporaryDir m_root;
    std::unique_ptr<QProcess> m_bus;
    std::unique_ptr<QProcess> m_keyring;
    QString m_address;
    QString m_skip;
    QString m_error;
};

} // namespace crossvirt::test
