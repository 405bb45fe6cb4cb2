#include "common/TestSupport.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QDir>
#include <QTemporaryDir>
#include <QThread>
#include <memory>
#include <vector>

namespace crossvirt::test {

bool waitUntil(const std::function<bool()> &done, int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    while (!done()) {
        if (deadline.hasExpired())
            return done();
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
        QThread::msleep(2);
    }
    return true;
}

QString sourcePath(const QString &relative)
{
    QString root = qEnvironmentVariable("CROSSVIRT_SOURCE_DIR");
    if (root.isEmpty())
        root = QStringLiteral(CROSSVIRT_TEST_SOURCE_DIR);
    return QDir(root).filePath(relative);
}

QString makeTempDir()
{
    static std::vector<std::unique_ptr<QTemporaryDir>> dirs;
    dirs.push_back(std::make_unique<QTemporaryDir>());
    return dirs.back()->path();
}

} // namespace crossvirt::test
