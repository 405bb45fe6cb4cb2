#include "models/vmedit/VmXmlDom.h"

#include <QTextStream>

using namespace Qt::StringLiterals;

namespace crossvirt::models::vmxml {

QDomDocument parse(const QString &xml)
{
    QDomDocument doc;
    if (!doc.setContent(xml))
        return {};
    return doc;
}

QString toString(const QDomDocument &doc)
{
    return doc.toString(2);
}

QDomElement child(const QDomElement &parent, const QString &name)
{
    return parent.isNull() ? QDomElement() : parent.firstChildElement(name);
}

QDomElement ensureChild(QDomElement parent, const QString &name)
{
    QDomElement e = parent.firstChildElement(name);
    if (e.isNull()) {
        e = parent.ownerDocument().createElement(name);
        parent.appendChild(e);
    }
    return e;
}

void removeChildren(QDomElement parent, const QString &name)
{
    for (QDomElement e = parent.firstChildElement(name); !e.isNull();) {
        const QDomElement next = e.nextSiblingElement(name);
        parent.removeChild(e);
        e = next;
    }
}

void setChildText(QDomElement parent, const QString &name, const QString &text)
{
    if (text.isEmpty()) {
        removeChildren(parent, name);
        return;
    }
    QDomElement e = ensureChild(parent, name);
    while (e.hasChildNodes())
        e.removeChild(e.firstChild());
    e.appendChild(parent.ownerDocument().createTextNode(text));
}

QList<QDomElement> deviceElements(const QDomDocument &doc)
{
    QList<QDomElement> out;
    const QDomElement devices = doc.documentElement().firstChildElement(u"devices"_s);
    for (QDomElement e = devices.firstChildElement(); !e.isNull(); e = e.nextSiblingElement()) {
        if (e.tagName() != "emulator"_L1)
            out << e;
    }
    return out;
}

QDomElement importElement(QDomDocument &doc, const QString &elementXml)
{
    QDomDocument one;
    if (!one.setContent(elementXml))
        return {};
    return doc.importNode(one.documentElement(), true).toElement();
}

QString elementToString(const QDomElement &element)
{
    QString out;
    QTextStream s(&out);
    element.save(s, 2);
    return out.trimmed();
}

QString cpuRange(int count)
{
    return count <= 1 ? u"0"_s : u"0-%1"_s.arg(count - 1);
}

} // namespace crossvirt::models::vmxml
