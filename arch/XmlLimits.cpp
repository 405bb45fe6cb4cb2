#include "arch/XmlLimits.h"

#include <QCoreApplication>
#include <QLocale>
#include <QStringDecoder>

namespace crossvirt::arch {

HostXmlCheck checkHostXml(const QByteArray &xml)
{
    HostXmlCheck check;
    if (xml.size() > kMaxHostXmlBytes) {
        const QLocale locale;
        check.refused = true;
        check.message = QCoreApplication::translate(
                            "XmlLimits", "The host sent %1 of XML; more than %2 is not read.")
                            .arg(locale.formattedDataSize(xml.size()),
                                 locale.formattedDataSize(kMaxHostXmlBytes));
        return check;
    }
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    QString text = decoder.decode(xml);
    if (decoder.hasError()) {
        check.repaired = text.toUtf8();
        check.message = QCoreApplication::translate(
            "XmlLimits", "The host sent invalid UTF-8; the bad bytes are shown as \uFFFD.");
    }
    return check;
}

QString xmlTooDeepText()
{
    return QCoreApplication::translate("XmlLimits",
                                       "The XML is nested deeper than %1 elements; not read.")
        .arg(kMaxXmlDepth);
}

QString capName(const QString &name)
{
    if (name.size() <= kMaxNameChars)
        return name;
    return name.left(kMaxNameChars - 1) + QChar(0x2026);
}

} // namespace crossvirt::arch
