#pragma once

#include "models/connection/ConnectionStore.h"

namespace crossvirt::models {

/// The embedded default: test-driver host files shipped in the resources (an
/// x86_64, a ppc64le POWER9, an aarch64 and an s390x host), written out to a
/// folder so libvirt's test driver can open them as test:///ABS/PATH.xml.
class DemoDatacenter
{
public:
    /// The folder the host files are written to (app data dir, CROSSVIRT_DATA_DIR overrides).
    static QString defaultFolder();
    /// Writes the host files into `folder` and returns one connection per host.
    /// Returns an empty list and sets `error` when the files cannot be written.
    static QList<SavedConnection> install(const QString &folder, QString *error = nullptr);
};

} // namespace crossvirt::models
