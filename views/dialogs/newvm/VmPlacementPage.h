#pragma once

#include "views/dialogs/newvm/NewVmPage.h"

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QListView;
class QRadioButton;
class QTreeWidget;
class QFormLayout;

namespace crossvirt::models {
class OsFilterProxyModel;
class OsListModel;
} // namespace crossvirt::models

namespace crossvirt::views {

class ChoiceCombo;

/// New VM, page 1: what the VM is made from (an OS install or a template), where (a cluster
/// or a host), the guest arch, the host the placement picked, the machine type, the OS
/// (searchable osinfo list) and the name. From a template, the template decides the arch,
/// machine and OS, so those rows give way to the list of templates.
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

    QRadioButton *fromInstall() const { return m_fromInstall; }
    QRadioButton *fromTemplate() const { return m_fromTemplate; }
    /// Templates of every connected host, grouped by host: offered ones enabled, others
    /// disabled with the reason in their "Details" column.
    QTreeWidget *templates() const { return m_templates; }
    QLabel *templateNote() const { return m_templateNote; }
    /// Shows the template list instead of the arch, host, machine, OS and name rows.
    void showTemplateRows(bool fromTemplate);

private:
    QFormLayout *m_form;
    QRadioButton *m_fromInstall;
    QRadioButton *m_fromTemplate;
    QTreeWidget *m_templates;
    QLabel *m_templateNote;
    QWidget *m_templateBox;
    QList<QWidget *> m_installRows;
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
