#include "views/dialogs/ChoiceCombo.h"
#include "arch/ArchRegistry.h"

#include <QComboBox>
#include <QLabel>
#include <gtest/gtest.h>

using namespace crossvirt;
using namespace Qt::StringLiterals;

TEST(ChoiceCombo, OffersOnlyOfferedEntriesAndSaysOnceWhatItWithholds)
{
    const arch::ArchModel *ppc = arch::ArchRegistry::instance().find(u"ppc64le"_s);
    ASSERT_NE(ppc, nullptr);
    arch::GuestContext pseries;
    pseries.arch = u"ppc64le"_s;
    pseries.machine = u"pseries"_s;
    views::ChoiceCombo combo;
    combo.setChoices(ppc->diskInterfaces(pseries), u"spapr-vscsi"_s);
    EXPECT_FALSE(combo.offeredIds().contains(u"ide"_s));
    EXPECT_FALSE(combo.offeredIds().contains(u"sata"_s));
    EXPECT_EQ(combo.currentId(), u"spapr-vscsi"_s);
    combo.show();
    EXPECT_TRUE(combo.noteLabel()->isVisible());
    EXPECT_EQ(combo.noteText().count(u"IDE is not available on ppc64le"_s), 1);
    EXPECT_TRUE(combo.noteText().contains(u"SATA"_s));
}

TEST(ChoiceCombo, KeepsTheUsersPickWhenStillOfferedAndHidesAnEmptyNote)
{
    views::ChoiceCombo combo;
    combo.show();
    combo.setChoices(arch::ChoiceList({{u"a"_s, u"A"_s, true, {}}, {u"b"_s, u"B"_s, true, {}}}));
    ASSERT_TRUE(combo.setCurrentId(u"b"_s));
    combo.setChoices(arch::ChoiceList(
        {{u"a"_s, u"A"_s, true, {}}, {u"b"_s, u"B"_s, true, {}}, {u"c"_s, u"C"_s, true, {}}}));
    EXPECT_EQ(combo.currentId(), u"b"_s);
    EXPECT_FALSE(combo.noteLabel()->isVisible());
    combo.setChoices(
        arch::ChoiceList({{u"a"_s, u"A"_s, true, {}}, {u"b"_s, u"B"_s, false, u"B is gone"_s}}));
    EXPECT_EQ(combo.currentId(), u"a"_s);
    EXPECT_EQ(combo.noteText(), u"B is gone"_s);
}
