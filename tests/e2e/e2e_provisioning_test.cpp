// The provisioning core on a real libvirtd: for every arch the registry knows, the New VM
// wizard (driven offscreen) and `crossvirt-cli create --dry-run` give identical domain XML
// for the same choices on qemu:///system, and that XML defines (then it is undefined).

#include "e2e/E2eSupport.h"
#include "views/NewVmParity.h"

#include "arch/ArchRegistry.h"
#include "common/TestSupport.h"
#include "models/cluster/ClusterList.h"
#include "models/connection/Datacenter.h"
#include "models/connection/LibvirtHandles.h"

#include <gtest/gtest.h>
#include <libvirt/libvirt.h>
#include <libvirt/virterror.h>

using namespace Qt::StringLiterals;
using namespace crossvirt;
using namespace crossvirt::test::e2e;
using crossvirt::test::waitUntil;

namespace {

[[maybe_unused]] ::testing::Environment *const e2eEnvironment =
    ::testing::AddGlobalTestEnvironment(new LibvirtDaemonEnvironment);

class ProvisioningE2e : public LibvirtDaemonTest
{
};

/// Defines `xml` on the daemon and undefines it again; empty on success, else libvirt's text.
QString defineAndUndefine(const QString &xml)
{
    const models::ConnectHandle conn(virConnectOpen("qemu:///system"));
    if (!conn)
        return u"cannot connect"_s;
    const models::DomainHandle dom(virDomainDefineXML(conn.get(), xml.toUtf8().constData()));
    if (!dom) {
        const virError *e = virGetLastError();
        return e && e->message ? QString::fromUtf8(e->message) : u"define failed"_s;
    }
    if (virDomainUndefineFlags(dom.get(), VIR_DOMAIN_UNDEFINE_NVRAM) < 0)
        virDomainUndefine(dom.get());
    return {};
}

TEST_F(ProvisioningE2e, WizardAndCliXmlIsIdenticalAndDefinesForEveryArch)
{
    const QString dir = test::makeTempDir();
    models::Datacenter datacenter{models::ConnectionStore(dir + u"/connections.json"_s)};
    models::ClusterList clusters{models::ClusterStore(dir + u"/clusters.json"_s)};
    datacenter.useTransient({LibvirtDaemon::localUri()});
    ASSERT_TRUE(waitUntil(
        [&] {
            const models::HostSession *s = datacenter.session(LibvirtDaemon::localUri());
            return s && s->state() == models::ConnectionState::Connected;
        },
        30'000));

    int defined = 0;
    for (const QString &arch : arch::ArchRegistry::instance().archNames()) {
        SCOPED_TRACE(arch.toStdString());
        const test::ParityResult r = test::newVmParity(
            datacenter, clusters, LibvirtDaemon::localUri(), arch, u"crossvirt-parity-"_s + arch,
            false, QStringLiteral(CROSSVIRT_CLI_PATH));
        if (!r.skipped.isEmpty()) {
            info(u"parity"_s, r.skipped); // no QEMU for this arch on the machine
            continue;
        }
        ASSERT_TRUE(r.error.isEmpty()) << r.error.toStdString();
        ASSERT_FALSE(r.dialogXml.isEmpty());
        EXPECT_EQ(r.dialogXml.toStdString(), r.cliXml.toStdString());
        const QString error = defineAndUndefine(r.dialogXml);
        EXPECT_TRUE(error.isEmpty()) << error.toStdString() << "\n" << r.dialogXml.toStdString();
        if (error.isEmpty())
            ++defined;
        info(u"parity"_s,
             u"%1: identical XML, %2"_s.arg(arch, error.isEmpty() ? u"defined"_s : error));
    }
    EXPECT_GT(defined, 0);
}

} // namespace
