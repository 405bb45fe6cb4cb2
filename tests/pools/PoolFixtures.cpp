#include "PoolFixtures.h"

#include "arch/Capabilities.h"
#include "arch/Placement.h"
#include "common/TestSupport.h"

#include <QFile>
#include <gtest/gtest.h>

using namespace Qt::StringLiterals;

namespace crossvirt::test {

namespace {

const QString kPoolPath = u"/var/lib/libvirt/images"_s;

QString templateXml(const QString &arch, const QString &machine, const QString &bus,
                    qint64 memoryMiB)
{
    return uR"(<domain type='kvm'>
  <name>web-tpl</name>
  <uuid>5b1c7a52-0f4e-4b43-9d0a-00000000a001</uuid>
  <metadata>
    <crossvirt:vm xmlns:crossvirt="https://crossvirt.org/xmlns/vm/1.0">
      <crossvirt:template created="2026-12-02T17:40:00Z" source-vm="web-base"/>
    </crossvirt:vm>
  </metadata>
  <memory unit='MiB'>%4</memory>
  <currentMemory unit='MiB'>%4</currentMemory>
  <vcpu placement='static'>2</vcpu>
  <os>
    <type arch='%1' machine='%2'>hvm</type>
    <boot dev='hd'/>
  </os>
  <devices>
    <disk type='file' device='disk'>
      <driver name='qemu' type='qcow2'/>
      <source file='%5/web-tpl.qcow2'/>
      <target dev='%6' bus='%3'/>
      <readonly/>
    </disk>
    <interface type='network'>
      <mac address='52:54:00:aa:00:01'/>
      <source network='default'/>
      <model type='virtio'/>
    </interface>
  </devices>
</domain>
)"_s.arg(arch, machine, bus)
        .arg(memoryMiB)
        .arg(kPoolPath, bus == "virtio"_L1 ? u"vda"_s : u"sda"_s);
}

models::TemplateInfo makeTemplate(const QString &uri, const QString &arch, const QString &machine,
                                  const QString &bus, qint64 memoryMiB, quint64 allocation)
{
    models::TemplateInfo t;
    t.uri = uri;
    t.uuid = u"5b1c7a52-0f4e-4b43-9d0a-00000000a001"_s;
    t.name = u"web-tpl"_s;
    t.metadata.isTemplate = true;
    t.metadata.templateSourceVm = u"web-base"_s;
    t.arch = arch;
    t.machine = machine;
    t.virtType = arch::VirtType::Kvm;
    t.vcpus = 2;
    t.memoryMiB = memoryMiB;
    models::TemplateDisk disk;
    disk.target = bus == "virtio"_L1 ? u"vda"_s : u"sda"_s;
    disk.device = u"disk"_s;
    disk.path = kPoolPath + u"/web-tpl.qcow2"_s;
    disk.pool = u"default"_s;
    disk.volume = u"web-tpl.qcow2"_s;
    disk.format = u"qcow2"_s;
    disk.capacity = 20ull << 30;
    disk.allocation = allocation;
    t.disks << disk;
    t.nicNetworks << u"default"_s;
    t.xml = templateXml(arch, machine, bus, memoryMiB);
    t.requirements = models::guestRequirements(t.xml.toUtf8());
    return t;
}

} // namespace

models::TemplateInfo x86Template(const QString &uri, qint64 memoryMiB, quint64 allocation)
{
    return makeTemplate(uri, u"x86_64"_s, u"pc-q35-7.2"_s, u"virtio"_s, memoryMiB, allocation);
}

models::TemplateInfo ppcTemplate(const QString &uri)
{
    return makeTemplate(uri, u"ppc64le"_s, u"pseries-7.2"_s, u"virtio"_s, 1024, 2ull << 30);
}

models::PoolHostFacts hostFacts(const QString &uri, const QString &capsFile,
                                const models::TemplateInfo &tmpl, qint64 freeMemoryMiB,
                                quint64 poolAvailable, const QStringList &names)
{
    QFile f(sourcePath(u"tests/data/capabilities/"_s + capsFile));
    EXPECT_TRUE(f.open(QIODevice::ReadOnly)) << capsFile.toStdString();
    QString error;
    const std::optional<arch::HostCapabilities> caps =
        arch::parseHostCapabilities(f.readAll(), &error);
    EXPECT_TRUE(caps.has_value()) << error.toStdString();

    models::PoolHostFacts h;
    h.uri = uri;
    h.hostArch = caps ? caps->hostArch : QString();
    h.freeMemoryMiB = freeMemoryMiB;

    models::GuestHostContext &c = h.context;
    c.uri = uri;
    c.arch = tmpl.arch;
    c.machine = tmpl.machine;
    c.hostArch = h.hostArch;
    c.hostMemoryKiB = quint64(freeMemoryMiB) * 1024 * 2;
    c.hostCaps = caps;
    const QList<arch::HostPlacement> ranked =
        arch::rankHosts(tmpl.arch, {arch::HostCandidate{uri, h.hostArch, caps}}, true);
    c.placement = ranked.first();

    models::PoolContents pool;
    pool.info.name = u"default"_s;
    pool.info.active = true;
    pool.info.type = u"dir"_s;
    pool.info.path = kPoolPath;
    pool.info.capacity = 1000ull << 30;
    pool.info.available = poolAvailable;
    pool.info.allocation = pool.info.capacity - poolAvailable;
    if (uri == tmpl.uri) {
        for (const models::TemplateDisk &d : tmpl.disks) {
            models::VolumeInfo v;
            v.name = d.volume;
            v.path = d.path;
            v.format = d.format;
            v.capacity = d.capacity;
            v.allocation = d.allocation;
            pool.volumes << v;
        }
    }
    pool.info.volumes = int(pool.volumes.size());
    h.storage.pools << pool;
    models::NetworkInfo net;
    net.name = u"default"_s;
    net.active = true;
    net.bridge = u"virbr0"_s;
    net.forwardMode = u"nat"_s;
    h.storage.networks << net;
    h.storage.domainNames = names;
    if (uri == tmpl.uri && !h.storage.domainNames.contains(tmpl.name))
        h.storage.domainNames << tmpl.name;
    return h;
}

QStringList placements(const models::VmPoolPlan &plan)
{
    QStringList out;
    for (const models::VmPoolMember &m : plan.members)
        out << m.name + u'@' + m.hostUri;
    return out;
}

int membersOn(const models::VmPoolPlan &plan, const QString &uri)
{
    int n = 0;
    for (const models::VmPoolMember &m : plan.members)
        n += m.hostUri == uri ? 1 : 0;
    return n;
}

} // namespace crossvirt::test
