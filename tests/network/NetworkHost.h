#pragma once

// The test-driver host of tests/network/data/network-host.xml: networks `default` (NAT,
// 192.168.122.0/24, used by the running web1 and the shut-off db1) and `lab` (isolated,
// 10.10.0.0/24). Each connection to the file gets a fresh copy of the host.

#include "common/TestSupport.h"

namespace crossvirt::test::networkhost {

inline const QString kWeb1 = QStringLiteral("5a1e0c3d-0000-4000-8000-000000000001");
inline const QString kDb1 = QStringLiteral("5a1e0c3d-0000-4000-8000-000000000002");

inline QString hostUri()
{
    return QStringLiteral("test://") +
           sourcePath(QStringLiteral("tests/network/data/network-host.xml"));
}

} // namespace crossvirt::test::networkhost
