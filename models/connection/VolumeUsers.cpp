#include "models/connection/VolumeUsers.h"

#include "models/connection/LibvirtError.h"
#include "models/inventory/DomainXml.h"

#include <QCoreApplication>
#include <QSet>
#include <libvirt/virterror.h>

using namespace Qt::StringLiterals;

namespace crossvirt::models {

StorageVolHandle findVolume(virConnectPtr conn, const QString &source)
{
    StorageVolHandle vol(virStorageVolLookupByPath(conn, source.toUtf8().constData()));
    if (!vol && source.contains(u'/') && !source.startsWith(u'/')) {
        const StoragePoolHandle pool(
            virStoragePoolLookupByName(conn, source.section(u'/', 0, 0).toUtf8().constData()));
        if (pool)
            vol.reset(virStorageVolLookupByName(pool.get(),
                                                source.section(u'/', 1).toUtf8().constData()));
    }
    virResetLastError(); // "not found" is an answer here, not a failure
    return vol;
}

QString volumeKey(virConnectPtr conn, const QString &source)
{
    if (const StorageVolHandle vol = findVolume(conn, source)) {
        const QString path = takeLibvirtString(virStorageVolGetPath(vol.get()));
        if (!path.isEmpty())
            return path;
    }
    return source;
}

QHash<QString, QStringList> volumeUsers(virConnectPtr conn, const QString &exceptUuid)
{
    virDomainPtr *raw = nullptr;
    const int n = virConnectListAllDomains(conn, &raw, 0);
    if (n < 0) {
        throwLastLibvirtError(QCoreApplication::translate(
            "HostSession", "Could not list the virtual machines on this host"));
    }
    QHash<QString, QStringList> users;
    for (const DomainHandle &dom : takeLibvirtArray<DomainHandle>(raw, n)) {
        char uuid[VIR_UUID_STRING_BUFLEN] = {};
        virDomainGetUUIDString(dom.get(), uuid);
        if (!exceptUuid.isEmpty() && QLatin1StringView(uuid) == exceptUuid)
            continue;
        const char *rawName = virDomainGetName(dom.get());
        const QString name = rawName ? QString::fromUtf8(rawName) : QString();
        QSet<QString> keys;
        for (const unsigned flags : {0u, unsigned(VIR_DOMAIN_XML_INACTIVE)}) {
            const LibvirtString xml(virDomainGetXMLDesc(dom.get(), flags));
            if (!xml)
                continue;
            for (const DiskInfo &disk : parseDomainDetails(QByteArray(xml.get())).disks) {
                if (!disk.source.isEmpty() && disk.type != "network"_L1)
                    keys.insert(volumeKey(conn, disk.source));
            }
        }
        virResetLastError(); // a transient domain has no inactive XML
        for (const QString &key : std::as_const(keys))
            users[key] << name;
    }
    for (QStringList &names : users)
        names.sort(); // stable messages, whatever order libvirt lists the VMs in
    return users;
}

} // namespace crossvirt::models
