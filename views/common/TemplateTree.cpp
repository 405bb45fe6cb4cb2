#include "views/common/TemplateTree.h"

#include <QHash>
#include <QSignalBlocker>
#include <QTreeWidget>
#include <QTreeWidgetItemIterator>

namespace crossvirt::views {

namespace {
constexpr int UriRole = Qt::UserRole;
constexpr int UuidRole = Qt::UserRole + 1;
} // namespace

QString TemplateTree::key(const models::TemplateInfo &t)
{
    return t.uri + u'\n' + t.uuid;
}

void TemplateTree::fill(QTreeWidget *tree, const QList<models::TemplateInfo> &templates,
                        const std::function<QString(const QString &)> &hostName,
                        const std::function<QString(const models::TemplateInfo &)> &withheld,
                        const QString &keepKey)
{
    const QSignalBlocker block(tree);
    tree->clear();
    QHash<QString, QTreeWidgetItem *> hosts;
    QTreeWidgetItem *keep = nullptr;
    for (bool offeredPass : {true, false}) {
        for (const models::TemplateInfo &t : templates) {
            const QString reason = withheld ? withheld(t) : QString();
            if (reason.isEmpty() != offeredPass)
                continue;
            QTreeWidgetItem *&host = hosts[t.uri];
            if (!host) {
                host = new QTreeWidgetItem(tree, {hostName(t.uri)});
                host->setFlags(Qt::ItemIsEnabled);
                host->setFirstColumnSpanned(true);
                QFont bold = host->font(0);
                bold.setBold(true);
                host->setFont(0, bold);
            }
            auto *item = new QTreeWidgetItem(
                host,
                {t.name, t.arch, reason.isEmpty() ? t.summary : tr("Not offered: %1").arg(reason)});
            item->setData(0, UriRole, t.uri);
            item->setData(0, UuidRole, t.uuid);
            item->setToolTip(2, item->text(2));
            if (!reason.isEmpty())
                item->setFlags(item->flags() & ~(Qt::ItemIsEnabled | Qt::ItemIsSelectable));
            else if (key(t) == keepKey)
                keep = item;
        }
    }
    tree->expandAll();
    for (int c = 0; c < 2; ++c)
        tree->resizeColumnToContents(c);
    tree->setCurrentItem(keep);
}

std::optional<models::TemplateInfo>
TemplateTree::current(const QTreeWidget *tree, const QList<models::TemplateInfo> &templates)
{
    const QTreeWidgetItem *item = tree->currentItem();
    if (!item || !(item->flags() & Qt::ItemIsSelectable))
        return std::nullopt;
    const QString uri = item->data(0, UriRole).toString();
    const QString uuid = item->data(0, UuidRole).toString();
    for (const models::TemplateInfo &t : templates) {
        if (t.uri == uri && t.uuid == uuid)
            return t;
    }
    return std::nullopt;
}

bool TemplateTree::select(QTreeWidget *tree, const QString &uri, const QString &name)
{
    for (QTreeWidgetItemIterator it(tree); *it; ++it) {
        QTreeWidgetItem *item = *it;
        if (item->data(0, UriRole).toString() == uri && item->text(0) == name &&
            (item->flags() & Qt::ItemIsSelectable)) {
            tree->setCurrentItem(item);
            return true;
        }
    }
    return false;
}

} // namespace crossvirt::views
