#include "models/connection/TlsCertificateFolder.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>

#include <array>
#include <cerrno>
#include <cstdio>
#include <cstring>

namespace crossvirt::models {

namespace {
// lupdate and the runtime both see the context "TlsCertificateFolder" for Text::tr().
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(TlsCertificateFolder)
};

using namespace Qt::StringLiterals;

struct Entry
{
    QString path;
    QString libvirtName;
    QString what;
};

std::array<Entry, 3> entries(const TlsCertificates &files)
{
    return {{{files.caCertificate, u"cacert.pem"_s, Text::tr("The CA certificate")},
             {files.clientCertificate, u"clientcert.pem"_s, Text::tr("The client certificate")},
             {files.clientKey, u"clientkey.pem"_s, Text::tr("The client key")}}};
}
} // namespace

QStringList tlsCertificateProblems(const TlsCertificates &files)
{
    QStringList problems;
    for (const Entry &e : entries(files)) {
        if (e.path.isEmpty()) {
            problems << Text::tr("%1 is not chosen.").arg(e.what);
            continue;
        }
        const QFileInfo info(e.path);
        if (!info.isAbsolute())
            problems << Text::tr("%1 needs an absolute path: %2.").arg(e.what, e.path);
        else if (!info.exists())
            problems << Text::tr("%1 %2 does not exist.").arg(e.what, e.path);
        else if (!info.isFile())
            problems << Text::tr("%1 %2 is not a file.").arg(e.what, e.path);
        else if (!info.isReadable())
            problems << Text::tr("%1 %2 cannot be read (permissions).").arg(e.what, e.path);
    }
    return problems;
}

QString existingPkiFolder(const TlsCertificates &files)
{
    QString folder;
    for (const Entry &e : entries(files)) {
        const QFileInfo info(e.path);
        if (e.path.isEmpty() || info.fileName() != e.libvirtName)
            return {};
        const QString dir = info.absolutePath();
        if (!folder.isEmpty() && dir != folder)
            return {};
        folder = dir;
    }
    return folder;
}

QString pkiFoldersBase()
{
    QString dir = qEnvironmentVariable("CROSSVIRT_DATA_DIR");
    if (dir.isEmpty()) {
        dir =
            QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) + u"/crossvirt"_s;
    }
    return QDir(dir).filePath(u"pki"_s);
}

QString plannedPkiFolder(const TlsCertificates &files, const QString &host, const QString &base)
{
    if (const QString own = existingPkiFolder(files); !own.isEmpty())
        return own;
    QString name;
    for (const QChar c : host) {
        const bool plain = (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') ||
                           (c >= u'0' && c <= u'9') || c == u'.' || c == u'-';
        name += plain ? c : u'_';
    }
    if (name.isEmpty())
        name = u"host"_s;
    QCryptographicHash hash(QCryptographicHash::Sha256);
    for (const Entry &e : entries(files))
        hash.addData((QFileInfo(e.path).absoluteFilePath() + u'\n').toUtf8());
    return QDir(base).filePath(name + u'-' + QString::fromLatin1(hash.result().toHex().left(10)));
}

QString makePkiFolder(const TlsCertificates &files, const QString &folder)
{
    if (!folder.isEmpty() && existingPkiFolder(files) == QDir(folder).absolutePath())
        return {};
    if (const QStringList problems = tlsCertificateProblems(files); !problems.isEmpty())
        return problems.join(u' ');
    QDir dir(folder);
    const bool created = !dir.exists();
    if (created && !QDir().mkpath(folder))
        return Text::tr("Could not create the certificate folder %1.").arg(folder);
    if (created) {
        QFile::setPermissions(folder, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    }
    // Links go in under temporary names first and are renamed over the final ones only
    // when all three exist, so a failure leaves the folder as it was.
    QStringList temporary;
    auto undo = [&] {
        for (const QString &t : std::as_const(temporary))
            QFile::remove(t);
        if (created)
            QDir().rmdir(folder);
    };
    for (const Entry &e : entries(files)) {
        const QString tmp = dir.filePath(u".new-"_s + e.libvirtName);
        QFile::remove(tmp);
        if (!QFile::link(QFileInfo(e.path).absoluteFilePath(), tmp)) {
            const QString why = QString::fromLocal8Bit(std::strerror(errno));
            undo();
            return Text::tr("Could not link %1 into %2: %3.").arg(e.path, folder, why);
        }
        temporary << tmp;
    }
    const auto all = entries(files);
    for (qsizetype i = 0; i < temporary.size(); ++i) {
        const QByteArray from = QFile::encodeName(temporary.at(i));
        const QByteArray to = QFile::encodeName(dir.filePath(all[size_t(i)].libvirtName));
        if (std::rename(from.constData(), to.constData()) != 0) {
            const QString why = QString::fromLocal8Bit(std::strerror(errno));
            undo();
            return Text::tr("Could not put the certificate links in %1: %2.").arg(folder, why);
        }
    }
    return {};
}

} // namespace crossvirt::models
