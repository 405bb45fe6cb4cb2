#include "OsinfoDbFiles.h"

#include "common/TestSupport.h"
#include "models/osinfo/OsListModel.h"

#include <QAbstractItemModelTester>
#include <QDir>
#include <QSignalSpy>
#include <gtest/gtest.h>
#include <memory>

using namespace Qt::StringLiterals;
using crossvirt::models::OsCatalogue;
using crossvirt::models::OsEntry;
using crossvirt::models::OsFilterProxyModel;
using crossvirt::models::OsListModel;

namespace {

const OsCatalogue &catalogue()
{
    static const OsCatalogue loaded = OsCatalogue::load(crossvirt::test::osinfoDbDir());
    return loaded;
}

QStringList names(const QList<OsEntry> &entries)
{
    QStringList result;
    for (const OsEntry &e : entries)
        result << e.name;
    return result;
}

QStringList names(const QAbstractItemModel &model)
{
    QStringList result;
    for (int row = 0; row < model.rowCount(); ++row)
        result << model.index(row, 0).data().toString();
    return result;
}

// The testers watch both models from before the first reset to the end of each test.
class OsListModelTest : public testing::Test
{
protected:
    void SetUp() override
    {
        using Mode = QAbstractItemModelTester::FailureReportingMode;
        model = std::make_unique<OsListModel>();
        proxy = std::make_unique<OsFilterProxyModel>();
        modelTester = std::make_unique<QAbstractItemModelTester>(model.get(), Mode::Fatal);
        proxy->setSourceModel(model.get());
        proxyTester = std::make_unique<QAbstractItemModelTester>(proxy.get(), Mode::Fatal);
    }
    void TearDown() override
    {
        proxyTester.reset();
        modelTester.reset();
        proxy.reset();
        model.reset();
    }
    void requireDb()
    {
        if (!QDir(crossvirt::test::osinfoDbDir() + u"/os"_s).exists())
            GTEST_SKIP() << "osinfo-db is not installed";
        ASSERT_FALSE(catalogue().isFallback());
    }

    std::unique_ptr<OsListModel> model;
    std::unique_ptr<OsFilterProxyModel> proxy;
    std::unique_ptr<QAbstractItemModelTester> modelTester;
    std::unique_ptr<QAbstractItemModelTester> proxyTester;
};

} // namespace

TEST_F(OsListModelTest, ShowsTheArchEntriesWithRecommendedResources)
{
    requireDb();
    if (IsSkipped())
        return;
    const QString arch = u"ppc64le"_s;
    const QList<OsEntry> entries = catalogue().forArch(arch, true);
    QSignalSpy reset(model.get(), &QAbstractItemModel::modelReset);
    model->setEntries(arch, entries);
    EXPECT_EQ(reset.count(), 1);
    ASSERT_EQ(model->rowCount(), entries.size());
    EXPECT_EQ(names(*model), names(entries));

    const int row = model->rowOf(u"rhel9.0"_s);
    ASSERT_GE(row, 0);
    const QModelIndex index = model->index(row, 0);
    const OsEntry &rhel9 = entries.at(row);
    EXPECT_EQ(index.data(Qt::DisplayRole).toString(), rhel9.name);
    EXPECT_EQ(index.data(OsListModel::ShortIdRole).toString(), u"rhel9.0"_s);
    EXPECT_EQ(index.data(OsListModel::RamRole).toInt(), rhel9.recommendedFor(arch).ramMiB);
    EXPECT_EQ(index.data(OsListModel::VcpusRole).toInt(), rhel9.recommendedFor(arch).vcpus);
    EXPECT_EQ(index.data(OsListModel::StorageRole).toInt(), rhel9.recommendedFor(arch).storageGiB);
    EXPECT_GT(index.data(OsListModel::RamRole).toInt(), 0);
    EXPECT_FALSE(index.data(OsListModel::EndOfLifeRole).toBool());
    const QString tip = index.data(Qt::ToolTipRole).toString();
    EXPECT_TRUE(tip.contains(rhel9.vendor)) << qPrintable(tip);

    const int old = model->rowOf(u"ubuntu16.04"_s);
    ASSERT_GE(old, 0);
    EXPECT_TRUE(model->index(old, 0).data(OsListModel::EndOfLifeRole).toBool());
    EXPECT_EQ(model->rowOf(u"win10"_s), -1);
}

TEST_F(OsListModelTest, ProxyHidesEndOfLifeAndFiltersBySearch)
{
    requireDb();
    if (IsSkipped())
        return;
    const QString arch = u"ppc64le"_s;
    model->setEntries(arch, catalogue().forArch(arch, true));

    EXPECT_EQ(names(*proxy), names(catalogue().forArch(arch)));
    EXPECT_LT(proxy->rowCount(), model->rowCount());

    proxy->setShowEndOfLife(true);
    EXPECT_EQ(proxy->rowCount(), model->rowCount());

    proxy->setSearchText(u"ubuntu"_s);
    EXPECT_EQ(names(*proxy), names(catalogue().forArch(arch, true, u"ubuntu"_s)));
    EXPECT_GT(proxy->rowCount(), 0);

    proxy->setShowEndOfLife(false);
    EXPECT_EQ(names(*proxy), names(catalogue().forArch(arch, false, u"ubuntu"_s)));

    proxy->setSearchText(u"Red Hat 9.0"_s);
    EXPECT_EQ(names(*proxy), names(catalogue().forArch(arch, false, u"Red Hat 9.0"_s)));
    EXPECT_TRUE(names(*proxy).contains(catalogue().find(u"rhel9.0"_s)->name));

    proxy->setSearchText({});
    EXPECT_EQ(names(*proxy), names(catalogue().forArch(arch)));
}

TEST_F(OsListModelTest, SwitchingArchAndFallbackResetsCleanly)
{
    const OsCatalogue fallback = OsCatalogue::load(crossvirt::test::makeTempDir());
    ASSERT_TRUE(fallback.isFallback());
    model->setEntries(u"s390x"_s, fallback.forArch(u"s390x"_s));
    EXPECT_EQ(model->rowCount(), 2);
    EXPECT_EQ(proxy->rowCount(), 2);
    EXPECT_EQ(model->arch(), u"s390x"_s);
    EXPECT_GE(model->rowOf(u"generic-linux"_s), 0);
    EXPECT_GT(model->index(0, 0).data(OsListModel::RamRole).toInt(), 0);

    proxy->setSearchText(u"linux"_s);
    EXPECT_EQ(proxy->rowCount(), 1);

    model->setEntries(u"riscv64"_s, {});
    EXPECT_EQ(model->rowCount(), 0);
    EXPECT_EQ(proxy->rowCount(), 0);

    model->setEntries(u"x86_64"_s, catalogue().forArch(u"x86_64"_s, true));
    EXPECT_EQ(model->rowCount(), catalogue().forArch(u"x86_64"_s, true).size());
}
