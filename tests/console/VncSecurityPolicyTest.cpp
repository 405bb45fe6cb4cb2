// Which security type a VNC connection answers with: the pure choice, and what a
// scripted server offering several types (unencrypted first) actually receives.

#include "FakeVncServer.h"
#include "common/TestSupport.h"
#include "models/console/VncSecurity.h"
#include "models/console/VncSession.h"

#include <QSignalSpy>
#include <QThread>
#include <atomic>
#include <gtest/gtest.h>

using namespace Qt::StringLiterals;
using crossvirt::models::chooseVeNCryptSubtype;
using crossvirt::models::chooseVncSecurityType;
using crossvirt::models::VncEndpoint;
using crossvirt::models::VncSession;
using crossvirt::test::FakeVncServer;
using crossvirt::test::waitUntil;
using Failure = VncSession::Failure;
namespace S = crossvirt::models::RfbSecurity;

namespace {

const QString kName = u"vm1"_s;

struct Ending
{
    Failure failure = Failure::None;
    QString error;
};

Ending runUntilDisconnected(const FakeVncServer &server)
{
    VncSession session;
    session.setAskForPassword(false);
    QSignalSpy disconnected(&session, &VncSession::disconnected);
    session.connectToEndpoint(VncEndpoint::tcp(u"127.0.0.1"_s, server.port()));
    EXPECT_TRUE(waitUntil([&] { return disconnected.count() > 0; }, 10000));
    return {session.failure(), session.errorString()};
}

// The client's answer to a VeNCrypt offer, after the version exchange.
bool offerVeNCrypt(FakeVncServer &s, const QList<quint32> &subtypes)
{
    QByteArray version;
    if (!s.sendBytes(QByteArray("\x00\x02", 2)) || !s.readExact(2, &version) ||
        !s.sendBytes(QByteArray(1, '\0')))
        return false;
    QByteArray list(1, char(subtypes.size()));
    for (quint32 type : subtypes) {
        for (int shift = 24; shift >= 0; shift -= 8)
            list.append(char((type >> shift) & 0xff));
    }
    return s.sendBytes(list);
}

} // namespace

TEST(VncSecurityChoice, EncryptedTypesWinWhateverTheServersOrder)
{
    EXPECT_EQ(chooseVncSecurityType({S::None, S::VeNCrypt}, kName).type, S::VeNCrypt);
    EXPECT_EQ(chooseVncSecurityType({S::VncAuth, S::Tls}, kName).type, S::Tls);
    EXPECT_EQ(chooseVncSecurityType({S::VncAuth, S::None}, kName).type, S::None);
    EXPECT_EQ(chooseVncSecurityType({S::Sasl, S::VncAuth}, kName).type, S::VncAuth);
    EXPECT_EQ(chooseVeNCryptSubtype({S::TlsNone, S::X509Vnc}, kName).type, S::X509Vnc);
    EXPECT_EQ(chooseVeNCryptSubtype({S::X509Vnc, S::X509None}, kName).type, S::X509None);
}

TEST(VncSecurityChoice, UnsupportedTypesAreRefusedByName)
{
    const auto sasl = chooseVncSecurityType({S::Sasl}, kName);
    EXPECT_EQ(sasl.type, S::Invalid);
    EXPECT_EQ(sasl.refusal.failure, Failure::UnsupportedSecurity);
    EXPECT_EQ(sasl.refusal.message.toStdString(),
              "The VNC server vm1 asks for SASL authentication, which Crossvirt does not support "
              "(it offers: SASL (20)).");
    const auto ard = chooseVncSecurityType({30, 16}, kName);
    EXPECT_TRUE(ard.refusal.message.contains(u"Apple Remote Desktop (30), Tight (16)"_s))
        << ard.refusal.message.toStdString();
    const auto plain = chooseVeNCryptSubtype({S::X509Plain}, kName);
    EXPECT_TRUE(plain.refusal.message.contains(u"user name and password"_s));
    const auto vencryptSasl = chooseVeNCryptSubtype({S::X509Sasl}, kName);
    EXPECT_TRUE(vencryptSasl.refusal.message.contains(u"SASL authentication"_s));
    // VeNCrypt announced, then only unencrypted sub-types: no fallback.
    const auto clear = chooseVeNCryptSubtype({S::None, S::VncAuth}, kName);
    EXPECT_EQ(clear.type, S::Invalid);
    EXPECT_TRUE(clear.refusal.message.contains(u"does not fall back"_s))
        << clear.refusal.message.toStdString();
}

// LibVNCClient alone would answer "None" here: the first type it knows.
TEST(VncSecurityOnTheWire, NoneListedBeforeVeNCryptStillGetsVeNCrypt)
{
    std::atomic<int> answer{-1};
    FakeVncServer server([&](FakeVncServer &s) {
        QByteArray choice;
        if (s.greet(QByteArray("\x01\x13", 2)) && s.readExact(1, &choice))
            answer = static_cast<unsigned char>(choice.at(0));
    });
    runUntilDisconnected(server);
    EXPECT_EQ(answer, int(S::VeNCrypt));
}

TEST(VncSecurityOnTheWire, AListSentInPiecesIsReadWhole)
{
    std::atomic<int> answer{-1};
    FakeVncServer server([&](FakeVncServer &s) {
        if (!s.sendBytes("RFB 003.008\n") || !s.readExact(12) || !s.sendBytes(QByteArray(1, 2)))
            return;
        QThread::msleep(300);
        QByteArray choice;
        if (s.sendBytes(QByteArray("\x01\x13", 2)) && s.readExact(1, &choice))
            answer = static_cast<unsigned char>(choice.at(0));
    });
    runUntilDisconnected(server);
    EXPECT_EQ(answer, int(S::VeNCrypt));
}

TEST(VncSecurityOnTheWire, SaslOnlyServerIsRefusedInWords)
{
    std::atomic<bool> answered{false};
    FakeVncServer server([&](FakeVncServer &s) {
        if (s.greet(QByteArray(1, char(S::Sasl))))
            answered = s.readExact(1, nullptr, 3000);
    });
    const Ending ending = runUntilDisconnected(server);
    EXPECT_EQ(ending.failure, Failure::UnsupportedSecurity);
    EXPECT_TRUE(
        ending.error.contains(u"asks for SASL authentication, which Crossvirt does not support"_s))
        << ending.error.toStdString();
    EXPECT_FALSE(answered);
}

TEST(VncSecurityOnTheWire, VeNCryptWithOnlyUnencryptedSubtypesIsRefused)
{
    std::atomic<bool> answered{false};
    FakeVncServer server([&](FakeVncServer &s) {
        QByteArray choice;
        if (s.greet(QByteArray(1, char(S::VeNCrypt))) && s.readExact(1, &choice) &&
            offerVeNCrypt(s, {S::None, S::VncAuth}))
            answered = s.readExact(4, nullptr, 3000);
    });
    const Ending ending = runUntilDisconnected(server);
    EXPECT_EQ(ending.failure, Failure::UnsupportedSecurity);
    EXPECT_TRUE(ending.error.contains(u"does not fall back to an unencrypted connection"_s))
        << ending.error.toStdString();
    EXPECT_FALSE(answered);
}

TEST(VncSecurityOnTheWire, VeNCryptPrefersX509OverAnonymousTls)
{
    std::atomic<quint32> answer{0};
    FakeVncServer server([&](FakeVncServer &s) {
        QByteArray choice;
        QByteArray sub;
        if (s.greet(QByteArray(1, char(S::VeNCrypt))) && s.readExact(1, &choice) &&
            offerVeNCrypt(s, {S::TlsNone, S::X509None}) && s.readExact(4, &sub))
            answer = quint32(static_cast<unsigned char>(sub[2])) << 8 |
                     static_cast<unsigned char>(sub[3]);
    });
    runUntilDisconnected(server);
    EXPECT_EQ(answer, quint32(S::X509None));
}
