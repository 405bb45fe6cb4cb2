#include "NewVmParity.h"

#include "common/TestSupport.h"
#include "models/provisioning/ProvisioningCore.h"
#include "views/dialogs/ChoiceCombo.h"
#include "views/dialogs/NewVmDialog.h"
#include "views/dialogs/newvm/VmBootOrderPage.h"
#include "views/dialogs/newvm/VmInstallPage.h"

#include <QCheckBox>
#include <QComboBox>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QProcess>
#include <QSpinBox>

using namespace Qt::StringLiterals;

namespace crossvirt::test {

ParityResult newVmParity(models::Datacenter &datacenter, models::ClusterList &clusters,
                         const QString &uri, const QString &arch, const QString &name,
                         bool withDisk, const QString &cliPath)
{
    ParityOptions options;
    options.withDisk = withDisk;
    return newVmParity(datacenter, clusters, uri, arch, name, options, cliPath);
}

ParityResult newVmParity(models::Datacenter &datacenter, models::ClusterList &clusters,
                         const QString &uri, const QString &arch, const QString &name,
                         const ParityOptions &options, const QString &cliPath)
{
    const bool withDisk = options.withDisk;
    ParityResult out;
    views::NewVmDialog d(&datacenter, &clusters);
    if (!d.selectHost(uri)) {
        out.error = u"the wizard does not list host %1"_s.arg(uri);
        return out;
    }
    if (!d.selectArch(arch)) {
        out.skipped = u"%1 does not run %2 guests"_s.arg(uri, arch);
        return out;
    }
    if (!waitUntil([&] { return d.isReady(); }, 30'000)) {
        out.error = u"the wizard never got the host's choices"_s;
        return out;
    }
    d.nameEdit()->setText(name);
    QStringList args{u"--connect"_s, uri,         u"create"_s, u"--name"_s,
                     name,           u"--arch"_s, arch,        u"--dry-run"_s};
    if (withDisk) {
        args << u"--disk-size"_s << QString::number(d.sizeSpin()->value()) << u"--pool"_s
             << d.poolCombo()->currentData().toString();
    } else {
        d.storageKindCombo()->setCurrentIndex(
            d.storageKindCombo()->findData(int(models::StorageKind::None)));
    }
    if (d.networkCombo()->count() == 0) {
        d.nicCheck()->setChecked(false);
        args << u"--no-nic"_s;
    }
    if (!options.console.isEmpty()) {
        if (!d.consoleCombo()->setCurrentId(options.console)) {
            out.error = u"the wizard does not offer console %1"_s.arg(options.console);
            return out;
        }
        args << u"--console"_s << options.console;
    }
    if (!options.kernel.isEmpty()) {
        if (!d.installPage()->setMethodId(u"kernel"_s)) {
            out.error = u"the wizard does not offer direct kernel boot"_s;
            return out;
        }
        d.kernelPathEdit()->setText(options.kernel);
        args << u"--kernel"_s << options.kernel;
        if (!options.initrd.isEmpty()) {
            d.initrdPathEdit()->setText(options.initrd);
            args << u"--initrd"_s << options.initrd;
        }
        if (!options.cmdline.isEmpty()) {
            d.kernelArgsEdit()->setText(options.cmdline);
            args << u"--cmdline"_s << options.cmdline;
        }
        if (!options.dtb.isEmpty()) {
            d.dtbPathEdit()->setText(options.dtb);
            args << u"--dtb"_s << options.dtb;
        }
    }
    if (!options.bootOrder.isEmpty()) {
        if (!d.bootOrderPage()->setBootOrder(options.bootOrder)) {
            out.error = u"the wizard's boot order page does not list %1"_s.arg(
                options.bootOrder.join(u','));
            return out;
        }
        args << u"--boot"_s << options.bootOrder.join(u',');
    }
    QStringList problems;
    for (const models::ValidationProblem &p : d.problems())
        problems << p.field + u": "_s + p.message;
    if (!problems.isEmpty()) {
        out.error = u"wizard: "_s + problems.join(u"; "_s);
        return out;
    }
    out.dialogXml = d.domainXml();

    QProcess cli;
    cli.start(cliPath, args);
    if (!cli.waitForFinished(120'000) || cli.exitCode() != 0) {
        out.error =
            u"crossvirt-cli %1: exit %2: %3"_s.arg(args.join(u' '), QString::number(cli.exitCode()),
                                                   QString::fromUtf8(cli.readAllStandardError()));
        return out;
    }
    out.cliXml = QJsonDocument::fromJson(cli.readAllStandardOutput())
                     .object()
                     .value("domain_xml"_L1)
                     .toString();
    return out;
}

} // namespace crossvirt::test
