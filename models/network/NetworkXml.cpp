#include "models/network/NetworkXml.h"

#include <QXmlStreamReader>
#include <QXmlStreamWriter>

namespace crossvirt::models {

using namespace Qt::StringLiterals;

namespace {

QString attr(const QXmlStreamReader &xml, QLatin1StringView name)
{
    return xml.attributes().value(name).toString();
}

void readIp(QXmlStreamReader &xml, VirtualNetwork &net)
{
    NetworkAddress a;
    a.address = attr(xml, "address"_L1);
    const QString family = attr(xml, "family"_L1);
    a.isIpv6 = family == "ipv6"_L1 || a.address.contains(u':');
    const QString prefix = attr(xml, "prefix"_L1);
    const QString netmask = attr(xml, "netmask"_L1);
    if (!prefix.isEmpty()) {
        a.prefix = prefix.toInt();
    } else if (!netmask.isEmpty()) {
        a.prefix = QHostAddress::parseSubnet(a.address + u'/' + netmask).second;
    } else {
        a.prefix = a.isIpv6 ? 64 : 24; // libvirt's defaults for a classful/unspecified address
    }
    while (xml.readNextStartElement()) {
        if (xml.name() == "dhcp"_L1) {
            while (xml.readNextStartElement()) {
                if (xml.name() == "range"_L1 && a.dhcpStart.isEmpty()) {
                    a.dhcpStart = attr(xml, "start"_L1);
                    a.dhcpEnd = attr(xml, "end"_L1);
                }
                xml.skipCurrentElement();
            }
            continue;
        }
        xml.skipCurrentElement();
    }
    NetworkAddress &slot = a.isIpv6 ? net.ipv6 : net.ipv4;
    if (!slot.isValid())
        slot = a;
}

} // namespace

VirtualNetwork parseNetworkXml(const QByteArray &bytes)
{
    VirtualNetwork net;
    net.mode = NetworkMode::Isolated;
    QXmlStreamReader xml(bytes);
    if (!xml.readNextStartElement() || xml.name() != "network"_L1)
        return net;
    while (xml.readNextStartElement()) {
        const auto name = xml.name();
        if (name == "name"_L1) {
            net.name = xml.readElementText();
        } else if (name == "uuid"_L1) {
            net.uuid = xml.readElementText();
        } else if (name == "forward"_L1) {
            // <forward/> without a mode is NAT (libvirt's default).
            net.modeId = attr(xml, "mode"_L1);
            if (net.modeId.isEmpty())
                net.modeId = u"nat"_s;
            net.mode = networkModeFromId(net.modeId);
            xml.skipCurrentElement();
        } else if (name == "bridge"_L1) {
            net.bridge = attr(xml, "name"_L1);
            xml.skipCurrentElement();
        } else if (name == "domain"_L1) {
            net.domainName = attr(xml, "name"_L1);
            xml.skipCurrentElement();
        } else if (name == "ip"_L1) {
            readIp(xml, net);
        } else {
            xml.skipCurrentElement();
        }
    }
    return net;
}

bool hostAddressOf(const QString &cidr, QHostAddress *address, int *prefix)
{
    const qsizetype slash = cidr.indexOf(u'/');
    if (slash <= 0)
        return false;
    bool ok = false;
    const int bits = cidr.mid(slash + 1).toInt(&ok);
    QHostAddress host(cidr.left(slash));
    if (!ok || host.isNull())
        return false;
    const bool v6 = host.protocol() == QAbstractSocket::IPv6Protocol;
    if (bits < 1 || bits > (v6 ? 128 : 32))
        return false;
    const auto subnet = QHostAddress::parseSubnet(cidr.trimmed());
    if (subnet.first.isNull())
        return false;
    if (subnet.first == host) {
        // The network address: the host takes the first address after it.
        if (v6) {
            Q_IPV6ADDR a = host.toIPv6Address();
            a[15] = quint8(a[15] + 1);
            host = QHostAddress(a);
        } else {
            host = QHostAddress(host.toIPv4Address() + 1);
        }
    }
    *address = host;
    *prefix = bits;
    return true;
}

QByteArray networkSpecXml(const NetworkSpec &spec)
{
    QByteArray out;
    QXmlStreamWriter xml(&out);
    xml.setAutoFormatting(true);
    xml.writeStartElement(u"network"_s);
    xml.writeTextElement(u"name"_s, spec.name);
    if (spec.mode == NetworkMode::Nat || spec.mode == NetworkMode::Route ||
        spec.mode == NetworkMode::Bridge) {
        xml.writeEmptyElement(u"forward"_s);
        xml.writeAttribute(u"mode"_s, networkModeId(spec.mode));
    }
    if (!spec.bridge.isEmpty()) {
        xml.writeEmptyElement(u"bridge"_s);
        xml.writeAttribute(u"name"_s, spec.bridge);
        if (spec.mode != NetworkMode::Bridge) {
            xml.writeAttribute(u"stp"_s, u"on"_s);
            xml.writeAttribute(u"delay"_s, u"0"_s);
        }
    }
    if (spec.mode != NetworkMode::Bridge) {
        if (!spec.domainName.isEmpty()) {
            xml.writeEmptyElement(u"domain"_s);
            xml.writeAttribute(u"name"_s, spec.domainName);
            xml.writeAttribute(u"localOnly"_s, u"yes"_s);
        }
        QHostAddress host;
        int prefix = 0;
        if (!spec.ipv4.isEmpty() && hostAddressOf(spec.ipv4, &host, &prefix)) {
            xml.writeStartElement(u"ip"_s);
            xml.writeAttribute(u"address"_s, host.toString());
            xml.writeAttribute(u"prefix"_s, QString::number(prefix));
            if (!spec.dhcpStart.isEmpty()) {
                xml.writeStartElement(u"dhcp"_s);
                xml.writeEmptyElement(u"range"_s);
                xml.writeAttribute(u"start"_s, spec.dhcpStart);
                xml.writeAttribute(u"end"_s, spec.dhcpEnd);
                xml.writeEndElement();
            }
            xml.writeEndElement();
        }
        if (!spec.ipv6.isEmpty() && hostAddressOf(spec.ipv6, &host, &prefix)) {
            xml.writeEmptyElement(u"ip"_s);
            xml.writeAttribute(u"family"_s, u"ipv6"_s);
            xml.writeAttribute(u"address"_s, host.toString());
            xml.writeAttribute(u"prefix"_s, QString::number(prefix));
        }
    }
    xml.writeEndElement();
    return out;
}

} // namespace crossvirt::models
