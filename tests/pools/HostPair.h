#pragma once

// Two libvirt test-driver hosts (tests/pools/data/host-a.xml and host-b.xml), fresh for
// each test, with the lookup the bulk runner and the pool creator take.
#include "common/TestSupport.h"
#include "models/connection/HostSession.h"
#include "models/connection/LibvirtError.h"

#include <QFuture>
#include <gtest/gtest.h>
#include <memory>

namespace crossvirt::test {

class HostPair : public ::testing::Test
{
protected:
    void SetUp() override
    {
        a = std::make_unique<models::HostSession>(
            QStringLiteral("test://") + sourcePath(QStringLiteral("tests/pools/data/host-a.xml")));
        b = std::make_unique<models::HostSession>(
            QStringLiteral("test://") + sourcePath(QStringLiteral("tests/pools/data/host-b.xml")));
        a->open();
        b->open();
        ASSERT_TRUE(waitUntil([&] {
            return a->state() == models::ConnectionState::Connected &&
                   b->state() == models::ConnectionState::Connected && !a->domains().isEmpty() &&
                   !b->domains().isEmpty();
        }));
    }

    models::HostSession *sessionFor(const QString &uri) const
    {
        if (uri == a->uri())
            return a.get();
        if (uri == b->uri())
            return b.get();
        return nullptr;
    }
    std::function<models::HostSession *(const QString &)> lookup() const
    {
        return [this](const QString &uri) { return sessionFor(uri); };
    }

    /// The domain named `name` on `session`'s inventory (empty uuid when none).
    static models::DomainSummary byName(models::HostSession *session, const QString &name)
    {
        for (const models::DomainSummary &d : session->domains()) {
            if (d.name == name)
                return d;
        }
        return {};
    }

    /// Waits for `future` on the event loop; its failure text, empty when it succeeded.
    template<typename T> static QString failure(QFuture<T> future)
    {
        waitUntil([&] { return future.isFinished(); }, 20000);
        try {
            future.waitForFinished();
        } catch (...) {
            return models::errorText(std::current_exception());
        }
        return {};
    }

    std::unique_ptr<models::HostSession> a;
    std::unique_ptr<models::HostSession> b;
};

} // namespace crossvirt::test
