#include "e2e/HarnessProcesses.h"

#include <QFile>
#include <QStandardPaths>

using namespace Qt::StringLiterals;

namespace crossvirt::test::e2e {

QString findProgram(const QString &name)
{
    QString path = QStandardPaths::findExecutable(name);
    if (path.isEmpty())
        path = QStandardPaths::findExecutable(
            name, {u"/usr/sbin"_s, u"/usr/local/sbin"_s, u"/sbin"_s, u"/usr/bin"_s});
    return path;
}

bool processAlive(qint64 pid)
{
    if (pid <= 0)
        return false;
    QFile stat(u"/proc/%1/stat"_s.arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return false;
    const QByteArray text = stat.readAll();
    const qsizetype close = text.lastIndexOf(')');
    return close < 0 || close + 2 >= text.size() || text.at(close + 2) != 'Z';
}

void quietLibvirtErrors(void *, virErrorPtr) {}

} // namespace crossvirt::test::e2e
