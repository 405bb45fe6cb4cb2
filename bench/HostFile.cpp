#include "bench/HostFile.h"

#include <QFile>
#include <QUuid>
#include <QXmlStreamWriter>

namespace crossvirt::bench {

using namespace Qt::StringLiterals;

QString benchVmName(int hostNo, int vm)
{
    return u"h%1-vm%2"_s.arg(hostNo).arg(vm, 4, 10, QChar(u'0'));
}

bool writeHostFile(const QString &path, int hostNo, int vms)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return false;
    // A fixed namespace: the same host file (and so the same UUIDs) on every run.
    static const QUuid ns(u"6b1d3c6e-2f0a-4c57-9a43-0f5c1e8d7b21"_s);
    QXmlStreamWriter w(&f);
    w.setAutoFormatting(true);
    w.writeStartElement(u"node"_s);
    w.writeStartElement(u"cpu"_s);
    w.writeTextElement(u"mhz"_s, u"3000"_s);
    w.writeTextElement(u"model"_s, u"x86_64"_s);
    w.writeTextElement(u"active"_s, u"64"_s);
    w.writeTextElement(u"nodes"_s, u"1"_s);
    w.writeTextElement(u"sockets"_s, u"2"_s);
    w.writeTextElement(u"cores"_s, u"16"_s);
    w.writeTextElement(u"threads"_s, u"2"_s);
    w.writeEndElement();
    w.writeTextElement(u"memory"_s, u"1073741824"_s);
    auto memory = [&w](const QString &element) {
        w.writeStartElement(element);
        w.writeAttribute(u"unit"_s, u"MiB"_s);
        w.writeCharacters(u"1024"_s);
        w.writeEndElement();
    };
    for (int i = 0; i < vms; ++i) {
        const QString name = benchVmName(hostNo, i);
        w.writeStartElement(u"domain"_s);
        w.writeAttribute(u"type"_s, u"kvm"_s);
        w.writeTextElement(u"name"_s, name);
        w.writeTextElement(u"uuid"_s, QUuid::createUuidV5(ns, name).toString(QUuid::WithoutBraces));
        memory(u"memory"_s);
        memory(u"currentMemory"_s);
        w.writeTextElement(u"vcpu"_s, u"2"_s);
        w.writeStartElement(u"os"_s);
        w.writeStartElement(u"type"_s);
        w.writeAttribute(u"arch"_s, u"x86_64"_s);
        w.writeAttribute(u"machine"_s, u"pc-q35-7.2"_s);
        w.writeCharacters(u"hvm"_s);
        w.writeEndElement();
        w.writeEndElement();
        w.writeEmptyElement(u"cpu"_s);
        w.writeAttribute(u"mode"_s, u"host-model"_s);
        w.writeStartElement(u"devices"_s);
        w.writeStartElement(u"disk"_s);
        w.writeAttribute(u"type"_s, u"file"_s);
        w.writeAttribute(u"device"_s, u"disk"_s);
        w.writeEmptyElement(u"driver"_s);
        w.writeAttribute(u"name"_s, u"qemu"_s);
        w.writeAttribute(u"type"_s, u"qcow2"_s);
        w.writeEmptyElement(u"source"_s);
        w.writeAttribute(u"file"_s, u"/var/lib/libvirt/images/"_s + name + u".qcow2"_s);
        w.writeEmptyElement(u"target"_s);
        w.writeAttribute(u"dev"_s, u"vda"_s);
        w.writeAttribute(u"bus"_s, u"virtio"_s);
        w.writeEndElement();
        w.writeStartElement(u"interface"_s);
        w.writeAttribute(u"type"_s, u"network"_s);
        w.writeEmptyElement(u"source"_s);
        w.writeAttribute(u"network"_s, u"default"_s);
        w.writeEmptyElement(u"model"_s);
        w.writeAttribute(u"type"_s, u"virtio"_s);
        w.writeEndElement();
        w.writeEmptyElement(u"graphics"_s);
        w.writeAttribute(u"type"_s, u"vnc"_s);
        w.writeAttribute(u"port"_s, u"-1"_s);
        w.writeAttribute(u"autoport"_s, u"yes"_s);
        w.writeAttribute(u"listen"_s, u"127.0.0.1"_s);
        w.writeStartElement(u"video"_s);
        w.writeEmptyElement(u"model"_s);
        w.writeAttribute(u"type"_s, u"virtio"_s);
        w.writeEndElement();
        w.writeStartElement(u"serial"_s);
        w.writeAttribute(u"type"_s, u"pty"_s);
        w.writeEmptyElement(u"target"_s);
        w.writeAttribute(u"port"_s, u"0"_s);
        w.writeEndElement();
        w.writeEndElement(); // devices
        w.writeEndElement(); // domain
    }
    w.writeEndElement();
    return !w.hasError() && f.flush();
}

} // namespace crossvirt::bench
