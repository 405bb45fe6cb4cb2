#include "views/dialogs/newvm/VmInstallPage.h"
#include "views/common/Accessibility.h"

#include "views/dialogs/FieldMessage.h"

#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSignalBlocker>
#include <QStandardItemModel>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace crossvirt::views {

VmInstallPage::VmInstallPage(QWidget *parent) : NewVmPage(parent)
{
    setObjectName(u"installPage"_s);
    setTitle(tr("Install method"));
    setSubTitle(tr("How the guest boots its installer or its operating system. Methods this "
                   "architecture cannot use are listed with the reason."));
    auto *layout = new QVBoxLayout(this);
    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_method = new QComboBox(this);
    m_method->setObjectName(u"installMethod"_s);
    // Withheld entries carry their reason: size by a fixed length, not the longest text.
    m_method->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_method->setMinimumContentsLength(30);
    m_methodNote = makeFieldNote(this);
    form->addRow(tr("&Install from:"), withError(m_method, u"install"_s, m_methodNote));
    m_methodHelp = new QLabel(this);
    m_methodHelp->setObjectName(u"installHelp"_s);
    m_methodHelp->setWordWrap(true);
    m_methodHelp->setTextFormat(Qt::PlainText);
    form->addRow(QString(), m_methodHelp);
    layout->addLayout(form);

    m_kernelGroup = new QGroupBox(tr("Direct kernel boot"), this);
    m_kernelForm = new QFormLayout(m_kernelGroup);
    m_kernelForm->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_kernelForm->addRow(
        makeFieldNote(m_kernelGroup, tr("Files on the VM's host: type a path or pick a volume "
                                        "of one of its storage pools.")));
    m_kernel = new QLineEdit(m_kernelGroup);
    m_kernel->setObjectName(u"kernelPath"_s);
    m_kernel->setPlaceholderText(tr("/var/lib/libvirt/boot/vmlinuz"));
    m_kernelVolume = new QComboBox(m_kernelGroup);
    m_kernelVolume->setObjectName(u"kernelVolume"_s);
    m_kernelForm->addRow(tr("&Kernel:"), withError(fileRow(m_kernel, m_kernelVolume), u"kernel"_s));
    m_initrd = new QLineEdit(m_kernelGroup);
    m_initrd->setObjectName(u"initrdPath"_s);
    m_initrd->setPlaceholderText(tr("optional, e.g. /var/lib/libvirt/boot/initrd.img"));
    m_initrdVolume = new QComboBox(m_kernelGroup);
    m_initrdVolume->setObjectName(u"initrdVolume"_s);
    m_kernelForm->addRow(tr("I&nitrd:"), withError(fileRow(m_initrd, m_initrdVolume), u"initrd"_s));
    m_args = new QLineEdit(m_kernelGroup);
    m_args->setObjectName(u"kernelArgs"_s);
    m_kernelForm->addRow(
        tr("Kernel &arguments:"),
        withError(m_args, u"cmdline"_s,
                  makeFieldNote(m_kernelGroup, tr("Starts with the argument that puts the "
                                                  "kernel's messages on the chosen console."))));
    m_dtb = new QLineEdit(m_kernelGroup);
    m_dtb->setObjectName(u"dtbPath"_s);
    m_dtb->setPlaceholderText(tr("optional"));
    m_dtbVolume = new QComboBox(m_kernelGroup);
    m_dtbVolume->setObjectName(u"dtbVolume"_s);
    m_dtbNote = makeFieldNote(m_kernelGroup);
    m_dtbNote->setObjectName(u"dtbNote"_s);
    m_kernelForm->addRow(tr("&Device tree:"),
                         withError(fileRow(m_dtb, m_dtbVolume), u"dtb"_s, m_dtbNote));
    labelFormFields(form);
    labelFormFields(m_kernelForm);
    for (QComboBox *picker : {m_kernelVolume, m_initrdVolume, m_dtbVolume})
        picker->setAccessibleDescription(tr("Pick a volume of one of the host's storage pools"));
    layout->addWidget(m_kernelGroup);
    layout->addStretch(1);

    connect(m_method, &QComboBox::currentIndexChanged, this, [this] {
        updateRows();
        emit methodChanged(methodId());
        emit changed();
    });
    connect(m_args, &QLineEdit::textEdited, this, [this] { m_argsEdited = true; });
    for (QLineEdit *edit : {m_kernel, m_initrd, m_args, m_dtb})
        connect(edit, &QLineEdit::textChanged, this, &NewVmPage::changed);
    fillPicker(m_kernelVolume);
    fillPicker(m_initrdVolume);
    fillPicker(m_dtbVolume);
    updateRows();
}

QWidget *VmInstallPage::fileRow(QLineEdit *edit, QComboBox *picker)
{
    auto *row = new QWidget(this);
    auto *h = new QHBoxLayout(row);
    h->setContentsMargins(0, 0, 0, 0);
    h->addWidget(edit, 1);
    picker->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    picker->setMinimumContentsLength(14);
    picker->setToolTip(tr("Fill in the path of a volume of the host's storage pools"));
    h->addWidget(picker);
    // Picking a volume writes its path into the field; the picker returns to its prompt.
    connect(picker, &QComboBox::activated, this, [edit, picker](int index) {
        const QString path = picker->itemData(index).toString();
        if (!path.isEmpty())
            edit->setText(path);
        const QSignalBlocker block(picker);
        picker->setCurrentIndex(0);
    });
    return row;
}

void VmInstallPage::fillPicker(QComboBox *picker)
{
    const QSignalBlocker block(picker);
    picker->clear();
    picker->addItem(m_files.isEmpty() ? tr("No pool volumes") : tr("Pool volume…"));
    for (const HostFileChoice &f : std::as_const(m_files)) {
        picker->addItem(f.label, f.path);
        picker->setItemData(picker->count() - 1, f.path, Qt::ToolTipRole);
    }
    picker->setCurrentIndex(0);
}

void VmInstallPage::setHostFiles(const QList<HostFileChoice> &files)
{
    m_files = files;
    fillPicker(m_kernelVolume);
    fillPicker(m_initrdVolume);
    fillPicker(m_dtbVolume);
    updateRows();
}

void VmInstallPage::setMethods(const arch::ChoiceList &methods)
{
    const QString previous = methodId();
    {
        const QSignalBlocker block(m_method);
        m_method->clear();
        auto *model = qobject_cast<QStandardItemModel *>(m_method->model());
        QStringList reasons;
        for (const arch::Choice &c : methods) {
            if (c.offered) {
                m_method->addItem(c.label, c.id);
                continue;
            }
            m_method->addItem(tr("%1 (not available: %2)").arg(c.label, c.reason), c.id);
            const int row = m_method->count() - 1;
            m_method->setItemData(row, c.reason, Qt::ToolTipRole);
            if (model)
                model->item(row)->setEnabled(false);
            reasons << tr("%1: %2").arg(c.label, c.reason);
        }
        int pick = m_method->findData(previous);
        if (pick < 0 || !methods.offers(previous))
            pick = m_method->findData(methods.firstOffered());
        m_method->setCurrentIndex(pick);
        m_methodNote->setText(reasons.join(u'\n'));
        m_methodNote->setVisible(!reasons.isEmpty());
    }
    updateRows();
    if (methodId() != previous) {
        emit methodChanged(methodId());
        emit changed();
    }
}

QString VmInstallPage::methodId() const
{
    return m_method->currentData().toString();
}

bool VmInstallPage::setMethodId(const QString &id)
{
    const int i = m_method->findData(id);
    const auto *model = qobject_cast<const QStandardItemModel *>(m_method->model());
    if (i < 0 || (model && !model->item(i)->isEnabled()))
        return false;
    m_method->setCurrentIndex(i);
    return true;
}

void VmInstallPage::setDeviceTree(bool supported, const QString &reason)
{
    m_dtb->setEnabled(supported);
    m_dtbVolume->setEnabled(supported && !m_files.isEmpty());
    if (!supported)
        m_dtb->clear();
    m_dtbNote->setText(supported ? tr("Only for kernels that need a board description.") : reason);
    m_dtbNote->setVisible(true);
}

void VmInstallPage::setDefaultKernelArguments(const QString &arguments)
{
    if (m_argsEdited)
        return;
    m_args->setText(arguments);
}

void VmInstallPage::updateRows()
{
    const QString id = methodId();
    if (id == "cdrom"_L1)
        m_methodHelp->setText(tr("Attach the ISO image on the Storage page: the VM boots it "
                                 "first, then its disk."));
    else if (id == "kernel"_L1)
        m_methodHelp->setText(tr("QEMU loads the kernel and initrd itself: no boot loader or "
                                 "installer medium is needed."));
    else if (id == "import"_L1)
        m_methodHelp->setText(tr("The VM boots a disk that already holds an operating system: "
                                 "choose its volume on the Storage page."));
    else if (id == "network"_L1)
        m_methodHelp->setText(tr("The VM's firmware boots from its first network card (PXE); "
                                 "the network needs a boot server."));
    else
        m_methodHelp->clear();
    m_kernelGroup->setVisible(id == "kernel"_L1);
    for (QComboBox *picker : {m_kernelVolume, m_initrdVolume})
        picker->setEnabled(!m_files.isEmpty());
    m_dtbVolume->setEnabled(!m_files.isEmpty() && m_dtb->isEnabled());
}

} // namespace crossvirt::views
