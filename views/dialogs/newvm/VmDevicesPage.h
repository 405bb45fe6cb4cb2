#pragma once

#include "views/dialogs/newvm/NewVmPage.h"

class QCheckBox;
class QComboBox;
class QLabel;
class QPushButton;

namespace crossvirt::views {

class ChoiceCombo;

/// New VM, page 4: the network card (network and model), graphics, video and console.
class VmDevicesPage : public NewVmPage
{
    Q_OBJECT
public:
    explicit VmDevicesPage(QWidget *parent = nullptr);

    QCheckBox *nic() const { return m_nic; }
    QComboBox *network() const { return m_network; }
    ChoiceCombo *nicModel() const { return m_nicModel; }
    ChoiceCombo *graphics() const { return m_graphics; }
    ChoiceCombo *video() const { return m_video; }
    ChoiceCombo *console() const { return m_console; }
    /// First-run help: shown when the host has no network called `default`.
    QPushButton *createDefaultNetwork() const { return m_createDefaultNetwork; }
    QLabel *defaultNetworkNote() const { return m_defaultNetworkNote; }
    /// Offers (or hides) "Create the default NAT network"; `note` says why or what failed.
    void offerDefaultNetwork(bool offer, const QString &note = {});

private:
    QCheckBox *m_nic;
    QComboBox *m_network;
    ChoiceCombo *m_nicModel;
    ChoiceCombo *m_graphics;
    ChoiceCombo *m_video;
    ChoiceCombo *m_console;
    QPushButton *m_createDefaultNetwork;
    QLabel *m_defaultNetworkNote;
};

} // namespace crossvirt::views
