// The VNC failure classifier on its own, fed with what LibVNCClient 0.9.14 really
// printed when VncSessionTest's scripted server (FakeVncServer) misbehaved; the lines
// were recorded with QT_LOGGING_RULES="crossvirt.vnc.debug=true".
#include "models/console/VncFailureClassifier.h"

#include <QStringList>
#include <cerrno>
#include <gtest/gtest.h>

using namespace crossvirt::models;
using namespace Qt::StringLiterals;
using Failure = VncSession::Failure;
using Stage = VncFailureEvidence::Stage;

namespace {

const QString kName = u"127.0.0.1:5901"_s;

// What every handshake prints before security negotiation (recorded).
const QStringList kGreeting{
    u"VNC server supports protocol version 3.8 (viewer 3.8)"_s,
    u"We have 1 security types to read"_s,
};
const QStringList kVncAuthChosen = kGreeting + QStringList{
                                                   u"0) Received security type 2"_s,
                                                   u"Selecting security type 2 (0/1 in the list)"_s,
                                                   u"Selected Security Scheme 2"_s,
                                               };
const QStringList kNoAuthConnected =
    kGreeting + QStringList{
                    u"0) Received security type 1"_s,
                    u"Selecting security type 1 (0/1 in the list)"_s,
                    u"Selected Security Scheme 1"_s,
                    u"No authentication needed"_s,
                    u"VNC authentication succeeded"_s,
                    u"Desktop name \"fake\""_s,
                    u"Connected to VNC server, using protocol version 3.8"_s,
                };

VncFailureEvidence handshake(const QStringList &log)
{
    VncFailureEvidence e;
    e.stage = Stage::Handshake;
    e.endpointName = kName;
    e.log = log;
    return e;
}

VncFailureEvidence running(const QStringList &log, int messageType)
{
    VncFailureEvidence e = handshake(log);
    e.stage = Stage::Running;
    e.messageType = messageType;
    return e;
}

void expectMentions(const VncFailureReport &r, std::initializer_list<QString> words)
{
    for (const QString &w : words)
        EXPECT_TRUE(r.message.contains(w))
            << "missing “" << w.toStdString() << "” in: " << r.message.toStdString();
}

} // namespace

TEST(VncFailureClassifier, SshBannerInsteadOfAVersionIsNotAVncServer)
{
    const auto r = classifyVncFailure(handshake({u"Not a valid VNC server (SSH-2.0-Open)"_s}));
    EXPECT_EQ(r.failure, Failure::HandshakeFailed);
    expectMentions(r, {kName, u"not a VNC server"_s, u"“SSH-2.0-Open”"_s});
}

TEST(VncFailureClassifier, ServerBytesInMessagesArePrintableAndShort)
{
    const auto r = classifyVncFailure(handshake(
        {u"Not a valid VNC server (\x1b[31mHELLO\u00e9 and then a much longer tail that goes on: the end)"_s}));
    EXPECT_EQ(r.failure, Failure::HandshakeFailed);
    EXPECT_FALSE(r.message.contains(u'\x1b'));
    EXPECT_FALSE(r.message.contains(u'\u00e9'));
    EXPECT_FALSE(r.message.contains(u"the end"_s)) << "the greeting is cut at 40 characters";
}

TEST(VncFailureClassifier, ServersReasonForARejectedPasswordIsShown)
{
    VncFailureEvidence e =
        handshake(kVncAuthChosen + QStringList{u"VNC connection failed: Authentication failed"_s});
    e.passwordSent = true;
    const auto r = classifyVncFailure(e);
    EXPECT_EQ(r.failure, Failure::AuthenticationFailed);
    expectMentions(r, {u"rejected the VNC password: Authentication failed"_s});
}

TEST(VncFailureClassifier, NoPasswordToGiveIsPasswordRequiredNotAuthenticationFailed)
{
    VncFailureEvidence e = handshake(kVncAuthChosen + QStringList{u"Reading password failed"_s});
    e.passwordRefused = true;
    const auto r = classifyVncFailure(e);
    EXPECT_EQ(r.failure, Failure::PasswordRequired);
    expectMentions(r, {kName, u"password"_s});
}

TEST(VncFailureClassifier, ServerClosingAfterThePasswordMeansItRejectedIt)
{
    VncFailureEvidence e =
        handshake(kVncAuthChosen + QStringList{u"VNC server closed connection"_s});
    e.passwordSent = true;
    EXPECT_EQ(classifyVncFailure(e).failure, Failure::AuthenticationFailed);
    e.passwordSent = false; // the same words before any password: a plain close
    const auto r = classifyVncFailure(e);
    EXPECT_EQ(r.failure, Failure::ServerClosed);
    expectMentions(r, {u"during the VNC handshake"_s, kName});
}

TEST(VncFailureClassifier, ServerReasonWithoutPasswordIsARefusal)
{
    const auto r = classifyVncFailure(
        handshake(kGreeting + QStringList{u"VNC connection failed: Too many connections"_s}));
    EXPECT_EQ(r.failure, Failure::HandshakeFailed);
    expectMentions(r, {u"refused the VNC connection: Too many connections"_s});
}

TEST(VncFailureClassifier, UnsupportedSecurityTypeNamesTheLibrarysWords)
{
    const auto r = classifyVncFailure(
        handshake(kGreeting + QStringList{u"Unknown authentication scheme from VNC server: 19"_s}));
    EXPECT_EQ(r.failure, Failure::HandshakeFailed);
    expectMentions(r, {u"security type"_s, u"scheme from VNC server: 19"_s});
}

TEST(VncFailureClassifier, SilenceDuringTheHandshakeIsATimeoutWithTheAllowedSeconds)
{
    VncFailureEvidence e = handshake(kGreeting + QStringList{u"Connection timed out"_s});
    e.stallSeconds = 2;
    const auto r = classifyVncFailure(e);
    EXPECT_EQ(r.failure, Failure::TimedOut);
    expectMentions(r, {u"2 second"_s, u"handshake"_s});
}

TEST(VncFailureClassifier, RefusedScreenSizeWinsOverTheLog)
{
    VncFailureEvidence e = handshake(kNoAuthConnected);
    e.sizeRefused = true;
    e.refusedSize = QSize(65535, 65535);
    auto r = classifyVncFailure(e);
    EXPECT_EQ(r.failure, Failure::FramebufferTooLarge);
    expectMentions(r, {u"65535×65535"_s, u"8192×8192"_s});

    // During a session (a resize), with LibVNCClient's own words after it.
    e = running({u"Got new framebuffer size: 20000x100"_s}, 0);
    e.sizeRefused = true;
    e.refusedSize = QSize(20000, 100);
    r = classifyVncFailure(e);
    EXPECT_EQ(r.failure, Failure::FramebufferTooLarge);
    expectMentions(r, {u"20000×100"_s});

    EXPECT_EQ(classifyRefusedScreen(kName, QSize(0, 600)).failure, Failure::ProtocolError);
    EXPECT_EQ(classifyRefusedScreen(kName, QSize(4000, 3000)).failure,
              Failure::FramebufferTooLarge) // a size we accept, but memory ran out
        << classifyRefusedScreen(kName, QSize(4000, 3000)).message.toStdString();
}

TEST(VncFailureClassifier, UnknownMessageIsTheCauseNotTheCloseThatFollowed)
{
    const auto r = classifyVncFailure(running(
        {u"Unknown message type 119 from VNC server"_s, u"VNC server closed connection"_s}, 119));
    EXPECT_EQ(r.failure, Failure::ProtocolError);
    expectMentions(r, {u"not part of the VNC protocol"_s, u"119"_s});
}

TEST(VncFailureClassifier, CloseInsideAnUpdateSaysSo)
{
    const QStringList closed{u"VNC server closed connection"_s};
    auto r = classifyVncFailure(running(closed, 0)); // 0: FramebufferUpdate
    EXPECT_EQ(r.failure, Failure::ServerClosed);
    expectMentions(r, {u"in the middle of a screen update"_s});
    r = classifyVncFailure(running(closed, 2)); // 2: Bell
    EXPECT_EQ(r.failure, Failure::ServerClosed);
    EXPECT_FALSE(r.message.contains(u"screen update"_s)) << r.message.toStdString();
}

TEST(VncFailureClassifier, StallInsideAMessageIsATimeout)
{
    VncFailureEvidence e = running({u"Connection timed out"_s}, 0);
    e.stallSeconds = 1;
    const auto r = classifyVncFailure(e);
    EXPECT_EQ(r.failure, Failure::TimedOut);
    expectMentions(r, {u"stopped sending"_s, u"1 second"_s});
}

TEST(VncFailureClassifier, BrokenUpdateAndLostSocketAreToldApart)
{
    auto r = classifyVncFailure(running({u"Rect too large: 64x64 at (1000, 0)"_s}, 0));
    EXPECT_EQ(r.failure, Failure::ProtocolError);
    expectMentions(r, {u"invalid screen update"_s, u"Rect too large"_s});
    r = classifyVncFailure(running({u"read (104: Connection reset by peer)"_s}, 0));
    EXPECT_EQ(r.failure, Failure::ServerClosed);
    expectMentions(r, {u"was lost"_s, u"Connection reset by peer"_s});
}

TEST(VncFailureClassifier, NothingTellingIsAProtocolErrorWithTheLastLine)
{
    auto r = classifyVncFailure(running({}, 7));
    EXPECT_EQ(r.failure, Failure::ProtocolError);
    expectMentions(r, {u"no details"_s});
    r = classifyVncFailure(handshake(kGreeting));
    EXPECT_EQ(r.failure, Failure::ProtocolError);
    expectMentions(r, {u"We have 1 security types to read"_s});
}

TEST(VncFailureClassifier, ConnectErrorsSayWhatTheUserCanDo)
{
    EXPECT_EQ(classifyConnectError(kName, ECONNREFUSED).failure, Failure::ConnectionFailed);
    expectMentions(classifyConnectError(kName, ECONNREFUSED), {u"no VNC server is listening"_s});
    expectMentions(classifyConnectError(kName, ETIMEDOUT), {u"timed out"_s});
    expectMentions(classifyConnectError(kName, EHOSTUNREACH), {u"cannot be reached"_s});
    expectMentions(classifyConnectError(kName, ENETUNREACH), {u"cannot be reached"_s});
    expectMentions(classifyConnectError(kName, EACCES), {kName, u"Permission denied"_s});
}

// VeNCrypt x509 against QEMU (VncQemuSecurityTest), recorded.
const QStringList kX509Chosen{
    u"Got VeNCrypt version 0.2 from server."_s,
    u"We have 1 security types to read"_s,
    u"0) Received security type 260"_s,
    u"Selecting security type 260"_s,
    u"GnuTLS version 3.7.9 initialized."_s,
    u"No CRL provided."_s,
    u"TLS session initialized."_s,
};

TEST(VncFailureClassifier, ServerCertificateFromAnotherCaNamesTheCa)
{
    VncFailureEvidence e =
        handshake(kGreeting + kX509Chosen +
                  QStringList{u"The certificate is not trusted."_s,
                              u"The certificate hasn't got a known issuer."_s,
                              u"TLS handshake failed: Error in the certificate."_s});
    e.tlsCaFile = u"/home/admin/.pki/libvirt/cacert.pem"_s;
    const VncFailureReport r = classifyVncFailure(e);
    EXPECT_EQ(r.failure, Failure::CertificateRejected);
    expectMentions(r, {kName, u"not signed by the CA certificate"_s, e.tlsCaFile});
}

TEST(VncFailureClassifier, CertificateForAnotherNameNamesTheName)
{
    VncFailureEvidence e = handshake(
        kGreeting + kX509Chosen +
        QStringList{u"The certificate's owner does not match hostname 'kvm1.example.org'"_s,
                    u"TLS handshake failed: Error in the certificate."_s});
    e.tlsHostName = u"kvm1.example.org"_s;
    const VncFailureReport r = classifyVncFailure(e);
    EXPECT_EQ(r.failure, Failure::CertificateRejected);
    expectMentions(r, {u"not issued for “kvm1.example.org”"_s});
}

TEST(VncFailureClassifier, ServerWantingAClientCertificateNamesTheMissingFile)
{
    VncFailureEvidence e = handshake(
        kGreeting + kX509Chosen +
        QStringList{u"TLS handshake done."_s,
                    u"Error reading from TLS: The TLS connection was non-properly terminated.."_s,
                    u"read (4: Interrupted system call)"_s});
    e.missingClientFile = u"/etc/pki/libvirt/clientcert.pem"_s;
    const VncFailureReport r = classifyVncFailure(e);
    EXPECT_EQ(r.failure, Failure::TlsFailed);
    expectMentions(r, {u"non-properly terminated. No client certificate"_s, e.missingClientFile});
}
