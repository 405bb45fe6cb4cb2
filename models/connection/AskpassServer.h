#pragma once

// Answers the password and passphrase prompts of the ssh programs Crossvirt starts
// (libvirt's qemu+ssh, SSH tunnels): crossvirt-askpass, run by ssh, asks here over a
// private local socket (see AskpassProtocol.h) and the connection's CredentialProvider
// shows the credential dialog on the GUI thread. Nothing is written to a file or a
// command line.

#include <QList>
#include <QMutex>
#include <QObject>
#include <QString>

#include <atomic>
#include <memory>

class QLocalServer;
class QLocalSocket;

namespace crossvirt::models {

class CredentialChannel;

class AskpassServer : public QObject
{
    Q_OBJECT
public:
    /// GUI thread: starts the server once (later calls return its state) and sets
    /// SSH_ASKPASS (and DISPLAY when unset: ssh uses askpass only with one) for the ssh
    /// programs this process starts. False with *error when it cannot listen or the
    /// helper is not found.
    static bool ensureStarted(QString *error = nullptr);
    /// $CROSSVIRT_ASKPASS, else crossvirt-askpass next to the application; empty if absent.
    static QString helperPath();
    /// The socket this process listens on.
    static QString socketPath();

    /// While alive, prompts of ssh programs whose command line names `host` are answered
    /// through `credentials` for `uri` (any thread; one per ssh that may prompt).
    class Registration
    {
    public:
        Registration(const QString &uri, const QString &host,
                     std::shared_ptr<CredentialChannel> credentials);
        ~Registration();
        Registration(const Registration &) = delete;
        Registration &operator=(const Registration &) = delete;
        /// Whether the user cancelled a prompt (ssh was stopped then).
        bool cancelled() const;
        /// How many prompts were answered.
        int answered() const;

        struct State;

    private:
        std::shared_ptr<State> m_state;
    };

private:
    explicit AskpassServer(QObject *parent = nullptr);
    void onConnection();
    void handle(QLocalSocket *socket, const QByteArray &prompt);

    QLocalServer *m_server = nullptr;
    QString m_error;
};

} // namespace crossvirt::models
