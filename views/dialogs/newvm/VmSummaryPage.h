#pragma once

#include "views/dialogs/newvm/NewVmPage.h"

class QCheckBox;
class QLabel;
class QPlainTextEdit;

namespace crossvirt::views {

/// New VM, last page: where the VM will run (native or emulated), the exact domain XML
/// Create defines, whether to start it and open its console, progress and Create's error.
class VmSummaryPage : public NewVmPage
{
    Q_OBJECT
public:
    explicit VmSummaryPage(QWidget *parent = nullptr);

    QLabel *placement() const { return m_placement; }
    QPlainTextEdit *xml() const { return m_xml; }
    QCheckBox *start() const { return m_start; }
    QCheckBox *openConsole() const { return m_openConsole; }
    QLabel *status() const { return m_status; }
    QLabel *createError() const { return m_createError; }

private:
    QLabel *m_placement;
    QPlainTextEdit *m_xml;
    QCheckBox *m_start;
    QCheckBox *m_openConsole;
    QLabel *m_status;
    QLabel *m_createError;
};

} // namespace crossvirt::views
