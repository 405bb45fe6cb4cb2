#pragma once

#include "views/dialogs/newvm/NewVmPage.h"

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QProgressBar;
class QRadioButton;

namespace crossvirt::views {

/// New VM from a template, page 2: the template picked, the new VM's name, the host (the
/// target's hosts ranked for the template's arch, native first), how its disks come from
/// the template's (overlays, only on the template's own host, or full copies) and whether
/// to start it.
class VmTemplatePage : public NewVmPage
{
    Q_OBJECT
public:
    explicit VmTemplatePage(QWidget *parent = nullptr);

    QLabel *templateLabel() const { return m_template; }
    QLineEdit *name() const { return m_name; }
    QComboBox *host() const { return m_host; }
    QLabel *hostNote() const { return m_hostNote; }
    QLabel *nameError() const { return m_nameError; }
    QLabel *hostError() const { return m_hostError; }
    QRadioButton *overlay() const { return m_overlay; }
    QRadioButton *copy() const { return m_copy; }
    QLabel *diskNote() const { return m_diskNote; }
    QCheckBox *start() const { return m_start; }

private:
    QLabel *m_template;
    QLineEdit *m_name;
    QComboBox *m_host;
    QLabel *m_hostNote;
    QLabel *m_nameError;
    QLabel *m_hostError;
    QRadioButton *m_overlay;
    QRadioButton *m_copy;
    QLabel *m_diskNote;
    QCheckBox *m_start;
};

/// New VM from a template, last page: where the VM runs, what will be made (disks and
/// domain XML) or why it cannot be, and the deployment's progress and error.
class VmTemplateSummaryPage : public NewVmPage
{
    Q_OBJECT
public:
    explicit VmTemplateSummaryPage(QWidget *parent = nullptr);

    QLabel *placement() const { return m_placement; }
    QLabel *problems() const { return m_problems; }
    QPlainTextEdit *details() const { return m_details; }
    QProgressBar *progress() const { return m_progress; }
    QLabel *status() const { return m_status; }
    QLabel *deployError() const { return m_error; }

private:
    QLabel *m_placement;
    QLabel *m_problems;
    QPlainTextEdit *m_details;
    QProgressBar *m_progress;
    QLabel *m_status;
    QLabel *m_error;
};

} // namespace crossvirt::views
