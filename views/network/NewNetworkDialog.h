#pragma once

#include "models/network/NetworkTypes.h"

#include <QDialog>
#include <QHash>
#include <QPointer>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace crossvirt::models {
class HostSession;
}

namespace crossvirt::views {

/// New Network: mode (NAT, routed, isolated, bridge), name, IPv4 network with a DHCP
/// range prefilled from it, optional IPv6, domain name, bridge. Checks the input against
/// the host's other networks as it is typed; Create runs HostNetworks::create on the
/// host's worker and closes only once the network exists (libvirt's error stays shown).
class NewNetworkDialog : public QDialog
{
    Q_OBJECT
public:
    NewNetworkDialog(models::HostSession *session, const QList<models::VirtualNetwork> &existing,
                     QWidget *parent = nullptr);

    models::NetworkSpec spec() const;
    /// The network created (after accept()).
    const models::VirtualNetwork &created() const { return m_created; }

    QLineEdit *nameEdit() const { return m_name; }
    QComboBox *modeCombo() const { return m_mode; }
    QLineEdit *ipv4Edit() const { return m_ipv4; }
    QCheckBox *dhcpCheck() const { return m_dhcp; }
    QLineEdit *dhcpStartEdit() const { return m_dhcpStart; }
    QLineEdit *dhcpEndEdit() const { return m_dhcpEnd; }
    QCheckBox *ipv6Check() const { return m_ipv6On; }
    QLineEdit *ipv6Edit() const { return m_ipv6; }
    QLineEdit *domainEdit() const { return m_domain; }
    QLineEdit *bridgeEdit() const { return m_bridge; }
    QPushButton *createButton() const { return m_create; }
    /// Every shown problem, one per line (for tests).
    QString problemsText() const;
    QLabel *statusLabel() const { return m_status; }

private:
    void modeChanged();
    void ipv4Edited();
    void validate();
    void create();

    QPointer<models::HostSession> m_session;
    QList<models::VirtualNetwork> m_existing;
    models::VirtualNetwork m_created;
    QLineEdit *m_name;
    QComboBox *m_mode;
    QLineEdit *m_ipv4;
    QCheckBox *m_dhcp;
    QLineEdit *m_dhcpStart, *m_dhcpEnd;
    QCheckBox *m_ipv6On;
    QLineEdit *m_ipv6;
    QLineEdit *m_domain;
    QLabel *m_bridgeLabel;
    QLineEdit *m_bridge;
    QCheckBox *m_autostart;
    QCheckBox *m_start;
    QHash<QString, QLabel *> m_errors; ///< field id -> its error label
    QLabel *m_status;
    QDialogButtonBox *m_buttons;
    QPushButton *m_create;
    bool m_busy = false;
};

} // namespace crossvirt::views
