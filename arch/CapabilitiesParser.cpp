// XML -> plain values for capabilities and domain capabilities. QtCore only, so a small
// element tree is built with QXmlStreamReader (QtXml's DOM would pull in another module).
#include "arch/Capabilities.h"

#include <QCoreApplication>
#include <QXmlStreamReader>
#include <memory>
#include <vector>

using namespace Qt::StringLiterals;

namespace crossvirt::arch {

namespace {

struct Element
{
    QString name;
    QXmlStreamAttributes attributes;
    QString text;
    std::vector<std::unique_ptr<Element>> children;

    QString attr(const QString &key) const { return attributes.value(key).toString(); }
    const Element *child(const QString &n) const
    {
        for (const auto &c : children) {
            if (c->name == n)
                return c.get();
        }
        return nullptr;
    }
    std::vector<const Element *> all(const QString &n) const
    {
        std::vector<const Element *> out;
        for (const auto &c : children) {
            if (c->name == n)
                out.push_back(c.get());
        }
        return out;
    }
    QString childText(const QString &n) const
    {
        const Element *c = child(n);
        return c ? c->text.trimmed() : QString();
    }
};

// libvirt's capabilities nest about 6 levels deep. The tree is freed recursively, so a
// hostile host's document nested hundreds of thousands deep would overflow the stack:
// such a document is refused instead.
constexpr int MaxDepth = 128;

std::unique_ptr<Element> parseTree(const QByteArray &xml, QString *error)
{
    QXmlStreamReader reader(xml);
    std::unique_ptr<Element> root;
    std::vector<Element *> stack;
    while (!reader.atEnd()) {
        switch (reader.readNext()) {
        case QXmlStreamReader::StartElement: {
            if (stack.size() >= size_t(MaxDepth)) {
                reader.raiseError(QCoreApplication::translate(
                                      "Capabilities", "Elements nested deeper than %1 levels")
                                      .arg(MaxDepth));
                break;
            }
            auto e = std::make_unique<Element>();
            e->name = reader.name().toString();
            e->attributes = reader.attributes();
            Element *raw = e.get();
            if (stack.empty())
                root = std::move(e);
            else
                stack.back()->children.push_back(std::move(e));
            stack.push_back(raw);
            break;
        }
        case QXmlStreamReader::EndElement:
            stack.pop_back();
            break;
        case QXmlStreamReader::Characters:
            if (!stack.empty())
                stack.back()->text += reader.text();
            break;
        default:
            break;
        }
    }
    if (reader.hasError() || !root) {
        if (error) {
            *error =
                reader.hasError()
                    ? QCoreApplication::translate("Capabilities", "Malformed XML at line %1: %2")
                          .arg(reader.lineNumber())
                          .arg(reader.errorString())
                    : QCoreApplication::translate("Capabilities", "Empty XML document");
        }
        return nullptr;
    }
    return root;
}

QString unexpectedRoot(const QString &expected, const QString &found)
{
    return QCoreApplication::translate("Capabilities", "Expected <%1> but the document is <%2>")
        .arg(expected, found);
}

bool yes(const QString &v)
{
    return v == "yes"_L1;
}

// <enum name=...><value/>...</enum> under `parent`, whose supported= applies to it.
CapabilityEnum readEnum(const Element *parent, const QString &name, bool parentSupported)
{
    CapabilityEnum out;
    if (!parent)
        return out;
    for (const Element *e : parent->all(u"enum"_s)) {
        if (e->attr(u"name"_s) != name)
            continue;
        out.known = true;
        out.supported = parentSupported;
        for (const Element *v : e->all(u"value"_s))
            out.values.append(v->text.trimmed());
    }
    return out;
}

} // namespace

std::optional<HostCapabilities> parseHostCapabilities(const QByteArray &xml, QString *error)
{
    const std::unique_ptr<Element> root = parseTree(xml, error);
    if (!root)
        return std::nullopt;
    if (root->name != "capabilities"_L1) {
        if (error)
            *error = unexpectedRoot(u"capabilities"_s, root->name);
        return std::nullopt;
    }

    HostCapabilities caps;
    if (const Element *host = root->child(u"host"_s)) {
        if (const Element *cpu = host->child(u"cpu"_s)) {
            caps.hostArch = cpu->childText(u"arch"_s);
            caps.hostCpuModel = cpu->childText(u"model"_s);
            caps.hostCpuVendor = cpu->childText(u"vendor"_s);
        }
        if (const Element *mig = host->child(u"migration_features"_s))
            caps.liveMigration = mig->child(u"live"_s) != nullptr;
    }
    for (const Element *g : root->all(u"guest"_s)) {
        const Element *arch = g->child(u"arch"_s);
        if (!arch)
            continue;
        GuestArchCapabilities guest;
        guest.osType = g->childText(u"os_type"_s);
        guest.arch = arch->attr(u"name"_s);
        guest.wordSize = arch->childText(u"wordsize"_s).toInt();
        guest.emulator = arch->childText(u"emulator"_s);
        for (const Element *m : arch->all(u"machine"_s)) {
            MachineInfo info;
            info.name = m->text.trimmed();
            info.canonical = m->attr(u"canonical"_s);
            info.maxCpus = m->attr(u"maxCpus"_s).toInt();
            info.deprecated = yes(m->attr(u"deprecated"_s));
            guest.machines.append(info);
        }
        for (const Element *d : arch->all(u"domain"_s)) {
            const QString type = d->attr(u"type"_s);
            if (!guest.domainTypes.contains(type))
                guest.domainTypes.append(type);
        }
        caps.guests.append(guest);
    }
    return caps;
}

std::optional<DomainCapabilities> parseDomainCapabilities(const QByteArray &xml, QString *error)
{
    const std::unique_ptr<Element> root = parseTree(xml, error);
    if (!root)
        return std::nullopt;
    if (root->name != "domainCapabilities"_L1) {
        if (error)
            *error = unexpectedRoot(u"domainCapabilities"_s, root->name);
        return std::nullopt;
    }

    DomainCapabilities caps;
    caps.path = root->childText(u"path"_s);
    caps.virtType = root->childText(u"domain"_s);
    caps.machine = root->childText(u"machine"_s);
    caps.arch = root->childText(u"arch"_s);
    if (const Element *vcpu = root->child(u"vcpu"_s))
        caps.maxVcpus = vcpu->attr(u"max"_s).toInt();

    if (const Element *os = root->child(u"os"_s)) {
        caps.osSupported = yes(os->attr(u"supported"_s));
        caps.firmware = readEnum(os, u"firmware"_s, caps.osSupported);
        if (const Element *loader = os->child(u"loader"_s)) {
            const bool loaderSupported = yes(loader->attr(u"supported"_s));
            if (loaderSupported) {
                for (const Element *v : loader->all(u"value"_s))
                    caps.loaderValues.append(v->text.trimmed());
            }
            caps.loaderTypes = readEnum(loader, u"type"_s, loaderSupported);
            caps.secureBoot = readEnum(loader, u"secure"_s, loaderSupported);
        }
    }

    if (const Element *cpu = root->child(u"cpu"_s)) {
        for (const Element *mode : cpu->all(u"mode"_s)) {
            const QString name = mode->attr(u"name"_s);
            const bool supported = yes(mode->attr(u"supported"_s));
            caps.cpuModes.insert(name, supported);
            if (name == "host-model"_L1 && supported)
                caps.hostModelName = mode->childText(u"model"_s);
            if (name == "custom"_L1 && supported) {
                for (const Element *m : mode->all(u"model"_s)) {
                    CpuModelCapability model;
                    model.name = m->text.trimmed();
                    model.usable = m->attr(u"usable"_s);
                    model.vendor = m->attr(u"vendor"_s);
                    caps.customModels.append(model);
                }
            }
        }
    }

    if (const Element *devices = root->child(u"devices"_s)) {
        for (const auto &dev : devices->children) {
            const bool supported = yes(dev->attr(u"supported"_s));
            caps.devicesSupported.insert(dev->name, supported);
            for (const Element *e : dev->all(u"enum"_s)) {
                const QString enumName = e->attr(u"name"_s);
                caps.deviceEnums.insert(dev->name + u'/' + enumName,
                                        readEnum(dev.get(), enumName, supported));
            }
        }
    }

    if (const Element *features = root->child(u"features"_s)) {
        for (const auto &f : features->children)
            caps.features.insert(f->name, yes(f->attr(u"supported"_s)));
    }
    return caps;
}

} // namespace crossvirt::arch
