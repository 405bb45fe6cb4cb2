#pragma once

// Shared setup of the dialog tests: the demo datacenter through real test-driver
// HostSessions, a temporary cluster list, and a place for screenshots.
#include "models/cluster/ClusterList.h"
#include "models/connection/Datacenter.h"

#include <QString>
#include <gtest/gtest.h>

class QWidget;

namespace crossvirt::test {

class DialogTest : public ::testing::Test
{
protected:
    void SetUp() override;

    /// "test:///…/resources/demo/demo-<arch>.xml"
    static QString demoUri(const QString &hostArch);
    models::HostSession *session(const QString &hostArch) const;
    /// Saves `widget` as screenshots/<name>.png in the test binary's folder.
    static void screenshot(QWidget *widget, const QString &name);

    models::Datacenter datacenter{models::ConnectionStore(makeTempPath(u"connections.json"))};
    models::ClusterList clusters{models::ClusterStore(makeTempPath(u"clusters.json"))};

private:
    static QString makeTempPath(QStringView file);
};

} // namespace crossvirt::test
