// Issue 7's multi-arch matrix, through the app's own code: for every arch at its default
// machine, every disk interface, NIC model and console the arch model offers there is
// varied one at a time from the arch's defaults, turned into a VM by the same code the
// New VM dialog uses (HostChoicesProvider -> computeGuestChoices -> VmSpecValidator ->
// planCreateVm -> createVm on a HostSession), started on a real libvirtd/QEMU, checked
// (domain running, its QEMU process alive) and deleted with its volume through
// HostSession::deleteDomain. Every entry the arch model withholds is forced into a VM
// (bypassing the validator) and must be refused by libvirt/QEMU, or be listed below as
// a deliberate policy choice with its reason. The matrix is printed per arch and whole.

#include "common/TestSupport.h"
#include "e2e/E2eSupport.h"
#include "models/connection/LibvirtError.h"
#include "models/provisioning/HostChoices.h"
#include "models/provisioning/ProvisioningJobs.h"
#include "models/provisioning/StorageInventory.h"
#include "models/provisioning/VmSpecValidator.h"

#include <QElapsedTimer>
#include <QFile>
#include <QHash>
#include <gtest/gtest.h>
#include <libvirt/virterror.h>

using namespace Qt::StringLiterals;
using namespace crossvirt::test::e2e;
using namespace crossvirt::models;
namespace arch = crossvirt::arch;

namespace {

[[maybe_unused]] ::testing::Environment *const e2eEnvironment =
    ::testing::AddGlobalTestEnvironment(new LibvirtDaemonEnvironment);

// Withheld entries QEMU would start, kept out on purpose. Key: "arch/kind/id". Withheld
// entries QEMU refuses need no line here (the matrix shows the refusal).
const QString kPowerSata = u"QEMU starts it through an AHCI PCI card, but oVirt and PowerKVM "
                           u"do not support SATA on POWER guests"_s;
const QString kPowerNic = u"a PCI card QEMU emulates, but oVirt/PowerKVM offer only virtio, "
                          u"spapr-vlan, e1000 and rtl8139 on POWER"_s;
const QString kRiscvPci = u"a PCI card QEMU emulates, but RISC-V guests are virtio-only "
                          u"(no osinfo entry, distribution images use virtio)"_s;

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
        {u"s390x/console/serial"_s,
         u"libvirt maps a serial port on s390x to the same SCLP console; offered once, as "
         u"SCLP"_s},
    };
    return table;
}

enum class Result
{
    Started,
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
    QString kind; ///< disk, nic, console, cpu
    QString id;
    bool offered = true;
    Result result = Result::Failed;
    QString detail;
    qint64 ms = 0;
};

QString resultText(const Row &r)
{
    switch (r.result) {
    case Result::Started:
        return r.offered ? u"started"_s : u"STARTED (withheld, not in the policy table)"_s;
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

QList<Row> &allRows()
{
    static QList<Row> rows;
    return rows;
}

void printRows(const QList<Row> &rows)
{
    info(u"matrix"_s, u"%1 %2 %3 %4 %5"_s.arg(u"arch"_s, -8)
                          .arg(u"kind"_s, -8)
                          .arg(u"choice"_s, -12)
                          .arg(u"ms"_s, 6)
                          .arg(u"result"_s));
    for (const Row &r : rows) {
        QString detail = r.detail.simplified();
        // libvirt's text ends with QEMU's own reason: keep the head and the tail.
        if (detail.size() > 230)
            detail = detail.left(90) + u" ... "_s + detail.right(135);
        info(u"matrix"_s, u"%1 %2 %3 %4 %5%6"_s.arg(r.arch, -8)
                              .arg(r.kind, -8)
                              .arg(r.id, -12)
                              .arg(r.ms, 6)
                              .arg(resultText(r))
                              .arg(detail.isEmpty() ? QString() : u" — "_s + detail));
    }
}

class PrintWholeMatrix : public ::testing::Environment
{
public:
    void TearDown() override
    {
        if (allRows().isEmpty())
            return;
        info(u"matrix"_s, u"---- whole matrix (%1 rows) ----"_s.arg(allRows().size()));
        printRows(allRows());
    }
};
[[maybe_unused]] ::testing::Environment *const printEnvironment =
    ::testing::AddGlobalTestEnvironment(new PrintWholeMatrix);

class MatrixE2e : public LibvirtDaemonTest
{
protected:
    void SetUp() override
    {
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
        m_provider.reset();
        m_session.reset();
        LibvirtDaemonTest::TearDown();
    }

    // Creates (and starts) the VM of `spec` through the app's job, checks that QEMU runs
    // and deletes it with its volume. Returns Started or Refused (with libvirt's text).
    Row tryCreate(const VmSpec &spec, const arch::GuestContext &ctx, Row row)
    {
        QElapsedTimer timer;
        timer.start();
        QString error;
        const auto plan = planCreateVm(spec, ctx, &error);
        if (!plan) {
            row.result = Result::Failed;
            row.detail = u"no plan: "_s + error;
            return row;
        }
        CreatedVm vm;
        try {
            vm = await(createVm(m_session.get(), *plan), 180'000);
        } catch (...) {
            row.result = Result::Refused;
            row.detail = exceptionText(std::current_exception());
            row.ms = timer.elapsed();
            // A failed create removes what it made; make sure of it.
            if (virDomainPtr left = virDomainLookupByName(conn(), spec.name.toUtf8().constData())) {
                ADD_FAILURE() << "a failed create left the domain " << spec.name.toStdString();
                virDomainFree(left);
            }
            virResetLastError();
            return row;
        }
        row.result = Result::Started;
        const std::string name = spec.name.toStdString();
        virDomainPtr dom = virDomainLookupByUUIDString(conn(), vm.uuid.toUtf8().constData());
        int state = -1;
        int reason = -1;
        if (dom) {
            virDomainGetState(dom, &state, &reason, 0);
            virDomainFree(dom);
        }
        const auto pid = livingQemuPid(spec.name);
        if (spec.arch == "s390x"_L1 && state == VIR_DOMAIN_SHUTOFF &&
            reason == VIR_DOMAIN_SHUTOFF_CRASHED) {
            // No OS: the s390x BIOS finds nothing to boot, enters disabled wait and the
            // guest (on_crash=destroy) stops at once. QEMU did start it.
            row.detail = u"guest stopped itself at once (no bootable OS: disabled wait)"_s;
        } else {
            EXPECT_TRUE(state == VIR_DOMAIN_RUNNING || state == VIR_DOMAIN_PAUSED ||
                        (state == VIR_DOMAIN_CRASHED && spec.arch == "s390x"_L1))
                << name << " state " << state << " reason " << reason;
            EXPECT_TRUE(pid.has_value()) << name << ": no live QEMU process";
            if (pid && (spec.arch == "x86_64"_L1 || spec.arch == "aarch64"_L1)) {
                // <features><acpi/> must reach QEMU, or a guest cannot be shut down gently.
                QFile cmdline(u"/proc/%1/cmdline"_s.arg(*pid));
                if (cmdline.open(QIODevice::ReadOnly)) {
                    const QByteArray args = cmdline.readAll();
                    EXPECT_FALSE(args.contains("acpi=off") || args.contains("-no-acpi"))
                        << name << " runs without ACPI";
                }
            }
        }
        for (int attempt = 1; attempt <= 2; ++attempt) {
            try {
                const QStringList left = await(m_session->deleteDomain(vm.uuid, true), 60'000);
                EXPECT_TRUE(left.isEmpty()) << left.join(u"; "_s).toStdString();
                break;
            } catch (...) {
                const QString text = exceptionText(std::current_exception());
                // HostSession::deleteDomain races with a guest that stops by itself
                // between its "is it running?" check and the destroy (an s390x guest
                // with no OS): known, reported; the second attempt sees it shut off.
                if (attempt == 1 && text.contains(u"domain is not running"_s)) {
                    info(u"race"_s, u"delete raced with the guest stopping: "_s + text);
                    continue;
                }
                ADD_FAILURE() << "deleting " << name << ": " << text.toStdString();
                break;
            }
        }
        EXPECT_FALSE(livingQemuPid(spec.name).has_value()) << name << ": QEMU still runs";
        row.ms = timer.elapsed();
        return row;
    }

    void runArch(const QString &archName)
    {
        QElapsedTimer total;
        total.start();
        GuestHostContext host;
        try {
            host = await(m_provider->guestContext(archName));
        } catch (...) {
            FAIL() << exceptionText(std::current_exception()).toStdString();
        }
        ASSERT_TRUE(host.placement.offered) << host.placement.reason.toStdString();
        // The harness decides KVM or TCG (CROSSVIRT_E2E_TCG forces TCG on a KVM host).
        const arch::VirtType wanted = daemon().domainTypeFor(archName) == "kvm"_L1
                                          ? arch::VirtType::Kvm
                                          : arch::VirtType::Qemu;
        if (host.placement.virtType != wanted) {
            host.placement.virtType = wanted;
            host.domainCaps = await(m_provider->domainCapabilities(archName, host.machine, wanted));
        }
        ASSERT_TRUE(host.domainCaps)
            << "no domain capabilities: " << host.domainCapsError.toStdString();
        const auto choices = computeGuestChoices(host);
        ASSERT_TRUE(choices);
        const arch::ArchModel *model = host.model();
        const arch::DefaultDevices &d = choices->defaults;
        const arch::GuestContext ctx = host.context(false, d.firmware);
        info(u"arch"_s, u"%1 machine %2, %3, cpu %4 %5, firmware '%6', defaults disk %7 nic %8 "
                        u"console %9"_s.arg(archName, host.machine,
                                            wanted == arch::VirtType::Kvm ? u"KVM"_s : u"TCG"_s,
                                            arch::cpuModeName(d.cpu.mode), d.cpu.model, d.firmware,
                                            d.diskInterface, d.nicModel,
                                            choices->consoleTypes.firstOffered()));
        if (archName == daemon().hostArch())
            info(u"accel"_s, daemon().accelerationSummary());

        StorageSnapshot storage;
        try {
            storage = await(fetchStorage(m_session.get()));
        } catch (...) {
            FAIL() << exceptionText(std::current_exception()).toStdString();
        }

        VmSpec base;
        base.hostUri = LibvirtDaemon::localUri();
        base.arch = archName;
        base.machine = d.machine;
        base.virtType = wanted;
        base.memoryMiB = model->limits(ctx).alignMemoryMiB(512);
        base.vcpus = 1;
        base.cpu = d.cpu;
        base.firmware = d.firmware;
        base.storage.kind = StorageKind::NewVolume;
        base.storage.pool = LibvirtDaemon::poolName();
        base.storage.sizeGiB = 1; // thin qcow2: a few hundred KiB on disk
        base.storage.format = u"qcow2"_s;
        base.diskInterface = d.diskInterface;
        base.nic = NicSpec{LibvirtDaemon::networkName(), d.nicModel};
        base.graphics = d.graphics;
        base.video = d.video;
        base.console = choices->consoleTypes.firstOffered();
        base.startAfterCreate = true;

        QList<Row> rows;
        auto specFor = [&](const QString &kind, const QString &id) {
            VmSpec s = base;
            s.name = LibvirtDaemon::domainPrefix() + u"m-%1-%2-%3"_s.arg(archName, kind, id);
            if (kind == "disk"_L1)
                s.diskInterface = id;
            else if (kind == "nic"_L1)
                s.nic->model = id;
            else if (kind == "console"_L1)
                s.console = id;
            return s;
        };

        // The x86_64 default CPU (host-model under KVM) is the policy default for real
        // hosts; on a nested host whose KVM refuses IA32_ARCH_CAPABILITIES QEMU aborts.
        // The rest of the matrix then uses QEMU's default CPU, and the row says why.
        if (base.cpu.mode == arch::CpuMode::HostModel ||
            base.cpu.mode == arch::CpuMode::HostPassthrough) {
            Row r;
            r.arch = archName;
            r.kind = u"cpu"_s;
            r.id = arch::cpuModeName(base.cpu.mode);
            r = tryCreate(specFor(u"cpu"_s, r.id), ctx, r);
            if (r.result == Result::Refused && isNestedMsrDefect(r.detail)) {
                r.result = Result::HostDefect;
                r.detail = u"(arch default) the rest of the matrix uses QEMU's default CPU"_s;
                base.cpu = arch::CpuChoice{arch::CpuMode::Default, {}};
                info(u"cpu"_s, r.detail);
            } else {
                EXPECT_EQ(r.result, Result::Started) << r.detail.toStdString();
            }
            rows << r;
        }

        struct Dimension
        {
            QString kind;
            arch::ChoiceList list;
            QString defaultId;
        };
        const QList<Dimension> dims{
            {u"disk"_s, choices->diskInterfaces, base.diskInterface},
            {u"nic"_s, choices->nicModels, base.nic->model},
            {u"console"_s, choices->consoleTypes, base.console},
        };
        bool defaultsDone = false;
        for (const Dimension &dim : dims) {
            for (const arch::Choice &c : dim.list) {
                // The defaults are one VM, shown on the first dimension's row.
                if (c.offered && c.id == dim.defaultId && defaultsDone)
                    continue;
                Row r;
                r.arch = archName;
                r.kind = dim.kind;
                r.id = c.id;
                r.offered = c.offered;
                VmSpec spec = specFor(dim.kind, c.id);
                if (c.offered) {
                    const auto problems = VmSpecValidator::validate(
                        spec, *model, ctx, ValidationHost{host.hostMemoryKiB, &storage});
                    QStringList texts;
                    for (const auto &p : problems)
                        texts << p.field + u": "_s + p.message;
                    EXPECT_TRUE(problems.isEmpty())
                        << archName.toStdString() << " " << c.id.toStdString()
                        << ": the dialog would refuse it: " << texts.join(u"; "_s).toStdString();
                    if (c.id == dim.defaultId)
                        defaultsDone = true;
                }
                r = tryCreate(spec, ctx, r);
                if (c.offered) {
                    EXPECT_EQ(r.result, Result::Started)
                        << archName.toStdString() << " " << dim.kind.toStdString() << " "
                        << c.id.toStdString() << " is offered but: " << r.detail.toStdString();
                } else {
                    const QString key = u"%1/%2/%3"_s.arg(archName, dim.kind, c.id);
                    if (r.result == Result::Started) {
                        if (policyChoices().contains(key)) {
                            r.result = Result::Policy;
                            r.detail = c.reason + u" | "_s + policyChoices().value(key);
                        } else {
                            ADD_FAILURE()
                                << key.toStdString()
                                << " is withheld but QEMU starts it: offer it, or list it in "
                                   "policyChoices() with the reason ("
                                << c.reason.toStdString() << ")";
                        }
                    } else if (r.result == Result::Refused) {
                        r.detail = u"[arch: "_s + c.reason + u"] "_s + r.detail;
                    }
                }
                if (c.offered && c.id == dim.defaultId)
                    r.detail.prepend(u"(arch defaults) "_s);
                info(u"row"_s,
                     u"%1 %2 %3: %4 (%5 ms)"_s.arg(archName, dim.kind, c.id, resultText(r))
                         .arg(r.ms));
                rows << r;
            }
        }
        // CPU modes other than the default, one VM each (custom: the arch's preferred
        // model, else the host's first usable one).
        for (const arch::Choice &c : choices->cpuModes) {
            if (c.id == arch::cpuModeName(d.cpu.mode))
                continue;
            Row r;
            r.arch = archName;
            r.kind = u"cpu"_s;
            r.id = c.id;
            r.offered = c.offered;
            VmSpec spec = specFor(u"cpu"_s, c.id);
            if (c.id == "custom"_L1) {
                const QString m = d.cpu.mode == arch::CpuMode::Custom
                                      ? d.cpu.model
                                      : choices->cpuModels.firstOffered();
                if (m.isEmpty())
                    continue; // no named model known for this arch (riscv64)
                spec.cpu = arch::CpuChoice{arch::CpuMode::Custom, m};
                r.id = u"custom:"_s + m;
            } else if (c.id == "maximum"_L1) {
                spec.cpu = arch::CpuChoice{arch::CpuMode::Maximum, {}};
            } else if (c.id == "host-passthrough"_L1) {
                spec.cpu = arch::CpuChoice{arch::CpuMode::HostPassthrough, {}};
            } else if (c.id == "host-model"_L1) {
                spec.cpu = arch::CpuChoice{arch::CpuMode::HostModel, {}};
            } else {
                continue;
            }
            r = tryCreate(spec, ctx, r);
            if (r.result == Result::Refused && isNestedMsrDefect(r.detail)) {
                r.result = Result::HostDefect;
                r.detail.clear();
            } else if (c.offered) {
                EXPECT_EQ(r.result, Result::Started)
                    << archName.toStdString() << " cpu " << r.id.toStdString()
                    << " is offered but: " << r.detail.toStdString();
            } else if (r.result == Result::Started) {
                const QString key = u"%1/cpu/%2"_s.arg(archName, c.id);
                if (policyChoices().contains(key)) {
                    r.result = Result::Policy;
                    r.detail = c.reason + u" | "_s + policyChoices().value(key);
                } else {
                    ADD_FAILURE() << key.toStdString()
                                  << " is withheld but QEMU starts it: " << c.reason.toStdString();
                }
            } else {
                r.detail = u"[arch: "_s + c.reason + u"] "_s + r.detail;
            }
            info(u"row"_s, u"%1 cpu %2: %3 (%4 ms)"_s.arg(archName, r.id, resultText(r)).arg(r.ms));
            rows << r;
        }

        printRows(rows);
        allRows() << rows;
        info(u"arch"_s, u"%1: %2 VMs in %3 s"_s.arg(archName)
                            .arg(rows.size())
                            .arg(double(total.elapsed()) / 1000.0, 0, 'f', 1));
    }

    std::unique_ptr<HostSession> m_session;
    std::unique_ptr<HostChoicesProvider> m_provider;
};

TEST_F(MatrixE2e, X86_64)
{
    runArch(u"x86_64"_s);
}
TEST_F(MatrixE2e, Ppc64)
{
    runArch(u"ppc64"_s);
}
TEST_F(MatrixE2e, Ppc64le)
{
    runArch(u"ppc64le"_s);
}
TEST_F(MatrixE2e, Aarch64)
{
    runArch(u"aarch64"_s);
}
TEST_F(MatrixE2e, S390x)
{
    runArch(u"s390x"_s);
}
TEST_F(MatrixE2e, Riscv64)
{
    runArch(u"riscv64"_s);
}

} // namespace
