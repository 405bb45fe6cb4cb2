#include "arch/DeviceCatalogue.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace crossvirt::arch {

namespace {
QString trArch(const char *text)
{
    return QCoreApplication::translate("ArchModel", text);
}
} // namespace

const QList<CatalogueEntry> &DeviceCatalogue::entries()
{
    // Read top to bottom: every device id, its label, who owns it, whether it hot-plugs.
    // "Only on" entries give the standard withheld reason on every other arch.
    static const char *power = QT_TRANSLATE_NOOP("ArchModel", "POWER (pseries)");
    static const char *s390 = QT_TRANSLATE_NOOP("ArchModel", "s390x");
    const QStringList powerArches{u"ppc64le"_s, u"ppc64"_s};
    const QStringList pseries{u"pseries"_s};
    static const char *pc = QT_TRANSLATE_NOOP("ArchModel", "x86 (PC)");
    static const char *pcMachine = QT_TRANSLATE_NOOP("ArchModel", "x86 pc (i440FX)");
    const QStringList x86{u"x86_64"_s, u"i686"_s};
    using K = DeviceKind;
    static const QList<CatalogueEntry> table{
        // kind, id, label, only on arches, only on machines, who (text), hot-pluggable
        {K::DiskInterface,
         u"virtio"_s,
         QT_TRANSLATE_NOOP("ArchModel", "VirtIO"),
         {},
         {},
         nullptr,
         true},
        {K::DiskInterface,
         u"scsi"_s,
         QT_TRANSLATE_NOOP("ArchModel", "VirtIO-SCSI"),
         {},
         {},
         nullptr,
         true},
        {K::DiskInterface, u"spapr-vscsi"_s, QT_TRANSLATE_NOOP("ArchModel", "sPAPR VSCSI"),
         powerArches, pseries, power, false},
        {K::DiskInterface,
         u"sata"_s,
         QT_TRANSLATE_NOOP("ArchModel", "SATA"),
         {},
         {},
         nullptr,
         false},
        {K::DiskInterface, u"ide"_s, QT_TRANSLATE_NOOP("ArchModel", "IDE"), {}, {}, nullptr, false},
        {K::DiskInterface, u"usb"_s, QT_TRANSLATE_NOOP("ArchModel", "USB"), {}, {}, nullptr, true},

        {K::Nic, u"virtio"_s, QT_TRANSLATE_NOOP("ArchModel", "VirtIO"), {}, {}, nullptr, true},
        {K::Nic,
         u"e1000e"_s,
         QT_TRANSLATE_NOOP("ArchModel", "Intel e1000e"),
         {},
         {},
         nullptr,
         true},
        {K::Nic, u"e1000"_s, QT_TRANSLATE_NOOP("ArchModel", "Intel e1000"), {}, {}, nullptr, true},
        {K::Nic,
         u"rtl8139"_s,
         QT_TRANSLATE_NOOP("ArchModel", "Realtek RTL8139"),
         {},
         {},
         nullptr,
         true},
        {K::Nic, u"spapr-vlan"_s, QT_TRANSLATE_NOOP("ArchModel", "sPAPR VLAN"), powerArches,
         pseries, power, false},

        {K::Graphics, u"vnc"_s, QT_TRANSLATE_NOOP("ArchModel", "VNC"), {}, {}, nullptr, false},
        {K::Graphics, u"spice"_s, QT_TRANSLATE_NOOP("ArchModel", "SPICE"), {}, {}, nullptr, false},
        {K::Graphics,
         u"none"_s,
         QT_TRANSLATE_NOOP("ArchModel", "None (headless)"),
         {},
         {},
         nullptr,
         false},

        {K::Video, u"vga"_s, QT_TRANSLATE_NOOP("ArchModel", "VGA"), {}, {}, nullptr, false},
        {K::Video,
         u"virtio"_s,
         QT_TRANSLATE_NOOP("ArchModel", "VirtIO GPU"),
         {},
         {},
         nullptr,
         false},
        {K::Video, u"qxl"_s, QT_TRANSLATE_NOOP("ArchModel", "QXL"), {}, {}, nullptr, false},
        {K::Video,
         u"bochs"_s,
         QT_TRANSLATE_NOOP("ArchModel", "Bochs display"),
         {},
         {},
         nullptr,
         false},
        {K::Video, u"cirrus"_s, QT_TRANSLATE_NOOP("ArchModel", "Cirrus"), {}, {}, nullptr, false},
        {K::Video,
         u"ramfb"_s,
         QT_TRANSLATE_NOOP("ArchModel", "RAM framebuffer"),
         {},
         {},
         nullptr,
         false},
        {K::Video, u"none"_s, QT_TRANSLATE_NOOP("ArchModel", "None"), {}, {}, nullptr, false},

        {K::Console,
         u"serial"_s,
         QT_TRANSLATE_NOOP("ArchModel", "Serial console"),
         {},
         {},
         nullptr,
         false},
        {K::Console,
         u"virtio"_s,
         QT_TRANSLATE_NOOP("ArchModel", "VirtIO console"),
         {},
         {},
         nullptr,
         false},
        {K::Console,
         u"sclp"_s,
         QT_TRANSLATE_NOOP("ArchModel", "SCLP console"),
         {u"s390x"_s},
         {},
         s390,
         false},

        // Add Hardware's other kinds (ArchModel::controllerChoices() and its siblings).
        {K::Controller,
         u"scsi/virtio-scsi"_s,
         QT_TRANSLATE_NOOP("ArchModel", "VirtIO-SCSI controller"),
         {},
         {},
         nullptr,
         true},
        {K::Controller, u"scsi/ibmvscsi"_s,
         QT_TRANSLATE_NOOP("ArchModel", "sPAPR VSCSI controller"), powerArches, pseries, power,
         false},
        {K::Controller,
         u"usb/qemu-xhci"_s,
         QT_TRANSLATE_NOOP("ArchModel", "USB 3 controller (qemu-xhci)"),
         {},
         {},
         nullptr,
         false},
        {K::Controller,
         u"usb/nec-xhci"_s,
         QT_TRANSLATE_NOOP("ArchModel", "USB 3 controller (NEC xHCI)"),
         {},
         {},
         nullptr,
         false},
        {K::Controller,
         u"usb/piix3-uhci"_s,
         QT_TRANSLATE_NOOP("ArchModel", "USB 1 controller (PIIX3 UHCI)"),
         x86,
         {u"pc"_s},
         pcMachine,
         false},
        {K::Controller,
         u"virtio-serial/virtio-serial"_s,
         QT_TRANSLATE_NOOP("ArchModel", "VirtIO serial controller"),
         {},
         {},
         nullptr,
         false},
        {K::Controller,
         u"pci/pcie-root-port"_s,
         QT_TRANSLATE_NOOP("ArchModel", "PCIe root port (room for a hot-plugged device)"),
         {},
         {u"q35"_s, u"virt"_s},
         nullptr,
         false},

        {K::Input,
         u"tablet/usb"_s,
         QT_TRANSLATE_NOOP("ArchModel", "USB tablet"),
         {},
         {},
         nullptr,
         true},
        {K::Input,
         u"keyboard/usb"_s,
         QT_TRANSLATE_NOOP("ArchModel", "USB keyboard"),
         {},
         {},
         nullptr,
         true},
        {K::Input,
         u"mouse/usb"_s,
         QT_TRANSLATE_NOOP("ArchModel", "USB mouse"),
         {},
         {},
         nullptr,
         true},
        {K::Input,
         u"tablet/virtio"_s,
         QT_TRANSLATE_NOOP("ArchModel", "VirtIO tablet"),
         {},
         {},
         nullptr,
         true},
        {K::Input,
         u"keyboard/virtio"_s,
         QT_TRANSLATE_NOOP("ArchModel", "VirtIO keyboard"),
         {},
         {},
         nullptr,
         true},
        {K::Input,
         u"mouse/virtio"_s,
         QT_TRANSLATE_NOOP("ArchModel", "VirtIO mouse"),
         {},
         {},
         nullptr,
         true},
        {K::Input,
         u"mouse/ps2"_s,
         QT_TRANSLATE_NOOP("ArchModel", "PS/2 mouse"),
         x86,
         {},
         pc,
         false},
        {K::Input,
         u"keyboard/ps2"_s,
         QT_TRANSLATE_NOOP("ArchModel", "PS/2 keyboard"),
         x86,
         {},
         pc,
         false},

        {K::Watchdog,
         u"i6300esb"_s,
         QT_TRANSLATE_NOOP("ArchModel", "Intel 6300ESB (PCI)"),
         {},
         {},
         nullptr,
         false},
        {K::Watchdog,
         u"ib700"_s,
         QT_TRANSLATE_NOOP("ArchModel", "iBase IB700 (ISA)"),
         x86,
         {},
         pc,
         false},
        {K::Watchdog,
         u"diag288"_s,
         QT_TRANSLATE_NOOP("ArchModel", "DIAG 288"),
         {u"s390x"_s},
         {},
         s390,
         false},

        {K::Rng, u"virtio"_s, QT_TRANSLATE_NOOP("ArchModel", "VirtIO RNG"), {}, {}, nullptr, true},

        // QEMU 7.2 has tpm-crb on PC machines only; Arm and RISC-V virt take the sysbus TIS.
        {K::Tpm, u"tpm-crb"_s, QT_TRANSLATE_NOOP("ArchModel", "TPM CRB"), x86, {}, pc, false},
        {K::Tpm, u"tpm-tis"_s, QT_TRANSLATE_NOOP("ArchModel", "TPM TIS"), {}, {}, nullptr, false},
        {K::Tpm, u"tpm-spapr"_s, QT_TRANSLATE_NOOP("ArchModel", "sPAPR vTPM"), powerArches, pseries,
         power, false},
        {K::Tpm, u"spapr-tpm-proxy"_s, QT_TRANSLATE_NOOP("ArchModel", "sPAPR TPM proxy"),
         powerArches, pseries, power, false},
    };
    return table;
}

const CatalogueEntry *DeviceCatalogue::find(DeviceKind kind, const QString &id)
{
    for (const CatalogueEntry &e : entries()) {
        if (e.kind == kind && e.id == id)
            return &e;
    }
    return nullptr;
}

QStringList DeviceCatalogue::ids(DeviceKind kind)
{
    QStringList out;
    for (const CatalogueEntry &e : entries()) {
        if (e.kind == kind)
            out.append(e.id);
    }
    return out;
}

QString DeviceCatalogue::label(DeviceKind kind, const QString &id)
{
    const CatalogueEntry *e = find(kind, id);
    return e ? trArch(e->label) : id;
}

QStringList DeviceCatalogue::hotPluggableDiskInterfaces()
{
    QStringList out;
    for (const CatalogueEntry &e : entries()) {
        if (e.kind == DeviceKind::DiskInterface && e.hotPluggable)
            out.append(e.id);
    }
    return out;
}

QString DeviceCatalogue::withheldReason(DeviceKind kind, const QString &id, const QString &arch,
                                        const QString &machineFamily)
{
    const QString text = label(kind, id);
    if (const CatalogueEntry *e = find(kind, id)) {
        if (!e->onlyOn.isEmpty() && !e->onlyOn.contains(arch) && e->onlyOnText) {
            return QCoreApplication::translate("ArchModel", "%1 exists only on %2 guests")
                .arg(text, trArch(e->onlyOnText));
        }
        if (!e->machines.isEmpty() && !e->machines.contains(machineFamily)) {
            return QCoreApplication::translate("ArchModel", "%1 needs a %2 machine")
                .arg(text, e->machines.join(u", "_s));
        }
    }
    return QCoreApplication::translate("ArchModel", "%1 is not available on %2 guests")
        .arg(text, arch);
}

} // namespace crossvirt::arch
