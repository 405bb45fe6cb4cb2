#include "ProvisioningFixtures.h"

#include <QXmlStreamReader>
#include <libvirt/libvirt.h>
#include <libvirt/virterror.h>

using namespace Qt::StringLiterals;

namespace crossvirt::test {

TestDriver::TestDriver() : m_conn(virConnectOpen("test:///default")) {}

TestDriver::~TestDriver()
{
    if (m_conn)
        virConnectClose(m_conn);
}

QStringList TestDriver::domainNames() const
{
    QStringList out;
    virDomainPtr *doms = nullptr;
    const int n = virConnectListAllDomains(m_conn, &doms, 0);
    for (int i = 0; i < n; ++i) {
        out << QString::fromUtf8(virDomainGetName(doms[i]));
        virDomainFree(doms[i]);
    }
    free(doms);
    return out;
}

QStringList TestDriver::volumeNames(const QString &pool) const
{
    QStringList out;
    virStoragePoolPtr p = virStoragePoolLookupByName(m_conn, pool.toUtf8().constData());
    if (!p)
        return out;
    virStorageVolPtr *vols = nullptr;
    const int n = virStoragePoolListAllVolumes(p, &vols, 0);
    for (int i = 0; i < n; ++i) {
        out << QString::fromUtf8(virStorageVolGetName(vols[i]));
        virStorageVolFree(vols[i]);
    }
    free(vols);
    virStoragePoolFree(p);
    return out;
}

QString TestDriver::define(const QString &xml) const
{
    virDomainPtr d = virDomainDefineXML(m_conn, xml.toUtf8().constData());
    if (!d) {
        const virError *e = virGetLastError();
        return e && e->message ? QString::fromUtf8(e->message) : u"unknown error"_s;
    }
    virDomainFree(d);
    return {};
}

QString TestDriver::dumpXml(const QString &name, bool inactive) const
{
    virDomainPtr d = virDomainLookupByName(m_conn, name.toUtf8().constData());
    if (!d) {
        virResetLastError();
        return {};
    }
    char *xml = virDomainGetXMLDesc(d, inactive ? VIR_DOMAIN_XML_INACTIVE : 0);
    virDomainFree(d);
    if (!xml)
        return {};
    QString out = QString::fromUtf8(xml);
    free(xml);
    return out;
}

void TestDriver::undefine(const QString &name) const
{
    virDomainPtr d = virDomainLookupByName(m_conn, name.toUtf8().constData());
    if (!d) {
        virResetLastError();
        return;
    }
    if (virDomainIsActive(d) == 1)
        virDomainDestroy(d);
    virDomainUndefine(d);
    virDomainFree(d);
}

bool TestDriver::start(const QString &name) const
{
    virDomainPtr d = virDomainLookupByName(m_conn, name.toUtf8().constData());
    if (!d)
        return false;
    const bool ok = virDomainCreate(d) == 0;
    virDomainFree(d);
    return ok;
}

ReadBack readBack(const QString &xml)
{
    ReadBack b;
    QXmlStreamReader r(xml);
    QStringList stack;
    while (!r.atEnd()) {
        r.readNext();
        if (r.isStartElement()) {
            const QString name = r.name().toString();
            const QString parent = stack.isEmpty() ? QString() : stack.last();
            const auto a = r.attributes();
            stack << name;
            if (name == "domain"_L1 && parent.isEmpty()) {
                b.type = a.value("type"_L1).toString();
            } else if (name == "name"_L1 && parent == "domain"_L1) {
                b.name = r.readElementText();
                stack.removeLast();
            } else if (name == "memory"_L1 && parent == "domain"_L1) {
                b.memoryKiB = r.readElementText().toLongLong();
                stack.removeLast();
            } else if (name == "os"_L1) {
                b.osFirmware = a.value("firmware"_L1).toString();
            } else if (name == "type"_L1 && parent == "os"_L1) {
                b.arch = a.value("arch"_L1).toString();
                b.machine = a.value("machine"_L1).toString();
            } else if (name == "disk"_L1) {
                b.diskDevices << a.value("device"_L1).toString();
            } else if (name == "target"_L1 && parent == "disk"_L1) {
                b.diskBuses << a.value("bus"_L1).toString();
                b.diskTargets << a.value("dev"_L1).toString();
            } else if (name == "controller"_L1) {
                b.controllers << a.value("type"_L1).toString() + u'/' +
                                     a.value("model"_L1).toString();
            } else if (name == "model"_L1 && parent == "interface"_L1) {
                b.nicModels << a.value("type"_L1).toString();
            } else if (name == "graphics"_L1) {
                b.graphics << a.value("type"_L1).toString();
            } else if (name == "model"_L1 && parent == "video"_L1) {
                b.videoModels << a.value("type"_L1).toString();
            } else if (name == "target"_L1 && parent == "console"_L1) {
                b.consoleTargets << a.value("type"_L1).toString();
            } else if (name == "cpu"_L1 && parent == "domain"_L1) {
                b.cpuMode = a.value("mode"_L1).toString();
            } else if (name == "model"_L1 && parent == "cpu"_L1) {
                b.cpuModel = r.readElementText();
                stack.removeLast();
            }
        } else if (r.isEndElement() && !stack.isEmpty()) {
            stack.removeLast();
        }
    }
    return b;
}

arch::GuestContext contextOf(const models::VmSpec &spec, bool running)
{
    arch::GuestContext ctx;
    ctx.arch = spec.arch;
    ctx.machine = spec.machine;
    ctx.virtType = spec.virtType;
    ctx.running = running;
    ctx.firmware = spec.firmware;
    return ctx;
}

models::VmSpec defaultSpec(const QString &name, const QString &arch, const QString &machine,
                           arch::VirtType virtType)
{
    models::VmSpec s;
    s.hostUri = u"test:///default"_s;
    s.name = name;
    s.arch = arch;
    s.virtType = virtType;
    const arch::ArchModel *m = arch::ArchRegistry::instance().find(arch);
    s.machine = machine.isEmpty() && m ? m->defaultMachine() : machine;
    if (!m)
        return s;
    const arch::DefaultDevices d = m->defaultDevices(contextOf(s));
    s.firmware = d.firmware;
    s.cpu = d.cpu;
    s.memoryMiB = 2048;
    s.vcpus = 2;
    s.diskInterface = d.diskInterface;
    s.graphics = d.graphics;
    s.video = d.video;
    s.console = m->consoleTypes(contextOf(s)).firstOffered();
    s.nic = models::NicSpec{u"default"_s, d.nicModel};
    return s;
}

} // namespace crossvirt::test
