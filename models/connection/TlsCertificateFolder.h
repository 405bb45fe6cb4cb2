#pragma once

#include "models/connection/ConnectionUri.h"

#include <QString>
#include <QStringList>

namespace crossvirt::models {

/// libvirt's TLS client wants one folder (`pkipath=`) holding cacert.pem, clientcert.pem
/// and clientkey.pem. These helpers turn three files the user chose anywhere into such a
/// folder: the files' own folder when they already are that, else a per-connection folder
/// of symlinks under Crossvirt's data folder (the private key is never copied).

/// What is wrong with the chosen files (missing, not a file, unreadable), one sentence per
/// file (tr'd); empty when all three can be read.
QStringList tlsCertificateProblems(const TlsCertificates &files);

/// The folder that already holds the three files under libvirt's names, or empty.
QString existingPkiFolder(const TlsCertificates &files);

/// Where Crossvirt keeps made-up pki folders: <data dir>/pki (CROSSVIRT_DATA_DIR overrides
/// the data dir, as for the demo datacenter).
QString pkiFoldersBase();

/// The pki folder a connection to `host` with these files uses: existingPkiFolder() when
/// there is one, else `base`/<host>-<hash of the three paths> (the same choice gives the
/// same folder). Touches no file.
QString plannedPkiFolder(const TlsCertificates &files, const QString &host,
                         const QString &base = pkiFoldersBase());

/// Makes `folder` hold symlinks named cacert.pem, clientcert.pem and clientkey.pem to the
/// files (replacing older links there). Nothing is done when the folder is the files' own.
/// Returns an error (tr'd, naming what failed) or empty; on failure nothing new is left.
QString makePkiFolder(const TlsCertificates &files, const QString &folder);

} // namespace crossvirt::models
