#include "OsinfoDbFiles.h"

#include <QDirIterator>
#include <QFile>
#include <QXmlStreamReader>

using namespace Qt::StringLiterals;

namespace crossvirt::test {

QString osinfoDbDir()
{
    return qEnvironmentVariable("OSINFO_SYSTEM_DIR", u"/usr/share/osinfo"_s);
}

namespace {

void readResources(QXmlStreamReader &xml, const QString &arch, OsinfoDbOs &os)
{
    // Inside <resources>: <minimum>/<recommended>/... each holding <ram>, <n-cpus>, ...
    while (xml.readNextStartElement()) {
        const QString kind = xml.name().toString();
        while (xml.readNextStartElement()) {
            const QString field = xml.name().toString();
            const QString text = xml.readElementText(QXmlStreamReader::SkipChildElements);
            bool ok = false;
            const qint64 value = text.trimmed().toLongLong(&ok);
            if (ok)
                os.resources.insert(kind + QLatin1Char('/') + arch + QLatin1Char('/') + field,
                                    value);
        }
    }
}

void readOs(QXmlStreamReader &xml, OsinfoDbOs &os)
{
    while (xml.readNextStartElement()) {
        const auto name = xml.name();
        if (name == u"short-id" && os.shortId.isEmpty()) {
            os.shortId = xml.readElementText();
        } else if (name == u"media" || name == u"tree" || name == u"image") {
            const QString arch = xml.attributes().value(QLatin1String("arch")).toString();
            if (!arch.isEmpty())
                os.arches.insert(arch);
            xml.skipCurrentElement();
        } else if (name == u"resources") {
            const QString arch = xml.attributes().value(QLatin1String("arch")).toString();
            if (!arch.isEmpty())
                os.arches.insert(arch);
            readResources(xml, arch, os);
        } else {
            xml.skipCurrentElement();
        }
    }
}

} // namespace

QHash<QString, OsinfoDbOs> readOsinfoDbFiles(const QString &dbDir)
{
    QHash<QString, OsinfoDbOs> result;
    QDirIterator it(dbDir + u"/os"_s, {u"*.xml"_s}, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile file(it.next());
        if (!file.open(QIODevice::ReadOnly))
            continue;
        QXmlStreamReader xml(&file);
        if (!xml.readNextStartElement()) // <libosinfo>
            continue;
        while (xml.readNextStartElement()) {
            if (xml.name() == u"os") {
                const QString id = xml.attributes().value(QLatin1String("id")).toString();
                readOs(xml, result[id]);
            } else {
                xml.skipCurrentElement();
            }
        }
    }
    return result;
}

} // namespace crossvirt::test
