// planEdit(): the changes of the details pages and `crossvirt-cli edit` as steps judged by
// the arch class, and the inactive XML with them written (the DOM libvirt gave, edited).
#include "arch/ArchRegistry.h"
#include "models/provisioning/NameRules.h"
#include "models/vmedit/VmEdit.h"
#include "models/vmedit/VmEditInternal.h"
#include "models/vmedit/VmXmlDom.h"

#include <functional>
#include <optional>

using namespace Qt::StringLiterals;

namespace crossvirt::models {

// ---- VmEditContext and EditPlan ----------------------------------------------------------

const arch::ArchModel *VmEditContext::model() const
{
    return arch::ArchRegistry::instance().find(inactive.arch.isEmpty() ? live.arch : inactive.arch);
}

arch::GuestContext VmEditContext::context() const
{
    arch::GuestContext ctx = inactive.context(domainCaps.get());
    ctx.running = live.running;
    return ctx;
}

arch::GuestFacts VmEditContext::facts() const
{
    arch::GuestFacts f = inactive.facts();
    if (live.running) {
        f.vcpus = live.vcpus;
        f.maxVcpus = live.maxVcpus;
        f.memoryMiB = live.memoryMiB;
        f.currentMemoryMiB = live.currentMemoryMiB;
        f.maxMemoryMiB = live.maxMemoryMiB;
        f.memorySlots = live.memorySlots;
        const arch::GuestFacts lf = live.facts();
        f.freeMemorySlots = lf.freeMemorySlots;
        f.hasBalloon = lf.hasBalloon;
        f.hasNumaCell = lf.hasNumaCell;
        f.freePciSlots = lf.freePciSlots; // hot-plug room is the running guest's
    }
    f.hostMemoryMiB = hostMemoryMiB;
    f.hostCpus = hostCpus;
    return f;
}

bool EditPlan::ok() const
{
    return std::none_of(steps.cbegin(), steps.cend(),
                        [](const EditStep &s) { return !s.rule.allowed(); });
}

QString EditPlan::refusals() const
{
    QStringList lines;
    for (const EditStep &s : steps) {
        if (!s.rule.allowed())
            lines << VmEditSteps::tr("%1: %2").arg(s.description, s.rule.reason);
    }
    return lines.join(u'\n');
}

bool EditPlan::needsRestart() const
{
    return running && std::any_of(steps.cbegin(), steps.cend(), [](const EditStep &s) {
               return s.rule.timing == arch::ChangeTiming::NextBoot &&
                      s.request.change != arch::GuestChange::Autostart;
           });
}

// ---- shared plan helpers ------------------------------------------------------------------

namespace vmedit {

arch::ChangeRule refused(const QString &reason)
{
    return arch::ChangeRule{arch::ChangeTiming::Refused, reason};
}

arch::ChangeRule scoped(const VmEditContext &ctx, arch::ChangeRule rule, const EditScope &scope,
                        bool liveCall)
{
    if (!rule.allowed())
        return rule;
    if (!ctx.running()) {
        if (!scope.config)
            return refused(VmEditSteps::tr("The virtual machine is not running: a change can "
                                           "only go to its definition (--config)"));
        return arch::ChangeRule{arch::ChangeTiming::NextBoot, {}};
    }
    if (rule.timing == arch::ChangeTiming::Now && !liveCall)
        rule = arch::ChangeRule{arch::ChangeTiming::NextBoot,
                                VmEditSteps::tr("libvirt cannot change this on a running guest")};
    if (rule.timing == arch::ChangeTiming::Now && !scope.live)
        rule = arch::ChangeRule{arch::ChangeTiming::NextBoot,
                                VmEditSteps::tr("written to the definition only (--config)")};
    if (rule.timing == arch::ChangeTiming::NextBoot && !scope.config) {
        const QString why = rule.reason.isEmpty()
                                ? VmEditSteps::tr("cannot apply to the running guest; use --config")
                                : VmEditSteps::tr("%1: cannot apply to the running guest; use "
                                                  "--config")
                                      .arg(rule.reason);
        return refused(why);
    }
    return rule;
}

EditPlan refusedPlan(const VmEditContext &ctx, const EditScope &scope,
                     const arch::GuestChangeRequest &request, const QString &description,
                     const QString &reason)
{
    EditPlan plan;
    plan.uuid = ctx.inactive.uuid.isEmpty() ? ctx.live.uuid : ctx.inactive.uuid;
    plan.scope = scope;
    plan.running = ctx.running();
    EditStep step;
    step.request = request;
    step.description = description;
    step.rule = refused(reason);
    plan.steps << step;
    return plan;
}

arch::ChangeRule ruleFor(const VmEditContext &ctx, const arch::GuestFacts &facts,
                         const arch::GuestChangeRequest &request)
{
    const arch::ArchModel *model = ctx.model();
    if (!model)
        return refused(VmEditSteps::tr("Crossvirt does not know the architecture “%1”.")
                           .arg(ctx.inactive.arch));
    return model->changeRule(ctx.context(), facts, request);
}

} // namespace vmedit

// ---- planEdit -----------------------------------------------------------------------------

namespace {

using vmedit::refused;
using vmedit::ruleFor;
using vmedit::scoped;

QString mib(qint64 v)
{
    return VmEditSteps::tr("%1 MiB").arg(v);
}

QString onOff(bool on)
{
    return on ? VmEditSteps::tr("on") : VmEditSteps::tr("off");
}

QString cpuText(const arch::CpuChoice &cpu)
{
    if (cpu.mode == arch::CpuMode::Default)
        return VmEditSteps::tr("hypervisor default");
    if (cpu.mode == arch::CpuMode::Custom)
        return cpu.model;
    return arch::cpuModeName(cpu.mode);
}

QString topologyText(int sockets, int cores, int threads)
{
    if (sockets <= 0 && cores <= 0 && threads <= 0)
        return VmEditSteps::tr("none");
    return VmEditSteps::tr("%1 sockets × %2 cores × %3 threads")
        .arg(qMax(1, sockets))
        .arg(qMax(1, cores))
        .arg(qMax(1, threads));
}

QString listText(const QStringList &ids)
{
    return ids.isEmpty() ? VmEditSteps::tr("none") : ids.join(u", "_s);
}

QString quoted(const QString &s)
{
    return VmEditSteps::tr("“%1”").arg(s);
}

/// Writes KiB values as libvirt does (exact for any MiB count).
void setKiB(QDomElement e, qint64 mibValue)
{
    e.setAttribute(u"unit"_s, u"KiB"_s);
    while (e.hasChildNodes())
        e.removeChild(e.firstChild());
    e.appendChild(e.ownerDocument().createTextNode(QString::number(mibValue * 1024)));
}

QList<QDomElement> numaCells(const QDomElement &domain)
{
    QList<QDomElement> out;
    const QDomElement numa = vmxml::child(vmxml::child(domain, u"cpu"_s), u"numa"_s);
    for (QDomElement c = numa.firstChildElement(u"cell"_s); !c.isNull();
         c = c.nextSiblingElement(u"cell"_s))
        out << c;
    return out;
}

/// Builds the plan step by step; each step's XML change is written only when the step is
/// allowed and the scope writes the definition.
class EditPlanner
{
public:
    EditPlanner(const VmEditContext &ctx, const VmConfig &wanted, const EditScope &scope)
        : m_ctx(ctx), m_old(ctx.inactive), m_wanted(wanted), m_scope(scope), m_facts(ctx.facts()),
          m_doc(vmxml::parse(ctx.inactiveXml))
    {
        m_plan.uuid = m_old.uuid.isEmpty() ? ctx.live.uuid : m_old.uuid;
        m_plan.scope = scope;
        m_plan.running = ctx.running();
        m_domain = m_doc.documentElement();
    }

    EditPlan run()
    {
        if (m_domain.isNull()) {
            return vmedit::refusedPlan(m_ctx, m_scope, {}, VmEditSteps::tr("Definition"),
                                       VmEditSteps::tr("The virtual machine's definition could "
                                                       "not be read."));
        }
        rename();
        metadata();
        vcpus();
        topology();
        cpuModel();
        hotplugCeiling(); // first: the boot memory is judged against the new ceiling
        memory();
        bootOrder();
        firmware();
        kernelBoot();
        autostart();
        if (m_changed && m_scope.config)
            m_plan.newInactiveXml = vmxml::toString(m_doc);
        return m_plan;
    }

private:
    /// Adds a step; `write` edits the DOM when the step goes into the definition.
    EditStep &step(const arch::GuestChangeRequest &request, const QString &description,
                   arch::ChangeRule rule, const std::function<void()> &write = {})
    {
        EditStep s;
        s.request = request;
        s.description = description;
        s.rule = rule;
        if (write && vmedit::writesConfig(s, m_scope)) {
            write();
            m_changed = true;
        }
        m_plan.steps << s;
        return m_plan.steps.last();
    }

    arch::ChangeRule judge(const arch::GuestChangeRequest &request, bool liveCall,
                           const arch::GuestFacts *facts = nullptr) const
    {
        return scoped(m_ctx, ruleFor(m_ctx, facts ? *facts : m_facts, request), m_scope, liveCall);
    }

    /// A new name: virDomainRename at apply time, not the definition (libvirt refuses a
    /// definition whose name differs from the domain's of the same UUID). The definition
    /// other steps write carries the new name, as it is defined after the rename.
    void rename()
    {
        if (m_wanted.name == m_old.name)
            return;
        arch::GuestChangeRequest r{arch::GuestChange::Rename, {}, {}, 0, 0};
        arch::ChangeRule rule = judge(r, false);
        if (rule.allowed()) {
            const QStringList problems =
                NameRules::vmNameProblems(m_wanted.name, m_ctx.otherVmNames);
            if (!problems.isEmpty())
                rule = refused(problems.join(u' '));
            else
                rule.timing = arch::ChangeTiming::Now; // virDomainRename takes effect at once
        }
        EditStep s;
        s.request = r;
        s.description =
            VmEditSteps::tr("Name: %1 → %2").arg(quoted(m_old.name), quoted(m_wanted.name));
        // libvirt 9.0 moves nothing on a rename. A UEFI guest whose definition names no
        // variables file (firmware autoselection: <os firmware='efi'>) gets one named after
        // the VM at each start, so the next start makes a fresh one from the template and the
        // old one (boot entries, Secure Boot keys) stays behind unused. A named file is kept.
        const QDomElement nvram = vmxml::child(vmxml::child(m_domain, u"os"_s), u"nvram"_s);
        if (m_old.firmware == "efi"_L1 && nvram.text().trimmed().isEmpty())
            s.description += VmEditSteps::tr(" (its UEFI variables start afresh: libvirt names "
                                             "their file after the VM)");
        s.rule = rule;
        s.deviceXml = m_wanted.name;
        if (vmedit::writesConfig(s, m_scope))
            vmxml::setChildText(m_domain, u"name"_s, m_wanted.name); // no define of its own
        m_plan.steps << s;
    }

    void metadata()
    {
        auto text = [&](const QString &field, const QString &from, const QString &to,
                        const QString &label) {
            if (from == to)
                return;
            arch::GuestChangeRequest r{arch::GuestChange::Metadata, {}, field, 0, 0};
            EditStep &s =
                step(r, VmEditSteps::tr("%1: %2 → %3").arg(label, quoted(from), quoted(to)),
                     judge(r, true), [&] { vmxml::setChildText(m_domain, field, to); });
            // The live call (virDomainSetMetadata) needs the text: carried in deviceXml.
            s.deviceXml = to;
        };
        text(u"title"_s, m_old.title, m_wanted.title, VmEditSteps::tr("Title"));
        text(u"description"_s, m_old.description, m_wanted.description,
             VmEditSteps::tr("Description"));
    }

    void vcpus()
    {
        const bool maxChanged = m_wanted.maxVcpus != m_old.maxVcpus;
        const bool countChanged = m_wanted.vcpus != m_old.vcpus;
        if (!maxChanged && !countChanged)
            return;
        bool maxAllowed = false;
        bool countAllowed = false;
        int sockets = m_old.sockets;
        if (maxChanged) {
            arch::GuestChangeRequest r{
                arch::GuestChange::MaxVcpus, {}, {}, m_old.maxVcpus, m_wanted.maxVcpus};
            arch::ChangeRule rule = judge(r, false);
            QString description = VmEditSteps::tr("Maximum vCPUs: %1 → %2")
                                      .arg(m_old.maxVcpus)
                                      .arg(m_wanted.maxVcpus);
            // A topology the user left alone follows the new maximum through its sockets.
            const bool topologyKept = m_wanted.sockets == m_old.sockets &&
                                      m_wanted.cores == m_old.cores &&
                                      m_wanted.threads == m_old.threads;
            if (rule.allowed() && topologyKept && m_old.sockets > 0) {
                const int perSocket = qMax(1, m_old.cores) * qMax(1, m_old.threads);
                if (m_wanted.maxVcpus % perSocket != 0) {
                    rule = refused(VmEditSteps::tr("The topology has %1 vCPUs per socket; the "
                                                   "maximum must be a multiple of it")
                                       .arg(perSocket));
                } else {
                    sockets = m_wanted.maxVcpus / perSocket;
                    description += VmEditSteps::tr(" (%1 sockets)").arg(sockets);
                }
            }
            maxAllowed = step(r, description, rule).rule.allowed();
        }
        if (countChanged) {
            arch::GuestFacts facts = m_facts;
            if (maxAllowed)
                facts.maxVcpus = m_wanted.maxVcpus;
            const int from = m_ctx.running() ? m_ctx.live.vcpus : m_old.vcpus;
            arch::GuestChangeRequest r{arch::GuestChange::VcpuCount, {}, {}, from, m_wanted.vcpus};
            arch::ChangeRule rule = judge(r, true, &facts);
            if (rule.timing == arch::ChangeTiming::Now && m_wanted.vcpus > m_ctx.live.maxVcpus) {
                rule = m_scope.config
                           ? arch::ChangeRule{arch::ChangeTiming::NextBoot,
                                              VmEditSteps::tr("the new maximum of vCPUs applies "
                                                              "at the next boot")}
                           : refused(VmEditSteps::tr("the running guest has at most %1 vCPUs")
                                         .arg(m_ctx.live.maxVcpus));
            }
            EditStep &s =
                step(r, VmEditSteps::tr("vCPUs: %1 → %2").arg(from).arg(m_wanted.vcpus), rule);
            countAllowed = s.rule.allowed();
        }
        if (!m_scope.config || (!maxAllowed && !countAllowed))
            return;
        const int max = maxAllowed ? m_wanted.maxVcpus : m_old.maxVcpus;
        const int current = countAllowed ? m_wanted.vcpus : m_old.vcpus;
        QDomElement v = vmxml::ensureChild(m_domain, u"vcpu"_s);
        while (v.hasChildNodes())
            v.removeChild(v.firstChild());
        v.appendChild(m_doc.createTextNode(QString::number(max)));
        if (current > 0 && current < max)
            v.setAttribute(u"current"_s, QString::number(current));
        else
            v.removeAttribute(u"current"_s);
        if (maxAllowed) {
            if (sockets != m_old.sockets) {
                vmxml::child(vmxml::child(m_domain, u"cpu"_s), u"topology"_s)
                    .setAttribute(u"sockets"_s, QString::number(sockets));
            }
            // One NUMA cell holds every vCPU; several are the user's own layout.
            const QList<QDomElement> cells = numaCells(m_domain);
            if (cells.size() == 1)
                QDomElement(cells.first()).setAttribute(u"cpus"_s, vmxml::cpuRange(max));
        }
        m_changed = true;
    }

    void topology()
    {
        if (m_wanted.sockets == m_old.sockets && m_wanted.cores == m_old.cores &&
            m_wanted.threads == m_old.threads)
            return;
        // The arch judges the threads per core (emulated POWER guests take one).
        arch::GuestChangeRequest r{arch::GuestChange::CpuTopology, {}, {},
                                   qMax(1, m_old.threads), qMax(1, m_wanted.threads)};
        arch::ChangeRule rule = judge(r, false);
        const int max = m_wanted.maxVcpus > 0 ? m_wanted.maxVcpus : m_old.maxVcpus;
        const bool none = m_wanted.sockets <= 0 && m_wanted.cores <= 0 && m_wanted.threads <= 0;
        const int product =
            qMax(1, m_wanted.sockets) * qMax(1, m_wanted.cores) * qMax(1, m_wanted.threads);
        if (rule.allowed() && !none && product != max) {
            rule = refused(VmEditSteps::tr("The topology gives %1 vCPUs; it must equal the "
                                           "maximum of %2")
                               .arg(product)
                               .arg(max));
        }
        step(r,
             VmEditSteps::tr("CPU topology: %1 → %2")
                 .arg(topologyText(m_old.sockets, m_old.cores, m_old.threads),
                      topologyText(m_wanted.sockets, m_wanted.cores, m_wanted.threads)),
             rule, [&] {
                 QDomElement cpu = vmxml::ensureChild(m_domain, u"cpu"_s);
                 if (none) {
                     vmxml::removeChildren(cpu, u"topology"_s);
                     return;
                 }
                 QDomElement t = vmxml::ensureChild(cpu, u"topology"_s);
                 t.setAttribute(u"sockets"_s, QString::number(qMax(1, m_wanted.sockets)));
                 if (!t.hasAttribute(u"dies"_s))
                     t.setAttribute(u"dies"_s, u"1"_s);
                 t.setAttribute(u"cores"_s, QString::number(qMax(1, m_wanted.cores)));
                 t.setAttribute(u"threads"_s, QString::number(qMax(1, m_wanted.threads)));
             });
    }

    void cpuModel()
    {
        if (m_wanted.cpu == m_old.cpu)
            return;
        const QString id = m_wanted.cpu.mode == arch::CpuMode::Custom
                               ? m_wanted.cpu.model
                               : arch::cpuModeName(m_wanted.cpu.mode);
        arch::GuestChangeRequest r{arch::GuestChange::CpuModel, {}, id, 0, 0};
        step(r, VmEditSteps::tr("CPU: %1 → %2").arg(cpuText(m_old.cpu), cpuText(m_wanted.cpu)),
             judge(r, false), [&] {
                 QDomElement cpu = vmxml::ensureChild(m_domain, u"cpu"_s);
                 vmxml::removeChildren(cpu, u"model"_s);
                 vmxml::removeChildren(cpu, u"feature"_s);
                 vmxml::removeChildren(cpu, u"vendor"_s);
                 cpu.removeAttribute(u"check"_s);
                 if (m_wanted.cpu.mode == arch::CpuMode::Default) {
                     cpu.removeAttribute(u"mode"_s);
                     cpu.removeAttribute(u"match"_s);
                     // Topology and NUMA stay; an empty <cpu> goes.
                     if (cpu.firstChildElement().isNull())
                         m_domain.removeChild(cpu);
                     return;
                 }
                 cpu.setAttribute(u"mode"_s, arch::cpuModeName(m_wanted.cpu.mode));
                 if (m_wanted.cpu.mode == arch::CpuMode::Custom) {
                     cpu.setAttribute(u"match"_s, u"exact"_s);
                     QDomElement model = m_doc.createElement(u"model"_s);
                     model.setAttribute(u"fallback"_s, u"forbid"_s);
                     model.appendChild(m_doc.createTextNode(m_wanted.cpu.model));
                     cpu.insertBefore(model, cpu.firstChild());
                 } else {
                     cpu.removeAttribute(u"match"_s);
                 }
             });
    }

    void memory()
    {
        const bool bootChanged = m_wanted.memoryMiB != m_old.memoryMiB;
        const bool currentChanged = m_wanted.currentMemoryMiB != m_old.currentMemoryMiB;
        bool bootAllowed = false;
        bool grownNow = false; // a memory module plugged into the running guest
        if (bootChanged) {
            const qint64 liveMemory = m_ctx.running() ? m_ctx.live.memoryMiB : m_old.memoryMiB;
            const bool hotplug =
                m_ctx.running() && m_ctx.live.maxMemoryMiB > 0 && m_wanted.memoryMiB > liveMemory;
            if (hotplug && hotplugDimm(liveMemory)) {
                bootAllowed = true;
                grownNow = true;
            } else {
                arch::GuestChangeRequest r{
                    arch::GuestChange::MaxMemory, {}, {}, m_old.memoryMiB, m_wanted.memoryMiB};
                arch::GuestFacts facts = m_facts;
                if (m_ceilingMiB && !m_ctx.running())
                    facts.maxMemoryMiB = *m_ceilingMiB;
                arch::ChangeRule rule = judge(r, false, &facts);
                const QList<QDomElement> cells = numaCells(m_domain);
                if (rule.allowed() && cells.size() > 1)
                    rule = refused(VmEditSteps::tr("The memory is split over %1 NUMA cells; "
                                                   "change them in the XML")
                                       .arg(cells.size()));
                bootAllowed =
                    step(r,
                         VmEditSteps::tr("Memory: %1 → %2")
                             .arg(mib(m_old.memoryMiB), mib(m_wanted.memoryMiB)),
                         rule,
                         [&] {
                             setKiB(vmxml::ensureChild(m_domain, u"memory"_s), m_wanted.memoryMiB);
                             if (cells.size() == 1) {
                                 QDomElement cell = cells.first();
                                 cell.setAttribute(u"memory"_s,
                                                   QString::number(m_wanted.memoryMiB * 1024));
                                 cell.setAttribute(u"unit"_s, u"KiB"_s);
                             }
                             // A balloon target the user left alone follows the memory.
                             if (!currentChanged)
                                 setKiB(vmxml::ensureChild(m_domain, u"currentMemory"_s),
                                        m_wanted.memoryMiB);
                         })
                        .rule.allowed();
            }
        }
        if (currentChanged) {
            arch::GuestFacts facts = m_facts;
            if (bootAllowed && (!m_ctx.running() || grownNow))
                facts.memoryMiB = m_wanted.memoryMiB;
            const qint64 from =
                m_ctx.running() ? m_ctx.live.currentMemoryMiB : m_old.currentMemoryMiB;
            arch::GuestChangeRequest r{
                arch::GuestChange::MemoryCurrent, {}, {}, from, m_wanted.currentMemoryMiB};
            arch::ChangeRule rule = judge(r, true, &facts);
            if (m_ctx.running() && bootAllowed && !grownNow &&
                m_wanted.currentMemoryMiB > facts.memoryMiB) {
                // Above the running guest's memory: it goes with the new memory.
                facts.memoryMiB = m_wanted.memoryMiB;
                rule = judge(r, false, &facts);
                if (rule.timing == arch::ChangeTiming::NextBoot)
                    rule.reason = VmEditSteps::tr("the new memory applies at the next boot");
            }
            step(r,
                 VmEditSteps::tr("Current memory: %1 → %2")
                     .arg(mib(from), mib(m_wanted.currentMemoryMiB)),
                 rule, [&] {
                     setKiB(vmxml::ensureChild(m_domain, u"currentMemory"_s),
                            m_wanted.currentMemoryMiB);
                 });
        }
    }

    /// Memory added to a running guest as a DIMM; false when the arch says it cannot be
    /// (the caller then plans a change of the boot memory for the next boot).
    bool hotplugDimm(qint64 liveMemory)
    {
        const qint64 size = m_wanted.memoryMiB - liveMemory;
        arch::GuestChangeRequest r{
            arch::GuestChange::HotplugMemory, u"dimm"_s, {}, liveMemory, size};
        const arch::ChangeRule rule = judge(r, true);
        if (rule.timing != arch::ChangeTiming::Now)
            return false;
        QString dimm;
        {
            QDomDocument d;
            QDomElement mem = d.createElement(u"memory"_s);
            mem.setAttribute(u"model"_s, u"dimm"_s);
            QDomElement target = d.createElement(u"target"_s);
            QDomElement sz = d.createElement(u"size"_s);
            sz.setAttribute(u"unit"_s, u"KiB"_s);
            sz.appendChild(d.createTextNode(QString::number(size * 1024)));
            target.appendChild(sz);
            if (m_ctx.live.numaCells > 0) {
                QDomElement node = d.createElement(u"node"_s);
                node.appendChild(d.createTextNode(u"0"_s));
                target.appendChild(node);
            }
            mem.appendChild(target);
            d.appendChild(mem);
            dimm = vmxml::elementToString(mem);
        }
        EditStep &s =
            step(r,
                 VmEditSteps::tr("Memory: %1 → %2 (a %3 memory module)")
                     .arg(mib(liveMemory), mib(m_wanted.memoryMiB), mib(size)),
                 rule, [&] {
                     QDomElement devices = vmxml::ensureChild(m_domain, u"devices"_s);
                     devices.appendChild(vmxml::importElement(m_doc, dimm));
                     // <memory> counts the modules too (libvirt takes the boot
                     // memory as <memory> minus them where there is no NUMA cell).
                     setKiB(vmxml::ensureChild(m_domain, u"memory"_s), m_old.memoryMiB + size);
                     if (m_old.currentMemoryMiB == m_old.memoryMiB)
                         setKiB(vmxml::ensureChild(m_domain, u"currentMemory"_s),
                                m_old.memoryMiB + size);
                 });
        s.deviceXml = dimm;
        return true;
    }

    /// <maxMemory slots> (the ceiling memory modules can be added up to).
    void hotplugCeiling()
    {
        if (m_wanted.maxMemoryMiB == m_old.maxMemoryMiB &&
            m_wanted.memorySlots == m_old.memorySlots)
            return;
        arch::GuestChangeRequest r{arch::GuestChange::MaxMemory,
                                   {},
                                   u"maxMemory"_s,
                                   m_old.maxMemoryMiB,
                                   m_wanted.maxMemoryMiB};
        arch::ChangeRule rule;
        if (m_wanted.maxMemoryMiB > 0) {
            // The arch's checks of a memory size (step, host), without the old ceiling...
            arch::GuestFacts facts = m_facts;
            facts.maxMemoryMiB = 0;
            rule = judge(r, false, &facts);
            // ...and whether its guests can hot-plug memory at all.
            if (const arch::ArchModel *model = m_ctx.model(); model && rule.allowed()) {
                const arch::Operation hotplug = model->operations(m_ctx.context()).memoryHotplug;
                if (!hotplug)
                    rule = refused(hotplug.reason);
            }
        } else {
            rule = scoped(m_ctx,
                          arch::ChangeRule{arch::ChangeTiming::NextBoot,
                                           VmEditSteps::tr("The maximum memory takes effect when "
                                                           "the guest next starts")},
                          m_scope, false);
            if (rule.allowed() && !m_old.devicesOf(u"dimm"_s).isEmpty())
                rule = refused(VmEditSteps::tr("Remove the guest's memory modules first"));
        }
        const qint64 boot = m_wanted.memoryMiB > 0 ? m_wanted.memoryMiB : m_old.memoryMiB;
        if (rule.allowed() && m_wanted.maxMemoryMiB > 0 && m_wanted.maxMemoryMiB < boot)
            rule = refused(VmEditSteps::tr("The maximum memory %1 is below the memory %2")
                               .arg(mib(m_wanted.maxMemoryMiB), mib(boot)));
        if (rule.allowed() && m_wanted.maxMemoryMiB > 0 && m_wanted.memorySlots <= 0)
            rule = refused(VmEditSteps::tr("Memory hot-plug needs at least one slot"));
        const QString to = m_wanted.maxMemoryMiB > 0 ? VmEditSteps::tr("%1 in %2 slots")
                                                           .arg(mib(m_wanted.maxMemoryMiB))
                                                           .arg(m_wanted.memorySlots)
                                                     : VmEditSteps::tr("none");
        const QString from = m_old.maxMemoryMiB > 0 ? VmEditSteps::tr("%1 in %2 slots")
                                                          .arg(mib(m_old.maxMemoryMiB))
                                                          .arg(m_old.memorySlots)
                                                    : VmEditSteps::tr("none");
        if (rule.allowed())
            m_ceilingMiB = m_wanted.maxMemoryMiB;
        step(r, VmEditSteps::tr("Maximum memory for hot-plug: %1 → %2").arg(from, to), rule, [&] {
            if (m_wanted.maxMemoryMiB <= 0) {
                vmxml::removeChildren(m_domain, u"maxMemory"_s);
                return;
            }
            QDomElement e = vmxml::ensureChild(m_domain, u"maxMemory"_s);
            setKiB(e, m_wanted.maxMemoryMiB);
            e.setAttribute(u"slots"_s, QString::number(m_wanted.memorySlots));
            if (numaCells(m_domain).isEmpty() && needsNumaCell()) {
                // QEMU plugs memory modules into a NUMA node: one holding every vCPU and
                // the boot memory.
                QDomElement cpu = vmxml::ensureChild(m_domain, u"cpu"_s);
                QDomElement numa = vmxml::ensureChild(cpu, u"numa"_s);
                QDomElement cell = m_doc.createElement(u"cell"_s);
                cell.setAttribute(u"id"_s, u"0"_s);
                const int max = m_wanted.maxVcpus > 0 ? m_wanted.maxVcpus : m_old.maxVcpus;
                cell.setAttribute(u"cpus"_s, vmxml::cpuRange(max));
                cell.setAttribute(u"memory"_s, QString::number(boot * 1024));
                cell.setAttribute(u"unit"_s, u"KiB"_s);
                numa.appendChild(cell);
            }
        });
    }

    /// Whether memory hot-plug needs a NUMA cell on this guest (the arch's limits say).
    bool needsNumaCell() const
    {
        const arch::ArchModel *model = m_ctx.model();
        if (!model)
            return false;
        return model->limits(m_ctx.context()).memoryHotplugNeedsNumaCell;
    }

    void bootOrder()
    {
        const QStringList from = m_old.bootOrder();
        const QStringList to = m_wanted.bootOrder();
        if (from == to)
            return;
        arch::GuestChangeRequest r{arch::GuestChange::BootOrder, {}, {}, from.size(), to.size()};
        arch::ChangeRule rule = judge(r, false);
        static const QStringList bootable{u"disk"_s, u"cdrom"_s, u"nic"_s, u"usb-host"_s,
                                          u"pci-host"_s};
        for (const QString &id : to) {
            const VmDevice *d = m_old.device(id);
            if (rule.allowed() && !d)
                rule = refused(VmEditSteps::tr("The virtual machine has no device “%1”").arg(id));
            else if (rule.allowed() && !bootable.contains(d->kind))
                rule = refused(VmEditSteps::tr("“%1” cannot be booted from").arg(d->label()));
        }
        if (const arch::ArchModel *model = m_ctx.model(); model && rule.allowed()) {
            const arch::BootOrderRules rules = model->bootOrderRules(m_ctx.context());
            if (rules.maxDevices > 0 && to.size() > rules.maxDevices)
                rule = refused(rules.reason);
        }
        step(r, VmEditSteps::tr("Boot order: %1 → %2").arg(listText(from), listText(to)), rule,
             [&] {
                 // Per-device <boot order>, never together with <os><boot dev>.
                 vmxml::removeChildren(vmxml::child(m_domain, u"os"_s), u"boot"_s);
                 const QList<QDomElement> elements = vmxml::deviceElements(m_doc);
                 for (QDomElement e : elements)
                     vmxml::removeChildren(e, u"boot"_s);
                 for (qsizetype i = 0; i < to.size(); ++i) {
                     const VmDevice *d = m_old.device(to[i]);
                     const qsizetype at = d ? qsizetype(d - m_old.devices.constData()) : -1;
                     if (at < 0 || at >= elements.size())
                         continue;
                     QDomElement boot = m_doc.createElement(u"boot"_s);
                     boot.setAttribute(u"order"_s, QString::number(i + 1));
                     QDomElement(elements[at]).appendChild(boot);
                 }
             });
    }

    void firmware()
    {
        if (m_wanted.firmware == m_old.firmware)
            return;
        // "default" is the arch's own firmware (SeaBIOS, SLOF, ...): the arch says whether
        // the guest may leave UEFI for it.
        arch::GuestChangeRequest r{arch::GuestChange::Firmware,
                                   {},
                                   m_wanted.firmware.isEmpty() ? u"default"_s : m_wanted.firmware,
                                   0,
                                   0};
        const arch::ChangeRule rule = judge(r, false);
        const auto name = [](const QString &f) {
            return f == "efi"_L1 ? VmEditSteps::tr("UEFI") : VmEditSteps::tr("default");
        };
        step(
            r,
            VmEditSteps::tr("Firmware: %1 → %2").arg(name(m_old.firmware), name(m_wanted.firmware)),
            rule, [&] {
                QDomElement os = vmxml::ensureChild(m_domain, u"os"_s);
                if (m_wanted.firmware == "efi"_L1) {
                    os.setAttribute(u"firmware"_s, u"efi"_s);
                    return;
                }
                os.removeAttribute(u"firmware"_s);
                vmxml::removeChildren(os, u"loader"_s);
                vmxml::removeChildren(os, u"nvram"_s);
                vmxml::removeChildren(os, u"firmware"_s);
            });
    }

    void kernelBoot()
    {
        QStringList changes;
        auto note = [&](const QString &label, const QString &from, const QString &to) {
            if (from != to)
                changes << VmEditSteps::tr("%1 %2 → %3").arg(label, quoted(from), quoted(to));
        };
        note(VmEditSteps::tr("kernel"), m_old.kernel, m_wanted.kernel);
        note(VmEditSteps::tr("initrd"), m_old.initrd, m_wanted.initrd);
        note(VmEditSteps::tr("command line"), m_old.cmdline, m_wanted.cmdline);
        note(VmEditSteps::tr("device tree"), m_old.dtb, m_wanted.dtb);
        if (changes.isEmpty())
            return;
        arch::GuestChangeRequest r{arch::GuestChange::KernelBoot, {}, {}, 0, 0};
        arch::ChangeRule rule = judge(r, false);
        if (const arch::ArchModel *model = m_ctx.model();
            model && rule.allowed() && !m_wanted.dtb.isEmpty()) {
            const arch::Operation dtb = model->deviceTree(m_ctx.context());
            if (!dtb)
                rule = refused(dtb.reason);
        }
        if (rule.allowed() && m_wanted.kernel.isEmpty() &&
            !(m_wanted.initrd.isEmpty() && m_wanted.cmdline.isEmpty() && m_wanted.dtb.isEmpty()))
            rule =
                refused(VmEditSteps::tr("An initrd, command line or device tree needs a kernel"));
        step(r, VmEditSteps::tr("Direct kernel boot: %1").arg(changes.join(u", "_s)), rule, [&] {
            QDomElement os = vmxml::ensureChild(m_domain, u"os"_s);
            vmxml::setChildText(os, u"kernel"_s, m_wanted.kernel);
            vmxml::setChildText(os, u"initrd"_s, m_wanted.initrd);
            vmxml::setChildText(os, u"cmdline"_s, m_wanted.cmdline);
            vmxml::setChildText(os, u"dtb"_s, m_wanted.dtb);
        });
    }

    void autostart()
    {
        if (m_wanted.autostart == m_old.autostart)
            return;
        arch::GuestChangeRequest r{arch::GuestChange::Autostart,
                                   {},
                                   {},
                                   m_old.autostart ? 1 : 0,
                                   m_wanted.autostart ? 1 : 0};
        // Not part of either definition: libvirt keeps it beside them, whatever the scope.
        step(r,
             VmEditSteps::tr("Start with the host: %1 → %2")
                 .arg(onOff(m_old.autostart), onOff(m_wanted.autostart)),
             ruleFor(m_ctx, m_facts, r));
    }

    const VmEditContext &m_ctx;
    const VmConfig &m_old;
    const VmConfig &m_wanted;
    EditScope m_scope;
    arch::GuestFacts m_facts;
    QDomDocument m_doc;
    QDomElement m_domain;
    EditPlan m_plan;
    bool m_changed = false;
    /// The hot-plug ceiling boot memory is judged against: the new one once allowed.
    std::optional<qint64> m_ceilingMiB;
};

} // namespace

EditPlan planEdit(const VmEditContext &ctx, const VmConfig &wanted, const EditScope &scope)
{
    return EditPlanner(ctx, wanted, scope).run();
}

} // namespace crossvirt::models
