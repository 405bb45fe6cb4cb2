#pragma once

#include "views/dialogs/newvm/NewVmPage.h"

#include <QStringList>

class QCheckBox;
class QLabel;
class QListWidget;
class QListWidgetItem;
class QPushButton;

namespace crossvirt::views {

/// A device a VM can boot from, as the boot order page lists it.
struct BootDeviceEntry
{
    QString kind;  ///< "hd", "cdrom", "network"
    QString label; ///< "Hard disk (VirtIO)"
    bool offered = true;
    QString reason; ///< why the firmware cannot boot from it (when !offered)
};

/// New VM, boot options (virt-manager's Boot Options): the devices the VM can boot from,
/// each with a checkbox, in boot order with up/down buttons. Unless the user asks for an
/// order of their own, the arch's default for the install method applies. The arch's
/// limit (s390x boots from one device) is shown with its reason and kept: checking a
/// device beyond it unchecks the earliest checked one.
class VmBootOrderPage : public NewVmPage
{
    Q_OBJECT
public:
    explicit VmBootOrderPage(QWidget *parent = nullptr);

    /// The devices the VM has, in default order. Devices already listed keep their check
    /// state, and their place once the user set an order; new ones are added checked
    /// (when offered).
    void setDevices(const QList<BootDeviceEntry> &devices);
    /// The firmware's limit (0 = none) and its reason.
    void setLimit(int maxDevices, const QString &reason);
    /// The boot order the user set: checked kinds in list order; empty when the user
    /// keeps the default.
    QStringList bootOrder() const;
    /// Sets an order of the user's own: `kinds` checked, first and in that order, the rest
    /// unchecked after them (empty: back to the default). False when a kind is not listed
    /// or cannot boot.
    bool setBootOrder(const QStringList &kinds);

    QCheckBox *custom() const { return m_custom; }
    QListWidget *devices() const { return m_list; }
    QPushButton *up() const { return m_up; }
    QPushButton *down() const { return m_down; }
    QLabel *limitNote() const { return m_limitNote; }

private:
    void move(int delta);
    void itemChanged(QListWidgetItem *item);
    void enforceLimit(QListWidgetItem *keep);
    void updateButtons();
    void fitList();

    QCheckBox *m_custom;
    QListWidget *m_list;
    QPushButton *m_up;
    QPushButton *m_down;
    QLabel *m_defaultNote;
    QLabel *m_limitNote;
    int m_max = 0;
    bool m_filling = false;
};

} // namespace crossvirt::views
