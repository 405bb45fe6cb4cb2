// VncProtocolRun's part in the security handshake: the security type LibVNCClient
// answers with (see enforceVncSecurityChoice()) and the x509 files for VeNCrypt.
#include "models/console/VncProtocolRun.h"
#include "models/console/VncSecurity.h"

#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>

#include <rfb/rfbclient.h>

#include <cstdlib>
#include <cstring>
#include <mutex>
#include <sys/socket.h>
#include <unistd.h>

// Exported by LibVNCClient 0.9.14 (its tls.h is not installed).
extern "C" rfbBool HandleAnonTLSAuth(rfbClient *client);

using namespace Qt::StringLiterals;

Q_DECLARE_LOGGING_CATEGORY(lcVnc)

namespace crossvirt::models {

namespace {
char *duplicate(const QString &text)
{
    return ::strdup(QFile::encodeName(text).constData());
}
} // namespace

// LibVNCClient sets up GnuTLS and its DH parameters on first use in globals, without a
// lock: two consoles reaching TLS at once would both write them. The first VeNCrypt
// handshake does it once, under std::call_once, through a throw-away client whose TLS
// handshake fails at once (its peer is closed); the others wait for it.
void VncProtocolRun::initializeLibraryTlsOnce()
{
    static std::once_flag once;
    std::call_once(once, [this] {
        int fds[2];
        if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, fds) != 0)
            return;
        ::close(fds[1]);
        rfbClient *scratch = rfbGetClient(8, 3, 4);
        if (!scratch) {
            ::close(fds[0]);
            return;
        }
        scratch->sock = fds[0];
        m_quietLibrary = true; // its failure is not this connection's
        HandleAnonTLSAuth(scratch);
        m_quietLibrary = false;
        rfbClientCleanup(scratch); // closes fds[0]
    });
}

void VncProtocolRun::libraryLogged(const char *format, const QString &line)
{
    if (m_quietLibrary)
        return;
    appendLog(line);
    if (!m_client)
        return;
    if (line.startsWith("Got VeNCrypt version"_L1)) {
        m_inVeNCrypt = true;
        initializeLibraryTlsOnce();
    } else if (std::strcmp(format, "We have %d security types to read\n") == 0) {
        // LibVNCClient just read the list's length and would take the first entry it
        // knows; choose ourselves (see enforceVncSecurityChoice()).
        const int count = line.section(u' ', 2, 2).toInt();
        const bool veNCrypt = m_inVeNCrypt && !m_client->tlsSession;
        QList<quint32> offered;
        const VncSecurityChoice choice = enforceVncSecurityChoice(
            m_client, count, veNCrypt ? 4 : 1, m_stallTimeoutMs, m_name,
            veNCrypt ? chooseVeNCryptSubtype : chooseVncSecurityType, &offered);
        QStringList names;
        for (quint32 type : offered)
            names.append(vncSecurityTypeName(type));
        qCDebug(lcVnc).noquote() << m_name << "offers" << names.join(u", "_s)
                                 << "; chosen:" << choice.type;
        if (choice.type == RfbSecurity::Invalid && m_securityRefusal.message.isEmpty())
            m_securityRefusal = choice.refusal;
    }
}

void *VncProtocolRun::credential(int type)
{
    using F = VncSession::Failure;
    if (type != rfbCredentialTypeX509) {
        m_securityRefusal = {F::UnsupportedSecurity,
                             VncSession::tr("The VNC server %1 asks for a user name and password, "
                                            "which Crossvirt does not support.")
                                 .arg(m_name)};
        return nullptr;
    }
    const QString ca = m_endpoint.tlsCaCertificate;
    const QString host = m_endpoint.certificateHostName();
    if (ca.isEmpty()) {
        m_securityRefusal = {F::TlsFailed,
                             VncSession::tr("%1 requires TLS verified with x509 certificates "
                                            "(VeNCrypt), and no CA certificate is set for it.")
                                 .arg(m_name)};
        return nullptr;
    }
    if (const QFileInfo info(ca); !info.exists() || !info.isReadable()) {
        m_securityRefusal = {
            F::TlsFailed,
            (info.exists() ? VncSession::tr("%1 requires TLS verified with x509 certificates "
                                            "(VeNCrypt); the CA certificate %2 cannot be read.")
                           : VncSession::tr("%1 requires TLS verified with x509 certificates "
                                            "(VeNCrypt); the CA certificate %2 does not exist."))
                .arg(m_name, ca)};
        return nullptr;
    }
    if (host.isEmpty()) {
        m_securityRefusal = {F::TlsFailed,
                             VncSession::tr("%1 requires TLS verified with x509 certificates "
                                            "(VeNCrypt), and there is no host name to check its "
                                            "certificate against.")
                                 .arg(m_name)};
        return nullptr;
    }
    auto *cred = static_cast<rfbCredential *>(std::calloc(1, sizeof(rfbCredential)));
    if (!cred)
        return nullptr;
    m_tlsCaFile = ca;
    cred->x509Credential.x509CACertFile = duplicate(ca);
    const QString cert = m_endpoint.tlsClientCertificate;
    const QString key = m_endpoint.tlsClientKey;
    const bool haveCert = !cert.isEmpty() && QFileInfo(cert).isReadable();
    const bool haveKey = !key.isEmpty() && QFileInfo(key).isReadable();
    if (haveCert && haveKey) {
        cred->x509Credential.x509ClientCertFile = duplicate(cert);
        cred->x509Credential.x509ClientKeyFile = duplicate(key);
    } else {
        m_missingClientFile = !haveCert ? cert : key;
    }
    // The library checks the certificate against serverHost.
    std::free(m_client->serverHost);
    m_client->serverHost = duplicate(host);
    return cred;
}

} // namespace crossvirt::models
