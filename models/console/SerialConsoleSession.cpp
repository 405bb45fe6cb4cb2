#include "models/console/SerialConsoleSession.h"

#include "models/connection/FutureHandling.h"
#include "models/connection/HostSession.h"
#include "models/connection/WorkerJobs.h"
#include "models/console/SerialStream.h"

#include <QCoreApplication>
#include <QThread>

namespace crossvirt::models {

namespace {
// lupdate and the runtime both see the context "SerialConsoleSession" for Text::tr().
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(SerialConsoleSession)
};
} // namespace

namespace {

// On the GUI thread, through postToTarget(): the target may have gone since.
void emitReceived(SerialStreamState &state, const QByteArray &data)
{
    if (SerialConsoleSession *target = state.target)
        emit target->received(data);
}

void emitClosed(SerialStreamState &state, const QString &why)
{
    if (SerialConsoleSession *target = state.target)
        emit target->closed(why);
}

void streamEvent(virStreamPtr stream, int events, void *opaque)
{
    auto state = *static_cast<std::shared_ptr<SerialStreamState> *>(opaque);
    QMutexLocker lock(&state->streamMutex);
    if (state->stream.get() != stream)
        return;
    if (events & VIR_STREAM_EVENT_READABLE) {
        QByteArray data;
        char buf[4096];
        for (;;) {
            const int n = virStreamRecv(stream, buf, sizeof buf);
            if (n > 0) {
                data.append(buf, n);
                continue;
            }
            if (!data.isEmpty()) {
                state->postToTarget([state, data] { emitReceived(*state, data); });
                data.clear();
            }
            if (n == -2)
                return; // nothing more for now
            const QString error = n == 0 ? QString() : Text::tr("The console stream failed.");
            const QString why = n == 0 ? Text::tr("The guest closed its console.") : error;
            state->shutDownStream(n != 0);
            state->postToTarget([state, why] { emitClosed(*state, why); });
            return;
        }
    }
    if (events & (VIR_STREAM_EVENT_ERROR | VIR_STREAM_EVENT_HANGUP)) {
        state->shutDownStream(true);
        const QString why = (events & VIR_STREAM_EVENT_HANGUP)
                                ? Text::tr("The console was closed (the guest stopped, or another "
                                           "client took it over).")
                                : Text::tr("The console stream reported an error.");
        state->postToTarget([state, why] { emitClosed(*state, why); });
    }
}

void freeOpaque(void *opaque)
{
    delete static_cast<std::shared_ptr<SerialStreamState> *>(opaque);
}

} // namespace

SerialConsoleSession::SerialConsoleSession(HostSession *session, const QString &uuid,
                                           QObject *parent)
    : QObject(parent), m_session(session), m_uuid(uuid),
      m_state(std::make_shared<SerialStreamState>())
{
    m_state->target = this;
}

SerialConsoleSession::~SerialConsoleSession()
{
    {
        QMutexLocker lock(&m_state->targetMutex);
        m_state->target = nullptr;
    }
    close();
}

void SerialConsoleSession::open(const QString &alias)
{
    if (!m_session || m_open)
        return;
    auto state = m_state;
    const QString uuid = m_uuid;
    auto future = runOnWorker(m_session, [state, uuid, alias](virConnectPtr conn) {
        const QByteArray id = uuid.toLatin1();
        const DomainHandle dom(virDomainLookupByUUIDString(conn, id.constData()));
        if (!dom)
            throwLastLibvirtError(Text::tr("Could not find the virtual machine"));
        StreamHandle stream(virStreamNew(conn, VIR_STREAM_NONBLOCK));
        const QByteArray dev = alias.toUtf8();
        if (!stream || virDomainOpenConsole(dom.get(), alias.isEmpty() ? nullptr : dev.constData(),
                                            stream.get(), VIR_DOMAIN_CONSOLE_FORCE) < 0)
            throwLastLibvirtError(Text::tr("Could not open the serial console"));
        QMutexLocker lock(&state->streamMutex);
        state->shutDownStream(true); // an earlier stream of this session, if any
        state->stream = std::move(stream);
        if (virStreamEventAddCallback(
                state->stream.get(),
                VIR_STREAM_EVENT_READABLE | VIR_STREAM_EVENT_ERROR | VIR_STREAM_EVENT_HANGUP,
                streamEvent, new std::shared_ptr<SerialStreamState>(state), freeOpaque) < 0) {
            const LibvirtError error =
                LibvirtError::fromLastError(Text::tr("Could not watch the serial console"));
            state->shutDownStream(true);
            throw error;
        }
    });
    whenFinished(
        future, this,
        [this] {
            m_open = true;
            emit opened();
        },
        [this](const QString &error) { emit closed(error); });
}

void SerialConsoleSession::close()
{
    const bool wasOpen = m_open;
    m_open = false;
    // Never on this thread: with the host gone (or dead) libvirt may block for minutes.
    endSerialStream(m_session, m_state);
    if (wasOpen && m_state->target)
        emit closed({});
}

void SerialConsoleSession::send(const QByteArray &bytes)
{
    if (!m_session || !m_open || bytes.isEmpty())
        return;
    auto state = m_state;
    runOnWorker(m_session, [state, bytes](virConnectPtr) {
        QMutexLocker lock(&state->streamMutex);
        qsizetype offset = 0;
        int spins = 0;
        while (state->stream && offset < bytes.size() && spins < 100) {
            const int n = virStreamSend(state->stream.get(), bytes.constData() + offset,
                                        size_t(bytes.size() - offset));
            if (n > 0) {
                offset += n;
            } else if (n == -2) { // the guest is not reading yet
                ++spins;
                lock.unlock();
                QThread::msleep(5);
                lock.relock();
            } else {
                break;
            }
        }
    });
}

} // namespace crossvirt::models
