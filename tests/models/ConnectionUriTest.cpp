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
