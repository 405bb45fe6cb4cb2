#include "models/cluster/Cluster.h"

#include <QCoreApplication>
#include <QUuid>

namespace crossvirt::models {

QString newClusterId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

QString clusterNameProblem(const QString &name, const QList<Cluster> &others)
{
    const auto tr = [](const char *text) { return QCoreApplication::translate("Cluster", text); };
    const QString trimmed = name.trimmed();
    if (trimmed.isEmpty())
        return tr("Enter a name for the cluster.");
    if (trimmed.size() > kClusterNameMaxLength)
        return tr("The name is too long: at most %1 characters.").arg(kClusterNameMaxLength);
    for (const QChar c : trimmed) {
        // The name lands in a JSON file and in menus; keep it to what reads well anywhere.
        if (!(c.isLetterOrNumber() || c == u' ' || c == u'-' || c == u'_' || c == u'.'))
            return tr("The name may contain only letters, digits, spaces, '-', '_' and '.' "
                      "(not '%1').")
                .arg(c);
    }
    for (const Cluster &other : others) {
        if (other.name.trimmed().compare(trimmed, Qt::CaseInsensitive) == 0)
            return tr("A cluster named \"%1\" already exists.").arg(other.name);
    }
    return {};
}

} // namespace crossvirt::models
