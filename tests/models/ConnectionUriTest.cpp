#include "models/connection/ConnectionUri.h"

#include <gtest/gtest.h>

using namespace crossvirt::models;
using namespace Qt::StringLiterals;
using Spec = ConnectionUriSpec;

TEST(ConnectionUri, BuildsTheUrisVirtManagerWould)
{
    Spec s;
    EXPECT_EQ(s.uri(), u"qemu:///system"_s);
    s.hypervisor = Spec::Hypervisor::QemuSession;
    EXPECT_EQ(s.uri(), u"qemu:///session"_s);
    s.hypervisor = Spec::Hypervisor::QemuSystem;
    s.transport = Spec::Transport::Ssh;
    s.host = u"kvm1.example.org"_s;
    s.user = u"root"_s;
    EXPECT_EQ(s.uri(), u"qemu+ssh://root@kvm1.example.org/system"_s);
    s.transport = Spec::Transport::Tcp;
    s.host = u"127.0.0.1:16509"_s;
    EXPECT_EQ(s.uri(), u"qemu+tcp://127.0.0.1:16509/system"_s) << "the user is only for SSH";
    s.transport = Spec::Transport::Tls;
    s.host = u"power9"_s;
    EXPECT_EQ(s.uri(), u"qemu+tls://power9/system"_s);
    Spec t;
    t.hypervisor = Spec::Hypervisor::Test;
    EXPECT_EQ(t.uri(), u"test:///default"_s);
    t.testFile = u"/srv/demo/host.xml"_s;
    EXPECT_EQ(t.uri(), u"test:///srv/demo/host.xml"_s);
}

TEST(ConnectionUri, IncompleteSpecsSayWhy)
{
    Spec s;
    s.transport = Spec::Transport::Ssh;
    EXPECT_FALSE(s.problem().isEmpty());
    EXPECT_TRUE(s.uri().isEmpty());
    s.host = u"root@kvm1"_s;
    EXPECT_FALSE(s.problem().isEmpty()) << "user@host belongs in two fields";
    Spec c;
    c.hypervisor = Spec::Hypervisor::Custom;
    EXPECT_FALSE(c.problem().isEmpty());
    c.customUri = u"qemu+ssh://root@host/system"_s;
    EXPECT_TRUE(c.problem().isEmpty());
    Spec t;
    t.hypervisor = Spec::Hypervisor::Test;
    t.testFile = u"relative/host.xml"_s;
    EXPECT_FALSE(t.problem().isEmpty());
}

TEST(ConnectionUri, CarriesPortKeyFileAndCertificateFolderAsLibvirtReadsThem)
{
    Spec s;
    s.transport = Spec::Transport::Ssh;
    s.host = u"kvm1"_s;
    s.user = u"admin"_s;
    s.port = 2222;
    s.sshKeyFile = u"/home/admin/.ssh/id_kvm"_s;
    EXPECT_EQ(s.uri(), u"qemu+ssh://admin@kvm1:2222/system?keyfile=/home/admin/.ssh/id_kvm"_s);
    s.transport = Spec::Transport::LibSsh;
    EXPECT_EQ(s.uri(), u"qemu+libssh://admin@kvm1:2222/system?keyfile=/home/admin/.ssh/id_kvm"_s);
    s.transport = Spec::Transport::Tls;
    s.pkiDir = u"/home/admin/pki/kvm1"_s;
    EXPECT_EQ(s.uri(), u"qemu+tls://kvm1:2222/system?pkipath=/home/admin/pki/kvm1"_s)
        << "no user and no SSH key on TLS";
    s.host = u"kvm1:16514"_s;
    EXPECT_FALSE(s.problem().isEmpty()) << "a port in both places";
    s.host = u"kvm1"_s;
    s.port = 70000;
    EXPECT_FALSE(s.problem().isEmpty());
    s.port = 0;
    s.pkiDir = u"pki"_s;
    EXPECT_FALSE(s.problem().isEmpty()) << "relative certificate folder";
}

TEST(ConnectionUri, ReadsBackTheSpecOfEveryUriItBuilds)
{
    for (const QString &uri :
         {u"qemu:///system"_s, u"qemu:///session"_s, u"qemu+ssh://root@kvm1/system"_s,
          u"qemu+ssh://admin@kvm1:2222/system?keyfile=/home/a%20b/id"_s,
          u"qemu+libssh://root@10.0.0.2/system"_s, u"qemu+tcp://10.213.3.2/system"_s,
          u"qemu+tls://power9:16515/system?pkipath=/srv/pki"_s, u"test:///default"_s,
          u"test:///srv/demo/host.xml"_s}) {
        const Spec spec = Spec::fromUri(uri);
        EXPECT_NE(spec.hypervisor, Spec::Hypervisor::Custom) << uri.toStdString();
        EXPECT_EQ(spec.uri(), uri);
    }
    const Spec ssh = Spec::fromUri(u"qemu+ssh://admin@kvm1:2222/system?keyfile=/k"_s);
    EXPECT_EQ(ssh.transport, Spec::Transport::Ssh);
    EXPECT_EQ(ssh.host, u"kvm1"_s);
    EXPECT_EQ(ssh.port, 2222);
    EXPECT_EQ(ssh.user, u"admin"_s);
    EXPECT_EQ(ssh.sshKeyFile, u"/k"_s);
    // What the fields cannot say stays a custom URI, unchanged.
    for (const QString &uri : {u"qemu+ssh://root@kvm1/system?no_tty=1"_s, u"qemu://kvm1/system"_s,
                               u"xen:///system"_s, u"lxc:///"_s}) {
        const Spec spec = Spec::fromUri(uri);
        EXPECT_EQ(spec.hypervisor, Spec::Hypervisor::Custom) << uri.toStdString();
        EXPECT_EQ(spec.uri(), uri);
    }
}

TEST(ConnectionUri, FindsTheCertificatesWhereLibvirtLooks)
{
    EXPECT_EQ(transportOfUri(u"qemu+tls://h/system"_s), Spec::Transport::Tls);
    EXPECT_EQ(transportOfUri(u"qemu://h/system"_s), Spec::Transport::Tls) << "libvirt's default";
    EXPECT_EQ(transportOfUri(u"qemu:///system"_s), Spec::Transport::Local);
    EXPECT_EQ(transportOfUri(u"qemu+libssh://h/system"_s), Spec::Transport::LibSsh);
    const TlsCertificates own = tlsCertificatesFor(u"qemu+tls://h/system?pkipath=/srv/pki/h"_s);
    EXPECT_EQ(own.caCertificate, u"/srv/pki/h/cacert.pem"_s);
    EXPECT_EQ(own.clientCertificate, u"/srv/pki/h/clientcert.pem"_s);
    EXPECT_EQ(own.clientKey, u"/srv/pki/h/clientkey.pem"_s);
    const TlsCertificates defaults = tlsCertificatesFor(u"qemu+tls://h/system"_s);
    EXPECT_TRUE(defaults.caCertificate.endsWith(u"cacert.pem"_s));
    EXPECT_NE(defaults.caCertificate, own.caCertificate);
}
