#pragma once

#include "arch/Choice.h"
#include "views/dialogs/newvm/NewVmPage.h"

class QComboBox;
class QFormLayout;
class QGroupBox;
class QLabel;
class QLineEdit;

namespace crossvirt::views {

/// One pool volume a file field can be filled from (kernel, initrd, DTB): its path on the
/// VM's host and how to show it.
struct HostFileChoice
{
    QString label; ///< "vmlinuz (pool default)"
    QString path;  ///< the volume's path on the host
};

/// New VM, page 2 (virt-manager's install step): how the guest boots its installer or OS.
/// An ISO as a CD-ROM, a direct kernel boot (kernel, initrd, kernel arguments and, where
/// the arch uses one, a device tree; each typed as a path on the VM's host or picked from
/// the host's pool volumes), an existing disk, or network boot. Methods the arch withholds
/// stay listed, disabled, with the reason.
class VmInstallPage : public NewVmPage
{
    Q_OBJECT
public:
    explicit VmInstallPage(QWidget *parent = nullptr);

    /// Fills the method combo from the arch's list (withheld ones disabled, with their
    /// reason as text and tooltip); keeps the current method when still offered.
    void setMethods(const arch::ChoiceList &methods);
    /// The chosen method's id ("cdrom", "kernel", "import", "network").
    QString methodId() const;
    bool setMethodId(const QString &id);

    /// Enables the DTB field, or disables it and shows why the arch takes none.
    void setDeviceTree(bool supported, const QString &reason);
    /// The pool volumes the file pickers offer.
    void setHostFiles(const QList<HostFileChoice> &files);
    /// Sets the kernel arguments unless the user edited them (then theirs stay).
    void setDefaultKernelArguments(const QString &arguments);
    bool kernelArgumentsEdited() const { return m_argsEdited; }

    QComboBox *method() const { return m_method; }
    QLineEdit *kernel() const { return m_kernel; }
    QLineEdit *initrd() const { return m_initrd; }
    QLineEdit *kernelArgs() const { return m_args; }
    QLineEdit *dtb() const { return m_dtb; }
    QComboBox *kernelVolume() const { return m_kernelVolume; }
    QComboBox *initrdVolume() const { return m_initrdVolume; }
    QComboBox *dtbVolume() const { return m_dtbVolume; }
    QLabel *dtbNote() const { return m_dtbNote; }
    QGroupBox *kernelGroup() const { return m_kernelGroup; }

signals:
    /// The user picked another install method.
    void methodChanged(const QString &id);

private:
    QWidget *fileRow(QLineEdit *edit, QComboBox *picker);
    void fillPicker(QComboBox *picker);
    void updateRows();

    QComboBox *m_method;
    QLabel *m_methodNote;
    QLabel *m_methodHelp;
    QGroupBox *m_kernelGroup;
    QFormLayout *m_kernelForm;
    QLineEdit *m_kernel;
    QComboBox *m_kernelVolume;
    QLineEdit *m_initrd;
    QComboBox *m_initrdVolume;
    QLineEdit *m_args;
    QLineEdit *m_dtb;
    QComboBox *m_dtbVolume;
    QLabel *m_dtbNote;
    QList<HostFileChoice> m_files;
    bool m_argsEdited = false;
};

} // namespace crossvirt::views
