#include "DialogFixture.h"

#include "common/TestSupport.h"
#include "models/connection/HostSession.h"

#include <QCoreApplication>
#include <QDir>
#include <QWidget>

namespace crossvirt::test {

using namespace Qt::StringLiterals;

QString DialogTest::makeTempPath(QStringView file)
{
    return makeTempDir() + u'/' + file.toString();
}

QString DialogTest::demoUri(const QString &hostArch)
{
    return u"test://"_s + sourcePath(u"resources/demo/demo-%1.xml"_s.arg(hostArch));
}

void DialogTest::SetUp()
{
    QStringList uris;
    for (const char *a : {"x86_64", "ppc64le", "aarch64", "s390x"})
        uris << demoUri(QLatin1String(a));
    datacenter.useTransient(uris);
    ASSERT_TRUE(waitUntil(
        [&] {
            for (const models::HostSession *s : datacenter.sessions()) {
                if (s->state() != models::ConnectionState::Connected || s->domains().isEmpty())
                    return false;
            }
            return true;
        },
        10000));
}

models::HostSession *DialogTest::session(const QString &hostArch) const
{
    return datacenter.session(demoUri(hostArch));
}

void DialogTest::screenshot(QWidget *widget, const QString &name)
{
    const QString dir = QCoreApplication::applicationDirPath() + u"/screenshots"_s;
    QDir().mkpath(dir);
    widget->show();
    QCoreApplication::processEvents();
    EXPECT_TRUE(widget->grab().save(dir + u'/' + name + u".png"_s)) << qPrintable(name);
}

} // namespace crossvirt::test
