#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace crossvirt::arch {

/// What a catalogue entry is: one of the lists an ArchModel offers.
enum class DeviceKind
{
    DiskInterface,
    Nic,
    Graphics,
    Video,
    Console,
    Controller, ///< ids "TYPE/MODEL" ("scsi/virtio-scsi")
    Input,      ///< ids "TYPE/BUS" ("tablet/usb")
    Watchdog,
    Rng,
    Tpm
};

/// One device Crossvirt knows, whatever the arch (oVirt's osinfo-defaults.properties:
/// rules a reader scans in one place). Arch classes say which entries they offer; the
/// catalogue says what an entry is and why an arch that does not offer it withholds it.
struct CatalogueEntry
{
    DeviceKind kind = DeviceKind::DiskInterface;
    QString id;                       ///< Crossvirt's id ("spapr-vscsi", "sclp", "virtio")
    const char *label;                ///< untranslated label, context "ArchModel"
    QStringList onlyOn;               ///< arches it exists on; empty = any arch
    QStringList machines;             ///< machine families it needs there; empty = any machine
    const char *onlyOnText = nullptr; ///< "POWER (pseries)": who has it, context "ArchModel"
    bool hotPluggable = false;        ///< disk interfaces: can be added to a running guest
};

/// The table of every device id, in display order per kind.
class DeviceCatalogue
{
public:
    static const QList<CatalogueEntry> &entries();
    /// The entry for (kind, id), or nullptr.
    static const CatalogueEntry *find(DeviceKind kind, const QString &id);
    /// Ids of one kind, in display order (the "universe" of a policy list).
    static QStringList ids(DeviceKind kind);
    /// Translated label; the id itself when unknown.
    static QString label(DeviceKind kind, const QString &id);
    /// Ids of hot-pluggable disk interfaces.
    static QStringList hotPluggableDiskInterfaces();
    /// The standard reason an arch that does not offer (kind, id) gives:
    /// "<label> exists only on <onlyOnText> guests" when another arch owns it,
    /// "<label> needs a <machine> machine" when this arch has it on other machines only,
    /// else "<label> is not available on <arch> guests".
    static QString withheldReason(DeviceKind kind, const QString &id, const QString &arch,
                                  const QString &machineFamily);
};

} // namespace crossvirt::arch
