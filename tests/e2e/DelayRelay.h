#pragma once

// A TCP relay that delays what it forwards, for "hosts that lag" tests (issue 18) where
// the kernel has no sch_netem (tc netem: "module not found"). It listens on 127.0.0.1 and
// forwards each connection to a target (a RemoteHost's libvirtd), holding every chunk it
// reads for `delayMs` before writing it on, in each direction: a call that is one request
// and one reply takes 2 x delayMs longer, as over a link with that latency each way.
//
// Loss cannot be emulated on TCP in userspace (TCP hides it by retransmitting); what a
// lost segment looks like to the application, a retransmit stall, is emulated instead:
// each chunk is held `stallMs` longer with probability 1/`stallOneIn` (seeded, so a run is
// reproducible), and the chunks after it wait behind it, as TCP's in-order delivery does.
//
// All of it runs on its own threads (one acceptor, two per direction per connection), so
// the thread under test carries none of the relay's work.

#include <QString>

#include <atomic>
#include <memory>

namespace crossvirt::test::e2e {

class DelayRelay
{
public:
    struct Options
    {
        QString targetAddress; ///< IPv4 address
        quint16 targetPort = 16509;
        int delayMs = 300;
        int stallOneIn = 0; ///< 0: no stalls
        int stallMs = 2000;
        unsigned seed = 18;
    };

    explicit DelayRelay(Options options);
    ~DelayRelay(); ///< stop()
    DelayRelay(const DelayRelay &) = delete;
    DelayRelay &operator=(const DelayRelay &) = delete;

    /// Listens on 127.0.0.1 (an ephemeral port). False with errorString() when it cannot.
    bool start();
    /// Closes the listener and every relayed connection and joins the threads.
    void stop();
    quint16 port() const { return m_port; }
    QString errorString() const { return m_error; }
    /// Connections accepted so far, and stalls applied.
    int connections() const { return m_connections.load(); }
    int stalls() const;

private:
    struct State;
    Options m_options;
    std::shared_ptr<State> m_state;
    quint16 m_port = 0;
    QString m_error;
    std::atomic<int> m_connections{0};
};

} // namespace crossvirt::test::e2e
