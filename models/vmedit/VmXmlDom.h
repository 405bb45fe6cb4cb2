#pragma once

// Internal to models/vmedit: small helpers that change one part of a domain XML held as a
// QDomDocument, so a plan edits the definition libvirt gave (unknown elements kept)
// instead of writing a new one.

#include <QDomDocument>
#include <QDomElement>
#include <QList>
#include <QString>

namespace crossvirt::models::vmxml {

/// Parses `xml`; a null document (isNull) when it is not well-formed.
QDomDocument parse(const QString &xml);
/// The document as text (libvirt's indentation: two spaces).
QString toString(const QDomDocument &doc);

/// The first child element `name` of `parent`, or a null element.
QDomElement child(const QDomElement &parent, const QString &name);
/// The first child element `name`, created (appended) when there is none.
QDomElement ensureChild(QDomElement parent, const QString &name);
/// Removes every child element `name` of `parent`.
void removeChildren(QDomElement parent, const QString &name);
/// Sets the text of child `name` (created when missing); removes it when `text` is empty.
void setChildText(QDomElement parent, const QString &name, const QString &text);

/// <devices> children in XML order, <emulator> left out: the same order as
/// VmConfig::devices, so VmConfig's n-th device is the n-th element here.
QList<QDomElement> deviceElements(const QDomDocument &doc);

/// Parses one element (a device's XML) and imports it into `doc`.
QDomElement importElement(QDomDocument &doc, const QString &elementXml);
/// One element as text, without an XML declaration.
QString elementToString(const QDomElement &element);

/// "0-3" for the first `count` vCPUs.
QString cpuRange(int count);

} // namespace crossvirt::models::vmxml
