// Issue 11's multi-arch matrix: every offered choice is proven from inside a booted Linux
// guest. Per arch, the Debian guest of tests/e2e/guest (kernel + busybox initramfs, see
// GuestImage.h) boots by direct kernel boot through the New VM code (defaultVmSpec ->
// validateVmSpec -> planCreateVm -> createVm on a HostSession) and reports, on the console
// it booted with, what it sees; Crossvirt's own SerialConsoleSession reads that report.
//
// Boot 1 carries one disk per offered disk interface and one NIC per offered NIC model at
// once, with VNC graphics and the default video: a disk row passes only when the guest has
// a block device of that disk's size whose driver chain holds the expected drivers, a NIC
// row only when the guest has a NIC with libvirt's MAC and the expected driver, the VNC row
// only when Crossvirt's VncSession shows the band the guest painted into its framebuffer.
// Mutually exclusive choices (console, graphics, video, CPU mode, machine type) are zipped:
// boot k takes the k-th offered entry of each, so an arch needs as many boots as its longest
// list. Each must reach READY on the console it was given. Every entry the arch model
// withholds is forced into a VM (bypassing the validator) and must be refused by
// libvirt/QEMU, or be listed below as a policy choice with its reason.
//
// CROSSVIRT_E2E_MATRIX_PARALLEL (default 2): guests booting at once.
// CROSSVIRT_E2E_MATRIX_BOOT_TIMEOUT (seconds, default per arch): time a guest gets to READY.

#include "common/TestSupport.h"
#include "e2e/E2eSupport.h"
#include "e2e/GuestImage.h"
#include "e2e/GuestReport.h"
#include "models/connection/LibvirtError.h"
#include "models/console/ConsoleEndpoints.h"
#include "models/console/SerialConsoleSession.h"
#include "models/console/VncSession.h"
#include "models/provisioning/ProvisioningCore.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QHash>
#include <QSet>
#include <QXmlStreamReader>
#include <gtest/gtest.h>
#include <libvirt/virterror.h>

#include <algorithm>

using namespace Qt::StringLiterals;
using namespace crossvirt::test::e2e;
using namespace crossvirt::models;
namespace arch = crossvirt::arch;
using crossvirt::test::waitUntil;

namespace {

[[maybe_unused]] ::testing::Environment *const e2eEnvironment =
    ::testing::AddGlobalTestEnvironment(new LibvirtDaemonEnvironment);

// ---- policy: withheld entries QEMU would start, kept out on purpose -----------------------

// Key: "arch/kind/id". Withheld entries QEMU refuses need no line here (the matrix shows
// the refusal).
const QString kPowerSata = u"QEMU starts it through an AHCI PCI card, but oVirt and PowerKVM "
                           u"do not support SATA on POWER guests"_s;
const QString kPowerNic = u"a PCI card QEMU emulates, but oVirt/PowerKVM offer only virtio, "
                          u"spapr-vlan, e1000 and rtl8139 on POWER"_s;
const QString kRiscvPci = u"a PCI card QEMU emulates, but RISC-V guests are virtio-only "
                          u"(no osinfo entry, distribution images use virtio)"_s;

const QString kX86Ramfb = u"QEMU has a ramfb device on PC machines, but x86 guests have "
                          u"VGA-compatible cards; ramfb is the boot display of Arm/RISC-V "
                          u"firmware and VFIO displays (virt-manager offers it there)"_s;

const QString kVirtVideo =
    u"a PCI card QEMU emulates, but virt machines of this arch get virtio-gpu or ramfb "
    u"(virt-manager's and libosinfo's choice; no VGA legacy, no firmware driver for it)"_s;
const QString kVirtSpice =
    u"QEMU starts a SPICE server, but virt-manager gives this arch VNC (no SPICE guest agent or "
    u"QXL for it in distributions)"_s;
const QString kPowerSpice = u"QEMU starts a SPICE server, but oVirt/PowerKVM give POWER guests "
                            u"VNC only (no QXL or SPICE agent for POWER)"_s;
const QString kPowerCirrus = u"QEMU's Cirrus card starts, but POWER guests use the standard VGA, "
                             u"bochs or virtio-gpu (SLOF has no Cirrus driver)"_s;
const QString kS390xGraphics =
    u"QEMU starts the server, but Debian's (and RHEL's) s390x kernels have no DRM or fbdev "
    u"(CONFIG_DRM, CONFIG_FB not set): the screen would stay empty; the console is SCLP"_s;

const QHash<QString, QString> &policyChoices()
{
    static const QHash<QString, QString> table{
        {u"ppc64/disk/sata"_s, kPowerSata},
        {u"ppc64le/disk/sata"_s, kPowerSata},
        {u"ppc64/nic/e1000e"_s, kPowerNic},
        {u"ppc64le/nic/e1000e"_s, kPowerNic},
        {u"aarch64/nic/e1000"_s,
         u"legacy PCI card; Arm guests use virtio or e1000e (libosinfo, virt-manager)"_s},
        {u"aarch64/nic/rtl8139"_s,
         u"legacy PCI card; Arm guests use virtio or e1000e (libosinfo, virt-manager)"_s},
        {u"riscv64/disk/sata"_s, kRiscvPci},
        {u"riscv64/nic/e1000e"_s, kRiscvPci},
        {u"riscv64/nic/e1000"_s, kRiscvPci},
        {u"riscv64/nic/rtl8139"_s, kRiscvPci},
        // Only when x86_64 runs under TCG (no /dev/kvm, or CROSSVIRT_E2E_TCG=1).
        {u"x86_64/cpu/host-model"_s,
         u"under TCG libvirt turns host-model into the host CPU's model, whose features TCG "
         u"cannot all emulate; emulated guests get a named model or max (Nova's rule)"_s},
        {u"i686/cpu/host-model"_s,
         u"under TCG libvirt turns host-model into the host CPU's model, whose features TCG "
         u"cannot all emulate; emulated guests get a named model or max (Nova's rule)"_s},
        {u"x86_64/video/ramfb"_s, kX86Ramfb},
        {u"i686/video/ramfb"_s, kX86Ramfb},
        {u"ppc64/graphics/spice"_s, kPowerSpice},
        {u"ppc64le/graphics/spice"_s, kPowerSpice},
        {u"ppc64/video/cirrus"_s, kPowerCirrus},
        {u"ppc64le/video/cirrus"_s, kPowerCirrus},
        {u"aarch64/video/vga"_s, kVirtVideo},
        {u"aarch64/video/cirrus"_s, kVirtVideo},
        {u"aarch64/graphics/spice"_s, kVirtSpice},
        {u"riscv64/video/vga"_s, kVirtVideo},
        {u"riscv64/video/bochs"_s, kVirtVideo},
        {u"riscv64/video/cirrus"_s, kVirtVideo},
        {u"armv7l/video/vga"_s, kVirtVideo},
        {u"armv7l/video/bochs"_s, kVirtVideo},
        {u"armv7l/video/cirrus"_s, kVirtVideo},
        {u"riscv64/graphics/spice"_s, kVirtSpice},
        {u"armv7l/graphics/spice"_s, kVirtSpice},
        {u"armv7l/disk/sata"_s,
         u"QEMU's AHCI PCI card starts, but 32-bit Arm guests use virtio, SCSI or USB disks "
         u"(libosinfo, virt-manager)"_s},
        {u"s390x/graphics/vnc"_s, kS390xGraphics},
        {u"s390x/video/virtio"_s, kS390xGraphics},
        {u"armv7l/video/ramfb"_s,
         u"QEMU starts ramfb, but it is a firmware framebuffer (Linux has no ramfb driver) and "
         u"armv7l guests boot without firmware: the screen would stay blank"_s},
        {u"s390x/graphics/spice"_s, kS390xGraphics},
        {u"s390x/console/serial"_s,
         u"libvirt maps a serial port on s390x to the same SCLP console; offered once, as "
         u"SCLP"_s},
    };
    return table;
}

// ---- what the guest must see -------------------------------------------------------------

// Every group must be matched by one of its names in the guest's driver chain.
using DriverGroups = QList<QStringList>;

DriverGroups expectedDiskDrivers(const QString &archName, const QString &iface)
{
    if (iface == "virtio"_L1)
        return archName == "s390x"_L1 ? DriverGroups{{u"virtio_blk"_s}, {u"virtio_ccw"_s}}
                                      : DriverGroups{{u"virtio_blk"_s}};
    if (iface == "scsi"_L1)
        return {{u"sd"_s}, {u"virtio_scsi"_s}};
    if (iface == "spapr-vscsi"_L1)
        return {{u"sd"_s}, {u"ibmvscsi"_s}};
    if (iface == "sata"_L1)
        return {{u"sd"_s}, {u"ahci"_s}};
    if (iface == "ide"_L1)
        return {{u"sd"_s}, {u"ata_piix"_s, u"pata_acpi"_s, u"ata_generic"_s}};
    if (iface == "usb"_L1)
        return {{u"sd"_s}, {u"usb-storage"_s, u"uas"_s}};
    return {};
}

DriverGroups expectedNicDrivers(const QString &archName, const QString &model)
{
    if (model == "virtio"_L1)
        return archName == "s390x"_L1 ? DriverGroups{{u"virtio_net"_s}, {u"virtio_ccw"_s}}
                                      : DriverGroups{{u"virtio_net"_s}};
    if (model == "e1000"_L1)
        return {{u"e1000"_s}};
    if (model == "e1000e"_L1)
        return {{u"e1000e"_s}};
    if (model == "rtl8139"_L1)
        return {{u"8139cp"_s, u"8139too"_s}};
    if (model == "spapr-vlan"_L1)
        return {{u"ibmveth"_s}};
    return {};
}

// Whether libvirt's/QEMU's refusal names the device (its id or QEMU's name for it).
bool namesDevice(const QString &kind, const QString &id, const QString &text)
{
    QStringList names{id};
    static const QHash<QString, QStringList> aliases{
        {u"sata"_s, {u"ahci"_s, u"sata"_s}},
        {u"spapr-vscsi"_s, {u"vscsi"_s, u"spapr"_s}},
        {u"usb"_s, {u"usb"_s, u"xhci"_s}},
        {u"ide"_s, {u"ide"_s, u"ata"_s}},
        {u"spapr-vlan"_s, {u"spapr-vlan"_s, u"vlan"_s}},
        {u"host-model"_s, {u"host-model"_s, u"cpu"_s}},
        {u"host-passthrough"_s, {u"host-passthrough"_s, u"cpu"_s, u"kvm"_s}},
        {u"maximum"_s, {u"maximum"_s, u"max"_s, u"cpu"_s}},
        {u"serial"_s, {u"serial"_s, u"isa-serial"_s}},
        {u"sclp"_s, {u"sclp"_s}},
        {u"vnc"_s, {u"vnc"_s, u"graphics"_s}},
        {u"spice"_s, {u"spice"_s, u"graphics"_s}},
    };
    names << aliases.value(id);
    if (kind == "video"_L1)
        names << u"video"_s;
    for (const QString &n : std::as_const(names))
        if (text.contains(n, Qt::CaseInsensitive))
            return true;
    return false;
}

bool driversMatch(const QStringList &drivers, const DriverGroups &groups)
{
    if (groups.isEmpty())
        return false;
    for (const QStringList &group : groups) {
        bool any = false;
        for (const QString &name : group)
            any = any || drivers.contains(name);
        if (!any)
            return false;
    }
    return true;
}

QString groupsText(const DriverGroups &groups)
{
    QStringList parts;
    for (const QStringList &g : groups)
        parts << g.join(u"|"_s);
    return parts.join(u"+"_s);
}

// The device the kernel's console argument names: "console=ttyS0,115200" -> "ttyS0".
QString consoleDeviceOf(const QString &argument)
{
    QString dev = argument.section(u'=', 1);
    return dev.section(u',', 0, 0).trimmed();
}

// crossvirt green: the first 48 rows the guest painted into /dev/fb0.
// The guest paints the band line by line into /dev/fb0; on bochs-drm and virtio_gpu
// (1280x800) every other line right of x=256 stays black (the guest's painting loop), so
// 84-88% of the band is green. QEMU's placeholder and a text console have none.
constexpr double kGreenEnough = 0.6;

double greenFraction(const QImage &frame)
{
    if (frame.isNull() || frame.height() < 48)
        return 0.0;
    const QImage img = frame.convertToFormat(QImage::Format_RGB32);
    qint64 total = 0;
    qint64 green = 0;
    for (int y = 2; y < 46; y += 3) {
        const auto *line = reinterpret_cast<const QRgb *>(img.constScanLine(y));
        for (int x = 0; x < img.width(); x += 5) {
            ++total;
            const QRgb p = line[x];
            green += qAbs(qRed(p) - 0x20) <= 24 && qAbs(qGreen(p) - 0xC0) <= 24 &&
                     qAbs(qBlue(p) - 0x60) <= 24;
        }
    }
    return total ? double(green) / double(total) : 0.0;
}

// Lit pixels of the banner "CROSSVIRT GUEST <arch>" the guest writes to tty0 below the band
// (the kernel's framebuffer console). QEMU's placeholder writes its text in the top rows of a
// 640x480 screen.
int bannerPixels(const QImage &frame)
{
    if (frame.isNull() || frame.height() < 200 || frame.size() == QSize(640, 480))
        return 0;
    const QImage img = frame.convertToFormat(QImage::Format_RGB32);
    int lit = 0;
    for (int y = 56; y < 200; ++y) {
        const auto *line = reinterpret_cast<const QRgb *>(img.constScanLine(y));
        for (int x = 0; x < std::min(img.width(), 400); ++x)
            lit += qRed(line[x]) >= 0xA0 && qGreen(line[x]) >= 0xA0 && qBlue(line[x]) >= 0xA0;
    }
    return lit;
}

int bootTimeoutSeconds(const QString &archName)
{
    bool ok = false;
    const int env = qEnvironmentVariableIntValue("CROSSVIRT_E2E_MATRIX_BOOT_TIMEOUT", &ok);
    if (ok && env > 0)
        return env;
    // TCG on 2 shared cores, two guests at once: measured boots are well below these.
    if (archName == "aarch64"_L1 || archName == "armv7l"_L1)
        return 300; // UEFI (aarch64) loads the kernel through fw_cfg
    return 240;
}

int parallelBoots()
{
    bool ok = false;
    const int env = qEnvironmentVariableIntValue("CROSSVIRT_E2E_MATRIX_PARALLEL", &ok);
    return ok && env > 0 ? env : 2;
}

bool e2eRequired()
{
    return !qEnvironmentVariableIsEmpty("CROSSVIRT_E2E_REQUIRED");
}

QString screenshotDir()
{
    const QString dir = QStringLiteral(CROSSVIRT_BINARY_DIR "/screenshots");
    QDir().mkpath(dir);
    return dir;
}

// ---- rows --------------------------------------------------------------------------------

enum class Result
{
    Passed,
    Refused,
    Policy,
    HostDefect, ///< QEMU aborts because of this host, not the guest's XML
    Failed,
};

// QEMU's abort on a nested KVM host that refuses IA32_ARCH_CAPABILITIES (MSR 0x10a)
// for host-model/host-passthrough/maximum CPUs (see e2e-matrix-findings.md).
bool isNestedMsrDefect(const QString &text)
{
    return text.contains(u"0x10a"_s) && text.contains(u"MSR"_s, Qt::CaseInsensitive);
}

struct Row
{
    QString arch;
    QString kind; ///< disk, nic, vnc, console, graphics, video, cpu, machine, boot
    QString id;
    bool offered = true;
    Result result = Result::Failed;
    QString detail;
    int boot = 0; ///< 0: a forced start of a withheld entry
    qint64 ms = 0;
};

Row makeRow(const QString &archName, const QString &kind, const QString &id)
{
    Row r;
    r.arch = archName;
    r.kind = kind;
    r.id = id;
    return r;
}

QString resultText(const Row &r)
{
    switch (r.result) {
    case Result::Passed:
        return r.offered ? u"ok"_s : u"STARTED (withheld, not in the policy table)"_s;
    case Result::Refused:
        return r.offered ? u"FAILED to start (offered!)"_s : u"refused by libvirt/QEMU"_s;
    case Result::Policy:
        return u"withheld by policy (QEMU starts it)"_s;
    case Result::HostDefect:
        return u"HOST DEFECT (nested KVM refuses MSR IA32_ARCH_CAPABILITIES; QEMU aborts)"_s;
    case Result::Failed:
        return u"FAILED"_s;
    }
    return {};
}

QString rowLine(const Row &r)
{
    QString detail = r.detail.simplified();
    // libvirt's text ends with QEMU's own reason: keep the head and the tail.
    if (detail.size() > 260)
        detail = detail.left(110) + u" ... "_s + detail.right(145);
    return u"%1 %2 %3 %4 %5 %6%7"_s.arg(r.arch, -8)
        .arg(r.kind, -8)
        .arg(r.id, -18)
        .arg(r.boot ? QString::number(r.boot) : u"-"_s, 4)
        .arg(r.ms, 7)
        .arg(resultText(r))
        .arg(detail.isEmpty() ? QString() : u" — "_s + detail);
}

QString rowHeader()
{
    return u"%1 %2 %3 %4 %5 %6"_s.arg(u"arch"_s, -8)
        .arg(u"kind"_s, -8)
        .arg(u"choice"_s, -18)
        .arg(u"boot"_s, 4)
        .arg(u"ms"_s, 7)
        .arg(u"result"_s);
}

QList<Row> &allRows()
{
    static QList<Row> rows;
    return rows;
}

// Each arch runs as its own ctest test (own process): every arch leaves its rows here, and
// each process ends by printing the rows of every arch run so far (the whole matrix).
QString matrixDir()
{
    const QString dir = QStringLiteral(CROSSVIRT_BINARY_DIR "/e2e-matrix");
    QDir().mkpath(dir);
    return dir;
}

void printRows(const QList<Row> &rows)
{
    info(u"matrix"_s, rowHeader());
    for (const Row &r : rows)
        info(u"matrix"_s, rowLine(r));
}

class PrintWholeMatrix : public ::testing::Environment
{
public:
    void TearDown() override
    {
        if (allRows().isEmpty())
            return;
        QStringList lines;
        QDir dir(matrixDir());
        for (const QString &name : dir.entryList({u"*.txt"_s}, QDir::Files, QDir::Name)) {
            QFile f(dir.filePath(name));
            if (f.open(QIODevice::ReadOnly | QIODevice::Text))
                lines << QString::fromUtf8(f.readAll()).split(u'\n', Qt::SkipEmptyParts);
        }
        info(u"matrix"_s, u"---- whole matrix (%1 rows; arches run in earlier processes "
                          u"come from %2) ----"_s.arg(lines.size())
                              .arg(matrixDir()));
        info(u"matrix"_s, rowHeader());
        for (const QString &line : std::as_const(lines))
            info(u"matrix"_s, line);
    }
};
[[maybe_unused]] ::testing::Environment *const printEnvironment =
    ::testing::AddGlobalTestEnvironment(new PrintWholeMatrix);

// ---- one booted guest ----------------------------------------------------------------------

struct BootSlot
{
    int index = 0; ///< 1-based
    QString machine;
    QString console;
    QString graphics;
    QString video;
    arch::CpuChoice cpu;
    QString cpuId;         ///< id of the cpu mode row ("custom:POWER9", "maximum")
    QStringList nicModels; ///< NICs, the main one first
    QStringList covers;    ///< "console/serial", "video/vga", ... rows this boot proves
};

struct Boot
{
    BootSlot slot;
    VmSpec spec;
    GuestHostContext host;
    QString expectedConsole;            ///< device from the kernel console argument
    QHash<QString, qint64> diskSizeGiB; ///< interface -> size of its disk
    QString uuid;
    std::unique_ptr<SerialConsoleSession> serial;
    GuestConsoleLog log;
    QString consoleError;
    QElapsedTimer timer;
    qint64 createMs = 0;
    qint64 readyMs = -1;
    QString failure;   ///< why it did not boot (create failed, timeout, guest stopped)
    QString cpuDefect; ///< the CPU QEMU aborted on (nested KVM host), booted with QEMU's default
};

struct DomainNic
{
    QString model;
    QString mac;
};

QList<DomainNic> domainNics(const QString &xml)
{
    QList<DomainNic> nics;
    QXmlStreamReader r(xml);
    bool inInterface = false;
    DomainNic nic;
    while (!r.atEnd()) {
        r.readNext();
        if (r.isStartElement()) {
            if (r.name() == "interface"_L1) {
                inInterface = true;
                nic = {};
            } else if (inInterface && r.name() == "mac"_L1) {
                nic.mac = r.attributes().value("address"_L1).toString().toLower();
            } else if (inInterface && r.name() == "model"_L1) {
                nic.model = r.attributes().value("type"_L1).toString();
            }
        } else if (r.isEndElement() && r.name() == "interface"_L1) {
            inInterface = false;
            nics << nic;
        }
    }
    return nics;
}

class MatrixE2e : public LibvirtDaemonTest, public ::testing::WithParamInterface<QString>
{
protected:
    void SetUp() override
    {
        // Before any connection: the script blocks this thread (and the keepalive of a
        // connection with it) while it builds or checks the image.
        QElapsedTimer timer;
        timer.start();
        m_image = guestImageFor(GetParam());
        info(u"image"_s, u"%1: guest image in %2 s"_s.arg(GetParam())
                             .arg(double(timer.elapsed()) / 1000.0, 0, 'f', 1));
        LibvirtDaemonTest::SetUp();
        if (IsSkipped() || HasFatalFailure())
            return;
        QString error;
        m_session = openSession(LibvirtDaemon::localUri(), &error);
        ASSERT_TRUE(m_session) << error.toStdString();
        m_provider = std::make_unique<HostChoicesProvider>(m_session.get());
    }

    void TearDown() override
    {
        // Whatever a failed step left behind goes, with its volumes.
        for (const QString &uuid : std::as_const(m_created))
            deleteGuest(uuid, uuid);
        m_created.clear();
        m_provider.reset();
        m_session.reset();
        LibvirtDaemonTest::TearDown();
    }

    void deleteGuest(const QString &uuid, const QString &name)
    {
        for (int attempt = 1; attempt <= 2; ++attempt) {
            try {
                const QStringList left = await(m_session->deleteDomain(uuid, true), 60'000);
                EXPECT_TRUE(left.isEmpty()) << left.join(u"; "_s).toStdString();
                break;
            } catch (...) {
                const QString text = exceptionText(std::current_exception());
                // deleteDomain races with a guest that stops by itself between its "is it
                // running?" check and the destroy: the second attempt sees it shut off.
                if (attempt == 1 && text.contains(u"domain is not running"_s))
                    continue;
                ADD_FAILURE() << "deleting " << name.toStdString() << ": " << text.toStdString();
                break;
            }
        }
        m_created.removeAll(uuid);
    }

    // The context of a guest of `archName` on `machine` (empty: the default), for the domain
    // type the harness runs (KVM or TCG).
    std::optional<GuestHostContext> contextFor(const QString &archName, const QString &machine)
    {
        GuestHostContext host;
        try {
            host = await(m_provider->guestContext(archName, machine));
            const arch::VirtType wanted = daemon().domainTypeFor(archName) == "kvm"_L1
                                              ? arch::VirtType::Kvm
                                              : arch::VirtType::Qemu;
            if (host.placement.virtType != wanted && host.placement.offered) {
                host.placement.virtType = wanted;
                host.domainCaps =
                    await(m_provider->domainCapabilities(archName, host.machine, wanted));
            }
        } catch (...) {
            ADD_FAILURE() << exceptionText(std::current_exception()).toStdString();
            return std::nullopt;
        }
        return host;
    }

    // ---- withheld entries: forced into a VM, must be refused (no boot needed) ------------

    Row tryWithheld(const VmSpec &spec, const GuestHostContext &host, Row row)
    {
        QElapsedTimer timer;
        timer.start();
        QString error;
        const auto plan = planCreateVm(spec, host, &error);
        if (!plan) {
            row.result = Result::Refused;
            row.detail = u"Crossvirt cannot write it: "_s + error;
            return row;
        }
        CreatedVm vm;
        try {
            vm = await(createVm(m_session.get(), *plan), 180'000);
        } catch (...) {
            row.result = Result::Refused;
            row.detail = exceptionText(std::current_exception());
            row.ms = timer.elapsed();
            if (virDomainPtr left = virDomainLookupByName(conn(), spec.name.toUtf8().constData())) {
                ADD_FAILURE() << "a failed create left the domain " << spec.name.toStdString();
                virDomainFree(left);
            }
            virResetLastError();
            return row;
        }
        m_created << vm.uuid;
        row.result = Result::Passed; // QEMU started it
        deleteGuest(vm.uuid, spec.name);
        row.ms = timer.elapsed();
        return row;
    }

    void runWithheld(const GuestHostContext &host, const GuestChoices &choices, const VmSpec &base,
                     QList<Row> &rows)
    {
        const QString archName = host.arch;
        struct Dimension
        {
            QString kind;
            arch::ChoiceList list;
        };
        const QList<Dimension> dims{
            {u"disk"_s, choices.diskInterfaces},  {u"nic"_s, choices.nicModels},
            {u"console"_s, choices.consoleTypes}, {u"graphics"_s, choices.graphicsTypes},
            {u"video"_s, choices.videoModels},    {u"cpu"_s, choices.cpuModes},
        };
        for (const Dimension &dim : dims) {
            for (const arch::Choice &c : dim.list.withheld()) {
                Row r;
                r.arch = archName;
                r.kind = dim.kind;
                r.id = c.id;
                r.offered = false;
                VmSpec spec = base;
                spec.name =
                    LibvirtDaemon::domainPrefix() + u"w-%1-%2-%3"_s.arg(archName, dim.kind, c.id);
                spec.install = InstallMethod::Cdrom;
                spec.kernelBoot = {};
                if (dim.kind == "disk"_L1)
                    spec.diskInterface = c.id;
                else if (dim.kind == "nic"_L1)
                    spec.nic->model = c.id;
                else if (dim.kind == "console"_L1)
                    spec.console = c.id;
                else if (dim.kind == "graphics"_L1)
                    spec.graphics = c.id;
                else if (dim.kind == "video"_L1)
                    spec.video = c.id;
                else if (c.id == "host-model"_L1)
                    spec.cpu = arch::CpuChoice{arch::CpuMode::HostModel, {}};
                else if (c.id == "host-passthrough"_L1)
                    spec.cpu = arch::CpuChoice{arch::CpuMode::HostPassthrough, {}};
                else if (c.id == "maximum"_L1)
                    spec.cpu = arch::CpuChoice{arch::CpuMode::Maximum, {}};
                else
                    continue; // a withheld custom mode names no model to force
                r = tryWithheld(spec, host, r);
                const QString key = u"%1/%2/%3"_s.arg(archName, dim.kind, c.id);
                if (r.result == Result::Passed) {
                    if (policyChoices().contains(key)) {
                        r.result = Result::Policy;
                        r.detail = c.reason + u" | "_s + policyChoices().value(key);
                    } else {
                        ADD_FAILURE() << key.toStdString()
                                      << " is withheld but QEMU starts it: offer it, or list it "
                                         "in policyChoices() with the reason ("
                                      << c.reason.toStdString() << ")";
                    }
                } else {
                    // Crossvirt has no bus for an interface of another arch (spapr-vscsi on
                    // x86): libvirt refuses the empty bus of the XML, which is the device.
                    const bool noBus = r.detail.contains(u"attribute 'bus'"_s);
                    if (!noBus && !namesDevice(dim.kind, c.id, r.detail))
                        ADD_FAILURE() << key.toStdString()
                                      << " is refused, but the error does not name the device: "
                                      << r.detail.toStdString();
                    r.detail = u"[arch: "_s + c.reason + u"] "_s + r.detail;
                }
                info(u"withheld"_s, rowLine(r));
                rows << r;
            }
        }
    }

    // ---- offered entries: booted -------------------------------------------------------

    // The zipped boots of one arch: boot 1 has the defaults and every device; boot k the
    // k-th offered entry of each mutually exclusive list (the default where a list is
    // shorter). Entries boot 1 holds come first in every list.
    QList<BootSlot> planSlots(const GuestChoices &choices, const VmSpec &base)
    {
        auto ordered = [](QStringList ids, const QString &first) {
            if (ids.removeAll(first) > 0)
                ids.prepend(first);
            return ids;
        };
        QString baseCpuId = arch::cpuModeName(base.cpu.mode);
        if (base.cpu.mode == arch::CpuMode::Custom)
            baseCpuId = u"custom"_s;
        const QStringList machines = ordered(machineFamilies(choices), base.machine);
        const QStringList consoles = ordered(choices.consoleTypes.offeredIds(), base.console);
        QStringList videos = ordered(choices.videoModels.offeredIds(), base.video);
        QStringList graphics = ordered(choices.graphicsTypes.offeredIds(), base.graphics);
        QStringList cpus = choices.cpuModes.offeredIds();
        if (!baseCpuId.isEmpty())
            cpus = ordered(cpus, baseCpuId);

        // A video is seen through VNC: the non-VNC graphics go to boots of their own
        // (after the videos), except "none", which pairs with the video "none".
        QStringList graphicsSlots;
        for (const QString &v : std::as_const(videos))
            graphicsSlots << ((v == "none"_L1 && graphics.contains(u"none"_s)) ? u"none"_s
                                                                               : u"vnc"_s);
        if (!graphics.contains(u"vnc"_s)) // s390x: no graphics at all
            graphicsSlots = QStringList(videos.size(), base.graphics);
        for (const QString &g : std::as_const(graphics))
            if (!graphicsSlots.contains(g))
                graphicsSlots << g;
        const qsizetype count = std::max({machines.size(), consoles.size(), videos.size(),
                                          graphicsSlots.size(), cpus.size(), qsizetype(1)});
        QList<BootSlot> bootSlots;
        for (qsizetype k = 0; k < count; ++k) {
            BootSlot s;
            s.index = int(k) + 1;
            s.machine = k < machines.size() ? machines[k] : base.machine;
            s.console = k < consoles.size() ? consoles[k] : base.console;
            s.video = k < videos.size() ? videos[k] : base.video;
            s.graphics = k < graphicsSlots.size() ? graphicsSlots[k] : base.graphics;
            if (s.graphics == "none"_L1 && k >= videos.size())
                s.video = choices.videoModels.offers(u"none"_s) ? u"none"_s : base.video;
            s.cpuId = k < cpus.size() ? cpus[k] : baseCpuId;
            if (k < machines.size())
                s.covers << u"machine/"_s + s.machine;
            if (k < consoles.size())
                s.covers << u"console/"_s + s.console;
            if (k < videos.size())
                s.covers << u"video/"_s + s.video;
            if (k < graphicsSlots.size() && (k == 0 || graphicsSlots[k] != "vnc"_L1))
                s.covers << u"graphics/"_s + s.graphics;
            if (k < cpus.size())
                s.covers << u"cpu/"_s + s.cpuId;
            bootSlots << s;
        }
        return bootSlots;
    }

    // The machine aliases offered (q35, pc, pseries, virt...): a versioned machine type is
    // its family's hardware with compatibility settings, and booting each of dozens proves
    // nothing more about Crossvirt's XML.
    static QStringList machineFamilies(const GuestChoices &choices)
    {
        const arch::ArchModel *model = arch::ArchRegistry::instance().find(choices.arch);
        QStringList ids;
        for (const QString &id : choices.machineTypes.offeredIds())
            if (!model || model->machineFamilies().contains(id))
                ids << id;
        return ids;
    }

    arch::CpuChoice cpuFor(const QString &id, const GuestChoices &choices, const VmSpec &base,
                           QString *rowId)
    {
        *rowId = id;
        if (id.isEmpty())
            return base.cpu;
        if (id == "custom"_L1) {
            const QString m = base.cpu.mode == arch::CpuMode::Custom
                                  ? base.cpu.model
                                  : choices.cpuModels.firstOffered();
            *rowId = u"custom:"_s + m;
            return arch::CpuChoice{arch::CpuMode::Custom, m};
        }
        if (id == "maximum"_L1)
            return arch::CpuChoice{arch::CpuMode::Maximum, {}};
        if (id == "host-passthrough"_L1)
            return arch::CpuChoice{arch::CpuMode::HostPassthrough, {}};
        if (id == "host-model"_L1)
            return arch::CpuChoice{arch::CpuMode::HostModel, {}};
        return base.cpu;
    }

    // Turns a slot into a spec through the provisioning core; false (with a failed row)
    // when the core refuses it.
    bool prepareBoot(Boot &b, const GuestImage &image, const StorageSnapshot &storage,
                     const GuestChoices &defaultChoices, QSet<QString> &coveredDisks,
                     QSet<QString> &coveredNics, QList<Row> &rows)
    {
        const QString archName = image.arch;
        const auto host = contextFor(archName, b.slot.machine);
        if (!host)
            return false;
        b.host = *host;
        const auto choices = computeGuestChoices(b.host);
        if (!choices) {
            ADD_FAILURE() << "no choices for " << archName.toStdString();
            return false;
        }
        VmSpec spec = defaultVmSpec(b.host, storage);
        spec.name = LibvirtDaemon::domainPrefix() + u"m-%1-%2"_s.arg(archName).arg(b.slot.index);
        spec.memoryMiB = b.host.model()->limits(b.host.context()).alignMemoryMiB(512);
        spec.vcpus = 1;
        spec.storage.kind = StorageKind::NewVolume;
        spec.storage.pool = LibvirtDaemon::poolName();
        spec.storage.sizeGiB = 1; // thin qcow2: a few hundred KiB on disk
        spec.storage.format = u"qcow2"_s;
        spec.nic = NicSpec{LibvirtDaemon::networkName(), spec.nic ? spec.nic->model : QString()};
        auto take = [&](const QString &wanted, const arch::ChoiceList &list, QString &field) {
            if (list.offers(wanted))
                field = wanted;
        };
        take(b.slot.console, choices->consoleTypes, spec.console);
        take(b.slot.graphics, choices->graphicsTypes, spec.graphics);
        take(b.slot.video, choices->videoModels, spec.video);
        QString cpuRowId;
        spec.cpu = cpuFor(b.slot.cpuId, *choices, spec, &cpuRowId);
        b.slot.covers.replaceInStrings(u"cpu/custom"_s, u"cpu/"_s + cpuRowId);
        if (b.slot.index == 1)
            b.slot.cpuId = cpuRowId;

        // Boot 1 carries a disk for every offered disk interface and a NIC for every offered
        // NIC model; a boot on another machine those no earlier boot proved (IDE on pc);
        // other boots only the main disk and NIC.
        const bool allDevices = b.slot.index == 1 || spec.machine != defaultChoices.defaultMachine;
        b.diskSizeGiB.insert(spec.diskInterface, 1);
        b.slot.nicModels << spec.nic->model;
        if (allDevices) {
            coveredDisks.insert(spec.diskInterface);
            coveredNics.insert(spec.nic->model);
            qint64 size = 2; // each disk its own size: the guest's view is matched by size
            for (const QString &iface : choices->diskInterfaces.offeredIds()) {
                if (iface == spec.diskInterface ||
                    (b.slot.index > 1 && coveredDisks.contains(iface)))
                    continue;
                ExtraDiskSpec extra;
                extra.storage.kind = StorageKind::NewVolume;
                extra.storage.pool = LibvirtDaemon::poolName();
                extra.storage.volume = spec.name + u"-"_s + iface + u".qcow2"_s;
                extra.storage.sizeGiB = size;
                extra.storage.format = u"qcow2"_s;
                extra.interfaceId = iface;
                spec.extraDisks << extra;
                b.diskSizeGiB.insert(iface, size);
                coveredDisks.insert(iface);
                ++size;
            }
            for (const QString &model : choices->nicModels.offeredIds()) {
                if (b.slot.nicModels.contains(model) ||
                    (b.slot.index > 1 && coveredNics.contains(model)))
                    continue;
                spec.extraNics << NicSpec{LibvirtDaemon::networkName(), model};
                b.slot.nicModels << model;
                coveredNics.insert(model);
            }
        }

        const arch::GuestContext ctx = b.host.context(false, spec.firmware);
        const QString consoleArg = b.host.model()->kernelConsoleArgument(ctx, spec.console);
        b.expectedConsole = consoleDeviceOf(consoleArg);
        spec.install = InstallMethod::KernelBoot;
        spec.kernelBoot.kernel = image.kernel;
        spec.kernelBoot.initrd = image.initrd;
        spec.kernelBoot.cmdline = consoleArg + u" quiet crossvirt.tick=0"_s;
        spec.startAfterCreate = true;

        const auto problems = validateVmSpec(spec, b.host, &storage);
        if (!problems.isEmpty()) {
            QStringList texts;
            for (const auto &p : problems)
                texts << p.field + u": "_s + p.message;
            Row r = makeRow(archName, u"boot"_s, QString::number(b.slot.index));
            r.boot = b.slot.index;
            r.detail = u"the wizard would refuse it: "_s + texts.join(u"; "_s);
            ADD_FAILURE() << archName.toStdString() << " boot " << b.slot.index << ": "
                          << r.detail.toStdString();
            rows << r;
            return false;
        }
        b.spec = spec;
        info(u"boot"_s, u"%1 #%2: machine %3, console %4 (%5), graphics %6, video %7, cpu %8, "
                        u"disks %9, nics %10"_s.arg(archName)
                            .arg(b.slot.index)
                            .arg(spec.machine, spec.console, consoleArg, spec.graphics, spec.video,
                                 cpuRowId.isEmpty() ? u"default"_s : cpuRowId,
                                 b.diskSizeGiB.keys().join(u","_s))
                            .arg(b.slot.nicModels.join(u","_s)));
        return true;
    }

    void startBoot(Boot &b)
    {
        b.timer.start();
        QString error;
        const auto plan = planCreateVm(b.spec, b.host, &error);
        if (!plan) {
            b.failure = u"no plan: "_s + error;
            return;
        }
        try {
            const CreatedVm vm = await(createVm(m_session.get(), *plan), 180'000);
            b.uuid = vm.uuid;
            m_created << vm.uuid;
        } catch (...) {
            const QString text = exceptionText(std::current_exception());
            // On a nested KVM host QEMU aborts for host CPU models: the rest of the boot
            // still proves its devices with QEMU's default CPU, the cpu row says why.
            if (isNestedMsrDefect(text) && b.spec.cpu.mode != arch::CpuMode::Default &&
                b.cpuDefect.isEmpty()) {
                b.cpuDefect = text;
                b.spec.cpu = arch::CpuChoice{arch::CpuMode::Default, {}};
                info(u"cpu"_s, u"%1 #%2: nested KVM host defect, QEMU's default CPU instead"_s
                                   .arg(b.spec.arch)
                                   .arg(b.slot.index));
                startBoot(b);
                return;
            }
            b.failure = u"create/start failed: "_s + text;
            return;
        }
        b.createMs = b.timer.elapsed();
        b.serial = std::make_unique<SerialConsoleSession>(m_session.get(), b.uuid);
        QObject::connect(b.serial.get(), &SerialConsoleSession::received, b.serial.get(),
                         [&b](const QByteArray &bytes) { b.log.append(bytes); });
        QObject::connect(b.serial.get(), &SerialConsoleSession::closed, b.serial.get(),
                         [&b](const QString &why) { b.consoleError = why; });
        b.serial->open();
    }

    int domainState(const QString &uuid)
    {
        virDomainPtr dom = virDomainLookupByUUIDString(conn(), uuid.toUtf8().constData());
        int state = -1;
        int reason = -1;
        if (dom) {
            virDomainGetState(dom, &state, &reason, 0);
            virDomainFree(dom);
        }
        virResetLastError();
        return state;
    }

    void waitForReady(QList<Boot *> batch, int timeoutSeconds)
    {
        QElapsedTimer lastStateCheck;
        lastStateCheck.start();
        auto pending = [&] {
            bool any = false;
            for (Boot *b : batch) {
                if (!b->failure.isEmpty() || b->readyMs >= 0)
                    continue;
                if (b->log.readyCount() > 0) {
                    b->readyMs = b->timer.elapsed();
                    continue;
                }
                // Firmware that found nothing to boot will not boot the kernel later.
                if (b->log.text().contains(u"No bootable option or device was found"_s)) {
                    b->failure = u"the firmware found no kernel to boot (UEFI: \"No bootable "
                                 u"option or device was found\")"_s;
                    continue;
                }
                if (b->timer.elapsed() > qint64(timeoutSeconds) * 1000) {
                    b->failure = u"no CROSSVIRT-READY within %1 s"_s.arg(timeoutSeconds);
                    continue;
                }
                any = true;
            }
            if (any && lastStateCheck.elapsed() > 2000) {
                lastStateCheck.restart();
                for (Boot *b : batch) {
                    if (b->failure.isEmpty() && b->readyMs < 0 && !b->uuid.isEmpty()) {
                        const int state = domainState(b->uuid);
                        if ((state == VIR_DOMAIN_SHUTOFF || state == VIR_DOMAIN_CRASHED) &&
                            b->log.readyCount() == 0)
                            b->failure = u"the guest stopped (domain state %1)"_s.arg(state);
                    }
                }
            }
            return any;
        };
        waitUntil([&] { return !pending(); }, (timeoutSeconds + 10) * 1000);
        pending();
    }

    // Connects Crossvirt's VNC client and waits for the guest's green band.
    Row vncRow(Boot &b, const QString &kind, const QString &id)
    {
        Row r = makeRow(b.spec.arch, kind, id);
        r.boot = b.slot.index;
        QElapsedTimer timer;
        timer.start();
        VncEndpoint endpoint;
        try {
            endpoint = await(vncEndpointFor(m_session.get(), b.uuid), 30'000);
        } catch (...) {
            r.detail = u"no VNC endpoint: "_s + exceptionText(std::current_exception());
            return r;
        }
        if (!endpoint.isValid()) {
            r.detail = u"no VNC endpoint: "_s + endpoint.error;
            return r;
        }
        VncSession vnc;
        vnc.setAskForPassword(false);
        vnc.connectToEndpoint(endpoint);
        double fraction = 0;
        waitUntil(
            [&] {
                if (vnc.failure() != VncSession::Failure::None)
                    return true;
                if (!vnc.hasFullFrame())
                    return false;
                const QImage now = vnc.currentFrame();
                fraction = greenFraction(now);
                return fraction >= kGreenEnough ||
                       (timer.elapsed() > 8000 && bannerPixels(now) >= 150);
            },
            30'000);
        const QImage frame = vnc.currentFrame();
        r.ms = timer.elapsed();
        const QString file = screenshotDir() + u"/matrix-%1-%2-%3.png"_s.arg(b.spec.arch, kind, id);
        if (!frame.isNull())
            frame.save(file);
        const auto report = b.log.latestReport();
        QString fb = u"guest fb: none"_s;
        if (report && !report->framebuffers.isEmpty()) {
            const GuestFramebuffer &f = report->framebuffers.first();
            fb = u"guest fb %1 %2x%3 painted=%4"_s.arg(f.driver).arg(f.width).arg(f.height).arg(
                f.painted ? 1 : 0);
        }
        const int banner = bannerPixels(frame);
        if (fraction >= kGreenEnough) {
            r.result = Result::Passed;
            r.detail = u"VncSession %1x%2, band %3% green; %4"_s.arg(frame.width())
                           .arg(frame.height())
                           .arg(int(fraction * 100))
                           .arg(fb);
        } else if (banner >= 150) {
            // The guest's framebuffer console text is on screen, the band is not: the
            // driver's fbdev (qxl) shows what fbcon draws but not the raw write() to
            // /dev/fb0 the guest paints with. Still the guest's own display.
            r.result = Result::Passed;
            r.detail = u"VncSession %1x%2 shows the guest's framebuffer console banner (%3 lit "
                       u"pixels) but not the band (%4% green: this fbdev does not flush writes "
                       u"to /dev/fb0); %5"_s.arg(frame.width())
                           .arg(frame.height())
                           .arg(banner)
                           .arg(int(fraction * 100))
                           .arg(fb);
        } else {
            r.detail = u"VncSession %1 (%2x%3), band only %4% green (%5); %6; frame saved as %7"_s
                           .arg(vnc.failure() != VncSession::Failure::None ? vnc.errorString()
                                                                           : u"connected"_s)
                           .arg(frame.width())
                           .arg(frame.height())
                           .arg(int(fraction * 100))
                           .arg(u"want %1% of rows 0-47 RGB(0x20,0xC0,0x60)"_s.arg(
                                    int(kGreenEnough * 100)),
                                fb, file);
        }
        vnc.disconnectFromServer();
        return r;
    }

    // The rows a booted (or failed) guest proves.
    void checkBoot(Boot &b, QList<Row> &rows)
    {
        const QString archName = b.spec.arch;
        QList<Row> mine;
        auto failWithConsole = [&](Row &r) {
            ADD_FAILURE() << archName.toStdString() << " boot " << b.slot.index << " "
                          << r.kind.toStdString() << " " << r.id.toStdString() << ": "
                          << r.detail.toStdString() << "\n---- last 30 console lines ----\n"
                          << b.log.lastLines(30).join(u"\n"_s).toStdString();
        };
        Row boot = makeRow(archName, u"boot"_s, QString::number(b.slot.index));
        boot.boot = b.slot.index;
        boot.ms = b.readyMs >= 0 ? b.readyMs : b.timer.elapsed();
        const auto report = b.log.latestReport();
        const QString accel = b.spec.virtType == arch::VirtType::Kvm ? u"KVM"_s : u"TCG"_s;
        if (b.failure.isEmpty() && report) {
            boot.result = Result::Passed;
            boot.detail = u"READY in %1 s (%2; create %3 s) kernel %4 cpu %5 x%6 mem %7 MiB "
                          u"console %8"_s.arg(double(b.readyMs) / 1000.0, 0, 'f', 1)
                              .arg(accel)
                              .arg(double(b.createMs) / 1000.0, 0, 'f', 1)
                              .arg(report->kernel, report->cpuModel)
                              .arg(report->cpus)
                              .arg(report->memTotalKb / 1024)
                              .arg(report->consoleDevice);
        } else {
            boot.detail = b.failure.isEmpty() ? u"READY but no report parsed"_s : b.failure;
            if (!b.consoleError.isEmpty())
                boot.detail += u" (serial console closed: "_s + b.consoleError + u")"_s;
            failWithConsole(boot);
        }
        mine << boot;
        const bool booted = boot.result == Result::Passed;

        // Exclusive choices this boot carries.
        for (const QString &cover : std::as_const(b.slot.covers)) {
            Row r = makeRow(archName, cover.section(u'/', 0, 0), cover.section(u'/', 1));
            r.boot = b.slot.index;
            r.ms = boot.ms;
            if (!booted) {
                r.detail = u"the guest did not boot"_s;
                mine << r;
                continue;
            }
            if (r.kind == "console"_L1) {
                if (report->consoleDevice == b.expectedConsole) {
                    r.result = Result::Passed;
                    r.detail = u"report on %1 read through SerialConsoleSession"_s.arg(
                        report->consoleDevice);
                } else {
                    r.detail = u"guest console %1, expected %2"_s.arg(report->consoleDevice,
                                                                      b.expectedConsole);
                    failWithConsole(r);
                }
            } else if (r.kind == "video"_L1) {
                if (r.id == "none"_L1) {
                    r.result = report->framebuffers.isEmpty() ? Result::Passed : Result::Failed;
                    r.detail =
                        u"no framebuffer in the guest (%1)"_s.arg(report->framebuffers.size());
                } else if (b.spec.graphics == "vnc"_L1) {
                    r = vncRow(b, r.kind, r.id);
                    r.ms = boot.ms;
                    // An offered video passes only on the guest's own screen: a video a
                    // Linux guest leaves blank is withheld by its arch class instead.
                    if (r.result != Result::Passed)
                        failWithConsole(r);
                } else if (!report->framebuffers.isEmpty() &&
                           report->framebuffers.first().painted) {
                    r.result = Result::Passed;
                    r.detail =
                        u"graphics %1: no VNC to look through; the guest painted fb %2"_s.arg(
                            b.spec.graphics, report->framebuffers.first().driver);
                } else {
                    r.detail = u"graphics %1 and the guest has no painted framebuffer"_s.arg(
                        b.spec.graphics);
                    failWithConsole(r);
                }
            } else if (r.kind == "graphics"_L1) {
                if (r.id == "vnc"_L1) {
                    r = vncRow(b, r.kind, r.id);
                    r.ms = boot.ms;
                    if (r.result != Result::Passed)
                        failWithConsole(r);
                } else {
                    r.result = Result::Passed;
                    r.detail =
                        u"the guest booted with graphics %1 (video %2)"_s.arg(r.id, b.spec.video);
                    if (r.id == "spice"_L1)
                        r.detail += u"; Crossvirt has no SPICE client to look with"_s;
                    if (!report->framebuffers.isEmpty())
                        r.detail += u"; guest fb %1 painted=%2"_s.arg(
                            report->framebuffers.first().driver,
                            report->framebuffers.first().painted ? u"1"_s : u"0"_s);
                }
            } else if (r.kind == "cpu"_L1) {
                if (b.cpuDefect.isEmpty()) {
                    r.result = Result::Passed;
                    r.detail = u"guest cpu: %1"_s.arg(report->cpuModel);
                } else {
                    r.result = Result::HostDefect;
                    r.detail = u"booted with QEMU's default CPU instead (guest cpu: %1)"_s.arg(
                        report->cpuModel);
                }
            } else if (r.kind == "machine"_L1) {
                r.result = Result::Passed;
                r.detail = u"booted on %1"_s.arg(b.spec.machine);
            }
            mine << r;
        }

        // Disks: matched by size (each disk of a boot has its own).
        for (auto it = b.diskSizeGiB.cbegin(); it != b.diskSizeGiB.cend(); ++it) {
            Row r = makeRow(archName, u"disk"_s, it.key());
            r.boot = b.slot.index;
            r.ms = boot.ms;
            const DriverGroups want = expectedDiskDrivers(archName, it.key());
            if (!booted) {
                r.detail = u"the guest did not boot"_s;
                mine << r;
                continue;
            }
            const qint64 kb = it.value() * 1024 * 1024;
            const GuestBlockDevice *found = nullptr;
            for (const GuestBlockDevice &d : report->blocks)
                if (d.sizeKb == kb)
                    found = &d;
            if (!found) {
                QStringList seen;
                for (const GuestBlockDevice &d : report->blocks)
                    seen << u"%1(%2 kB: %3)"_s.arg(d.name).arg(d.sizeKb).arg(
                        d.drivers.join(u","_s));
                r.detail = u"no block device of %1 GiB; the guest has %2"_s.arg(it.value())
                               .arg(seen.isEmpty() ? u"none"_s : seen.join(u" "_s));
                failWithConsole(r);
            } else if (want.isEmpty()) {
                r.detail = u"%1 drivers %2: the test knows no driver for this interface"_s.arg(
                    found->name, found->drivers.join(u","_s));
                failWithConsole(r);
            } else if (driversMatch(found->drivers, want)) {
                r.result = Result::Passed;
                r.detail = u"%1 %2 GiB drivers %3"_s.arg(found->name)
                               .arg(it.value())
                               .arg(found->drivers.join(u","_s));
            } else {
                r.detail = u"%1 drivers %2, expected %3"_s.arg(
                    found->name, found->drivers.join(u","_s), groupsText(want));
                failWithConsole(r);
            }
            mine << r;
        }

        // NICs: matched by the MAC libvirt gave each.
        QList<DomainNic> nics;
        if (!b.uuid.isEmpty()) {
            if (virDomainPtr dom =
                    virDomainLookupByUUIDString(conn(), b.uuid.toUtf8().constData())) {
                if (char *xml = virDomainGetXMLDesc(dom, 0)) {
                    nics = domainNics(QString::fromUtf8(xml));
                    free(xml);
                }
                virDomainFree(dom);
            }
            virResetLastError();
        }
        for (const QString &model : std::as_const(b.slot.nicModels)) {
            Row r = makeRow(archName, u"nic"_s, model);
            r.boot = b.slot.index;
            r.ms = boot.ms;
            if (!booted) {
                r.detail = u"the guest did not boot"_s;
                mine << r;
                continue;
            }
            QString mac;
            for (const DomainNic &n : std::as_const(nics))
                if (n.model == model)
                    mac = n.mac;
            const GuestNic *found = nullptr;
            for (const GuestNic &n : report->nics)
                if (!mac.isEmpty() && n.mac.toLower() == mac)
                    found = &n;
            const DriverGroups want = expectedNicDrivers(archName, model);
            if (mac.isEmpty()) {
                r.detail = u"the domain XML has no interface of model %1"_s.arg(model);
                failWithConsole(r);
            } else if (!found) {
                QStringList seen;
                for (const GuestNic &n : report->nics)
                    seen << u"%1(%2: %3)"_s.arg(n.name, n.mac, n.drivers.join(u","_s));
                r.detail = u"no NIC with MAC %1; the guest has %2"_s.arg(
                    mac, seen.isEmpty() ? u"none"_s : seen.join(u" "_s));
                failWithConsole(r);
            } else if (driversMatch(found->drivers, want)) {
                r.result = Result::Passed;
                r.detail = u"%1 mac %2 drivers %3"_s.arg(found->name, found->mac,
                                                         found->drivers.join(u","_s));
            } else {
                r.detail = u"%1 mac %2 drivers %3, expected %4"_s.arg(
                    found->name, found->mac, found->drivers.join(u","_s),
                    want.isEmpty() ? u"(the test knows no driver for this model)"_s
                                   : groupsText(want));
                failWithConsole(r);
            }
            mine << r;
        }
        for (const Row &r : std::as_const(mine))
            info(u"row"_s, rowLine(r));
        rows << mine;
    }

    void runArch(const QString &archName)
    {
        QElapsedTimer total;
        total.start();
        auto hostOpt = contextFor(archName, {});
        ASSERT_TRUE(hostOpt);
        GuestHostContext host = *hostOpt;
        if (!host.placement.offered || !host.domainCaps) {
            const QString why = u"this host cannot run %1 guests: %2 %3"_s.arg(
                archName, host.placement.reason, host.domainCapsError);
            if (e2eRequired())
                FAIL() << why.toStdString();
            GTEST_SKIP() << why.toStdString();
        }
        const auto choices = computeGuestChoices(host);
        ASSERT_TRUE(choices);
        const GuestImage &image = m_image;
        ASSERT_TRUE(image.ok()) << archName.toStdString()
                                << " guest image: " << image.error.toStdString();
        info(u"image"_s, u"%1: kernel %2 (%3)%4"_s.arg(
                             archName, image.kernel, image.kernelVersion,
                             image.note.isEmpty() ? QString() : u" — "_s + image.note));

        StorageSnapshot storage;
        try {
            storage = await(fetchStorage(m_session.get()));
        } catch (...) {
            FAIL() << exceptionText(std::current_exception()).toStdString();
        }
        VmSpec base = defaultVmSpec(host, storage);
        base.memoryMiB = host.model()->limits(host.context()).alignMemoryMiB(512);
        base.storage.pool = LibvirtDaemon::poolName();
        base.storage.sizeGiB = 1;
        base.nic = NicSpec{LibvirtDaemon::networkName(), base.nic ? base.nic->model : QString()};
        base.startAfterCreate = true;
        const QString accel = base.virtType == arch::VirtType::Kvm ? u"KVM"_s : u"TCG"_s;
        info(u"arch"_s, u"%1 machine %2 (default %3), %4, cpu %5 %6, firmware '%7'; offered: disk "
                        u"%8 | nic %9 | "
                        u"console %10 | graphics %11 | video %12 | cpu %13 | machine %14"_s
                            .arg(archName, base.machine, choices->defaultMachine, accel,
                                 arch::cpuModeName(base.cpu.mode), base.cpu.model, base.firmware,
                                 choices->diskInterfaces.offeredIds().join(u","_s),
                                 choices->nicModels.offeredIds().join(u","_s))
                            .arg(choices->consoleTypes.offeredIds().join(u","_s),
                                 choices->graphicsTypes.offeredIds().join(u","_s),
                                 choices->videoModels.offeredIds().join(u","_s),
                                 choices->cpuModes.offeredIds().join(u","_s),
                                 u"%1 (+%2 versioned)"_s.arg(machineFamilies(*choices).join(u","_s))
                                     .arg(choices->machineTypes.offeredIds().size() -
                                          machineFamilies(*choices).size())));
        if (archName == daemon().hostArch())
            info(u"accel"_s, daemon().accelerationSummary());

        QList<Row> rows;
        QSet<QString> coveredDisks;
        QSet<QString> coveredNics;
        const QList<BootSlot> bootSlots = planSlots(*choices, base);
        std::vector<std::unique_ptr<Boot>> boots;
        for (const BootSlot &slot : bootSlots) {
            auto b = std::make_unique<Boot>();
            b->slot = slot;
            if (prepareBoot(*b, image, storage, *choices, coveredDisks, coveredNics, rows))
                boots.push_back(std::move(b));
        }
        const int parallel = parallelBoots();
        const int timeout = bootTimeoutSeconds(archName);
        QElapsedTimer bootsTimer;
        bootsTimer.start();
        for (size_t i = 0; i < boots.size(); i += size_t(parallel)) {
            QList<Boot *> batch;
            for (size_t j = i; j < boots.size() && j < i + size_t(parallel); ++j)
                batch << boots[j].get();
            for (Boot *b : batch)
                startBoot(*b);
            waitForReady(batch, timeout);
            for (Boot *b : batch) {
                checkBoot(*b, rows);
                if (b->serial)
                    b->serial->close();
                if (!b->uuid.isEmpty())
                    deleteGuest(b->uuid, b->spec.name);
                b->serial.reset();
            }
        }
        const qint64 bootsMs = bootsTimer.elapsed();

        runWithheld(host, *choices, base, rows);

        printRows(rows);
        allRows() << rows;
        QFile file(matrixDir() + u"/"_s + archName + u".txt"_s);
        if (file.open(QIODevice::WriteOnly | QIODevice::Truncate | QIODevice::Text)) {
            for (const Row &r : std::as_const(rows))
                file.write((rowLine(r) + u'\n').toUtf8());
        }
        QStringList times;
        for (const auto &b : boots)
            times << u"#%1 %2"_s.arg(b->slot.index)
                         .arg(b->readyMs >= 0
                                  ? u"%1 s"_s.arg(double(b->readyMs) / 1000.0, 0, 'f', 1)
                                  : u"no READY"_s);
        info(u"arch"_s, u"%1 (%2): %3 boots (%4 at once) in %5 s [%6], %7 rows, total %8 s"_s
                            .arg(archName, accel)
                            .arg(boots.size())
                            .arg(parallel)
                            .arg(double(bootsMs) / 1000.0, 0, 'f', 1)
                            .arg(times.join(u", "_s))
                            .arg(rows.size())
                            .arg(double(total.elapsed()) / 1000.0, 0, 'f', 1));
    }

    std::unique_ptr<HostSession> m_session;
    std::unique_ptr<HostChoicesProvider> m_provider;
    QStringList m_created;
    GuestImage m_image;
};

TEST_P(MatrixE2e, BootsEveryOfferedChoice)
{
    runArch(GetParam());
}

INSTANTIATE_TEST_SUITE_P(Arches, MatrixE2e,
                         ::testing::Values(u"x86_64"_s, u"i686"_s, u"ppc64le"_s, u"ppc64"_s,
                                           u"aarch64"_s, u"s390x"_s, u"riscv64"_s, u"armv7l"_s),
                         [](const ::testing::TestParamInfo<QString> &p) {
                             return p.param.toStdString();
                         });

} // namespace

// gtest prints the arch parameter of failed tests with this.
void PrintTo(const QString &text, std::ostream *os)
{
    *os << text.toStdString();
}
