#pragma once

#include "models/connection/ConnectionUri.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>
#include <optional>

namespace crossvirt::models {

class CredentialProvider;
class HostSession;

/// "Test connection": opens a URI once, on a temporary HostSession of its own (so the same
/// worker thread, credential prompts and SSH host-key checks as a real connection apply),
/// reports step by step what worked and what failed, and saves nothing. Lives on the GUI
/// thread; nothing it does waits there.
class ConnectionProbe : public QObject
{
    Q_OBJECT
public:
    enum class Step
    {
        Connecting,
        Authenticating,
        Host,
        Domains,
        Certificates
    };
    Q_ENUM(Step)
    struct Report
    {
        Step step = Step::Connecting;
        bool ok = false;
        QString text; ///< tr'd, with libvirt's own message on failure
    };

    /// `provider` answers libvirt's prompts (the app's); may be nullptr.
    ConnectionProbe(QString uri, CredentialProvider *provider, QObject *parent = nullptr);
    /// Cancels a running probe.
    ~ConnectionProbe() override;

    const QString &uri() const { return m_uri; }
    bool isRunning() const { return m_running; }
    const QList<Report> &reports() const { return m_reports; }

    /// TLS: the files to name in the report when the URI's pkipath= is a temporary folder of
    /// links to them (the dialog tests unsaved choices that way).
    void setCertificateFiles(const TlsCertificates &files) { m_shownFiles = files; }

    void start();
    /// Stops waiting: the temporary connection is dropped (a worker stuck in libvirt is
    /// abandoned, as when a host is removed) and finished(false) is emitted.
    void cancel();

    /// Where a failure belongs, read from libvirt's message: authentication (a refused
    /// password or key, a cancelled prompt, an untrusted host key), certificates (TLS), or
    /// else reaching the host.
    static Step stepOfFailure(const QString &libvirtMessage);

signals:
    void reported(const crossvirt::models::ConnectionProbe::Report &report);
    void finished(bool ok);

private:
    void report(Step step, bool ok, const QString &text);
    void fail(const QString &error);
    void connected();
    void finish(bool ok);
    void dropSession();

    QString m_uri;
    QPointer<CredentialProvider> m_provider;
    HostSession *m_session = nullptr;
    QList<Report> m_reports;
    bool m_running = false;
    std::optional<TlsCertificates> m_shownFiles;
};

} // namespace crossvirt::models
