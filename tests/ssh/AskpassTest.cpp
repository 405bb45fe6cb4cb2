// The askpass round trip with the real crossvirt-askpass and AskpassServer's real socket:
// a program run by a child of this process (as ssh is) gets the answer the credential
// provider gives, on the GUI thread, for the connection registered for the host named on
// that child's command line; a cancel stops the child; an unregistered host gets nothing.

#include "common/TestSupport.h"
#include "models/connection/AskpassProtocol.h"
#include "models/connection/AskpassServer.h"
#include "models/connection/CredentialChannel.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QProcess>
#include <QThread>
#include <QTimer>
#include <gtest/gtest.h>

#include <sys/stat.h>

using namespace Qt::StringLiterals;
using namespace crossvirt::models;

namespace {

class Answers : public CredentialProvider
{
public:
    std::optional<QStringList> provide(const QString &uri,
                                       const QList<CredentialRequest> &requests) override
    {
        onGuiThread = QThread::currentThread() == qApp->thread();
        askedUri = uri;
        asked = requests;
        return answer;
    }
    std::optional<QStringList> answer;
    QString askedUri;
    QList<CredentialRequest> asked;
    bool onGuiThread = false;
};

// Answers as the keyring provider does: later, from the event loop (provideLater).
class LaterAnswers : public Answers
{
public:
    void provideLater(const QString &uri, const QList<CredentialRequest> &requests,
                      Reply reply) override
    {
        ++laterCalls;
        QTimer::singleShot(200, this,
                           [this, uri, requests, reply] { reply(provide(uri, requests)); });
    }
    int laterCalls = 0;
};

struct HelperRun
{
    int code = -1;
    bool crashed = false;
    QByteArray out;
    QByteArray err;
};

// sh plays ssh: it names the host on its command line and runs the helper as its child.
HelperRun askThroughShell(const QString &host, const QString &prompt)
{
    QProcess sh;
    sh.start(u"sh"_s, {u"-c"_s, u"\"$0\" \"$2\"; rc=$?; exit $rc"_s,
                       QString::fromUtf8(CROSSVIRT_ASKPASS_PATH), u"root@"_s + host, prompt});
    EXPECT_TRUE(sh.waitForStarted());
    // The event loop must run: the server answers on this (the GUI) thread.
    crossvirt::test::waitUntil([&] { return sh.state() == QProcess::NotRunning; }, 20'000);
    return {sh.exitCode(), sh.exitStatus() == QProcess::CrashExit, sh.readAllStandardOutput(),
            sh.readAllStandardError()};
}

class Askpass : public ::testing::Test
{
protected:
    void SetUp() override
    {
        qputenv("CROSSVIRT_ASKPASS", CROSSVIRT_ASKPASS_PATH);
        channel = std::make_shared<CredentialChannel>();
        channel->setProvider(&provider); // starts the server
        QString error;
        ASSERT_TRUE(AskpassServer::ensureStarted(&error)) << error.toStdString();
    }
    Answers provider;
    std::shared_ptr<CredentialChannel> channel;
};

TEST_F(Askpass, AnswerReachesTheHelperThroughAPrivateSocket)
{
    EXPECT_EQ(qgetenv("SSH_ASKPASS"), QByteArray(CROSSVIRT_ASKPASS_PATH));
    EXPECT_FALSE(qgetenv("DISPLAY").isEmpty()) << "ssh uses askpass only with a DISPLAY";
    // The socket's folder is the user's alone.
    const std::string dir = crossvirt::askpass::socketDirectory();
    struct stat st
    {
    };
    ASSERT_EQ(::stat(dir.c_str(), &st), 0);
    EXPECT_EQ(st.st_mode & 077, 0u);
    EXPECT_TRUE(QFileInfo::exists(AskpassServer::socketPath()));

    AskpassServer::Registration reg(u"qemu+ssh://root@kvm7/system"_s, u"kvm7"_s, channel);
    provider.answer = QStringList{u"s3cret pass"_s};
    const HelperRun r = askThroughShell(u"kvm7"_s, u"root@kvm7's password: "_s);
    EXPECT_EQ(r.code, 0) << r.err.toStdString();
    EXPECT_EQ(r.out, "s3cret pass\n");
    EXPECT_TRUE(provider.onGuiThread);
    EXPECT_EQ(provider.askedUri, u"qemu+ssh://root@kvm7/system"_s);
    ASSERT_EQ(provider.asked.size(), 1);
    EXPECT_EQ(provider.asked[0].prompt, u"root@kvm7's password:"_s);
    EXPECT_TRUE(provider.asked[0].secret());
    EXPECT_EQ(reg.answered(), 1);
    EXPECT_FALSE(reg.cancelled());
}

TEST_F(Askpass, CancelStopsTheAskingProgram)
{
    AskpassServer::Registration reg(u"qemu+ssh://root@kvm8/system"_s, u"kvm8"_s, channel);
    provider.answer = std::nullopt;
    const HelperRun r = askThroughShell(u"kvm8"_s, u"root@kvm8's password: "_s);
    EXPECT_TRUE(r.crashed) << "the helper's parent (ssh) must be stopped on cancel";
    EXPECT_TRUE(r.out.isEmpty());
    EXPECT_TRUE(reg.cancelled());
}

TEST_F(Askpass, UnregisteredHostGetsNoAnswer)
{
    provider.answer = QStringList{u"never"_s};
    const HelperRun r = askThroughShell(u"elsewhere"_s, u"root@elsewhere's password: "_s);
    EXPECT_NE(r.code, 0);
    EXPECT_TRUE(r.out.isEmpty());
    EXPECT_TRUE(r.err.contains("no connection")) << r.err.toStdString();
    EXPECT_TRUE(provider.asked.isEmpty());
}

// The keyring's provider answers after a lookup on the GUI thread's event loop: the
// server must not wait for it there (that would never finish), and ssh gets the answer.
TEST(AskpassLater, ProviderThatAnswersLaterReachesTheHelper)
{
    qputenv("CROSSVIRT_ASKPASS", CROSSVIRT_ASKPASS_PATH);
    LaterAnswers provider;
    auto channel = std::make_shared<CredentialChannel>();
    channel->setProvider(&provider);
    AskpassServer::Registration reg(u"qemu+ssh://root@kvm9/system"_s, u"kvm9"_s, channel);
    provider.answer = QStringList{u"from the keyring"_s};
    const HelperRun r = askThroughShell(u"kvm9"_s, u"root@kvm9's password: "_s);
    EXPECT_EQ(r.code, 0) << r.err.toStdString();
    EXPECT_EQ(r.out, "from the keyring\n");
    EXPECT_EQ(provider.laterCalls, 1) << "askpass must go through provideLater (the keyring)";
    EXPECT_EQ(reg.answered(), 1);
    channel->setProvider(nullptr);
}

} // namespace
