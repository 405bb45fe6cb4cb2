#include "models/console/VncFailureClassifier.h"

#include <cerrno>
#include <cstring>
#include <optional>

using namespace Qt::StringLiterals;

namespace crossvirt::models {

namespace {

using F = VncSession::Failure;

// RFB server-to-client message type of a framebuffer update (RFC 6143, 7.6.1).
constexpr int RfbFramebufferUpdate = 0;

bool logHas(const QStringList &log, QLatin1StringView needle)
{
    for (const QString &line : log) {
        if (line.contains(needle, Qt::CaseInsensitive))
            return true;
    }
    return false;
}

QString lastLine(const QStringList &log)
{
    return log.isEmpty() ? VncSession::tr("no details") : sanitizedVncText(log.constLast(), 200);
}

// The reason text of an RFB "connection failed" message, if the server sent one.
QString serverReason(const QStringList &log)
{
    const QString marker = u"VNC connection failed:"_s;
    for (const QString &line : log) {
        if (int at = line.indexOf(marker); at >= 0)
            return sanitizedVncText(line.mid(at + marker.size()), 200);
    }
    return {};
}

// The text after `marker` on the line that has it.
QString detailAfter(const QStringList &log, QLatin1StringView marker)
{
    for (const QString &line : log) {
        if (int at = line.indexOf(marker); at >= 0)
            return sanitizedVncText(line.mid(at + marker.size()), 200);
    }
    return {};
}

// VeNCrypt/TLS failures: LibVNCClient's lines of its certificate check and GnuTLS's.
std::optional<VncFailureReport> tlsFailure(const VncFailureEvidence &e)
{
    const QString &name = e.endpointName;
    const QStringList &log = e.log;
    const QString ca = e.tlsCaFile;
    if (logHas(log, "hasn't got a known issuer"_L1) || logHas(log, "is not trusted"_L1))
        return VncFailureReport{
            F::CertificateRejected,
            VncSession::tr("The TLS certificate of %1 is not signed by the CA certificate %2; "
                           "the connection was refused.")
                .arg(name, ca)};
    if (logHas(log, "does not match hostname"_L1))
        return VncFailureReport{F::CertificateRejected,
                                VncSession::tr("The TLS certificate of %1 was not issued for "
                                               "“%2”; the connection was refused.")
                                    .arg(name, e.tlsHostName)};
    if (logHas(log, "certificate has expired"_L1))
        return VncFailureReport{
            F::CertificateRejected,
            VncSession::tr("The TLS certificate of %1 has expired; the connection was refused.")
                .arg(name)};
    if (logHas(log, "not yet activated"_L1))
        return VncFailureReport{
            F::CertificateRejected,
            VncSession::tr("The TLS certificate of %1 is not valid yet; the connection was "
                           "refused.")
                .arg(name)};
    if (logHas(log, "has been revoked"_L1))
        return VncFailureReport{
            F::CertificateRejected,
            VncSession::tr("The TLS certificate of %1 has been revoked; the connection was "
                           "refused.")
                .arg(name)};
    if (const QString d = detailAfter(log, "Cannot load CA credentials:"_L1); !d.isEmpty())
        return VncFailureReport{
            F::TlsFailed,
            VncSession::tr("The CA certificate %1 could not be loaded: %2").arg(ca, d)};
    if (const QString d = detailAfter(log, "Cannot load client certificate or key:"_L1);
        !d.isEmpty())
        return VncFailureReport{
            F::TlsFailed,
            VncSession::tr("The client certificate for %1 could not be loaded: %2").arg(name, d)};
    // TLS 1.3 ends the client's handshake before the server checks the client's
    // certificate: a server that wanted one closes the connection right after.
    QString d = detailAfter(log, "TLS handshake failed:"_L1);
    const bool duringHandshake = !d.isEmpty();
    if (d.isEmpty())
        d = detailAfter(log, "Error reading from TLS:"_L1);
    while (d.endsWith(u'.')) // GnuTLS's texts end with one, LibVNCClient adds another
        d.chop(1);
    if (!d.isEmpty()) {
        QString message =
            duringHandshake
                ? VncSession::tr("The TLS handshake with %1 failed: %2.").arg(name, d)
                : VncSession::tr("The TLS connection to %1 failed during the VNC handshake: %2.")
                      .arg(name, d);
        if (!e.missingClientFile.isEmpty())
            message += u' ' + VncSession::tr("No client certificate was sent (%1 does not exist "
                                             "or cannot be read); the server may require one.")
                                  .arg(e.missingClientFile);
        return VncFailureReport{F::TlsFailed, message};
    }
    if (const QString init = detailAfter(log, "Failed to initialized GnuTLS:"_L1); !init.isEmpty())
        return VncFailureReport{F::TlsFailed,
                                VncSession::tr("TLS could not be set up: %1").arg(init)};
    if (logHas(log, "Server refused VeNCrypt"_L1))
        return VncFailureReport{
            F::HandshakeFailed,
            VncSession::tr("%1 refused the VeNCrypt (TLS) handshake: %2").arg(name, lastLine(log))};
    return std::nullopt;
}

VncFailureReport handshakeFailure(const VncFailureEvidence &e)
{
    const QString &name = e.endpointName;
    const QStringList &log = e.log;
    if (e.passwordRefused)
        return {F::PasswordRequired,
                VncSession::tr("%1 asks for a VNC password, and none was given.").arg(name)};
    if (std::optional<VncFailureReport> tls = tlsFailure(e))
        return *tls;
    const QString reason = serverReason(log);
    if (logHas(log, "Not a valid VNC server"_L1)) {
        QString greeting = lastLine(log);
        if (int open = greeting.indexOf(u'('); open >= 0)
            greeting = greeting.mid(open + 1).chopped(greeting.endsWith(u')') ? 1 : 0);
        return {F::HandshakeFailed,
                VncSession::tr("%1 is not a VNC server: it answered “%2” instead of an "
                               "RFB protocol version.")
                    .arg(name, sanitizedVncText(greeting))};
    }
    if (logHas(log, "too many tries"_L1))
        return {
            F::AuthenticationFailed,
            VncSession::tr("%1 rejected the VNC password: too many failed attempts.").arg(name)};
    if (logHas(log, "VNC authentication failed"_L1) ||
        (e.passwordSent &&
         (logHas(log, "VNC connection failed"_L1) || logHas(log, "closed connection"_L1) ||
          logHas(log, "authentication result"_L1)))) {
        if (reason.isEmpty())
            return {F::AuthenticationFailed,
                    VncSession::tr("%1 rejected the VNC password.").arg(name)};
        return {F::AuthenticationFailed,
                VncSession::tr("%1 rejected the VNC password: %2").arg(name, reason)};
    }
    if (logHas(log, "Unknown authentication scheme"_L1) ||
        logHas(log, "Unknown sub authentication scheme"_L1) ||
        logHas(log, "GetCredential callback is not set"_L1))
        return {F::HandshakeFailed,
                VncSession::tr("%1 requires a VNC security type Crossvirt does not support (%2).")
                    .arg(name, lastLine(log))};
    if (!reason.isEmpty())
        return {F::HandshakeFailed,
                VncSession::tr("%1 refused the VNC connection: %2").arg(name, reason)};
    if (logHas(log, "Connection timed out"_L1))
        return {F::TimedOut,
                VncSession::tr("%1 stopped answering during the VNC handshake (no reply for %n "
                               "second(s)).",
                               nullptr, e.stallSeconds)
                    .arg(name)};
    if (logHas(log, "closed connection"_L1))
        return {F::ServerClosed,
                VncSession::tr("%1 closed the connection during the VNC handshake.").arg(name)};
    if (logHas(log, "read ("_L1) || logHas(log, "write"_L1))
        return {F::ServerClosed,
                VncSession::tr("The connection to %1 was lost during the VNC handshake (%2).")
                    .arg(name, lastLine(log))};
    return {F::ProtocolError,
            VncSession::tr("The VNC handshake with %1 failed: %2").arg(name, lastLine(log))};
}

VncFailureReport runningFailure(const VncFailureEvidence &e)
{
    const QString &name = e.endpointName;
    // The first telling line is the cause: after an unknown message type, for one,
    // LibVNCClient still reads on and may then report the server closing.
    for (const QString &line : e.log) {
        const QString detail = sanitizedVncText(line, 200);
        if (line.contains("Unknown message type"_L1))
            return {F::ProtocolError,
                    VncSession::tr("%1 sent a message that is not part of the VNC protocol (%2).")
                        .arg(name, detail)};
        if (line.contains("Unknown rect encoding"_L1) || line.contains("Rect too large"_L1))
            return {F::ProtocolError,
                    VncSession::tr("%1 sent an invalid screen update (%2).").arg(name, detail)};
        if (line.contains("closed connection"_L1)) {
            if (e.messageType == RfbFramebufferUpdate)
                return {F::ServerClosed,
                        VncSession::tr("%1 closed the connection in the middle of a screen update.")
                            .arg(name)};
            return {F::ServerClosed, VncSession::tr("%1 closed the connection.").arg(name)};
        }
        if (line.contains("Connection timed out"_L1))
            return {F::TimedOut,
                    VncSession::tr("%1 stopped sending in the middle of a message; gave up after "
                                   "%n second(s).",
                                   nullptr, e.stallSeconds)
                        .arg(name)};
        if (line.startsWith("read ("_L1) || line.startsWith("write"_L1))
            return {F::ServerClosed,
                    VncSession::tr("The connection to %1 was lost (%2).").arg(name, detail)};
    }
    return {F::ProtocolError,
            VncSession::tr("%1 sent invalid VNC data (%2).").arg(name, lastLine(e.log))};
}

} // namespace

QString sanitizedVncText(const QString &text, int maxLength)
{
    QString out;
    for (QChar ch : text) {
        if (out.size() >= maxLength)
            break;
        out.append(ch.unicode() >= 0x20 && ch.unicode() < 0x7f ? ch : u'.');
    }
    return out.trimmed();
}

VncFailureReport classifyVncFailure(const VncFailureEvidence &evidence)
{
    // A refused screen size makes LibVNCClient fail without a telling log line.
    if (evidence.sizeRefused)
        return classifyRefusedScreen(evidence.endpointName, evidence.refusedSize);
    return evidence.stage == VncFailureEvidence::Stage::Handshake ? handshakeFailure(evidence)
                                                                  : runningFailure(evidence);
}

VncFailureReport classifyRefusedScreen(const QString &name, QSize size)
{
    const int w = size.width();
    const int h = size.height();
    if (w <= 0 || h <= 0) {
        return {F::ProtocolError, VncSession::tr("%1 announced an empty screen (%2×%3 pixels).")
                                      .arg(name, QString::number(w), QString::number(h))};
    }
    if (w > VncSession::MaxFramebufferSide || h > VncSession::MaxFramebufferSide) {
        return {F::FramebufferTooLarge,
                VncSession::tr(
                    "%1 announced a screen of %2×%3 pixels; Crossvirt accepts at most %4×%4.")
                    .arg(name, QString::number(w), QString::number(h),
                         QString::number(VncSession::MaxFramebufferSide))};
    }
    return {F::FramebufferTooLarge,
            VncSession::tr("Not enough memory for the %2×%3 pixel screen of %1.")
                .arg(name, QString::number(w), QString::number(h))};
}

VncFailureReport classifyConnectError(const QString &name, int errorNumber)
{
    switch (errorNumber) {
    case ECONNREFUSED:
        return {F::ConnectionFailed,
                VncSession::tr("%1 refused the connection; no VNC server is listening there.")
                    .arg(name)};
    case ETIMEDOUT:
        return {F::ConnectionFailed, VncSession::tr("Connecting to %1 timed out.").arg(name)};
    case EHOSTUNREACH:
    case ENETUNREACH:
        return {F::ConnectionFailed,
                VncSession::tr("%1 cannot be reached from this computer.").arg(name)};
    default:
        return {F::ConnectionFailed,
                VncSession::tr("Could not connect to %1: %2")
                    .arg(name, QString::fromLocal8Bit(std::strerror(errorNumber)))};
    }
}

} // namespace crossvirt::models
