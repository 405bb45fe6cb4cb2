#include "e2e/GuestImage.h"

#include <QDir>
#include <QFile>
#include <QHash>
#include <QMutex>
#include <QProcess>

using namespace Qt::StringLiterals;

namespace crossvirt::test::e2e {

namespace {

/// KEY=value lines of image.env (no quoting beyond an optional pair of double quotes).
QHash<QString, QString> readEnvFile(const QString &path)
{
    QHash<QString, QString> values;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        return values;
    const QStringList lines = QString::fromUtf8(file.readAll()).split(u'\n');
    for (const QString &line : lines) {
        const qsizetype eq = line.indexOf(u'=');
        if (eq <= 0 || line.startsWith(u'#'))
            continue;
        QString value = line.mid(eq + 1).trimmed();
        if (value.size() >= 2 && value.startsWith(u'"') && value.endsWith(u'"'))
            value = value.mid(1, value.size() - 2);
        values.insert(line.left(eq).trimmed(), value);
    }
    return values;
}

QString lastNonEmptyLine(const QByteArray &out)
{
    const QStringList lines = QString::fromUtf8(out).split(u'\n', Qt::SkipEmptyParts);
    for (qsizetype i = lines.size() - 1; i >= 0; --i)
        if (!lines.at(i).trimmed().isEmpty())
            return lines.at(i).trimmed();
    return {};
}

GuestImage makeImage(const QString &arch)
{
    GuestImage image;
    image.arch = arch;
    const QString script = guestImageScript();
    if (!QFile::exists(script)) {
        image.error = u"guest image script not found: %1"_s.arg(script);
        return image;
    }
    QProcess proc;
    proc.setProcessChannelMode(QProcess::SeparateChannels);
    proc.start(u"bash"_s, {script, arch});
    // The first run downloads a Debian kernel (tens of MB); later runs read the cache.
    const int timeoutMs = 30 * 60 * 1000;
    if (!proc.waitForStarted(30'000) || !proc.waitForFinished(timeoutMs)) {
        proc.kill();
        proc.waitForFinished(5000);
        image.error = u"%1 guest image: make-guest-image.sh did not finish: %2"_s.arg(
            arch, proc.errorString());
        return image;
    }
    const QByteArray out = proc.readAllStandardOutput();
    const QByteArray err = proc.readAllStandardError();
    if (proc.exitStatus() != QProcess::NormalExit || proc.exitCode() != 0) {
        QStringList errLines = QString::fromUtf8(err).split(u'\n', Qt::SkipEmptyParts);
        if (errLines.size() > 15)
            errLines = errLines.mid(errLines.size() - 15);
        image.error = u"%1 guest image could not be made (exit %2): %3"_s.arg(
            arch, QString::number(proc.exitCode()), errLines.join(u"\n"_s));
        return image;
    }
    const QString dir = lastNonEmptyLine(out);
    const QHash<QString, QString> env = readEnvFile(QDir(dir).filePath(u"image.env"_s));
    image.kernel = env.value(u"KERNEL"_s, QDir(dir).filePath(u"kernel"_s));
    image.initrd = env.value(u"INITRD"_s, QDir(dir).filePath(u"initrd"_s));
    image.kernelVersion = env.value(u"KERNEL_VERSION"_s);
    image.note = env.value(u"NOTE"_s);
    if (!QFile::exists(image.kernel) || !QFile::exists(image.initrd))
        image.error =
            u"%1 guest image: the script printed '%2' but it holds no kernel/initrd"_s.arg(arch,
                                                                                           dir);
    return image;
}

} // namespace

QString guestImageScript()
{
    const QString fromEnv = qEnvironmentVariable("CROSSVIRT_SOURCE_DIR");
    const QString root = fromEnv.isEmpty() ? QStringLiteral(CROSSVIRT_GUEST_SOURCE_DIR) : fromEnv;
    return QDir(root).filePath(u"tests/e2e/guest/make-guest-image.sh"_s);
}

GuestImage guestImageFor(const QString &libvirtArch)
{
    static QMutex mutex;
    static QHash<QString, GuestImage> cache;
    QMutexLocker lock(&mutex);
    const auto it = cache.constFind(libvirtArch);
    if (it != cache.constEnd())
        return *it;
    const GuestImage image = makeImage(libvirtArch);
    cache.insert(libvirtArch, image);
    return image;
}

} // namespace crossvirt::test::e2e
