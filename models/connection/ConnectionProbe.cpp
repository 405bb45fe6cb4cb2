#include "models/connection/ConnectionProbe.h"

#include "models/connection/ConnectionUri.h"
#include "models/connection/CredentialProvider.h"
#include "models/connection/HostSession.h"
#include "models/connection/WorkerJobs.h"

#include <QCoreApplication>
#include <QUrl>
#include <libvirt/libvirt.h>

namespace crossvirt::models {

namespace {
// lupdate and the runtime both see the context "ConnectionProbe" for Text::tr().
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(ConnectionProbe)
};

using namespace Qt::StringLiterals;

/// What the probe reads once connected (worker thread).
struct HostFacts
{
    QString hostname;
    QString driver;
    QString arch;
    quint64 libvirtVersion = 0;
    quint64 hypervisorVersion = 0;
    int domains = 0;
    int running = 0;
};

QString versionText(quint64 v)
{
    if (v == 0)
        return Text::tr("unknown");
    return u"%1.%2.%3"_s.arg(v / 1000000).arg((v / 1000) % 1000).arg(v % 1000);
}

QString transportText(const QString &uri)
{
    switch (transportOfUri(uri)) {
    case ConnectionUriSpec::Transport::Ssh:
        return Text::tr("SSH");
    case ConnectionUriSpec::Transport::LibSsh:
        return Text::tr("SSH (libssh)");
    case ConnectionUriSpec::Transport::Tcp:
        return Text::tr("TCP");
    case ConnectionUriSpec::Transport::Tls:
        return Text::tr("TLS");
    case ConnectionUriSpec::Transport::Local:
        break;
    }
    return Text::tr("a local socket");
}

QString authenticationText(const QString &uri)
{
    switch (transportOfUri(uri)) {
    case ConnectionUriSpec::Transport::Ssh:
    case ConnectionUriSpec::Transport::LibSsh:
        return Text::tr("The SSH login was accepted (agent, key or password).");
    case ConnectionUriSpec::Transport::Tcp:
        return Text::tr("The host let this client in (SASL when it asked for it).");
    case ConnectionUriSpec::Transport::Tls:
        return Text::tr("The host accepted this client's certificate.");
    case ConnectionUriSpec::Transport::Local:
        break;
    }
    return Text::tr("The local libvirt daemon let this user in.");
}

bool mentionsAny(const QString &text, std::initializer_list<QLatin1StringView> words)
{
    for (QLatin1StringView w : words) {
        if (text.contains(w, Qt::CaseInsensitive))
            return true;
    }
    return false;
}
} // namespace

ConnectionProbe::ConnectionProbe(QString uri, CredentialProvider *provider, QObject *parent)
    : QObject(parent), m_uri(std::move(uri)), m_provider(provider)
{
    qRegisterMetaType<Report>();
}

ConnectionProbe::~ConnectionProbe()
{
    dropSession();
}

ConnectionProbe::Step ConnectionProbe::stepOfFailure(const QString &message)
{
    if (mentionsAny(message, {"certificate"_L1, "x509"_L1, "gnutls"_L1, "pkipath"_L1}))
        return Step::Certificates;
    if (mentionsAny(message, {"auth"_L1, "password"_L1, "passphrase"_L1, "permission denied"_L1,
                              "host key"_L1, "publickey"_L1, "sasl"_L1, "cancel"_L1}))
        return Step::Authenticating;
    return Step::Connecting;
}

void ConnectionProbe::start()
{
    if (m_running)
        return;
    dropSession();
    m_reports.clear();
    m_running = true;
    m_session = new HostSession(m_uri, this);
    if (m_provider)
        m_session->setCredentialProvider(m_provider);
    HostSession *session = m_session;
    connect(session, &HostSession::stateChanged, this,
            [this, session](ConnectionState state, const QString &error) {
                if (session != m_session || !m_running)
                    return;
                switch (state) {
                case ConnectionState::Connected:
                    connected();
                    break;
                case ConnectionState::Retrying:
                case ConnectionState::Failed:
                    fail(error);
                    break;
                case ConnectionState::Disconnected:
                    fail(error.isEmpty() ? Text::tr("the connection was closed") : error);
                    break;
                default:
                    break;
                }
            });
    session->open();
}

void ConnectionProbe::cancel()
{
    if (!m_running)
        return;
    report(Step::Connecting, false, Text::tr("Cancelled; nothing was saved."));
    finish(false);
}

void ConnectionProbe::report(Step step, bool ok, const QString &text)
{
    const Report r{step, ok, text};
    m_reports << r;
    emit reported(r);
}

void ConnectionProbe::fail(const QString &error)
{
    const QString host = QUrl(m_uri).host();
    const QString where = host.isEmpty() ? m_uri : host;
    switch (stepOfFailure(error)) {
    case Step::Certificates: {
        const TlsCertificates links = tlsCertificatesFor(m_uri);
        const TlsCertificates files = m_shownFiles.value_or(links);
        // libvirt names the files it opened: when those are the test's links, name the
        // user's own files instead.
        QString message = error;
        message.replace(links.caCertificate, files.caCertificate)
            .replace(links.clientCertificate, files.clientCertificate)
            .replace(links.clientKey, files.clientKey);
        report(Step::Certificates, false,
               Text::tr("TLS failed: %1 (CA certificate %2, client certificate %3, client key %4)")
                   .arg(message, files.caCertificate, files.clientCertificate, files.clientKey));
        break;
    }
    case Step::Authenticating:
        report(Step::Connecting, true,
               Text::tr("Reached %1 over %2.").arg(where, transportText(m_uri)));
        report(Step::Authenticating, false, Text::tr("Authentication failed: %1").arg(error));
        break;
    default:
        report(Step::Connecting, false,
               Text::tr("Could not connect to %1 over %2: %3")
                   .arg(where, transportText(m_uri), error));
        break;
    }
    finish(false);
}

void ConnectionProbe::connected()
{
    const QString host = QUrl(m_uri).host();
    report(Step::Connecting, true,
           host.isEmpty() ? Text::tr("Opened %1.").arg(m_uri)
                          : Text::tr("Connected to %1 over %2.").arg(host, transportText(m_uri)));
    report(Step::Authenticating, true, authenticationText(m_uri));
    if (transportOfUri(m_uri) == ConnectionUriSpec::Transport::Tls) {
        const TlsCertificates files = m_shownFiles.value_or(tlsCertificatesFor(m_uri));
        report(Step::Certificates, true,
               Text::tr("Used CA certificate %1, client certificate %2 and client key %3.")
                   .arg(files.caCertificate, files.clientCertificate, files.clientKey));
    }
    HostSession *session = m_session;
    runOnWorker(session,
                [](virConnectPtr conn) {
                    HostFacts f;
                    f.hostname = takeLibvirtString(virConnectGetHostname(conn));
                    if (const char *type = virConnectGetType(conn))
                        f.driver = QString::fromUtf8(type);
                    unsigned long v = 0;
                    if (virConnectGetLibVersion(conn, &v) == 0)
                        f.libvirtVersion = v;
                    v = 0;
                    if (virConnectGetVersion(conn, &v) == 0)
                        f.hypervisorVersion = v;
                    virNodeInfo node{};
                    if (virNodeGetInfo(conn, &node) == 0)
                        f.arch = QString::fromLatin1(node.model);
                    f.domains = virConnectNumOfDomains(conn);
                    const int defined = virConnectNumOfDefinedDomains(conn);
                    if (f.domains < 0 || defined < 0)
                        throwLastLibvirtError(Text::tr("Could not count the virtual machines"));
                    f.running = f.domains;
                    f.domains += defined;
                    return f;
                })
        .then(this,
              [this, session](const HostFacts &f) {
                  if (session != m_session || !m_running)
                      return;
                  report(Step::Host, true,
                         Text::tr("Host “%1”: %2, hypervisor %3 %4, libvirt %5.")
                             .arg(f.hostname.isEmpty() ? Text::tr("(no name)") : f.hostname,
                                  f.arch.isEmpty() ? Text::tr("unknown arch") : f.arch, f.driver,
                                  versionText(f.hypervisorVersion), versionText(f.libvirtVersion)));
                  report(Step::Domains, true,
                         Text::tr("%n virtual machine(s), %1 running.", nullptr, f.domains)
                             .arg(f.running));
                  finish(true);
              })
        .onFailed(this, [this, session](const std::exception_ptr &e) {
            if (session != m_session || !m_running)
                return;
            report(Step::Host, false, errorText(e));
            finish(false);
        });
}

void ConnectionProbe::finish(bool ok)
{
    m_running = false;
    dropSession();
    emit finished(ok);
}

void ConnectionProbe::dropSession()
{
    if (!m_session)
        return;
    HostSession *session = std::exchange(m_session, nullptr);
    disconnect(session, nullptr, this, nullptr);
    // Maybe inside one of its signals: delete it once that has returned. Its destructor
    // closes the connection without waiting for a worker stuck in libvirt.
    session->deleteLater();
}

} // namespace crossvirt::models
