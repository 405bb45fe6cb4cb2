#pragma once

#include "views/dialogs/newvm/NewVmPage.h"

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QListView;

namespace crossvirt::models {
class OsFilterProxyModel;
class OsListModel;
} // namespace crossvirt::models

namespace crossvirt::views {

class ChoiceCombo;

/// New VM, page 1: where (a cluster or a host), the guest arch, the host the placement
/// picked, the machine type, the OS (searchable osinfo list) and the name.
class VmPlacementPage : public NewVmPage
{
    Q_OBJECT
public:
    explicit VmPlacementPage(QWidget *parent = nullptr);

    QComboBox *target() const { return m_target; }
    QComboBox *arch() const { return m_arch; }
    QLabel *archNote() const { return m_archNote; }
    QComboBox *host() const { return m_host; }
    QLabel *hostNote() const { return m_hostNote; }
    ChoiceCombo *machine() const { return m_machine; }
    QLineEdit *osSearch() const { return m_osSearch; }
    QListView *osList() const { return m_osList; }
    QLabel *osNote() const { return m_osNote; }
    models::OsListModel *osModel() const { return m_osModel; }
    QLineEdit *name() const { return m_name; }

private:
    QComboBox *m_target;
    QComboBox *m_arch;
    QLabel *m_archNote;
    QComboBox *m_host;
    QLabel *m_hostNote;
    ChoiceCombo *m_machine;
    QLineEdit *m_osSearch;
    QCheckBox *m_showEol;
    QListView *m_osList;
    QLabel *m_osNote;
    models::OsListModel *m_osModel;
    models::OsFilterProxyModel *m_osFilter;
    QLineEdit *m_name;
};

} // namespace crossvirt::views
