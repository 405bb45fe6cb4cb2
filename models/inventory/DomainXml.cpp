#include "models/inventory/DomainXml.h"

#include "arch/XmlLimits.h"
#include "models/inventory/CrossvirtMetadata.h"

#include <QCoreApplication>
#include <QXmlStreamReader>

namespace crossvirt::models {

namespace {

using namespace Qt::StringLiterals;

QString attr(const QXmlStreamReader &xml, QLatin1StringView name)
{
    return xml.attributes().value(name).toString();
}

// lupdate and the runtime both see the context "DomainXml" for Text::tr().
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(DomainXml)
};

// Walks the document once, keeping the element path so nested elements such as
// <devices><disk><target> are told apart from <os><type>. A hostile host's document is
// bounded (arch/XmlLimits.h): too large is refused, too deep is read up to that depth,
// devices past the cap are skipped and counted, long names are cut, invalid UTF-8 is
// replaced; each says so in d.notices. Returns false when the document was refused.
bool parse(const QByteArray &input, DomainDetails &d, bool summaryOnly = false)
{
    const arch::HostXmlCheck check = arch::checkHostXml(input);
    if (!check.message.isEmpty())
        d.notices << check.message;
    if (check.refused)
        return false;
    const QByteArray &bytes = check.repaired.isEmpty() ? input : check.repaired;
    QXmlStreamReader xml(bytes);
    int devices = 0;
    int hiddenDevices = 0;
    QStringList path;
    DiskInfo *disk = nullptr;
    NicInfo *nic = nullptr;
    ConsoleInfo *console = nullptr;
    struct Controller
    {
        QString type, index, model;
    };
    QList<Controller> controllers;

    while (!xml.atEnd()) {
        const auto token = xml.readNext();
        if (token == QXmlStreamReader::EndElement) {
            const QString ended = path.takeLast();
            if (path.size() == 2 && path[1] == "devices"_L1) {
                if (ended == "disk"_L1)
                    disk = nullptr;
                else if (ended == "interface"_L1)
                    nic = nullptr;
                else if (ended == "serial"_L1 || ended == "console"_L1)
                    console = nullptr;
            }
            continue;
        }
        if (token != QXmlStreamReader::StartElement)
            continue;
        const QString name = xml.name().toString();
        path << name;
        const int depth = path.size();
        if (depth > arch::kMaxXmlDepth) {
            d.notices << arch::xmlTooDeepText();
            break;
        }
        if (depth == 3 && path[1] == "devices"_L1 && ++devices > arch::kMaxListedDevices) {
            ++hiddenDevices;
            xml.skipCurrentElement();
            path.removeLast();
            continue;
        }
        // The inventory needs nothing from <devices>, the largest part: stop there.
        if (summaryOnly && depth == 2 && name == "devices"_L1)
            break;

        if (depth == 1 && name == "domain"_L1) {
            d.summary.domainType = attr(xml, "type"_L1);
        } else if (depth == 2 && name == "name"_L1) {
            const QString full = xml.readElementText();
            d.summary.name = arch::capName(full);
            if (d.summary.name.size() != full.size()) {
                d.notices << Text::tr("The name is %n characters long; only the first %1 are "
                                      "shown.",
                                      nullptr, int(full.size()))
                                 .arg(arch::kMaxNameChars);
            }
            path.removeLast();
        } else if (depth == 2 && name == "uuid"_L1) {
            d.summary.uuid = xml.readElementText();
            path.removeLast();
        } else if (depth == 2 && name == "os"_L1) {
            d.firmware = attr(xml, "firmware"_L1);
        } else if (depth == 3 && path[1] == "os"_L1 && name == "type"_L1) {
            d.summary.arch = attr(xml, "arch"_L1);
            d.summary.machine = attr(xml, "machine"_L1);
        } else if (depth == 3 && path[1] == "os"_L1 && name == "loader"_L1) {
            const QString loader = xml.readElementText();
            if (d.firmware.isEmpty())
                d.firmware = loader;
            path.removeLast();
        } else if (depth == 2 && name == "cpu"_L1) {
            d.summary.cpuMode = attr(xml, "mode"_L1);
            if (d.summary.cpuMode.isEmpty())
                d.summary.cpuMode = u"custom"_s;
        } else if (depth == 3 && path[1] == "cpu"_L1 && name == "model"_L1) {
            d.summary.cpuModel = xml.readElementText();
            path.removeLast();
        } else if (depth == 3 && path[1] == "devices"_L1) {
            if (name == "emulator"_L1) {
                d.emulator = xml.readElementText();
                path.removeLast();
            } else if (name == "disk"_L1) {
                d.disks.append(DiskInfo{});
                disk = &d.disks.last();
                disk->device = attr(xml, "device"_L1);
                disk->type = attr(xml, "type"_L1);
            } else if (name == "interface"_L1) {
                d.nics.append(NicInfo{});
                nic = &d.nics.last();
                nic->type = attr(xml, "type"_L1);
            } else if (name == "graphics"_L1) {
                GraphicsInfo g;
                g.type = attr(xml, "type"_L1);
                bool ok = false;
                const int port = attr(xml, "port"_L1).toInt(&ok);
                g.port = ok ? port : -1;
                g.autoport = attr(xml, "autoport"_L1) == "yes"_L1;
                g.listen = attr(xml, "listen"_L1);
                g.hasPassword = xml.attributes().hasAttribute("passwd"_L1);
                d.graphics.append(g);
            } else if (name == "serial"_L1 || name == "console"_L1) {
                d.consoles.append(ConsoleInfo{name, {}, {}});
                console = &d.consoles.last();
            } else if (name == "controller"_L1) {
                controllers.append(
                    {attr(xml, "type"_L1), attr(xml, "index"_L1), attr(xml, "model"_L1)});
                const auto &c = controllers.last();
                d.controllers << (c.model.isEmpty() ? c.type : c.type + u'/' + c.model);
            }
        } else if (depth == 4 && path[1] == "devices"_L1) {
            const QString &parent = path[2];
            if (parent == "disk"_L1 && disk) {
                if (name == "source"_L1) {
                    const auto a = xml.attributes();
                    if (a.hasAttribute("file"_L1))
                        disk->source = a.value("file"_L1).toString();
                    else if (a.hasAttribute("dev"_L1))
                        disk->source = a.value("dev"_L1).toString();
                    else if (a.hasAttribute("volume"_L1))
                        disk->source =
                            a.value("pool"_L1).toString() + u'/' + a.value("volume"_L1).toString();
                    else
                        disk->source = a.value("name"_L1).toString();
                } else if (name == "target"_L1) {
                    disk->target = attr(xml, "dev"_L1);
                    disk->bus = attr(xml, "bus"_L1);
                } else if (name == "driver"_L1) {
                    disk->format = attr(xml, "type"_L1);
                } else if (name == "readonly"_L1) {
                    disk->readOnly = true;
                } else if (name == "shareable"_L1) {
                    disk->shareable = true;
                } else if (name == "address"_L1 && attr(xml, "type"_L1) == "drive"_L1) {
                    // Resolved against the controller list once the document is read.
                    disk->controllerModel = attr(xml, "controller"_L1);
                }
            } else if (parent == "interface"_L1 && nic) {
                if (name == "source"_L1) {
                    const auto a = xml.attributes();
                    nic->source = a.hasAttribute("network"_L1)  ? a.value("network"_L1).toString()
                                  : a.hasAttribute("bridge"_L1) ? a.value("bridge"_L1).toString()
                                                                : a.value("dev"_L1).toString();
                } else if (name == "model"_L1) {
                    nic->model = attr(xml, "type"_L1);
                } else if (name == "mac"_L1) {
                    nic->mac = attr(xml, "address"_L1);
                }
            } else if ((parent == "serial"_L1 || parent == "console"_L1) && console) {
                if (name == "target"_L1) {
                    console->targetType = attr(xml, "type"_L1);
                    if (console->targetType.isEmpty())
                        console->targetType = attr(xml, "model"_L1);
                } else if (name == "alias"_L1) {
                    console->alias = attr(xml, "name"_L1);
                }
            } else if (parent == "video"_L1 && name == "model"_L1) {
                d.videoModels << attr(xml, "type"_L1);
            }
        }
    }

    if (hiddenDevices > 0) {
        d.notices << Text::tr("%n devices not shown (only the first %1 are read).", nullptr,
                              hiddenDevices)
                         .arg(arch::kMaxListedDevices);
    }
    if (xml.hasError() && d.notices.isEmpty()) {
        d.notices << Text::tr("The XML is malformed at line %1: %2")
                         .arg(xml.lineNumber())
                         .arg(xml.errorString());
    }

    // A disk's drive address names its controller by index; show the model
    // (spapr-vscsi, virtio-scsi) because that is what the user chose.
    for (DiskInfo &dk : d.disks) {
        const QString index = dk.controllerModel;
        dk.controllerModel.clear();
        if (index.isEmpty())
            continue;
        for (const Controller &c : std::as_const(controllers)) {
            const bool sameType =
                (c.type == dk.bus) || (c.type == "scsi"_L1 && dk.bus == "scsi"_L1);
            if (sameType && c.index == index) {
                dk.controllerModel = c.model;
                break;
            }
        }
    }
    return true;
}

} // namespace

QString SharedStrings::intern(const QString &text)
{
    if (text.isEmpty())
        return {};
    const auto it = m_strings.constFind(text);
    if (it != m_strings.constEnd())
        return *it;
    m_strings.insert(text);
    return text;
}

void SharedStrings::intern(DomainSummary &summary)
{
    for (QString *field : {&summary.arch, &summary.machine, &summary.domainType, &summary.cpuMode,
                           &summary.cpuModel, &summary.fromTemplate, &summary.vmPool})
        *field = intern(*field);
}

void readDomainXmlSummary(const QByteArray &xml, DomainSummary &summary)
{
    DomainDetails d;
    if (!parse(xml, d, true))
        return;
    summary.arch = d.summary.arch;
    summary.machine = d.summary.machine;
    summary.domainType = d.summary.domainType;
    summary.cpuMode = d.summary.cpuMode;
    summary.cpuModel = d.summary.cpuModel;
    const CrossvirtMetadata meta = readCrossvirtMetadata(xml);
    summary.isTemplate = meta.isTemplate;
    summary.fromTemplate = meta.fromTemplateName;
    summary.vmPool = meta.vmPool;
}

DomainDetails parseDomainDetails(const QByteArray &xml)
{
    DomainDetails d;
    // A refused document is not kept either (the XML tab would have to lay it out).
    if (parse(xml, d))
        d.xml = QString::fromUtf8(xml);
    return d;
}

void readNetworkXml(const QByteArray &bytes, NetworkInfo &network)
{
    QXmlStreamReader xml(bytes);
    while (xml.readNextStartElement()) {
        if (xml.name() == "network"_L1)
            continue; // descend
        if (xml.name() == "forward"_L1)
            network.forwardMode = attr(xml, "mode"_L1);
        xml.skipCurrentElement();
    }
}

void readPoolXml(const QByteArray &bytes, PoolInfo &pool)
{
    QXmlStreamReader xml(bytes);
    while (xml.readNextStartElement()) {
        if (xml.name() == "pool"_L1) {
            pool.type = attr(xml, "type"_L1);
            continue;
        }
        if (xml.name() == "target"_L1)
            continue;
        if (xml.name() == "path"_L1) {
            pool.path = xml.readElementText();
            continue;
        }
        xml.skipCurrentElement();
    }
}

} // namespace crossvirt::models
