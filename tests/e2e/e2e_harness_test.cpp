// End-to-end checks of the harness itself against a real libvirtd + QEMU: the local and
// the TCP-remote connection reach the same host, the scratch pool takes volumes, and a
// firmware-only guest of every supported arch starts with its console and VNC server.

#include "common/TestSupport.h"
#include "e2e/LibvirtDaemon.h"

#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QScopeGuard>
#include <QXmlStreamReader>
#include <gtest/gtest.h>
#include <libvirt/virterror.h>

#include <arpa/inet.h>
#include <cstdio>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

using namespace Qt::StringLiterals;
using crossvirt::test::e2e::lastLibvirtError;
using crossvirt::test::e2e::LibvirtDaemon;
using crossvirt::test::e2e::LibvirtDaemonEnvironment;
using crossvirt::test::e2e::LibvirtDaemonTest;

namespace {

[[maybe_unused]] ::testing::Environment *const e2eEnvironment =
    ::testing::AddGlobalTestEnvironment(new LibvirtDaemonEnvironment);

void info(const QString &tag, const QString &text)
{
    std::printf("[ %-8s ] %s\n", tag.toLocal8Bit().constData(), text.toLocal8Bit().constData());
    std::fflush(stdout);
}

QString takeString(char *text)
{
    const QString result = QString::fromUtf8(text);
    free(text);
    return result;
}

// The text of the first element `name` inside `parent` (e.g. host/uuid).
QString elementText(const QString &xmlText, QStringView parent, QStringView name)
{
    QXmlStreamReader xml(xmlText);
    bool inParent = false;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement() && xml.name() == parent)
            inParent = true;
        else if (xml.isEndElement() && xml.name() == parent)
            inParent = false;
        else if (inParent && xml.isStartElement() && xml.name() == name)
            return xml.readElementText();
    }
    return {};
}

int vncPort(const QString &domainXml)
{
    QXmlStreamReader xml(domainXml);
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement() && xml.name() == u"graphics" &&
            xml.attributes().value("type"_L1) == u"vnc")
            return xml.attributes().value("port"_L1).toInt();
    }
    return -1;
}

// A VNC server greets every client with its protocol version ("RFB 003.008\n").
QByteArray vncGreeting(int port)
{
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0)
        return {};
    timeval timeout{5, 0};
    ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof(timeout));
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(static_cast<uint16_t>(port));
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    QByteArray greeting;
    if (::connect(fd, reinterpret_cast<const sockaddr *>(&address), sizeof(address)) == 0) {
        char buffer[12];
        qsizetype got = 0;
        while (got < qsizetype(sizeof(buffer))) {
            const ssize_t n = ::recv(fd, buffer + got, sizeof(buffer) - size_t(got), 0);
            if (n <= 0)
                break;
            got += n;
        }
        greeting = QByteArray(buffer, got);
    }
    ::close(fd);
    return greeting;
}

QString qemuCommandLine(const QString &domainName, qint64 *pidOut)
{
    QFile pidFile(u"/run/libvirt/qemu/%1.pid"_s.arg(domainName));
    if (!pidFile.open(QIODevice::ReadOnly))
        return {};
    const qint64 pid = pidFile.readAll().trimmed().toLongLong();
    *pidOut = pid;
    QFile cmdline(u"/proc/%1/cmdline"_s.arg(pid));
    if (pid <= 0 || !cmdline.open(QIODevice::ReadOnly))
        return {};
    QByteArray text = cmdline.readAll();
    text.replace('\0', ' ');
    return QString::fromLocal8Bit(text);
}

// A QEMU that exited may linger as a zombie until init reaps it.
bool processRuns(qint64 pid)
{
    QFile stat(u"/proc/%1/stat"_s.arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return false;
    const QByteArray text = stat.readAll();
    const qsizetype close = text.lastIndexOf(')');
    return close < 0 || close + 2 >= text.size() || text.at(close + 2) != 'Z';
}

class E2eHarness : public LibvirtDaemonTest
{
};

TEST_F(E2eHarness, LocalHostListsEveryGuestArchWithTheRightAccelerator)
{
    const QString caps = takeString(virConnectGetCapabilities(conn()));
    ASSERT_FALSE(caps.isEmpty()) << lastLibvirtError().toStdString();
    const QMap<QString, QStringList> types = LibvirtDaemon::guestDomainTypes(caps);

    info(u"ACCEL"_s, daemon().accelerationSummary());
    RecordProperty("acceleration", daemon().accelerationSummary().toStdString());

    // Without /dev/kvm QEMU can only emulate; with it libvirt must offer KVM for x86_64.
    if (LibvirtDaemon::hostArch() == u"x86_64" && QFileInfo::exists(u"/dev/kvm"_s)) {
        EXPECT_TRUE(types.value(u"x86_64"_s).contains(u"kvm"_s))
            << "/dev/kvm exists but capabilities offer no KVM for x86_64";
    }
    for (const QString &arch :
         {u"x86_64"_s, u"ppc64"_s, u"ppc64le"_s, u"aarch64"_s, u"s390x"_s, u"riscv64"_s}) {
        EXPECT_TRUE(types.value(arch).contains(u"qemu"_s))
            << arch.toStdString() << " has no QEMU (TCG) guest in the capabilities";
        info(u"GUEST"_s, arch + u": "_s + types.value(arch).join(u", "_s));
    }
}

TEST_F(E2eHarness, SameHostAnswersThroughTcpRemoteDriver)
{
    virConnectPtr remote = virConnectOpen(LibvirtDaemon::remoteUri().toUtf8().constData());
    if (!remote && daemon().reusedExistingDaemon())
        GTEST_SKIP() << "the libvirtd that was already running does not listen on "
                        "TCP 127.0.0.1:16509 without auth: "
                     << lastLibvirtError().toStdString();
    ASSERT_NE(remote, nullptr) << "cannot open " << LibvirtDaemon::remoteUri().toStdString() << ": "
                               << lastLibvirtError().toStdString();
    const auto closeRemote = qScopeGuard([remote] { virConnectClose(remote); });

    EXPECT_EQ(takeString(virConnectGetURI(remote)), LibvirtDaemon::remoteUri());
    EXPECT_EQ(virConnectIsEncrypted(remote), 0);

    const QString localHost = takeString(virConnectGetHostname(conn()));
    const QString remoteHost = takeString(virConnectGetHostname(remote));
    EXPECT_FALSE(localHost.isEmpty());
    EXPECT_EQ(remoteHost, localHost);

    unsigned long localVersion = 0, remoteVersion = 0;
    ASSERT_EQ(virConnectGetVersion(conn(), &localVersion), 0);
    ASSERT_EQ(virConnectGetVersion(remote, &remoteVersion), 0);
    EXPECT_EQ(remoteVersion, localVersion);

    // Same daemon, not merely the same software: same host UUID, and the pool the
    // harness created through the local socket is visible through TCP.
    const QString localUuid =
        elementText(takeString(virConnectGetCapabilities(conn())), u"host", u"uuid");
    const QString remoteUuid =
        elementText(takeString(virConnectGetCapabilities(remote)), u"host", u"uuid");
    EXPECT_FALSE(localUuid.isEmpty());
    EXPECT_EQ(remoteUuid, localUuid);
    virStoragePoolPtr pool =
        virStoragePoolLookupByName(remote, LibvirtDaemon::poolName().toUtf8().constData());
    EXPECT_NE(pool, nullptr) << lastLibvirtError().toStdString();
    if (pool)
        virStoragePoolFree(pool);
    info(u"REMOTE"_s, u"%1 -> host %2, QEMU %3.%4.%5"_s.arg(LibvirtDaemon::remoteUri(), remoteHost)
                          .arg(remoteVersion / 1000000)
                          .arg(remoteVersion / 1000 % 1000)
                          .arg(remoteVersion % 1000));
}

TEST_F(E2eHarness, PoolCreatesAndDeletesA64MiBQcow2Volume)
{
    virStoragePoolPtr pool =
        virStoragePoolLookupByName(conn(), LibvirtDaemon::poolName().toUtf8().constData());
    ASSERT_NE(pool, nullptr) << lastLibvirtError().toStdString();
    const auto freePool = qScopeGuard([pool] { virStoragePoolFree(pool); });

    const QByteArray xml = R"(<volume>
  <name>crossvirt-e2e-64m.qcow2</name>
  <capacity unit='MiB'>64</capacity>
  <target><format type='qcow2'/></target>
</volume>)";
    virStorageVolPtr volume = virStorageVolCreateXML(pool, xml.constData(), 0);
    ASSERT_NE(volume, nullptr) << "cannot create a qcow2 volume: "
                               << lastLibvirtError().toStdString();
    const auto freeVolume = qScopeGuard([volume] { virStorageVolFree(volume); });

    virStorageVolInfo volumeInfo{};
    ASSERT_EQ(virStorageVolGetInfo(volume, &volumeInfo), 0);
    EXPECT_EQ(volumeInfo.capacity, 64ull * 1024 * 1024);
    const QString path = takeString(virStorageVolGetPath(volume));
    EXPECT_EQ(QFileInfo(path).absolutePath(), daemon().poolPath());
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::ReadOnly)) << path.toStdString();
    EXPECT_EQ(file.read(4), QByteArray("QFI\xfb")) << "not a qcow2 image";
    file.close();

    ASSERT_EQ(virStorageVolDelete(volume, 0), 0) << lastLibvirtError().toStdString();
    EXPECT_FALSE(QFileInfo::exists(path));
}

// One firmware-only guest per arch. %1 name, %2 domain type (kvm/qemu), %3 <cpu>.
struct GuestCase
{
    const char *arch;
    const char *label;
    const char *xml;
    const char *emulatedCpu; // a named model: TCG cannot do host-model/host-passthrough
    const char *nativeCpu;
    bool vnc;
};

// x86_64: no <cpu>, QEMU's default model. host-model and host-passthrough fail under
// nested KVM here (QEMU cannot set MSR 0x10a, arch-capabilities).
constexpr GuestCase kGuests[] = {
    {"x86_64", "q35 (SeaBIOS)", R"(<domain type='%2'>
  <name>%1</name>
  <memory unit='MiB'>256</memory>
  <vcpu>1</vcpu>
  <os><type arch='x86_64' machine='q35'>hvm</type></os>
  %3
  <devices>
    <graphics type='vnc' autoport='yes' listen='127.0.0.1'/>
    <video><model type='vga'/></video>
    <serial type='pty'/>
    <console type='pty'/>
  </devices>
</domain>)",
     "", "", true},
    {"ppc64", "pseries (SLOF)", R"(<domain type='%2'>
  <name>%1</name>
  <memory unit='MiB'>512</memory>
  <vcpu>1</vcpu>
  <os><type arch='ppc64' machine='pseries'>hvm</type></os>
  %3
  <devices>
    <graphics type='vnc' autoport='yes' listen='127.0.0.1'/>
    <video><model type='vga'/></video>
    <serial type='pty'/>
    <console type='pty'/>
  </devices>
</domain>)",
     "<cpu mode='custom' match='exact'><model fallback='forbid'>POWER9</model></cpu>",
     "<cpu mode='host-model'/>", true},
    {"aarch64", "virt (UEFI)", R"(<domain type='%2'>
  <name>%1</name>
  <memory unit='MiB'>512</memory>
  <vcpu>1</vcpu>
  <os firmware='efi'>
    <type arch='aarch64' machine='virt'>hvm</type>
    <firmware>
      <feature enabled='no' name='secure-boot'/>
      <feature enabled='no' name='enrolled-keys'/>
    </firmware>
  </os>
  %3
  <devices>
    <controller type='usb' model='qemu-xhci'/>
    <input type='tablet' bus='usb'/>
    <input type='keyboard' bus='usb'/>
    <graphics type='vnc' autoport='yes' listen='127.0.0.1'/>
    <video><model type='virtio'/></video>
    <serial type='pty'/>
    <console type='pty'/>
  </devices>
</domain>)",
     "<cpu mode='custom' match='exact'><model fallback='forbid'>cortex-a57</model></cpu>",
     "<cpu mode='host-passthrough'/>", true},
    // No boot device: the s390-ccw BIOS loads nothing and the CPU enters disabled wait,
    // which QEMU reports as a guest panic; preserve keeps QEMU alive in that state.
    {"s390x", "s390-ccw-virtio", R"(<domain type='%2'>
  <name>%1</name>
  <memory unit='MiB'>256</memory>
  <vcpu>1</vcpu>
  <os><type arch='s390x' machine='s390-ccw-virtio'>hvm</type></os>
  %3
  <on_crash>preserve</on_crash>
  <devices>
    <console type='pty'><target type='sclp'/></console>
  </devices>
</domain>)",
     "", "<cpu mode='host-model'/>", false},
    {"riscv64", "virt (OpenSBI)", R"(<domain type='%2'>
  <name>%1</name>
  <memory unit='MiB'>256</memory>
  <vcpu>1</vcpu>
  <os><type arch='riscv64' machine='virt'>hvm</type></os>
  %3
  <devices>
    <controller type='usb' model='qemu-xhci'/>
    <input type='tablet' bus='usb'/>
    <input type='keyboard' bus='usb'/>
    <graphics type='vnc' autoport='yes' listen='127.0.0.1'/>
    <video><model type='virtio'/></video>
    <serial type='pty'/>
    <console type='pty'/>
  </devices>
</domain>)",
     "", "", true},
};

// Destroys and undefines the guest even when an assertion ends the test early.
class DefinedGuest
{
public:
    explicit DefinedGuest(virDomainPtr domain) : m_domain(domain) {}
    ~DefinedGuest() { remove(); }
    DefinedGuest(const DefinedGuest &) = delete;
    DefinedGuest &operator=(const DefinedGuest &) = delete;

    virDomainPtr get() const { return m_domain; }
    bool remove()
    {
        if (!m_domain)
            return true;
        if (virDomainIsActive(m_domain) == 1)
            virDomainDestroy(m_domain);
        const bool ok = virDomainUndefineFlags(m_domain, VIR_DOMAIN_UNDEFINE_NVRAM) == 0;
        virDomainFree(m_domain);
        m_domain = nullptr;
        return ok;
    }

private:
    virDomainPtr m_domain;
};

// One TEST_F per arch, not TEST_P: ctest names stay readable and stable
// (gtest_discover_tests would append the printed parameter to each name).
class GuestBoot : public LibvirtDaemonTest
{
protected:
    void startsQemuWithConsoleAndVnc(const GuestCase &guest);
};

void GuestBoot::startsQemuWithConsoleAndVnc(const GuestCase &guest)
{
    const QString arch = QString::fromLatin1(guest.arch);
    const QString name = LibvirtDaemon::domainPrefix() + arch;
    const QString type = daemon().domainTypeFor(arch);
    const bool native = type == u"kvm";
    const QString xml = QString::fromLatin1(guest.xml).arg(
        name, type, QString::fromLatin1(native ? guest.nativeCpu : guest.emulatedCpu));

    QElapsedTimer step;
    step.start();
    DefinedGuest domain(virDomainDefineXML(conn(), xml.toUtf8().constData()));
    ASSERT_NE(domain.get(), nullptr)
        << "cannot define the " << guest.arch << " guest: " << lastLibvirtError().toStdString();
    const qint64 defineMs = step.restart();
    if (virDomainCreate(domain.get()) != 0) {
        const QString error = lastLibvirtError();
        // A reused daemon may run QEMU as a user that cannot open /dev/kvm.
        const char *hint = error.contains(u"KVM kernel module: Permission denied"_s)
                               ? " (the QEMU user of this libvirtd cannot open /dev/kvm: give it "
                                 "access, e.g. 0660 root:kvm as udev does, or set "
                                 "CROSSVIRT_E2E_TCG=1)"
                               : "";
        FAIL() << "cannot start the " << guest.arch << " guest: " << error.toStdString() << hint;
    }
    const qint64 startMs = step.restart();

    int state = VIR_DOMAIN_NOSTATE, reason = 0;
    ASSERT_EQ(virDomainGetState(domain.get(), &state, &reason, 0), 0);
    if (arch == u"s390x") {
        // Either still in the BIOS or already in disabled wait: both prove the CPU ran.
        EXPECT_TRUE(state == VIR_DOMAIN_RUNNING ||
                    (state == VIR_DOMAIN_CRASHED && reason == VIR_DOMAIN_CRASHED_PANICKED))
            << "state " << state << " reason " << reason;
    } else {
        EXPECT_EQ(state, VIR_DOMAIN_RUNNING) << "reason " << reason;
    }

    qint64 pid = 0;
    const QString cmdline = qemuCommandLine(name, &pid);
    ASSERT_FALSE(cmdline.isEmpty())
        << "no live QEMU process in /run/libvirt/qemu/" << name.toStdString() << ".pid";
    EXPECT_TRUE(cmdline.contains(u"guest="_s + name)) << cmdline.toStdString();
    EXPECT_TRUE(cmdline.contains(native ? u"-accel kvm"_s : u"-accel tcg"_s))
        << cmdline.toStdString();

    // The serial console is reachable through libvirt (what a console view will open).
    virStreamPtr stream = virStreamNew(conn(), 0);
    ASSERT_NE(stream, nullptr);
    EXPECT_EQ(virDomainOpenConsole(domain.get(), nullptr, stream, VIR_DOMAIN_CONSOLE_FORCE), 0)
        << lastLibvirtError().toStdString();
    virStreamAbort(stream);
    virStreamFree(stream);

    int port = -1;
    if (guest.vnc) {
        const QString live = takeString(virDomainGetXMLDesc(domain.get(), 0));
        port = vncPort(live);
        ASSERT_GE(port, 5900) << "no VNC port in the live XML";
        EXPECT_TRUE(vncGreeting(port).startsWith("RFB 003.")) << "no VNC server on port " << port;
    }
    const qint64 checkMs = step.restart();

    EXPECT_EQ(virDomainDestroy(domain.get()), 0) << lastLibvirtError().toStdString();
    const qint64 destroyMs = step.restart();
    EXPECT_TRUE(crossvirt::test::waitUntil([pid] { return !processRuns(pid); }, 10'000))
        << "QEMU (pid " << pid << ") still runs after virDomainDestroy";
    EXPECT_TRUE(domain.remove()) << lastLibvirtError().toStdString();
    const qint64 undefineMs = step.restart();

    info(u"TIMING"_s,
         u"%1 %2 (%3): define %4 ms, start %5 ms, checks %6 ms, destroy %7 ms, undefine %8 ms%9"_s
             .arg(arch, QString::fromLatin1(guest.label), native ? u"KVM"_s : u"TCG"_s)
             .arg(defineMs)
             .arg(startMs)
             .arg(checkMs)
             .arg(destroyMs)
             .arg(undefineMs)
             .arg(port > 0 ? u", VNC on 127.0.0.1:%1"_s.arg(port) : QString()));
}

const GuestCase &guestCase(const char *arch)
{
    for (const GuestCase &guest : kGuests) {
        if (qstrcmp(guest.arch, arch) == 0)
            return guest;
    }
    std::abort();
}

TEST_F(GuestBoot, X86_64Q35StartsWithConsoleAndVnc)
{
    startsQemuWithConsoleAndVnc(guestCase("x86_64"));
}

TEST_F(GuestBoot, Ppc64PseriesStartsWithConsoleAndVnc)
{
    startsQemuWithConsoleAndVnc(guestCase("ppc64"));
}

TEST_F(GuestBoot, Aarch64VirtUefiStartsWithConsoleAndVnc)
{
    startsQemuWithConsoleAndVnc(guestCase("aarch64"));
}

TEST_F(GuestBoot, S390xStartsWithSclpConsole)
{
    startsQemuWithConsoleAndVnc(guestCase("s390x"));
}

TEST_F(GuestBoot, Riscv64VirtStartsWithConsoleAndVnc)
{
    startsQemuWithConsoleAndVnc(guestCase("riscv64"));
}

} // namespace
