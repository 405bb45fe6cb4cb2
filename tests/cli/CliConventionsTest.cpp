// crossvirt-cli's conventions, for every command: global options before or after the
// command, --help listing the command's own options, libvirt's message kept when a host
// cannot be reached, and the documented exit codes (0 ok, 1 refused, 2 host failed, 64 usage).
#include "CliRunner.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QMap>
#include <QRegularExpression>
#include <QTcpServer>
#include <gtest/gtest.h>

using namespace Qt::StringLiterals;
using crossvirt::test::CliRun;
using crossvirt::test::runCli;

namespace {

/// The commands the top-level --help lists.
QStringList listedCommands()
{
    const CliRun r = runCli({u"--help"_s});
    QStringList out;
    bool inCommands = false;
    for (const QString &line : QString::fromLocal8Bit(r.out).split(u'\n')) {
        if (line.startsWith(u"Commands:"_s)) {
            inCommands = true;
            continue;
        }
        if (inCommands && line.trimmed().isEmpty())
            break;
        if (inCommands)
            out << line.trimmed().section(u' ', 0, 0);
    }
    return out;
}

/// Each command's own options (a new command is still checked for --help and --connect).
const QMap<QString, QStringList> &commandOptions()
{
    static const QMap<QString, QStringList> options{
        {u"hosts"_s, {}},
        {u"list"_s, {}},
        {u"choices"_s, {u"--arch"_s, u"--machine"_s, u"--no-emulation"_s}},
        {u"create"_s,
         {u"--name"_s, u"--arch"_s, u"--machine"_s, u"--os"_s, u"--memory"_s, u"--vcpus"_s,
          u"--disk-size"_s, u"--pool"_s, u"--disk-bus"_s, u"--no-nic"_s, u"--dry-run"_s,
          u"--template"_s, u"--host"_s, u"--cluster"_s, u"--copy-disks"_s}},
        {u"attach-disk"_s, {u"--vm"_s, u"--size"_s, u"--bus"_s, u"--pool"_s}},
        {u"stats"_s, {u"--vm"_s, u"--samples"_s, u"--interval"_s}},
        {u"console-snapshot"_s, {u"--vm"_s, u"--out"_s, u"--wait"_s}},
        {u"serial"_s, {u"--vm"_s, u"--seconds"_s, u"--send"_s, u"--until"_s}},
        {u"volume"_s, {}},
        {u"edit"_s,
         {u"--vm"_s, u"--vcpus"_s, u"--max-vcpus"_s, u"--memory"_s, u"--max-memory"_s,
          u"--cpu"_s, u"--boot"_s, u"--autostart"_s, u"--title"_s, u"--description"_s,
          u"--live"_s, u"--config"_s}},
        {u"add-device"_s,
         {u"--vm"_s, u"--kind"_s, u"--model"_s, u"--pool"_s, u"--volume"_s, u"--size"_s,
          u"--path"_s, u"--network"_s, u"--bridge"_s, u"--mac"_s, u"--live"_s, u"--config"_s}},
        {u"remove-device"_s, {u"--vm"_s, u"--kind"_s, u"--id"_s, u"--live"_s, u"--config"_s}},
        {u"change-media"_s, {u"--vm"_s, u"--target"_s, u"--iso"_s, u"--eject"_s, u"--live"_s}},
        {u"dumpxml"_s, {u"--vm"_s, u"--inactive"_s}},
        {u"clone"_s, {u"--vm"_s, u"--name"_s, u"--share-disks"_s, u"--empty-disks"_s, u"--pool"_s}},
        {u"template"_s, {}},
        {u"vm-pool"_s, {}},
        {u"migrate-check"_s, {u"--vm"_s, u"--live"_s, u"--offline"_s, u"--copy-storage"_s}},
        {u"migrate"_s,
         {u"--vm"_s, u"--to"_s, u"--live"_s, u"--offline"_s, u"--copy-storage"_s,
          u"--tunnelled"_s, u"--bandwidth"_s}},
        {u"forget-passwords"_s, {u"--uri"_s}},
        {u"snapshot"_s,
         {u"--vm"_s, u"--name"_s, u"--description"_s, u"--memory"_s, u"--disk-only"_s,
          u"--external"_s, u"--children"_s, u"--json"_s}},
    };
    return options;
}

/// Arguments that make `command` do its work on test:///default (or fail on the host,
/// never on usage).
QStringList workingArgs(const QString &command)
{
    if (command == "choices"_L1)
        return {u"--arch"_s, u"x86_64"_s};
    if (command == "create"_L1)
        return {u"--name"_s, u"conv"_s, u"--arch"_s, u"x86_64"_s, u"--dry-run"_s};
    if (command == "attach-disk"_L1)
        return {u"--vm"_s, u"test"_s, u"--size"_s, u"1"_s};
    if (command == "stats"_L1)
        return {u"--samples"_s, u"1"_s, u"--interval"_s, u"1"_s};
    if (command == "console-snapshot"_L1)
        return {u"--vm"_s, u"test"_s, u"--out"_s, u"/dev/null"_s, u"--wait"_s, u"1"_s};
    if (command == "serial"_L1)
        return {u"--vm"_s, u"test"_s, u"--seconds"_s, u"1"_s};
    if (command == "pool"_L1 || command == "volume"_L1)
        return {u"list"_s};
    if (command == "edit"_L1)
        return {u"--vm"_s, u"test"_s, u"--title"_s, u"conventions"_s};
    if (command == "add-device"_L1)
        return {u"--vm"_s, u"test"_s, u"--kind"_s, u"nic"_s, u"--network"_s, u"default"_s};
    if (command == "remove-device"_L1)
        return {u"--vm"_s, u"test"_s, u"--kind"_s, u"disk"_s, u"--id"_s, u"vda"_s};
    if (command == "change-media"_L1)
        return {u"--vm"_s, u"test"_s, u"--target"_s, u"hdc"_s, u"--eject"_s};
    if (command == "dumpxml"_L1)
        return {u"--vm"_s, u"test"_s};
    if (command == "migrate-check"_L1)
        return {u"--vm"_s, u"test"_s};
    if (command == "migrate"_L1) // refused (exit 1): the destination cannot be reached
        return {u"--vm"_s, u"test"_s, u"--to"_s, u"test:///nowhere/destination.xml"_s};
    if (command == "clone"_L1) // "test" runs: refused (exit 1) once the host answered
        return {u"--vm"_s, u"test"_s, u"--name"_s, u"conventions"_s, u"--empty-disks"_s};
    if (command == "template"_L1 || command == "vm-pool"_L1)
        return {u"list"_s};
    if (command == "forget-passwords"_L1)
        return {u"--uri"_s, u"test:///default"_s};
    return {};
}

QString deadHost()
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost))
        return {};
    const QString uri = u"qemu+tcp://127.0.0.1:%1/system"_s.arg(probe.serverPort());
    probe.close();
    return uri;
}

TEST(CliConventions, TopLevelHelpListsEveryCommandGlobalOptionsAndExitCodes)
{
    const CliRun r = runCli({u"--help"_s});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    const QString text = QString::fromLocal8Bit(r.out);
    for (const QString &command : commandOptions().keys())
        EXPECT_TRUE(listedCommands().contains(command)) << command.toStdString();
    EXPECT_TRUE(text.contains(u"--connect"_s));
    EXPECT_TRUE(text.contains(u"--timeout"_s));
    EXPECT_TRUE(text.contains(u"Exit codes"_s));
    for (const char *code : {"0 ", "1 ", "2 ", "64 "})
        EXPECT_TRUE(text.contains(u"\n  "_s + QLatin1String(code))) << code;
}

TEST(CliConventions, HelpOnEveryCommandExitsZeroAndListsItsOptions)
{
    const QStringList commands = listedCommands();
    ASSERT_FALSE(commands.isEmpty());
    for (const QString &command : commands) {
        SCOPED_TRACE(command.toStdString());
        for (const QStringList &args :
             {QStringList{command, u"--help"_s}, QStringList{command, u"-h"_s}}) {
            const CliRun r = runCli(args);
            EXPECT_EQ(r.exitCode, 0) << r.err.toStdString();
            const QString text = QString::fromLocal8Bit(r.out);
            EXPECT_TRUE(text.contains(u"crossvirt-cli [global options] "_s + command))
                << text.toStdString();
            EXPECT_TRUE(text.contains(u"--help"_s));
            EXPECT_TRUE(text.contains(u"--connect"_s)); // the global options are named too
            for (const QString &option : commandOptions().value(command))
                EXPECT_TRUE(text.contains(option)) << option.toStdString() << "\n"
                                                   << text.toStdString();
        }
    }
}

TEST(CliConventions, ConnectIsAcceptedAfterEveryCommand)
{
    for (const QString &command : listedCommands()) {
        SCOPED_TRACE(command.toStdString());
        for (const QString &form : {u"--connect"_s, u"-c"_s}) {
            const CliRun r =
                runCli(QStringList{command} + workingArgs(command) +
                       QStringList{form, u"test:///default"_s, u"--timeout"_s, u"20"_s});
            EXPECT_NE(r.exitCode, 64) << r.err.toStdString();
            EXPECT_FALSE(r.err.contains(u"nknown option"_s)) << r.err.toStdString();
            EXPECT_NE(r.exitCode, -1) << "timed out";
        }
    }
    // And it really is the host worked on.
    const CliRun r = runCli({u"hosts"_s, u"--connect=test:///default"_s});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    const QJsonArray hosts = QJsonDocument::fromJson(r.out).array();
    ASSERT_EQ(hosts.size(), 1);
    EXPECT_EQ(hosts[0].toObject().value("uri"_L1).toString(), u"test:///default"_s);
}

TEST(CliConventions, UnreachableHostKeepsLibvirtsMessageAndExitsTwo)
{
    const QString dead = deadHost();
    ASSERT_FALSE(dead.isEmpty());
    for (const QString &command : listedCommands()) {
        if (command == "forget-passwords"_L1)
            continue; // talks to the keyring only, never to a host
        SCOPED_TRACE(command.toStdString());
        const CliRun r =
            runCli(QStringList{command} + workingArgs(command) + QStringList{u"-c"_s, dead});
        EXPECT_EQ(r.exitCode, 2) << r.err.toStdString();
        EXPECT_TRUE(r.err.contains(u"refused"_s, Qt::CaseInsensitive)) << r.err.toStdString();
        EXPECT_FALSE(r.err.contains(u"no answer"_s)) << r.err.toStdString();
    }
}

TEST(CliConventions, ExitCodesForRefusedInputAndBadUsage)
{
    // 64: usage.
    EXPECT_EQ(runCli({u"no-such-command"_s}).exitCode, 64);
    EXPECT_EQ(runCli({u"--no-such-option"_s, u"hosts"_s}).exitCode, 64);
    EXPECT_EQ(runCli({u"hosts"_s, u"--no-such-option"_s, u"-c"_s, u"test:///default"_s}).exitCode,
              64);
    EXPECT_EQ(runCli({u"create"_s, u"-c"_s, u"test:///default"_s}).exitCode, 64); // no --name
    EXPECT_EQ(runCli({u"hosts"_s, u"--connect"_s}).exitCode, 64);                 // no value
    // 1: refused input, the reason on stderr.
    const CliRun refused = runCli({u"create"_s, u"-c"_s, u"test:///default"_s, u"--name"_s, u"x"_s,
                                   u"--arch"_s, u"no-such-arch"_s, u"--dry-run"_s});
    EXPECT_EQ(refused.exitCode, 1);
    EXPECT_TRUE(refused.err.contains(u"no-such-arch"_s)) << refused.err.toStdString();
    // 0: done.
    EXPECT_EQ(runCli({u"-c"_s, u"test:///default"_s, u"list"_s}).exitCode, 0);
}

} // namespace
