#include "models/cluster/Cluster.h"

#include <QCoreApplication>
#include <QUuid>

namespace crossvirt::models {

namespace {
// lupdate and the runtime both see the context "Cluster" for Text::tr().
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(Cluster)
};
} // namespace

QString newClusterId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

QString clusterNameProblem(const QString &name, const QList<Cluster> &others)
{
    const QString trimmed = name.trimmed();
    if (trimmed.isEmpty())
        return Text::tr("Enter a name for the cluster.");
    if (trimmed.size() > kClusterNameMaxLength)
        return Text::tr("The name is too long: at most %1 characters.").arg(kClusterNameMaxLength);
    for (const QChar c : trimmed) {
        // The name lands in a JSON file and in menus; keep it to what reads well anywhere.
        if (!(c.isLetterOrNumber() || c == u' ' || c == u'-' || c == u'_' || c == u'.'))
            return Text::tr("The name may contain only letters, digits, spaces, '-', '_' and '.' "
                      "(not '%1').")
                .arg(c);
    }
    for (const Cluster &other : others) {
        if (other.name.trimmed().compare(trimmed, Qt::CaseInsensitive) == 0)
            return Text::tr("A cluster named \"%1\" already exists.").arg(other.name);
    }
    return {};
}

} // namespace crossvirt::models
