// ArchModel::portabilityProblems(): whether an existing guest (a template, a VM to copy)
// can run on another host. The common rules read the host's capabilities and domain
// capabilities through the same narrowed lists the dialogs offer, so a guest is refused
// for exactly what a new VM would not be offered; per-arch rules (portabilityPolicy) add
// what only the arch knows (a POWER compatibility mode newer than the host's processor).

#include "arch/ArchModel.h"
#include "arch/PowerArch.h"
#include "arch/S390xArch.h"

#include <QRegularExpression>
#include <QVersionNumber>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace crossvirt::arch {

namespace {

QVersionNumber versionOf(const QString &machine)
{
    static const QRegularExpression re(u"(\\d+(?:\\.\\d+)*)"_s);
    QVersionNumber last;
    auto it = re.globalMatch(machine);
    while (it.hasNext())
        last = QVersionNumber::fromString(it.next().captured(1));
    return last;
}

/// Adds `p` unless a problem about the same requirement is already listed.
void addProblem(QList<PortabilityProblem> &list, PortabilityProblem p)
{
    for (const PortabilityProblem &q : std::as_const(list)) {
        if (q.what == p.what)
            return;
    }
    list.append(std::move(p));
}

/// The entry of `list` for `id`: nullptr when the arch's lists do not know it (then the
/// arch cannot judge it and says nothing).
const Choice *withheld(const ChoiceList &list, const QString &id)
{
    const Choice *c = list.find(id);
    return c && !c->offered ? c : nullptr;
}

} // namespace

QList<PortabilityProblem> ArchModel::portabilityPolicy(const GuestContext &,
                                                       const GuestRequirements &) const
{
    return {};
}

QList<PortabilityProblem> ArchModel::portabilityProblems(const GuestContext &target,
                                                         const GuestRequirements &guest,
                                                         const HostCapabilities *hostCaps) const
{
    QList<PortabilityProblem> problems;
    const QString guestArch = guest.arch.isEmpty() ? name() : guest.arch;
    if (guestArch != target.arch || guestArch != name()) {
        problems.append({tr("Architecture %1").arg(guestArch),
                         tr("This host runs %1 guests here, not %2 guests")
                             .arg(target.arch.isEmpty() ? name() : target.arch, guestArch)});
        return problems; // nothing else can be judged for another arch
    }

    GuestContext ctx = target;
    ctx.running = false;
    if (!guest.machine.isEmpty())
        ctx.machine = guest.machine;
    ctx.firmware = guest.firmware;

    // The arch's own verdicts first: they win over the common ones on the same requirement.
    for (PortabilityProblem &p : portabilityPolicy(ctx, guest))
        addProblem(problems, std::move(p));

    // ---- machine type --------------------------------------------------------------------
    const MachineInfo *machine = nullptr;
    if (hostCaps && !guest.machine.isEmpty()) {
        const GuestArchCapabilities *caps = hostCaps->guest(guestArch);
        if (caps) {
            for (const MachineInfo &m : caps->machines) {
                if (m.name == guest.machine) {
                    machine = &m;
                    break;
                }
            }
        }
        if (!machine && caps) {
            for (const MachineInfo &m : caps->machines) {
                if (!m.canonical.isEmpty() && m.canonical == guest.machine) {
                    machine = &m;
                    break;
                }
            }
        }
        if (!machine && caps) {
            const QString family = machineFamily(guest.machine);
            QList<MachineInfo> same;
            for (const MachineInfo &m : caps->machines) {
                if (!family.isEmpty() && m.name != family && machineFamily(m.name) == family)
                    same.append(m);
            }
            std::stable_sort(same.begin(), same.end(),
                             [](const MachineInfo &a, const MachineInfo &b) {
                                 return versionOf(a.name) > versionOf(b.name);
                             });
            QStringList names;
            for (const MachineInfo &m : std::as_const(same)) {
                if (names.size() < 4)
                    names.append(m.name);
            }
            const QString what = tr("Machine type %1").arg(guest.machine);
            if (names.isEmpty()) {
                addProblem(problems,
                           {what, tr("This host's QEMU offers no %1 machine for %2 guests")
                                      .arg(family.isEmpty() ? guest.machine : family, guestArch)});
            } else {
                addProblem(problems, {what, tr("This host's QEMU does not offer it for %1 guests; "
                                               "it offers %2")
                                                .arg(guestArch, names.join(u", "_s))});
            }
        }
    }

    // ---- firmware ------------------------------------------------------------------------
    if (guest.firmware == "efi"_L1) {
        const FirmwareSpec fw = firmware(ctx);
        if (!fw.choices.offers(u"efi"_s)) {
            QString reason = fw.choices.reasonFor(u"efi"_s);
            if (reason.isEmpty())
                reason = tr("This host's QEMU has no UEFI firmware for %1 guests").arg(name());
            addProblem(problems, {tr("UEFI firmware"), reason});
        }
    }

    // ---- CPU -----------------------------------------------------------------------------
    const DomainCapabilities *caps = capsFor(ctx);
    if (guest.cpu.mode != CpuMode::Default) {
        const QString mode = cpuModeName(guest.cpu.mode);
        const QString what = guest.cpu.mode == CpuMode::Custom
                                 ? tr("CPU model %1").arg(guest.cpu.model)
                                 : tr("CPU mode %1").arg(cpuModeLabel(mode));
        QString reason = cpuModeWithheldReason(mode, ctx);
        if (reason.isEmpty() && caps && caps->cpuModeSupported(mode) == false) {
            reason = tr("This host's QEMU does not support the %1 CPU mode for %2 guests")
                         .arg(cpuModeLabel(mode), name());
        }
        if (reason.isEmpty() && guest.cpu.mode == CpuMode::Custom && caps &&
            !caps->customModels.isEmpty() && !guest.cpu.model.isEmpty()) {
            if (!caps->hasCustomModel(guest.cpu.model))
                reason = tr("This host's QEMU does not know the %1 CPU model").arg(guest.cpu.model);
            else if (!caps->customModelUsable(guest.cpu.model))
                reason = tr("This host cannot run the %1 CPU model").arg(guest.cpu.model);
        }
        if (!reason.isEmpty())
            addProblem(problems, {what, reason});
    }

    // ---- devices -------------------------------------------------------------------------
    const ChoiceList disks = diskInterfaces(ctx);
    const ChoiceList cdroms = cdromInterfaces(ctx);
    for (const QString &bus : guest.diskBuses) {
        bool offered = false;
        QString reason;
        for (const ChoiceList *list : {&disks, &cdroms}) {
            for (const Choice &c : *list) {
                if (diskInterfaceSpec(c.id).bus != bus)
                    continue;
                if (c.offered)
                    offered = true;
                else if (reason.isEmpty() || c.id == bus)
                    reason = c.reason;
            }
        }
        if (!offered && caps && !caps->deviceEnum(u"disk"_s, u"bus"_s).allows(bus))
            reason = reason.isEmpty() ? hostLacksReason(diskInterfaceLabel(bus)) : reason;
        if (!offered && !reason.isEmpty())
            addProblem(problems, {tr("Disk bus %1").arg(bus), reason});
    }

    const ChoiceList controllers = controllerChoices(ctx);
    for (const QString &id : guest.controllerModels) {
        if (const Choice *c = withheld(controllers, id))
            addProblem(problems, {tr("Controller %1").arg(c->label), c->reason});
    }

    const ChoiceList nics = nicModels(ctx);
    for (const QString &model : guest.nicModels) {
        if (const Choice *c = withheld(nics, model))
            addProblem(problems, {tr("NIC model %1").arg(model), c->reason});
    }

    const ChoiceList videos = videoModels(ctx);
    const CapabilityEnum videoEnum =
        caps ? caps->deviceEnum(u"video"_s, u"modelType"_s) : CapabilityEnum{};
    for (const QString &model : guest.videoModels) {
        if (model == "none"_L1)
            continue;
        if (const Choice *c = withheld(videos, model))
            addProblem(problems, {tr("Video model %1").arg(model), c->reason});
        else if (!videos.contains(model) && !videoEnum.allows(model))
            addProblem(problems, {tr("Video model %1").arg(model), hostLacksReason(model)});
    }

    const ChoiceList graphics = graphicsTypes(ctx);
    const CapabilityEnum graphicsEnum =
        caps ? caps->deviceEnum(u"graphics"_s, u"type"_s) : CapabilityEnum{};
    for (const QString &type : guest.graphicsTypes) {
        if (const Choice *c = withheld(graphics, type))
            addProblem(problems, {tr("Graphics %1").arg(graphicsLabel(type)), c->reason});
        else if (!graphics.contains(type) && !graphicsEnum.allows(type))
            addProblem(problems, {tr("Graphics %1").arg(type), hostLacksReason(type)});
    }

    const ChoiceList tpms = tpmModels(ctx);
    const CapabilityEnum tpmEnum = caps ? caps->deviceEnum(u"tpm"_s, u"model"_s) : CapabilityEnum{};
    for (const QString &model : guest.tpmModels) {
        if (const Choice *c = withheld(tpms, model))
            addProblem(problems, {tr("TPM model %1").arg(model), c->reason});
        else if (!tpms.contains(model) && !tpmEnum.allows(model))
            addProblem(problems, {tr("TPM model %1").arg(model), hostLacksReason(model)});
    }

    for (const QString &type : guest.hostdevTypes) {
        addProblem(problems, {tr("Host device (%1)").arg(type),
                              tr("A host device belongs to the host it was attached on; remove it "
                                 "from the guest first")});
    }

    // ---- vCPUs ---------------------------------------------------------------------------
    int maxCpus = machine ? machine->maxCpus : 0;
    if (maxCpus <= 0 && caps)
        maxCpus = caps->maxVcpus;
    if (guest.vcpus > 0 && maxCpus > 0 && guest.vcpus > maxCpus) {
        addProblem(problems, {tr("%n vCPU(s)", nullptr, guest.vcpus),
                              tr("The %1 machine on this host takes at most %2 vCPUs")
                                  .arg(guest.machine.isEmpty() ? familyOf(ctx) : guest.machine)
                                  .arg(maxCpus)});
    }
    return problems;
}

// ---- POWER ------------------------------------------------------------------------------

namespace {

/// 8 for "POWER8", "POWER8NVL", "power8"; 0 when the name is no POWER generation.
int powerGeneration(const QString &model)
{
    static const QRegularExpression re(u"^power(\\d+)"_s,
                                       QRegularExpression::CaseInsensitiveOption);
    const auto m = re.match(model);
    return m.hasMatch() ? m.captured(1).toInt() : 0;
}

} // namespace

QList<PortabilityProblem> PowerArch::portabilityPolicy(const GuestContext &target,
                                                       const GuestRequirements &guest) const
{
    QList<PortabilityProblem> problems;
    // Under KVM a pseries guest runs in a compatibility mode no newer than the host's
    // processor (QEMU's max-cpu-compat): a POWER10 guest cannot run on a POWER9 host. TCG
    // emulates any generation.
    if (!target.isNative() || guest.cpu.mode != CpuMode::Custom || !target.domainCaps)
        return problems;
    const int wanted = powerGeneration(guest.cpu.model);
    const int host = powerGeneration(target.domainCaps->hostModelName);
    if (wanted > 0 && host > 0 && wanted > host) {
        problems.append({tr("CPU model %1").arg(guest.cpu.model),
                         tr("This host is a POWER%1: KVM runs POWER guests in POWER%1 mode or "
                            "older, not %2")
                             .arg(host)
                             .arg(guest.cpu.model)});
    }
    return problems;
}

// ---- IBM Z ------------------------------------------------------------------------------

namespace {

/// The machine generation of an s390x CPU model: "z13", "z13s", "z13.2-base" -> 13, "z14"
/// -> 14, "gen15a" -> 15, "gen16b-base" -> 16, "zEC12"/"zBC12" -> 12, "z196"/"z114" -> 11;
/// 0 for names without one ("qemu", "max").
int zGeneration(const QString &model)
{
    static const QRegularExpression gen(u"^gen(\\d+)"_s);
    static const QRegularExpression ec(u"^z[EB]C(\\d+)"_s);
    static const QRegularExpression z(u"^z(\\d+)"_s);
    if (const auto m = gen.match(model); m.hasMatch())
        return m.captured(1).toInt();
    if (const auto m = ec.match(model); m.hasMatch())
        return m.captured(1).toInt();
    if (const auto m = z.match(model); m.hasMatch()) {
        const int n = m.captured(1).toInt();
        if (n == 196 || n == 114)
            return 11;
        if (n >= 100) // z800, z890, z900, z990
            return 6;
        return n; // z9, z10, z13, z14
    }
    return 0;
}

} // namespace

QList<PortabilityProblem> S390xArch::portabilityPolicy(const GuestContext &target,
                                                       const GuestRequirements &guest) const
{
    QList<PortabilityProblem> problems;
    // KVM on IBM Z offers the host's CPU generation and older ones only: a guest made for a
    // z16 model cannot start on a z15.
    if (!target.isNative() || guest.cpu.mode != CpuMode::Custom || !target.domainCaps)
        return problems;
    const int wanted = zGeneration(guest.cpu.model);
    const int host = zGeneration(target.domainCaps->hostModelName);
    if (wanted > 0 && host > 0 && wanted > host) {
        problems.append({tr("CPU model %1").arg(guest.cpu.model),
                         tr("This host's CPU is a generation %1 IBM Z (%2): KVM cannot give a "
                            "guest the newer %3 model")
                             .arg(host)
                             .arg(target.domainCaps->hostModelName, guest.cpu.model)});
    }
    return problems;
}

} // namespace crossvirt::arch
