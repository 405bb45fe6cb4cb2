#include "views/vm/hardware/HostSourceCombos.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QRegularExpression>
#include <QSignalBlocker>

namespace crossvirt::views {

using namespace Qt::StringLiterals;

namespace {

constexpr int kActiveRole = Qt::UserRole + 1;
/// The network list's entry that stands for a host bridge.
constexpr int kBridgeRole = Qt::UserRole + 2;
// The texts keep the contexts of the Add Hardware pages they came from (translations).

} // namespace

void fillIsoVolumes(QComboBox *combo, const models::StorageSnapshot &storage)
{
    const QSignalBlocker block(combo);
    combo->clear();
    for (const models::PoolContents &p : storage.pools) {
        for (const models::VolumeInfo &v : p.isoVolumes())
            combo->addItem(
                QCoreApplication::translate("crossvirt::views::AddCdromPage", "%1 (pool %2)")
                    .arg(v.name, p.info.name),
                QStringList{p.info.name, v.name});
    }
    combo->setPlaceholderText(QCoreApplication::translate("crossvirt::views::AddCdromPage",
                                                          "No ISO image in the host's pools"));
    combo->setCurrentIndex(combo->count() > 0 ? 0 : -1);
}

QStringList isoVolumeOf(const QComboBox *combo)
{
    return combo->currentData().toStringList();
}

bool selectIsoVolume(QComboBox *combo, const QString &source)
{
    const QStringList poolVolume{source.section(u'/', 0, 0), source.section(u'/', 1)};
    const int row = combo->findData(poolVolume);
    if (row >= 0)
        combo->setCurrentIndex(row);
    return row >= 0;
}

int fillNetworks(QComboBox *combo, const models::StorageSnapshot &storage)
{
    const QSignalBlocker block(combo);
    combo->clear();
    for (const models::NetworkInfo &n : storage.networks) {
        combo->addItem(n.active ? n.name
                                : QCoreApplication::translate("crossvirt::views::AddNicPage",
                                                              "%1 (not running)")
                                      .arg(n.name),
                       n.name);
        combo->setItemData(combo->count() - 1, n.active, kActiveRole);
    }
    // The first running network is the default, as virt-manager picks "default".
    int pick = combo->findData(u"default"_s);
    if (pick < 0 || !combo->itemData(pick, kActiveRole).toBool()) {
        pick = -1;
        for (int i = 0; i < combo->count() && pick < 0; ++i) {
            if (combo->itemData(i, kActiveRole).toBool())
                pick = i;
        }
    }
    // A Linux bridge the host's admin made (virt-manager's "Bridge device").
    if (combo->count() > 0)
        combo->insertSeparator(combo->count());
    combo->addItem(QCoreApplication::translate("crossvirt::views::AddNicPage",
                                               "Bridge on the host (give its name)"),
                   QString());
    combo->setItemData(combo->count() - 1, true, kBridgeRole);
    combo->setCurrentIndex(pick >= 0 ? pick : 0);
    return combo->currentIndex();
}

bool isBridgeEntry(const QComboBox *combo)
{
    return combo->currentData(kBridgeRole).toBool();
}

void selectNetwork(QComboBox *combo, const QString &name, bool bridge)
{
    if (bridge) {
        for (int i = 0; i < combo->count(); ++i) {
            if (combo->itemData(i, kBridgeRole).toBool()) {
                combo->setCurrentIndex(i);
                return;
            }
        }
        combo->addItem(QCoreApplication::translate("crossvirt::views::AddNicPage",
                                                   "Bridge on the host (give its name)"),
                       QString());
        combo->setItemData(combo->count() - 1, true, kBridgeRole);
        combo->setCurrentIndex(combo->count() - 1);
        return;
    }
    int row = -1;
    for (int i = 0; i < combo->count() && row < 0; ++i) {
        if (!combo->itemData(i, kBridgeRole).toBool() && combo->itemData(i).toString() == name)
            row = i;
    }
    if (row < 0 && !name.isEmpty()) {
        // A network the host does not list (deleted, or not read yet): keep it choosable.
        combo->insertItem(
            0,
            QCoreApplication::translate("crossvirt::views::AddNicPage", "%1 (not on the host)")
                .arg(name),
            name);
        row = 0;
    }
    combo->setCurrentIndex(row);
}

bool isBridgeName(const QString &name)
{
    static const QRegularExpression re(u"^[A-Za-z0-9_.:-]{1,15}$"_s);
    return re.match(name).hasMatch();
}

} // namespace crossvirt::views
