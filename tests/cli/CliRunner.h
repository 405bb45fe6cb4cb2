#pragma once

// Runs the built crossvirt-cli as a user would (QProcess), with a private HOME so no saved
// connection list or settings leak in.

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QProcessEnvironment>
#include <QStringList>
#include <QTemporaryDir>
#include <gtest/gtest.h>

namespace crossvirt::test {

struct CliRun
{
    int exitCode = -1;
    QByteArray out;
    QString err;
    QJsonObject json() const { return QJsonDocument::fromJson(out).object(); }
    QJsonArray jsonArray() const { return QJsonDocument::fromJson(out).array(); }
};

/// test:///SOURCE_DIR/relativePath: a test-driver host file of the source tree.
inline QString testDriverHost(const QString &relativePath)
{
    return QStringLiteral("test://") + qEnvironmentVariable("CROSSVIRT_SOURCE_DIR") + u'/' +
           relativePath;
}

/// A refusal: exit 1, the reason on stderr, nothing printed as done.
inline void expectRefused(const CliRun &r, const QString &reasonPart)
{
    EXPECT_EQ(r.exitCode, 1) << r.err.toStdString();
    EXPECT_TRUE(r.err.contains(reasonPart, Qt::CaseInsensitive))
        << "expected “" << reasonPart.toStdString() << "” in: " << r.err.toStdString();
    EXPECT_TRUE(r.out.isEmpty()) << r.out.toStdString();
}

inline CliRun runCli(const QStringList &args, int timeoutMs = 120000)
{
    using namespace Qt::StringLiterals;
    QProcess p;
    static QTemporaryDir home;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"HOME"_s, home.path());
    env.insert(u"XDG_CONFIG_HOME"_s, home.path() + u"/config"_s);
    env.insert(u"XDG_DATA_HOME"_s, home.path() + u"/data"_s);
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(CROSSVIRT_CLI_PATH), args);
    CliRun r;
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished();
        return r;
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = p.readAllStandardOutput();
    r.err = QString::fromLocal8Bit(p.readAllStandardError());
    return r;
}

} // namespace crossvirt::test
