// The migration check's pure part: reading the VM's XML, judging one destination from what
// was learnt about it, the migrate flags, and the value types' helpers.

#include "arch/ArchRegistry.h"
#include "models/migration/MigrationInternal.h"
#include "models/templates/VmTemplates.h"

#include <libvirt/libvirt.h>

#include <QDir>
#include <QDomDocument>
#include <QFileInfo>
#include <QLocale>
#include <QTextStream>
#include <QUrl>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace crossvirt::models {

namespace {

struct MigrationText
{
    Q_DECLARE_TR_FUNCTIONS(Migration)
};

QString elementXml(const QDomElement &element)
{
    if (element.isNull())
        return {};
    QString text;
    QTextStream stream(&text);
    element.save(stream, 0);
    return text.trimmed();
}

QString diskPath(const QDomElement &disk)
{
    const QDomElement source = disk.firstChildElement(u"source"_s);
    const QString type = disk.attribute(u"type"_s);
    if (type == "file"_L1)
        return source.attribute(u"file"_s);
    if (type == "block"_L1)
        return source.attribute(u"dev"_s);
    return {}; // network, volume, nvme...: not a path the check can look up
}

QString mib(quint64 bytes)
{
    return QLocale().formattedDataSize(qint64(bytes), 1, QLocale::DataSizeIecFormat);
}

} // namespace

QString MigrationDisk::label() const
{
    if (!path.isEmpty())
        return MigrationText::tr("%1 (%2)").arg(target, path);
    return MigrationText::tr("%1 (volume %2 of pool %3)").arg(target, volume, pool);
}

// ---- value helpers ------------------------------------------------------------------------

QStringList MigrationTarget::reasonLines() const
{
    QStringList lines;
    for (const arch::PortabilityProblem &p : problems)
        lines << (p.what.isEmpty() ? p.reason : MigrationText::tr("%1: %2").arg(p.what, p.reason));
    return lines;
}

const MigrationTarget *MigrationCheck::find(const QString &uri) const
{
    for (const MigrationTarget &t : targets) {
        if (t.uri == uri)
            return &t;
    }
    return nullptr;
}

QStringList MigrationCheck::possibleUris() const
{
    QStringList uris;
    for (const MigrationTarget &t : targets) {
        if (t.possible())
            uris << t.uri;
    }
    return uris;
}

int MigrationProgress::percent() const
{
    if (dataTotal == 0)
        return 0;
    const quint64 done =
        dataProcessed ? dataProcessed : (dataTotal > dataRemaining ? dataTotal - dataRemaining : 0);
    return int(qBound<quint64>(0, done * 100 / dataTotal, 100));
}

QString MigrationProgress::text() const
{
    QStringList parts;
    if (diskTotal > 0 && diskRemaining > 0) {
        parts << MigrationText::tr("Copying disks: %1 of %2 remaining")
                     .arg(mib(diskRemaining), mib(diskTotal));
    }
    if (memoryTotal > 0) {
        QString memory = MigrationText::tr("Memory: %1 remaining").arg(mib(memoryRemaining));
        if (downtimeMs >= 0)
            memory += MigrationText::tr(", downtime about %1 ms").arg(downtimeMs);
        parts << memory;
    }
    if (parts.isEmpty() && dataTotal > 0)
        parts << MigrationText::tr("%1 of %2 remaining").arg(mib(dataRemaining), mib(dataTotal));
    if (parts.isEmpty())
        parts << MigrationText::tr("Starting");
    return parts.join(u"; "_s);
}

// ---- reading the VM -----------------------------------------------------------------------

MigrationSource parseMigrationSource(const QByteArray &domainXml,
                                     const arch::HostCapabilities *sourceCaps)
{
    MigrationSource source;
    source.guest = guestRequirements(domainXml);
    if (sourceCaps && !source.guest.machine.isEmpty())
        source.guest.machine =
            sourceCaps->canonicalMachine(source.guest.arch, source.guest.machine);
    QDomDocument doc;
    if (!doc.setContent(domainXml))
        return source;
    const QDomElement domain = doc.documentElement();
    source.name = domain.firstChildElement(u"name"_s).text().trimmed();
    source.uuid = domain.firstChildElement(u"uuid"_s).text().trimmed();
    source.cpuXml = elementXml(domain.firstChildElement(u"cpu"_s));
    const QDomElement devices = domain.firstChildElement(u"devices"_s);
    for (QDomElement e = devices.firstChildElement(); !e.isNull(); e = e.nextSiblingElement()) {
        if (e.tagName() == "interface"_L1 && e.attribute(u"type"_s) == "network"_L1) {
            const QString net = e.firstChildElement(u"source"_s).attribute(u"network"_s);
            if (!net.isEmpty() && !source.networks.contains(net))
                source.networks << net;
        } else if (e.tagName() == "disk"_L1) {
            MigrationDisk disk;
            disk.target = e.firstChildElement(u"target"_s).attribute(u"dev"_s);
            disk.path = diskPath(e);
            if (e.attribute(u"type"_s) == "volume"_L1) {
                const QDomElement volume = e.firstChildElement(u"source"_s);
                disk.pool = volume.attribute(u"pool"_s);
                disk.volume = volume.attribute(u"volume"_s);
            }
            disk.format = e.firstChildElement(u"driver"_s).attribute(u"type"_s);
            if (disk.path.isEmpty() && (disk.pool.isEmpty() || disk.volume.isEmpty()))
                continue; // an empty CD-ROM, or storage that is not a local path
            const QString device = e.attribute(u"device"_s, u"disk"_s);
            const bool readOnly = !e.firstChildElement(u"readonly"_s).isNull() ||
                                  device == "cdrom"_L1 || device == "floppy"_L1;
            // A shareable disk sits on storage both hosts reach by definition.
            if (readOnly)
                source.media << disk;
            else if (e.firstChildElement(u"shareable"_s).isNull())
                source.disks << disk;
        }
    }
    return source;
}

std::optional<arch::HostCapabilities> hypervisorCapabilities(const QByteArray &capabilitiesXml)
{
    if (capabilitiesXml.isEmpty())
        return std::nullopt;
    auto parsed = arch::parseHostCapabilities(capabilitiesXml);
    if (!parsed)
        return std::nullopt;
    const bool hypervisor = std::any_of(
        parsed->guests.cbegin(), parsed->guests.cend(), [](const arch::GuestArchCapabilities &g) {
            return g.hasDomainType(u"kvm"_s) || g.hasDomainType(u"qemu"_s);
        });
    if (!hypervisor)
        return std::nullopt;
    return parsed;
}

QString hostCpuXml(const QByteArray &capabilitiesXml)
{
    QDomDocument doc;
    if (!doc.setContent(capabilitiesXml))
        return {};
    return elementXml(
        doc.documentElement().firstChildElement(u"host"_s).firstChildElement(u"cpu"_s));
}

// ---- judging one destination --------------------------------------------------------------

QStringList disksToCopy(const MigrationSource &source, const MigrationDestination &destination)
{
    QStringList devs;
    for (const MigrationDisk &d : source.disks) {
        if (!destination.presentPaths.contains(d.key()))
            devs << d.target;
    }
    return devs;
}

MigrationTarget judgeMigrationTarget(const MigrationSource &source,
                                     const MigrationDestination &destination,
                                     const arch::MigrationMode &mode)
{
    MigrationTarget target;
    target.uri = destination.uri;
    target.displayName = destination.displayName;
    target.connected = destination.connected;
    if (!destination.connected) {
        QString reason = MigrationText::tr("Not connected");
        if (!destination.error.isEmpty())
            reason = MigrationText::tr("Not connected (%1)").arg(destination.error);
        target.problems.append({MigrationText::tr("Connection"), reason});
        return target;
    }
    if (!destination.error.isEmpty()) {
        target.problems.append(
            {MigrationText::tr("Connection"),
             MigrationText::tr("That host could not be asked: %1").arg(destination.error)});
        return target;
    }

    // ---- the arch's part -------------------------------------------------------------
    const arch::ArchModel *model = arch::ArchRegistry::instance().find(source.guest.arch);
    if (!model) {
        target.problems.append(
            {MigrationText::tr("Architecture %1").arg(source.guest.arch),
             MigrationText::tr("Crossvirt does not know this guest architecture")});
        return target;
    }
    arch::MigrationFacts facts;
    facts.guest = source.guest;
    facts.running = source.running;
    facts.mode = mode;
    facts.destinationRunsNatively = destination.runsNatively;
    facts.destinationEmulates = destination.emulates;
    facts.destinationLiveMigration = destination.hostCaps && destination.hostCaps->liveMigration;
    facts.cpu = destination.cpu;
    facts.cpuDetail = destination.cpuDetail;
    facts.cpuSuggestion = destination.cpuSuggestion;
    arch::GuestContext ctx;
    ctx.arch = source.guest.arch;
    ctx.machine = source.guest.machine;
    ctx.virtType = source.guest.virtType;
    ctx.domainCaps = destination.domainCaps.get();
    ctx.running = source.running;
    ctx.firmware = source.guest.firmware;
    const arch::MigrationVerdict verdict = model->migrationProblems(
        ctx, facts, destination.hostCaps ? &*destination.hostCaps : nullptr);
    target.problems = verdict.problems;
    target.notes = verdict.notes;

    // ---- networks --------------------------------------------------------------------
    for (const QString &net : destination.missingNetworks) {
        target.problems.append({MigrationText::tr("Network %1").arg(net),
                                MigrationText::tr("That host has no network “%1”").arg(net)});
    }
    for (const QString &net : destination.inactiveNetworks) {
        target.problems.append(
            {MigrationText::tr("Network %1").arg(net),
             MigrationText::tr("The network “%1” is not active on that host: start it there")
                 .arg(net)});
    }

    // ---- storage ---------------------------------------------------------------------
    const bool offline = !source.running;
    QStringList missing;
    QStringList shared;  // found at the same path or pool volume there
    QStringList noPlace; // reasons libvirt would have nowhere to create a copy
    QStringList placesSeen;
    for (const MigrationDisk &d : source.disks) {
        if (destination.presentPaths.contains(d.key())) {
            shared << d.label();
            continue;
        }
        missing << d.label();
        if (d.path.isEmpty()) {
            if (!destination.poolNames.contains(d.pool) && !placesSeen.contains(d.pool)) {
                placesSeen << d.pool;
                noPlace << MigrationText::tr("That host has no active storage pool “%1”, where "
                                             "libvirt would create the copy: add it there")
                               .arg(d.pool);
            }
            continue;
        }
        const QString folder = QDir::cleanPath(QFileInfo(d.path).absolutePath());
        if (!destination.poolFolders.contains(folder) && !placesSeen.contains(folder)) {
            placesSeen << folder;
            noPlace << MigrationText::tr("No active storage pool on that host has the folder %1, "
                                         "where libvirt would create the copy: add one there")
                           .arg(folder);
        }
    }
    target.storageShared = missing.isEmpty();
    target.disksToCopy = disksToCopy(source, destination);
    if (!missing.isEmpty() && !mode.copyStorage) {
        target.problems.append(
            {MigrationText::tr("Storage"),
             missing.size() == 1 ? MigrationText::tr("%1 is not on that host: choose Copy storage")
                                       .arg(missing.first())
                                 : MigrationText::tr("%1 are not on that host: choose Copy storage")
                                       .arg(missing.join(u", "_s))});
    } else if (!missing.isEmpty() && offline) {
        target.problems.append(
            {MigrationText::tr("Copy storage"),
             MigrationText::tr("libvirt copies disks only while the guest runs; %1 must be "
                               "copied to that host first (or start the guest and move it "
                               "live)")
                 .arg(missing.join(u", "_s))});
    } else if (!missing.isEmpty()) {
        for (const QString &reason : std::as_const(noPlace))
            target.problems.append({MigrationText::tr("Storage"), reason});
    }
    // The same path there is taken for shared storage (NFS, a SAN); libvirt cannot tell a
    // different file at the same path apart, so the user is told which disks are trusted.
    if (!shared.isEmpty()) {
        target.notes << MigrationText::tr("%1 is at the same place on that host and is taken "
                                          "for shared storage: it is not copied")
                            .arg(shared.join(u", "_s));
    }
    QStringList mediaMissing;
    for (const MigrationDisk &d : source.media) {
        if (!destination.presentPaths.contains(d.key()))
            mediaMissing << d.label();
    }
    if (!mediaMissing.isEmpty()) {
        target.problems.append(
            {MigrationText::tr("Read-only media"),
             MigrationText::tr("%1 is not on that host and is never copied: eject it or put "
                               "the same file there")
                 .arg(mediaMissing.join(u", "_s))});
    }

    // ---- a VM of the same name or UUID -------------------------------------------------
    if (!destination.uuidTakenBy.isEmpty()) {
        target.problems.append({MigrationText::tr("Already there"),
                                MigrationText::tr("That host already has this VM's UUID (as “%1”)")
                                    .arg(destination.uuidTakenBy)});
    } else if (!destination.nameTakenBy.isEmpty()) {
        target.problems.append(
            {MigrationText::tr("Name"), MigrationText::tr("That host already has a VM named “%1”")
                                            .arg(destination.nameTakenBy)});
    }
    return target;
}

QStringList migrationRequestProblems(const MigrationRequest &request, const MigrationTarget &target)
{
    QStringList problems;
    if (request.tunnelled && request.mode.copyStorage && !target.disksToCopy.isEmpty()) {
        problems << MigrationText::tr("Tunnelled: libvirt cannot copy disks (%1) through a "
                                      "tunnelled migration; choose a direct one")
                        .arg(target.disksToCopy.join(u", "_s));
    }
    return problems;
}

// ---- how libvirt is asked -----------------------------------------------------------------

unsigned long migrationFlags(bool running, bool live, bool copyStorage, bool tunnelled)
{
    unsigned long flags = VIR_MIGRATE_PERSIST_DEST | VIR_MIGRATE_UNDEFINE_SOURCE;
    if (!running)
        return flags | VIR_MIGRATE_OFFLINE | (tunnelled ? VIR_MIGRATE_PEER2PEER : 0);
    if (live)
        flags |= VIR_MIGRATE_LIVE;
    if (copyStorage)
        flags |= VIR_MIGRATE_NON_SHARED_DISK;
    if (tunnelled)
        flags |= VIR_MIGRATE_PEER2PEER | VIR_MIGRATE_TUNNELLED;
    return flags;
}

QString migrationStreamUri(const QString &destinationUri, const QString &address)
{
    QString host = address.trimmed();
    if (host.isEmpty())
        host = QUrl(destinationUri).host();
    if (host.isEmpty())
        return {};
    if (host.contains(u':') && !host.startsWith(u'['))
        host = u'[' + host + u']'; // an IPv6 address
    return u"tcp://"_s + host;
}

} // namespace crossvirt::models
