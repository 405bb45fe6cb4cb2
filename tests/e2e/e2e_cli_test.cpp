// crossvirt-cli against a real qemu:///system. choices (issue 3's "done when"): for every
// arch the lists come from the arch model narrowed by the host's real domain
// capabilities, and what is withheld carries its reason. serial (issue 11): a running
// ppc64 guest's SLOF is read, answers what --send typed, and powering off ends the
// console with exit 0 and a note.

#include "e2e/E2eSupport.h"
#include "models/console/SerialConsoleSession.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <gtest/gtest.h>

using namespace Qt::StringLiterals;
using namespace crossvirt::test::e2e;

namespace {

[[maybe_unused]] ::testing::Environment *const e2eEnvironment =
    ::testing::AddGlobalTestEnvironment(new LibvirtDaemonEnvironment);

class CliE2e : public LibvirtDaemonTest
{
protected:
    QJsonObject choices(const QString &arch)
    {
        QProcess cli;
        cli.start(QStringLiteral(CROSSVIRT_CLI_PATH),
                  {u"--connect"_s, u"qemu:///system"_s, u"choices"_s, u"--arch"_s, arch});
        EXPECT_TRUE(cli.waitForFinished(60'000));
        EXPECT_EQ(cli.exitCode(), 0) << cli.readAllStandardError().toStdString();
        return QJsonDocument::fromJson(cli.readAllStandardOutput()).object();
    }
};

QStringList ids(const QJsonObject &list, const char *which)
{
    QStringList out;
    for (const QJsonValue &v : list.value(QLatin1String(which)).toArray())
        out << v.toObject().value("id"_L1).toString();
    return out;
}

QString reasonFor(const QJsonObject &list, const QString &id)
{
    for (const QJsonValue &v : list.value("withheld"_L1).toArray()) {
        if (v.toObject().value("id"_L1).toString() == id)
            return v.toObject().value("reason"_L1).toString();
    }
    return {};
}

TEST_F(CliE2e, ChoicesForEveryArchAreNarrowedByTheRealHostAndExplained)
{
    for (const QString &arch : {u"x86_64"_s, u"ppc64"_s, u"ppc64le"_s, u"aarch64"_s, u"s390x"_s,
                                u"riscv64"_s, u"armv7l"_s}) {
        SCOPED_TRACE(arch.toStdString());
        const QJsonObject c = choices(arch);
        ASSERT_FALSE(c.isEmpty());
        EXPECT_TRUE(c.value("domain_capabilities"_L1).toBool())
            << "the real host has domain capabilities for " << arch.toStdString() << ": "
            << c.value("domain_capabilities_error"_L1).toString().toStdString();
        const QJsonObject disks = c.value("disk_interfaces"_L1).toObject();
        const QJsonObject graphics = c.value("graphics"_L1).toObject();
        const QJsonObject nics = c.value("nic_models"_L1).toObject();
        EXPECT_FALSE(ids(disks, "offered").isEmpty());
        EXPECT_TRUE(ids(disks, "offered").contains(u"virtio"_s));
        // Everything withheld says why.
        for (const char *list :
             {"disk_interfaces", "nic_models", "graphics", "video", "consoles"}) {
            for (const QJsonValue &v :
                 c.value(QLatin1String(list)).toObject().value("withheld"_L1).toArray()) {
                EXPECT_FALSE(v.toObject().value("reason"_L1).toString().isEmpty())
                    << list << " " << v.toObject().value("id"_L1).toString().toStdString();
            }
        }
        info(u"choices"_s,
             u"%1 (%2): disks %3; nics %4; graphics %5"_s.arg(
                 arch, c.value("execution"_L1).toString(), ids(disks, "offered").join(u','),
                 ids(nics, "offered").join(u','), ids(graphics, "offered").join(u',')));
        if (arch.startsWith("ppc64"_L1)) {
            EXPECT_TRUE(ids(disks, "offered").contains(u"spapr-vscsi"_s));
            EXPECT_FALSE(reasonFor(disks, u"ide"_s).isEmpty());
            EXPECT_FALSE(reasonFor(disks, u"sata"_s).isEmpty());
            EXPECT_TRUE(ids(graphics, "offered").contains(u"vnc"_s));
            EXPECT_FALSE(ids(graphics, "offered").contains(u"spice"_s));
            EXPECT_EQ(c.value("execution"_L1).toString(), u"emulated"_s);
        }
        if (arch == "s390x"_L1) {
            EXPECT_FALSE(ids(graphics, "offered").contains(u"vnc"_s));
            EXPECT_EQ(ids(nics, "offered"), QStringList{u"virtio"_s});
        }
        if (arch == "x86_64"_L1) {
            // The product follows libvirt's capabilities, which list KVM when /dev/kvm
            // exists (the harness may still run its own guests under TCG when KVM does
            // not boot one on this machine: see LibvirtDaemon::hasKvm).
            EXPECT_EQ(c.value("execution"_L1).toString(),
                      QFileInfo::exists(u"/dev/kvm"_s) ? u"native"_s : u"emulated"_s);
        }
        if (arch == "aarch64"_L1) {
            EXPECT_FALSE(reasonFor(c.value("cpu_modes"_L1).toObject(), u"host-model"_s).isEmpty());
        }
    }
}

using CliResult = CliRun;

CliResult runCli(const QStringList &args, int timeoutMs)
{
    return runCliProgram(QStringLiteral(CROSSVIRT_CLI_PATH), args, timeoutMs);
}

class CliSerialE2e : public LibvirtDaemonTest
{
protected:
    void TearDown() override
    {
        if (m_session && !m_uuid.isEmpty()) {
            try {
                await(m_session->deleteDomain(m_uuid, true), 60'000);
            } catch (...) {
                ADD_FAILURE() << exceptionText(std::current_exception()).toStdString();
            }
        }
        m_session.reset();
        LibvirtDaemonTest::TearDown();
    }

    std::unique_ptr<crossvirt::models::HostSession> m_session;
    QString m_uuid;
};

TEST_F(CliSerialE2e, SerialPrintsSlofAndSendReachesIt)
{
    QString error;
    m_session = openSession(LibvirtDaemon::localUri(), &error);
    ASSERT_TRUE(m_session) << error.toStdString();
    // Without graphics SLOF talks on the spapr-vty serial console.
    const QString name = LibvirtDaemon::domainPrefix() + u"cli-serial-ppc64"_s;
    m_uuid = createDefaultGuest(m_session.get(), daemon(), u"ppc64"_s, name, &error, u"none"_s);
    ASSERT_FALSE(m_uuid.isEmpty()) << error.toStdString();
    const QStringList base{u"--connect"_s, u"qemu:///system"_s, u"serial"_s, u"--vm"_s, name};

    // SLOF prints its banner, fails to boot (no OS) and waits at "0 >": --until ends early.
    const CliResult boot =
        runCli(base + QStringList{u"--seconds"_s, u"120"_s, u"--until"_s, u"0 >"_s}, 150'000);
    info(u"serial"_s, u"until '0 >': exit %1 after %2 ms, %3 bytes; stderr: %4"_s.arg(boot.exitCode)
                          .arg(boot.ms)
                          .arg(boot.out.size())
                          .arg(boot.err.trimmed()));
    ASSERT_EQ(boot.exitCode, 0) << boot.err.toStdString() << "\nstdout:\n"
                                << boot.out.toStdString();
    // SLOF's first "SLOF ****" line comes out while libvirt starts the guest, before any
    // client can open the console; its banner after the device scan is read in full.
    EXPECT_TRUE(boot.out.contains("Welcome to Open Firmware")) << boot.out.toStdString();
    EXPECT_TRUE(boot.out.contains("Populating /vdevice")) << boot.out.toStdString();
    EXPECT_TRUE(boot.out.contains("0 >")) << boot.out.toStdString();
    EXPECT_TRUE(boot.err.isEmpty()) << boot.err.toStdString();

    // Forth arithmetic: only SLOF reading what --send typed can print 2a (6*7 in hex).
    const CliResult typed = runCli(base + QStringList{u"--seconds"_s, u"30"_s, u"--send"_s,
                                                      u"6 7 * .\\r"_s, u"--until"_s, u"2a"_s},
                                   60'000);
    info(u"serial"_s, u"--send '6 7 * .\\r': exit %1 after %2 ms: %3"_s.arg(typed.exitCode)
                          .arg(typed.ms)
                          .arg(QString::fromUtf8(typed.out).simplified()));
    EXPECT_EQ(typed.exitCode, 0) << typed.err.toStdString() << "\nstdout:\n"
                                 << typed.out.toStdString();
    EXPECT_TRUE(typed.out.contains("2a")) << typed.out.toStdString();

    // Fixed duration without --until: reads for the whole time, prints what came.
    const CliResult quiet =
        runCli(base + QStringList{u"--seconds"_s, u"2"_s, u"--send"_s, u"1 2 + .\\r"_s}, 60'000);
    EXPECT_EQ(quiet.exitCode, 0) << quiet.err.toStdString();
    EXPECT_GE(quiet.ms, 2000);
    EXPECT_TRUE(quiet.out.contains("3  ok")) << quiet.out.toStdString();

    // Another client taking the console over (as virt-manager and Crossvirt's window do)
    // ends the CLI's reading with exit 2 and says the guest still runs.
    {
        QProcess reading;
        reading.start(QStringLiteral(CROSSVIRT_CLI_PATH),
                      base + QStringList{u"--seconds"_s, u"60"_s, u"--send"_s, u"2 3 + .\r"_s});
        ASSERT_TRUE(reading.waitForStarted());
        QByteArray seen;
        EXPECT_TRUE(waitForFuture(
            [&] {
                seen += reading.readAllStandardOutput();
                return seen.contains("5  ok");
            },
            20'000))
            << seen.toStdString();
        crossvirt::models::SerialConsoleSession other(m_session.get(), m_uuid);
        other.open();
        ASSERT_TRUE(reading.waitForFinished(30'000)) << "taking the console over did not end it";
        const QString err = QString::fromLocal8Bit(reading.readAllStandardError());
        info(u"serial"_s,
             u"taken over by another client: exit %1; stderr: %2"_s.arg(reading.exitCode())
                 .arg(err.trimmed()));
        EXPECT_EQ(reading.exitCode(), 2) << err.toStdString();
        EXPECT_TRUE(err.contains(u"while the guest still runs"_s)) << err.toStdString();
        other.close();
    }

    // The guest stopping (here: forced off while the CLI reads) closes its console: what it
    // printed is the answer, exit 0, with a note on stderr saying so.
    QProcess reading;
    QElapsedTimer timer;
    timer.start();
    reading.start(QStringLiteral(CROSSVIRT_CLI_PATH),
                  base + QStringList{u"--seconds"_s, u"60"_s, u"--send"_s, u"4 5 + .\r"_s});
    ASSERT_TRUE(reading.waitForStarted());
    QByteArray seen;
    const bool answered = waitForFuture(
        [&] {
            seen += reading.readAllStandardOutput();
            return seen.contains("9  ok");
        },
        20'000);
    EXPECT_TRUE(answered) << "SLOF did not answer 4 5 + . : " << seen.toStdString();
    try {
        await(m_session->forceOffDomain(m_uuid), 60'000);
    } catch (...) {
        FAIL() << exceptionText(std::current_exception()).toStdString();
    }
    ASSERT_TRUE(reading.waitForFinished(50'000)) << "the console did not end with the guest";
    const QString offErr = QString::fromLocal8Bit(reading.readAllStandardError());
    info(u"serial"_s,
         u"forced off while reading: exit %1 after %2 ms; stderr: %3"_s.arg(reading.exitCode())
             .arg(timer.elapsed())
             .arg(offErr.trimmed()));
    EXPECT_EQ(reading.exitCode(), 0) << offErr.toStdString();
    EXPECT_TRUE(offErr.contains(u"the guest stopped"_s)) << offErr.toStdString();
    EXPECT_LT(timer.elapsed(), 55'000);

    // And a guest that is not running is refused with exit 1.
    const CliResult stopped = runCli(base + QStringList{u"--seconds"_s, u"1"_s}, 60'000);
    EXPECT_EQ(stopped.exitCode, 1) << stopped.err.toStdString();
    EXPECT_TRUE(stopped.err.contains(u"is not running"_s)) << stopped.err.toStdString();
}

} // namespace
