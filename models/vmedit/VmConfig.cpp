#include "models/vmedit/VmConfig.h"

#include "arch/ArchModel.h"
#include "arch/ArchRegistry.h"
#include "models/vmedit/VmEditInternal.h"

#include <QHash>
#include <QRegularExpression>
#include <QSet>
#include <QXmlStreamReader>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace crossvirt::models {

namespace {

/// libvirt's memory units (virScaleInteger) to MiB; KiB when the unit is absent.
qint64 toMiB(const QString &value, QString unit)
{
    bool ok = false;
    const double n = value.trimmed().toDouble(&ok);
    if (!ok)
        return 0;
    unit = unit.toLower();
    double bytes = n * 1024; // KiB
    if (unit == "b"_L1 || unit == "bytes"_L1)
        bytes = n;
    else if (unit == "kb"_L1)
        bytes = n * 1000;
    else if (unit == "mb"_L1)
        bytes = n * 1000 * 1000;
    else if (unit == "m"_L1 || unit == "mib"_L1)
        bytes = n * 1024 * 1024;
    else if (unit == "gb"_L1)
        bytes = n * 1000 * 1000 * 1000;
    else if (unit == "g"_L1 || unit == "gib"_L1)
        bytes = n * 1024 * 1024 * 1024;
    else if (unit == "tb"_L1)
        bytes = n * 1e12;
    else if (unit == "t"_L1 || unit == "tib"_L1)
        bytes = n * 1024.0 * 1024 * 1024 * 1024;
    // libvirt's sizes fit in 64 bits of bytes. Anything else from a broken or hostile host
    // (10^100, negative, inf, nan) is no size, like text that is no number: converting it
    // to an integer would be undefined.
    const double mib = bytes / (1024.0 * 1024.0);
    constexpr double MaxMiB = 18446744073709551616.0 / (1024.0 * 1024.0); // 2^64 bytes
    if (!(mib >= 0 && mib < MaxMiB))
        return 0;
    return qint64(mib);
}

/// The HardwareKind id of a <devices> child (disks by their device attribute).
QString kindOf(const QString &element, const QXmlStreamAttributes &a)
{
    if (element == "disk"_L1)
        return a.value("device"_L1) == "cdrom"_L1 ? u"cdrom"_s : u"disk"_s;
    if (element == "interface"_L1)
        return u"nic"_s;
    if (element == "serial"_L1 || element == "console"_L1)
        return u"console"_s;
    if (element == "hostdev"_L1) {
        if (a.value("type"_L1) == "usb"_L1)
            return u"usb-host"_s;
        if (a.value("type"_L1) == "pci"_L1)
            return u"pci-host"_s;
        return u"other"_s;
    }
    if (element == "memory"_L1)
        return u"dimm"_s;
    static const QStringList same{u"graphics"_s, u"video"_s, u"controller"_s, u"input"_s,
                                  u"watchdog"_s, u"rng"_s,   u"tpm"_s,        u"memballoon"_s};
    return same.contains(element) ? element : u"other"_s;
}

/// libvirt's alias prefix of an element without one of its own ("interface" is "net").
QString aliasPrefix(const QString &element)
{
    if (element == "interface"_L1)
        return u"net"_s;
    if (element == "memory"_L1)
        return u"dimm"_s;
    return element;
}

/// One device being read: where its element starts in the text, and what it says.
struct PendingDevice
{
    VmDevice device;
    QString element;
    qint64 start = 0;
    QString alias;
    QString targetDev;
    QString bus;
    QString mac;
    QString controllerIndex; ///< drive address controller (resolved to an interface later)
    QString type;            ///< the element's type attribute
    QString subModel;        ///< controller model, input bus, hostdev ids
    QString vendor, product;
    QString pciAddress;
};

} // namespace

namespace vmedit {

QString usbIdText(const QString &id)
{
    return u"%1"_s.arg(id.toUInt(nullptr, 0), 4, 16, QChar(u'0'));
}

QString pciAddressText(const QXmlStreamAttributes &a)
{
    const auto number = [&a](QLatin1StringView name) {
        return a.value(name).toString().toUInt(nullptr, 0);
    };
    return u"%1:%2:%3.%4"_s.arg(number("domain"_L1), 4, 16, QChar(u'0'))
        .arg(number("bus"_L1), 2, 16, QChar(u'0'))
        .arg(number("slot"_L1), 2, 16, QChar(u'0'))
        .arg(number("function"_L1), 1, 16);
}

} // namespace vmedit

using vmedit::pciAddressText;
using vmedit::usbIdText;

QString VmDevice::label() const
{
    const auto tr = [](const char *text) { return VmConfig::tr(text); };
    if (kind == "disk"_L1 || kind == "cdrom"_L1) {
        const QString bus =
            model.isEmpty() ? QString() : arch::ArchModel::diskInterfaceLabel(model);
        const QString what = kind == "cdrom"_L1 ? tr("CD-ROM") : tr("Disk");
        return bus.isEmpty() ? VmConfig::tr("%1 %2").arg(what, id)
                             : VmConfig::tr("%1 %2 %3").arg(bus, what, id);
    }
    if (kind == "nic"_L1)
        return VmConfig::tr("NIC %1").arg(id);
    if (kind == "console"_L1) {
        const QString console = model.isEmpty() ? u"serial"_s : model;
        // libvirt writes the first serial port a second time as <console target
        // type='serial'>: the same port, named so it is not taken for a second one.
        if (console == "serial"_L1 && xml.trimmed().startsWith("<console"_L1))
            return VmConfig::tr("Console (the serial port)");
        return arch::ArchModel::consoleLabel(console);
    }
    if (kind == "graphics"_L1)
        return VmConfig::tr("Display %1").arg(arch::ArchModel::graphicsLabel(model));
    if (kind == "video"_L1)
        return VmConfig::tr("Video %1").arg(arch::ArchModel::videoLabel(model));
    // The catalogue's names ("VirtIO-SCSI controller", "USB tablet"), else the raw model.
    const auto known = [this](arch::DeviceKind k) {
        return arch::DeviceCatalogue::find(k, model) ? arch::DeviceCatalogue::label(k, model)
                                                     : QString();
    };
    if (kind == "controller"_L1) {
        const QString l = known(arch::DeviceKind::Controller);
        return l.isEmpty() ? VmConfig::tr("Controller %1").arg(model) : l;
    }
    if (kind == "input"_L1) {
        const QString l = known(arch::DeviceKind::Input);
        return l.isEmpty() ? VmConfig::tr("Input %1").arg(model) : l;
    }
    if (kind == "watchdog"_L1) {
        const QString l = known(arch::DeviceKind::Watchdog);
        return VmConfig::tr("Watchdog %1").arg(l.isEmpty() ? model : l);
    }
    if (kind == "rng"_L1) {
        const QString l = known(arch::DeviceKind::Rng);
        return l.isEmpty() ? VmConfig::tr("Random number generator %1").arg(model) : l;
    }
    if (kind == "tpm"_L1) {
        const QString l = known(arch::DeviceKind::Tpm);
        return l.isEmpty() ? VmConfig::tr("TPM %1").arg(model) : l;
    }
    if (kind == "usb-host"_L1)
        return VmConfig::tr("USB host device %1").arg(source);
    if (kind == "pci-host"_L1)
        return VmConfig::tr("PCI host device %1").arg(source);
    if (kind == "memballoon"_L1)
        return VmConfig::tr("Memory balloon %1").arg(model);
    if (kind == "dimm"_L1)
        return VmConfig::tr("Memory module %1").arg(id);
    return VmConfig::tr("Device %1").arg(id);
}

QList<VmDevice> VmConfig::devicesOf(const QString &kind) const
{
    QList<VmDevice> out;
    for (const VmDevice &d : devices) {
        if (d.kind == kind)
            out << d;
    }
    return out;
}

const VmDevice *VmConfig::device(const QString &id) const
{
    for (const VmDevice &d : devices) {
        if (d.id == id)
            return &d;
    }
    // MACs are compared without regard to case ("52:54:00:AB:..." from a user).
    for (const VmDevice &d : devices) {
        if (d.kind == "nic"_L1 && d.id.compare(id, Qt::CaseInsensitive) == 0)
            return &d;
    }
    return nullptr;
}

QStringList VmConfig::bootOrder() const
{
    QList<std::pair<int, QString>> ordered;
    for (const VmDevice &d : devices) {
        if (d.bootOrder > 0)
            ordered.append({d.bootOrder, d.id});
    }
    QStringList out;
    if (!ordered.isEmpty()) {
        std::stable_sort(ordered.begin(), ordered.end(),
                         [](const auto &a, const auto &b) { return a.first < b.first; });
        for (const auto &o : std::as_const(ordered))
            out << o.second;
        return out;
    }
    for (const QString &dev : osBootDevices) {
        const QString kind = dev == "hd"_L1        ? u"disk"_s
                             : dev == "cdrom"_L1   ? u"cdrom"_s
                             : dev == "network"_L1 ? u"nic"_s
                                                   : QString();
        for (const VmDevice &d : devices) {
            if (d.kind == kind) {
                if (!out.contains(d.id))
                    out << d.id;
                break;
            }
        }
    }
    return out;
}

arch::GuestFacts VmConfig::facts() const
{
    arch::GuestFacts f;
    f.vcpus = vcpus;
    f.maxVcpus = maxVcpus;
    f.threadsPerCore = threads > 0 ? threads : 1;
    f.memoryMiB = memoryMiB;
    f.currentMemoryMiB = currentMemoryMiB;
    f.maxMemoryMiB = maxMemoryMiB;
    f.memorySlots = memorySlots;
    f.freeMemorySlots = qMax(0, memorySlots - int(devicesOf(u"dimm"_s).size()));
    for (const VmDevice &d : devices) {
        if (d.kind == "memballoon"_L1 && d.model != "none"_L1)
            f.hasBalloon = true;
    }
    f.hasNumaCell = numaCells > 0;
    f.freePciSlots = freeRootPorts;
    return f;
}

arch::GuestContext VmConfig::context(const arch::DomainCapabilities *domainCaps) const
{
    arch::GuestContext ctx;
    ctx.arch = arch;
    ctx.machine = machine;
    ctx.virtType = virtType;
    ctx.domainCaps = domainCaps;
    ctx.running = running;
    ctx.firmware = firmware;
    return ctx;
}

VmConfig parseVmConfig(const QByteArray &bytes)
{
    VmConfig c;
    // Offsets are in characters of this text, so each device's element is cut out exactly.
    const QString text = QString::fromUtf8(bytes);
    QXmlStreamReader xml(text);
    QStringList path;
    std::optional<PendingDevice> dev;
    qint64 tokenStart = 0;
    int pendingVcpuCurrent = 0;
    QList<PendingDevice> done;
    struct Controller
    {
        QString type, index, model;
    };
    QList<Controller> controllers;
    bool loaderIsEfi = false;
    QList<int> rootPorts;  // index of every pcie-root-port controller
    bool pcieRoot = false; // a PCI Express machine (q35, virt)
    QSet<int> busesInUse;  // PCI buses devices sit on
    auto pciBus = [](const QXmlStreamAttributes &a) {
        bool ok = false;
        const int bus = a.value("bus"_L1).toString().toInt(&ok, 0);
        return ok ? bus : -1;
    };

    while (!xml.atEnd()) {
        tokenStart = xml.characterOffset();
        const auto token = xml.readNext();
        if (token == QXmlStreamReader::EndElement) {
            if (path.size() == 3 && path[1] == "devices"_L1 && dev) {
                dev->device.xml = text.mid(dev->start, xml.characterOffset() - dev->start);
                done.append(*dev);
                dev.reset();
            }
            path.removeLast();
            continue;
        }
        if (token != QXmlStreamReader::StartElement)
            continue;
        const QString name = xml.name().toString();
        const QXmlStreamAttributes a = xml.attributes();
        path << name;
        const int depth = path.size();
        auto text_ = [&] {
            const QString t = xml.readElementText(QXmlStreamReader::IncludeChildElements);
            path.removeLast();
            return t;
        };

        if (depth == 1) {
            c.domainType = a.value("type"_L1).toString();
            c.virtType = arch::virtTypeFromName(c.domainType).value_or(arch::VirtType::Kvm);
            const QString id = a.value("id"_L1).toString();
            c.running = !id.isEmpty() && id != "-1"_L1;
        } else if (depth == 2) {
            if (name == "name"_L1) {
                c.name = text_();
            } else if (name == "uuid"_L1) {
                c.uuid = text_();
            } else if (name == "title"_L1) {
                c.title = text_();
            } else if (name == "description"_L1) {
                c.description = text_();
            } else if (name == "memory"_L1) {
                const QString unit = a.value("unit"_L1).toString();
                c.memoryMiB = toMiB(text_(), unit);
            } else if (name == "currentMemory"_L1) {
                const QString unit = a.value("unit"_L1).toString();
                c.currentMemoryMiB = toMiB(text_(), unit);
            } else if (name == "maxMemory"_L1) {
                const QString unit = a.value("unit"_L1).toString();
                c.memorySlots = a.value("slots"_L1).toInt();
                c.maxMemoryMiB = toMiB(text_(), unit);
            } else if (name == "vcpu"_L1) {
                pendingVcpuCurrent = a.value("current"_L1).toInt();
                c.maxVcpus = text_().trimmed().toInt();
            } else if (name == "os"_L1) {
                if (a.value("firmware"_L1) == "efi"_L1)
                    c.firmware = u"efi"_s;
            } else if (name == "cpu"_L1) {
                const QString mode = a.value("mode"_L1).toString();
                c.cpu.mode = mode == "host-model"_L1         ? arch::CpuMode::HostModel
                             : mode == "host-passthrough"_L1 ? arch::CpuMode::HostPassthrough
                             : mode == "maximum"_L1          ? arch::CpuMode::Maximum
                                                             : arch::CpuMode::Custom;
            }
        } else if (depth == 3 && path[1] == "os"_L1) {
            if (name == "type"_L1) {
                c.arch = a.value("arch"_L1).toString();
                c.machine = a.value("machine"_L1).toString();
            } else if (name == "loader"_L1) {
                const QString type = a.value("type"_L1).toString();
                const QString loader = text_();
                // A pflash loader or a UEFI image named as such: the guest boots UEFI.
                if (type == "pflash"_L1 ||
                    loader.contains(QRegularExpression(u"OVMF|AAVMF|edk2|QEMU_EFI|\\.fd$"_s,
                                                       QRegularExpression::CaseInsensitiveOption)))
                    loaderIsEfi = true;
            } else if (name == "boot"_L1) {
                c.osBootDevices << a.value("dev"_L1).toString();
            } else if (name == "kernel"_L1) {
                c.kernel = text_();
            } else if (name == "initrd"_L1) {
                c.initrd = text_();
            } else if (name == "cmdline"_L1) {
                c.cmdline = text_();
            } else if (name == "dtb"_L1) {
                c.dtb = text_();
            }
        } else if (depth == 3 && path[1] == "cpu"_L1) {
            if (name == "model"_L1) {
                c.cpu.model = text_().trimmed();
            } else if (name == "topology"_L1) {
                c.sockets = a.value("sockets"_L1).toInt();
                c.cores = a.value("cores"_L1).toInt();
                c.threads = a.value("threads"_L1).toInt();
            }
        } else if (depth == 4 && path[1] == "cpu"_L1 && path[2] == "numa"_L1 && name == "cell"_L1) {
            ++c.numaCells;
        } else if (depth == 3 && path[1] == "devices"_L1) {
            if (name == "emulator"_L1) {
                c.emulator = text_();
                continue;
            }
            PendingDevice p;
            p.element = name;
            // The reader may have consumed the '<' already: start at it.
            p.start = text.lastIndexOf(u'<', tokenStart);
            p.device.kind = kindOf(name, a);
            p.type = a.value("type"_L1).toString();
            if (name == "controller"_L1) {
                p.subModel = a.value("model"_L1).toString();
                controllers.append({p.type, a.value("index"_L1).toString(), p.subModel});
                p.device.model = p.subModel.isEmpty() ? p.type : p.type + u'/' + p.subModel;
                p.device.id = p.type + a.value("index"_L1).toString();
                if (p.subModel == "pcie-root-port"_L1)
                    rootPorts << a.value("index"_L1).toInt();
                else if (p.subModel == "pcie-root"_L1)
                    pcieRoot = true;
            } else if (name == "input"_L1) {
                p.device.model = p.type + u'/' + a.value("bus"_L1).toString();
            } else if (name == "graphics"_L1) {
                p.device.model = p.type;
            } else if (name == "watchdog"_L1 || name == "rng"_L1 || name == "tpm"_L1 ||
                       name == "memballoon"_L1) {
                p.device.model = a.value("model"_L1).toString();
            } else if (name == "serial"_L1) {
                p.device.model = u"serial"_s;
            } else if (name == "memory"_L1) {
                p.device.model = a.value("model"_L1).toString();
            }
            dev = p;
        } else if (depth >= 4 && path[1] == "devices"_L1 && dev) {
            const QString &parent = path[2];
            const bool direct = depth == 4;
            if (name == "address"_L1 && direct && a.value("type"_L1) == "pci"_L1)
                busesInUse.insert(pciBus(a));
            if (name == "alias"_L1 && direct) {
                dev->alias = a.value("name"_L1).toString();
            } else if (name == "boot"_L1 && direct) {
                dev->device.bootOrder = a.value("order"_L1).toInt();
            } else if (parent == "disk"_L1 && direct) {
                if (name == "source"_L1) {
                    if (a.hasAttribute("file"_L1))
                        dev->device.source = a.value("file"_L1).toString();
                    else if (a.hasAttribute("dev"_L1))
                        dev->device.source = a.value("dev"_L1).toString();
                    else if (a.hasAttribute("volume"_L1))
                        dev->device.source =
                            a.value("pool"_L1).toString() + u'/' + a.value("volume"_L1).toString();
                    else
                        dev->device.source = a.value("name"_L1).toString();
                } else if (name == "target"_L1) {
                    dev->targetDev = a.value("dev"_L1).toString();
                    dev->bus = a.value("bus"_L1).toString();
                } else if (name == "readonly"_L1) {
                    dev->device.readOnly = true;
                } else if (name == "address"_L1 && a.value("type"_L1) == "drive"_L1) {
                    dev->controllerIndex = a.value("controller"_L1).toString();
                }
            } else if (parent == "interface"_L1 && direct) {
                if (name == "mac"_L1) {
                    dev->mac = a.value("address"_L1).toString();
                } else if (name == "link"_L1) {
                    dev->device.linkDown = a.value("state"_L1) == "down"_L1;
                } else if (name == "model"_L1) {
                    dev->device.model = a.value("type"_L1).toString();
                } else if (name == "source"_L1) {
                    dev->device.source =
                        a.hasAttribute("network"_L1)  ? a.value("network"_L1).toString()
                        : a.hasAttribute("bridge"_L1) ? a.value("bridge"_L1).toString()
                                                      : a.value("dev"_L1).toString();
                }
            } else if (parent == "video"_L1 && direct && name == "model"_L1) {
                dev->device.model = a.value("type"_L1).toString();
            } else if (parent == "console"_L1 && direct && name == "target"_L1) {
                const QString t = a.value("type"_L1).toString();
                // A console target type that is a console id of its own ("virtio", the
                // SCLP console) names the console; every other target is the serial one.
                dev->device.model =
                    arch::DeviceCatalogue::find(arch::DeviceKind::Console, t) ? t : u"serial"_s;
            } else if (parent == "tpm"_L1 && name == "backend"_L1 && direct) {
                dev->device.source = a.value("type"_L1).toString();
            } else if (parent == "rng"_L1 && name == "backend"_L1 && direct) {
                dev->device.source = text_();
            } else if (parent == "hostdev"_L1) {
                if (name == "vendor"_L1)
                    dev->vendor = usbIdText(a.value("id"_L1).toString());
                else if (name == "product"_L1)
                    dev->product = usbIdText(a.value("id"_L1).toString());
                else if (name == "address"_L1 && depth == 5 && a.hasAttribute("slot"_L1))
                    dev->pciAddress = pciAddressText(a);
            } else if (parent == "memory"_L1 && name == "size"_L1) {
                const QString unit = a.value("unit"_L1).toString();
                dev->device.source = QString::number(toMiB(text_(), unit));
            }
        }
    }

    c.vcpus = pendingVcpuCurrent > 0 ? pendingVcpuCurrent : c.maxVcpus;
    if (c.currentMemoryMiB == 0)
        c.currentMemoryMiB = c.memoryMiB;
    if (c.firmware.isEmpty() && loaderIsEfi)
        c.firmware = u"efi"_s;
    // <cpu> with a topology alone (no mode, no model) is QEMU's default CPU.
    if (c.cpu.mode == arch::CpuMode::Custom && c.cpu.model.isEmpty())
        c.cpu.mode = arch::CpuMode::Default;

    c.freeRootPorts = pcieRoot ? 0 : -1;
    for (int index : std::as_const(rootPorts)) {
        if (!busesInUse.contains(index))
            ++c.freeRootPorts;
    }

    const arch::ArchModel *archModel = arch::ArchRegistry::instance().find(c.arch);
    // Ids: target, MAC, alias, else libvirt's own alias naming (element + index per kind).
    QHash<QString, int> perPrefix;
    for (PendingDevice &p : done) {
        VmDevice &d = p.device;
        const QString prefix = aliasPrefix(p.element);
        const int index = perPrefix.value(prefix, 0);
        perPrefix[prefix] = index + 1;
        if (d.kind == "disk"_L1 || d.kind == "cdrom"_L1) {
            d.id = p.targetDev;
            // The interface id the arch layer knows: SCSI disks on an sPAPR VSCSI
            // controller are "spapr-vscsi", on virtio-scsi "scsi".
            d.model = p.bus;
            const QString ci = p.controllerIndex.isEmpty() ? u"0"_s : p.controllerIndex;
            for (const Controller &ctl : std::as_const(controllers)) {
                if (archModel && ctl.type == p.bus && ctl.index == ci)
                    d.model = archModel->diskInterfaceOf(p.bus, ctl.model);
            }
        } else if (d.kind == "nic"_L1 && !p.mac.isEmpty()) {
            d.id = p.mac;
        } else if (!p.alias.isEmpty()) {
            d.id = p.alias;
        } else if (d.id.isEmpty()) {
            d.id = prefix + QString::number(index);
        }
        if (d.kind == "usb-host"_L1)
            d.source = p.vendor.isEmpty() ? QString() : p.vendor + u':' + p.product;
        else if (d.kind == "pci-host"_L1)
            d.source = p.pciAddress;
        if (d.kind == "nic"_L1 && d.id.isEmpty())
            d.id = prefix + QString::number(index);
        if (d.kind == "nic"_L1)
            d.sourceType = p.type;
        c.devices.append(d);
    }
    return c;
}

} // namespace crossvirt::models
