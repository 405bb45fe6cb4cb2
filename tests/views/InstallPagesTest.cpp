// The New VM wizard's install page and boot options page, as a user sees them on the demo
// datacenter: which install methods each arch offers (withheld ones disabled with the
// reason), kernel arguments that follow the chosen console, a DTB field only where the arch
// takes one, pool volumes as kernel files, and a boot order that keeps the arch's limit.
#include "DialogFixture.h"

#include "common/TestSupport.h"
#include "views/dialogs/ChoiceCombo.h"
#include "views/dialogs/NewVmDialog.h"
#include "views/dialogs/newvm/VmBootOrderPage.h"
#include "views/dialogs/newvm/VmInstallPage.h"

#include <QCheckBox>
#include <QComboBox>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QStandardItemModel>
#include <QTest>

using namespace crossvirt;
using namespace Qt::StringLiterals;
using crossvirt::test::waitUntil;
using views::NewVmDialog;

namespace {

class InstallPagesTest : public test::DialogTest
{
protected:
    std::unique_ptr<NewVmDialog> dialogOn(const QString &hostArch, const QString &guestArch)
    {
        auto d = std::make_unique<NewVmDialog>(&datacenter, &clusters);
        EXPECT_TRUE(d->selectHost(demoUri(hostArch)));
        EXPECT_TRUE(d->selectArch(guestArch));
        EXPECT_TRUE(waitUntil([&] { return d->isReady(); }, 10000));
        d->nameEdit()->setText(u"install-"_s + guestArch);
        return d;
    }

    static bool itemEnabled(const QComboBox *combo, int row)
    {
        const auto *model = qobject_cast<const QStandardItemModel *>(combo->model());
        return model && model->item(row)->isEnabled();
    }

    static QStringList kinds(const QListWidget *list)
    {
        QStringList out;
        for (int i = 0; i < list->count(); ++i)
            out << list->item(i)->data(Qt::UserRole).toString();
        return out;
    }
};

TEST_F(InstallPagesTest, PagesHaveTheNamesTestsAndScriptsFindThemBy)
{
    auto d = dialogOn(u"x86_64"_s, u"x86_64"_s);
    EXPECT_EQ(d->findChild<QWidget *>(u"installPage"_s), d->installPage());
    EXPECT_EQ(d->findChild<QWidget *>(u"bootOrderPage"_s), d->bootOrderPage());
    EXPECT_EQ(d->findChild<QComboBox *>(u"installMethod"_s), d->installMethodCombo());
    for (const char *name : {"kernelPath", "initrdPath", "kernelArgs", "dtbPath"})
        EXPECT_NE(d->findChild<QLineEdit *>(QLatin1String(name)), nullptr) << name;
    QStringList ids;
    for (int i = 0; i < d->installMethodCombo()->count(); ++i)
        ids << d->installMethodCombo()->itemData(i).toString();
    EXPECT_EQ(ids, (QStringList{u"cdrom"_s, u"kernel"_s, u"import"_s, u"network"_s}));
    for (int i = 0; i < d->installMethodCombo()->count(); ++i)
        EXPECT_TRUE(itemEnabled(d->installMethodCombo(), i)) << i;
}

TEST_F(InstallPagesTest, NetworkBootIsWithheldOnRiscv64WithTheReason)
{
    auto d = dialogOn(u"x86_64"_s, u"riscv64"_s);
    QComboBox *method = d->installMethodCombo();
    const int network = method->findData(u"network"_s);
    ASSERT_GE(network, 0);
    EXPECT_FALSE(itemEnabled(method, network));
    const QString tip = method->itemData(network, Qt::ToolTipRole).toString();
    EXPECT_TRUE(tip.contains(u"OpenSBI"_s)) << tip.toStdString();
    EXPECT_TRUE(method->itemText(network).contains(tip)) << method->itemText(network).toStdString();
    EXPECT_FALSE(d->installPage()->setMethodId(u"network"_s));
    // The boot order page offers no network boot either, and says why.
    d->bootOrderPage()->custom()->setChecked(true);
    EXPECT_FALSE(d->bootOrderPage()->setBootOrder({u"network"_s}));
}

TEST_F(InstallPagesTest, KernelArgumentsFollowTheConsoleUntilTheUserEditsThem)
{
    auto d = dialogOn(u"x86_64"_s, u"x86_64"_s);
    ASSERT_TRUE(d->installPage()->setMethodId(u"kernel"_s));
    EXPECT_TRUE(d->installPage()->kernelGroup()->isVisibleTo(d->installPage()));
    EXPECT_EQ(d->kernelArgsEdit()->text(), u"console=ttyS0"_s);
    ASSERT_TRUE(d->consoleCombo()->setCurrentId(u"virtio"_s));
    EXPECT_EQ(d->kernelArgsEdit()->text(), u"console=hvc0"_s);
    // The user's own arguments stay when the console changes.
    d->kernelArgsEdit()->selectAll();
    QTest::keyClicks(d->kernelArgsEdit(), u"console=hvc0 quiet"_s);
    ASSERT_TRUE(d->consoleCombo()->setCurrentId(u"serial"_s));
    EXPECT_EQ(d->kernelArgsEdit()->text(), u"console=hvc0 quiet"_s);

    // No kernel yet: the install page names the problem and holds Next.
    EXPECT_FALSE(d->fieldMessage(u"kernel"_s).isEmpty());
    EXPECT_FALSE(d->installPage()->isComplete());
    d->kernelPathEdit()->setText(u"/boot/vmlinuz"_s);
    EXPECT_TRUE(d->fieldMessage(u"kernel"_s).isEmpty());
    EXPECT_TRUE(d->installPage()->isComplete());
    EXPECT_TRUE(d->domainXml().contains(u"<kernel>/boot/vmlinuz</kernel>"_s))
        << d->domainXml().toStdString();
    EXPECT_TRUE(d->domainXml().contains(u"<cmdline>console=hvc0 quiet</cmdline>"_s));
}

TEST_F(InstallPagesTest, Ppc64leAndS390xDefaultArgumentsNameTheirConsoles)
{
    auto p = dialogOn(u"ppc64le"_s, u"ppc64le"_s);
    EXPECT_EQ(p->kernelArgsEdit()->text(), u"console=hvc0"_s);
    auto z = dialogOn(u"s390x"_s, u"s390x"_s);
    EXPECT_EQ(z->kernelArgsEdit()->text(), u"console=ttysclp0"_s);
}

TEST_F(InstallPagesTest, DtbOnlyWhereTheArchTakesOne)
{
    auto x = dialogOn(u"x86_64"_s, u"x86_64"_s);
    EXPECT_FALSE(x->dtbPathEdit()->isEnabled());
    EXPECT_TRUE(x->installPage()->dtbNote()->text().contains(u"device tree"_s))
        << x->installPage()->dtbNote()->text().toStdString();
    auto a = dialogOn(u"aarch64"_s, u"aarch64"_s);
    EXPECT_TRUE(a->dtbPathEdit()->isEnabled());
    ASSERT_TRUE(a->installPage()->setMethodId(u"kernel"_s));
    a->kernelPathEdit()->setText(u"/k"_s);
    a->dtbPathEdit()->setText(u"/board.dtb"_s);
    EXPECT_TRUE(a->domainXml().contains(u"<dtb>/board.dtb</dtb>"_s))
        << a->domainXml().toStdString();
}

TEST_F(InstallPagesTest, PoolVolumesFillTheKernelPath)
{
    auto d = dialogOn(u"x86_64"_s, u"x86_64"_s);
    ASSERT_TRUE(d->installPage()->setMethodId(u"kernel"_s));
    QComboBox *picker = d->installPage()->kernelVolume();
    ASSERT_GT(picker->count(), 1) << "the demo pool has volumes";
    const QString path = picker->itemData(1).toString();
    EXPECT_TRUE(path.startsWith(u'/')) << path.toStdString();
    picker->setCurrentIndex(1);
    emit picker->activated(1);
    EXPECT_EQ(d->kernelPathEdit()->text(), path);
    EXPECT_EQ(picker->currentIndex(), 0) << "the picker returns to its prompt";
}

TEST_F(InstallPagesTest, ImportAndNetworkSetWhatTheyNeed)
{
    auto d = dialogOn(u"x86_64"_s, u"x86_64"_s);
    QComboBox *method = d->installMethodCombo();
    method->setCurrentIndex(method->findData(u"import"_s));
    emit method->activated(method->currentIndex());
    EXPECT_EQ(d->storageKindCombo()->currentData().toInt(),
              int(models::StorageKind::ExistingVolume));
    d->nicCheck()->setChecked(false);
    method->setCurrentIndex(method->findData(u"network"_s));
    emit method->activated(method->currentIndex());
    EXPECT_TRUE(d->nicCheck()->isChecked());
    EXPECT_TRUE(d->problems().isEmpty()) << d->problems().value(0).message.toStdString();
    EXPECT_TRUE(d->domainXml().contains(u"<boot order=\"1\"/>"_s)) << d->domainXml().toStdString();
}

TEST_F(InstallPagesTest, BootOrderListsTheVmsDevicesAndMovesThem)
{
    auto d = dialogOn(u"x86_64"_s, u"x86_64"_s);
    d->cdromCheck()->setChecked(true);
    views::VmBootOrderPage *page = d->bootOrderPage();
    QListWidget *list = page->devices();
    EXPECT_EQ(kinds(list), (QStringList{u"hd"_s, u"cdrom"_s, u"network"_s}));
    EXPECT_FALSE(list->isEnabled()) << "the default order until the user asks for their own";
    EXPECT_TRUE(d->spec().bootOrder.isEmpty());
    page->custom()->setChecked(true);
    EXPECT_TRUE(list->isEnabled());
    list->setCurrentRow(2);
    page->up()->click();
    page->up()->click();
    EXPECT_EQ(kinds(list), (QStringList{u"network"_s, u"hd"_s, u"cdrom"_s}));
    list->item(2)->setCheckState(Qt::Unchecked);
    EXPECT_EQ(d->spec().bootOrder, (QStringList{u"network"_s, u"hd"_s}));
    EXPECT_FALSE(d->domainXml().contains(u"<boot dev"_s)) << d->domainXml().toStdString();
    // Removing the CD-ROM takes it off the list; the order of the rest stays.
    d->cdromCheck()->setChecked(false);
    EXPECT_EQ(kinds(list), (QStringList{u"network"_s, u"hd"_s}));
}

TEST_F(InstallPagesTest, S390xBootOrderKeepsOneDeviceAndSaysWhy)
{
    auto d = dialogOn(u"s390x"_s, u"s390x"_s);
    views::VmBootOrderPage *page = d->bootOrderPage();
    EXPECT_TRUE(page->limitNote()->text().contains(u"first device"_s))
        << page->limitNote()->text().toStdString();
    page->custom()->setChecked(true);
    QListWidget *list = page->devices();
    ASSERT_EQ(kinds(list), (QStringList{u"hd"_s, u"network"_s}));
    EXPECT_EQ(d->spec().bootOrder, QStringList{u"hd"_s});
    list->item(1)->setCheckState(Qt::Checked);
    EXPECT_EQ(list->item(0)->checkState(), Qt::Unchecked) << "one boot device on s390x";
    EXPECT_EQ(d->spec().bootOrder, QStringList{u"network"_s});
    EXPECT_TRUE(d->problems().isEmpty()) << d->problems().value(0).message.toStdString();
}

TEST_F(InstallPagesTest, Screenshots)
{
    auto d = dialogOn(u"aarch64"_s, u"aarch64"_s);
    ASSERT_TRUE(d->installPage()->setMethodId(u"kernel"_s));
    d->kernelPathEdit()->setText(u"/var/lib/libvirt/boot/vmlinuz"_s);
    d->initrdPathEdit()->setText(u"/var/lib/libvirt/boot/initrd.gz"_s);
    d->cdromCheck()->setChecked(true);
    d->bootOrderPage()->setBootOrder({u"hd"_s, u"network"_s});
    d->show();
    while (d->currentId() != NewVmDialog::InstallPage)
        d->next();
    test::DialogTest::screenshot(d.get(), u"new-vm-aarch64-install-kernel"_s);
    while (d->currentId() != NewVmDialog::BootOrderPage)
        d->next();
    test::DialogTest::screenshot(d.get(), u"new-vm-aarch64-boot-order"_s);

    auto r = dialogOn(u"x86_64"_s, u"riscv64"_s);
    r->show();
    while (r->currentId() != NewVmDialog::InstallPage)
        r->next();
    test::DialogTest::screenshot(r.get(), u"new-vm-riscv64-install"_s);
    auto z = dialogOn(u"s390x"_s, u"s390x"_s);
    z->bootOrderPage()->setBootOrder({u"network"_s});
    z->show();
    while (z->currentId() != NewVmDialog::BootOrderPage)
        z->next();
    test::DialogTest::screenshot(z.get(), u"new-vm-s390x-boot-order"_s);
}

} // namespace
