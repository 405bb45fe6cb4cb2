#include "models/connection/HostCapabilitiesReader.h"

#include "arch/ArchRegistry.h"

#include <QXmlStreamReader>

namespace crossvirt::models {

using namespace Qt::StringLiterals;

void applyHostCapabilities(const QByteArray &capabilitiesXml, HostInfo &host)
{
    QString capsHostArch;
    QString capsCpuModel;
    QStringList kvm, qemu;
    QXmlStreamReader xml(capabilitiesXml);
    QStringList path;
    QString guestArch;
    while (!xml.atEnd()) {
        const auto token = xml.readNext();
        if (token == QXmlStreamReader::EndElement) {
            path.removeLast();
            continue;
        }
        if (token != QXmlStreamReader::StartElement)
            continue;
        path << xml.name().toString();
        const QString joined = path.join(u'/');
        if (joined == "capabilities/host/cpu/arch"_L1) {
            capsHostArch = xml.readElementText();
            path.removeLast();
        } else if (joined == "capabilities/host/cpu/model"_L1) {
            capsCpuModel = xml.readElementText();
            path.removeLast();
        } else if (joined == "capabilities/guest/arch"_L1) {
            guestArch = xml.attributes().value("name"_L1).toString();
        } else if (joined == "capabilities/guest/arch/domain"_L1) {
            const auto type = xml.attributes().value("type"_L1);
            if (type == "kvm"_L1 && !kvm.contains(guestArch))
                kvm << guestArch;
            else if (type == "qemu"_L1 && !qemu.contains(guestArch))
                qemu << guestArch;
        }
    }

    const auto &registry = arch::ArchRegistry::instance();
    // Capabilities describe this host only when they agree with virNodeGetInfo's arch.
    if (!capsHostArch.isEmpty() && capsHostArch == host.arch && (!kvm.isEmpty() || !qemu.isEmpty())) {
        host.cpuModel = capsCpuModel;
        host.nativeArches = kvm;
        host.emulatedArches.clear();
        for (const QString &a : std::as_const(qemu)) {
            if (!kvm.contains(a))
                host.emulatedArches << a;
        }
        host.archesFromCapabilities = true;
        return;
    }
    host.nativeArches.clear();
    host.emulatedArches.clear();
    for (const QString &a : registry.archNames()) {
        if (registry.runsNatively(host.arch, a))
            host.nativeArches << a;
        else
            host.emulatedArches << a;
    }
    host.archesFromCapabilities = false;
}

bool isEmulatedGuest(const HostInfo &host, const QString &domainType, const QString &guestArch)
{
    if (domainType == "kvm"_L1)
        return false;
    if (domainType == "qemu"_L1)
        return true;
    return !host.nativeArches.contains(guestArch);
}

} // namespace crossvirt::models
