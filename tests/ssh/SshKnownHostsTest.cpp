// The known_hosts decisions Crossvirt makes before an SSH connection, with the real
// ssh-keygen on temporary files: a new host is Unknown, a trusted key is Trusted, a host
// whose key of the same type differs is Changed (also when the entry is hashed, as
// HashKnownHosts writes it), a non-default port is its own "[host]:port" entry, and
// trust() appends exactly the offered keys to a 0600 file.

#include "models/connection/SshConnect.h"
#include "models/connection/SshHostKeys.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <gtest/gtest.h>

using namespace Qt::StringLiterals;
using namespace crossvirt::models;

namespace {

class KnownHosts : public ::testing::Test
{
protected:
    void SetUp() override
    {
        if (QStandardPaths::findExecutable(u"ssh-keygen"_s).isEmpty())
            GTEST_SKIP() << "ssh-keygen is not installed";
        ASSERT_TRUE(dir.isValid());
    }
    // A fresh key pair's public line "algorithm base64".
    QString newKey(const QString &type)
    {
        const QString file = dir.filePath(u"k%1"_s.arg(++m_keys));
        QProcess p;
        p.start(u"ssh-keygen"_s, {u"-q"_s, u"-t"_s, type, u"-N"_s, QString(), u"-f"_s, file});
        p.waitForFinished();
        QFile pub(file + u".pub"_s);
        EXPECT_TRUE(pub.open(QIODevice::ReadOnly));
        return QString::fromUtf8(pub.readAll()).section(u' ', 0, 1);
    }
    QList<SshHostKey> offered(const QStringList &lines)
    {
        QString text;
        for (const QString &l : lines)
            text += u"kvm1 "_s + l + u'\n';
        return SshKnownHosts::parseKeys(text);
    }
    bool write(const QString &text)
    {
        QFile f(dir.filePath(u"known_hosts"_s));
        return f.open(QIODevice::WriteOnly) && f.write(text.toUtf8()) == text.toUtf8().size();
    }

    QTemporaryDir dir;
    int m_keys = 0;
};

TEST_F(KnownHosts, ParsesKeysWithFingerprintsPreferredTypeFirst)
{
    const QString rsa = newKey(u"rsa"_s), ed = newKey(u"ed25519"_s);
    const QList<SshHostKey> keys = offered({rsa, ed});
    ASSERT_EQ(keys.size(), 2);
    EXPECT_EQ(keys[0].algorithm, u"ssh-ed25519"_s); // ssh's preferred type comes first
    EXPECT_EQ(keys[0].typeName, u"ED25519"_s);
    EXPECT_TRUE(keys[0].fingerprint.startsWith(u"SHA256:"_s)) << keys[0].fingerprint.toStdString();
    EXPECT_EQ(keys[1].typeName, u"RSA"_s);
    EXPECT_NE(keys[0].fingerprint, keys[1].fingerprint);
}

TEST_F(KnownHosts, UnknownTrustedChangedAndPorts)
{
    const QString ed = newKey(u"ed25519"_s), rsa = newKey(u"rsa"_s), other = newKey(u"ed25519"_s);
    const SshKnownHosts known(dir.filePath(u"known_hosts"_s));

    // No file yet: unknown.
    EXPECT_EQ(known.compare(u"kvm1"_s, 22, offered({ed, rsa})).status,
              SshKnownHosts::Status::Unknown);

    // trust() writes exactly the offered keys, for that host, 0600.
    QString error;
    ASSERT_TRUE(known.trust(u"kvm1"_s, 22, offered({ed}), &error)) << error.toStdString();
    QFile f(known.file());
    ASSERT_TRUE(f.open(QIODevice::ReadOnly));
    EXPECT_EQ(QString::fromUtf8(f.readAll()), u"kvm1 "_s + ed + u'\n');
    EXPECT_EQ(f.permissions() & (QFile::ReadGroup | QFile::ReadOther), QFile::Permissions());
    f.close();
    EXPECT_EQ(known.compare(u"kvm1"_s, 22, offered({ed, rsa})).status,
              SshKnownHosts::Status::Trusted);

    // Same type, another key: changed, whatever else the host offers.
    EXPECT_EQ(known.compare(u"kvm1"_s, 22, offered({other, rsa})).status,
              SshKnownHosts::Status::Changed);
    // Only types known_hosts has no key of: refused too (ssh would warn and ask).
    EXPECT_EQ(known.compare(u"kvm1"_s, 22, offered({rsa})).status, SshKnownHosts::Status::Changed);
    // Another port is another entry.
    EXPECT_EQ(SshKnownHosts::hostPattern(u"kvm1"_s, 2222), u"[kvm1]:2222"_s);
    EXPECT_EQ(known.compare(u"kvm1"_s, 2222, offered({ed})).status, SshKnownHosts::Status::Unknown);
    ASSERT_TRUE(known.trust(u"kvm1"_s, 2222, offered({other}), &error));
    EXPECT_EQ(known.compare(u"kvm1"_s, 2222, offered({other})).status,
              SshKnownHosts::Status::Trusted);
    EXPECT_EQ(known.compare(u"kvm1"_s, 22, offered({ed})).status, SshKnownHosts::Status::Trusted);
}

TEST_F(KnownHosts, HashedEntriesAreFound)
{
    const QString ed = newKey(u"ed25519"_s), other = newKey(u"ed25519"_s);
    ASSERT_TRUE(write(u"kvm2 "_s + ed + u'\n'));
    QProcess hash;
    hash.start(u"ssh-keygen"_s, {u"-H"_s, u"-f"_s, dir.filePath(u"known_hosts"_s)});
    ASSERT_TRUE(hash.waitForFinished());
    QFile f(dir.filePath(u"known_hosts"_s));
    ASSERT_TRUE(f.open(QIODevice::ReadOnly));
    ASSERT_FALSE(f.readAll().contains("kvm2")) << "ssh-keygen -H did not hash the entry";
    const SshKnownHosts known(dir.filePath(u"known_hosts"_s));
    EXPECT_EQ(known.compare(u"kvm2"_s, 22, offered({ed})).status, SshKnownHosts::Status::Trusted);
    EXPECT_EQ(known.compare(u"kvm2"_s, 22, offered({other})).status,
              SshKnownHosts::Status::Changed);
}

TEST_F(KnownHosts, TrustKeepsAnUnterminatedLastLine)
{
    const QString ed = newKey(u"ed25519"_s), other = newKey(u"ed25519"_s);
    ASSERT_TRUE(write(u"kvm3 "_s + ed)); // no newline at the end
    const SshKnownHosts known(dir.filePath(u"known_hosts"_s));
    QString error;
    ASSERT_TRUE(known.trust(u"kvm4"_s, 22, offered({other}), &error));
    EXPECT_EQ(known.compare(u"kvm3"_s, 22, offered({ed})).status, SshKnownHosts::Status::Trusted);
    EXPECT_EQ(known.compare(u"kvm4"_s, 22, offered({other})).status,
              SshKnownHosts::Status::Trusted);
}

TEST(LibsshHostKeyPrompt, BecomesAHostKeyQuestion)
{
    // The prompt of libvirt 9.0's virnetlibsshsession.c.
    const auto q = SshConnect::libsshHostKeyQuestion(
        u"qemu+libssh://root@kvm1/system?known_hosts=/tmp/kh"_s,
        u"Accept SSH host key with hash 'SHA256:abc/def' for host 'kvm1:22' (y/n)?"_s);
    ASSERT_TRUE(q);
    EXPECT_EQ(q->host, u"kvm1:22"_s);
    EXPECT_EQ(q->fingerprint, u"SHA256:abc/def"_s);
    EXPECT_EQ(q->knownHostsFile, u"/tmp/kh"_s);
    EXPECT_FALSE(SshConnect::libsshHostKeyQuestion(u"qemu+libssh://kvm1/system"_s,
                                                   u"Enter root@kvm1's password"_s));
}

TEST(SshFailureText, SaysWhatFailedAndWhetherRetryingHelps)
{
    bool retryable = true;
    // libvirt 9.0's messages for a qemu+ssh host, as seen in e2e_ssh_test.
    QString text = SshConnect::failureText(
        u"Cannot recv data: root@10.0.0.2: Permission denied (publickey,password).: "
        u"Connection reset by peer"_s,
        false, &retryable);
    EXPECT_FALSE(retryable);
    EXPECT_TRUE(text.contains(u"authentication failed"_s, Qt::CaseInsensitive));
    EXPECT_TRUE(text.contains(u"Permission denied (publickey,password)"_s));

    text = SshConnect::failureText(u"Cannot recv data: Host key verification failed.: "
                                   u"Connection reset by peer"_s,
                                   false, &retryable);
    EXPECT_FALSE(retryable);
    EXPECT_TRUE(text.contains(u"host key"_s, Qt::CaseInsensitive));

    text = SshConnect::failureText(u"Cannot recv data: sh: 1: nc: not found: Connection reset "
                                   u"by peer"_s,
                                   false, &retryable);
    EXPECT_TRUE(text.contains(u"neither virt-ssh-helper nor nc"_s));

    text = SshConnect::failureText(u"Cannot recv data: something"_s, true, &retryable);
    EXPECT_FALSE(retryable);
    EXPECT_TRUE(text.contains(u"cancelled"_s));

    text = SshConnect::failureText(u"End of file while reading data"_s, false, &retryable);
    EXPECT_TRUE(retryable);
    EXPECT_EQ(text, u"End of file while reading data"_s);
}

} // namespace
