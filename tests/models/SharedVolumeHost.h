#pragma once

// The test-driver host of tests/models/data/shared-volume.xml: app-a and app-b share
// shared-data.qcow2; app-a also has its own disk and an install CD-ROM. Used by the
// HostSession Delete tests and the main window's action tests.

#include "common/TestSupport.h"
#include "models/connection/HostSession.h"
#include "models/connection/WorkerJobs.h"

namespace crossvirt::test::sharedvolume {

inline const QString kImages = QStringLiteral("/var/lib/libvirt/images/");
inline const QString kAppA = QStringLiteral("7d6f0a8e-1c2b-4e5f-9a0b-000000000001");
inline const QString kAppB = QStringLiteral("7d6f0a8e-1c2b-4e5f-9a0b-000000000002");

inline QString hostUri()
{
    return QStringLiteral("test://") +
           sourcePath(QStringLiteral("tests/models/data/shared-volume.xml"));
}

/// Whether the pool still has the volume `name` (asked on the session's worker).
inline bool volumeExists(models::HostSession *session, const QString &name)
{
    const QString path = kImages + name;
    return models::runOnWorker(session,
                               [path](virConnectPtr c) {
                                   return bool(models::StorageVolHandle(
                                       virStorageVolLookupByPath(c, path.toUtf8().constData())));
                               })
        .result();
}

} // namespace crossvirt::test::sharedvolume
