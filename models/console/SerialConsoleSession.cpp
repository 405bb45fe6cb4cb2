#include "models/console/SerialConsoleSession.h"
#include "models/connection/WorkerJobs.h"

#include "models/connection/FutureHandling.h"
#include "models/connection/HostSession.h"

#include <QCoreApplication>
#include <QMutex>
#include <QThread>
#include <libvirt/libvirt.h>

namespace crossvirt::models {

namespace {
// lupdate and the runtime both see the context "SerialConsoleSession" for Text::tr().
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(SerialConsoleSession)
};
} // namespace

/// Shared by the session (GUI thread), the worker thread and libvirt's event
/// loop; the mutex guards the stream and the target.
struct SerialStreamState
{
    QMutex mutex;
    virStreamPtr stream = nullptr;
    SerialConsoleSession *target = nullptr;

    // Caller holds the mutex.
    void shutDownStream(bool abort)
    {
        if (!stream)
            return;
        virStreamEventRemoveCallback(stream);
        if (abort)
            virStreamAbort(stream);
        else
            virStreamFinish(stream);
        virStreamFree(stream);
        stream = nullptr;
    }

    template<typename Fn> void postToTarget(Fn fn)
    {
        if (target)
            QMetaObject::invokeMethod(target, std::move(fn), Qt::QueuedConnection);
    }
};

namespace {

void streamEvent(virStreamPtr stream, int events, void *opaque)
{
    auto state = *static_cast<std::shared_ptr<SerialStreamState> *>(opaque);
    QMutexLocker lock(&state->mutex);
    if (state->stream != stream)
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
                SerialConsoleSession *target = state->target;
                state->postToTarget([target, data] { emit target->received(data); });
                data.clear();
            }
            if (n == -2)
                return; // nothing more for now
            const QString error = n == 0 ? QString() : Text::tr("The console stream failed.");
            const QString why = n == 0 ? Text::tr("The guest closed its console.") : error;
            state->shutDownStream(n != 0);
            SerialConsoleSession *target = state->target;
            state->postToTarget([target, why] { emit target->closed(why); });
            return;
        }
    }
    if (events & (VIR_STREAM_EVENT_ERROR | VIR_STREAM_EVENT_HANGUP)) {
        state->shutDownStream(true);
        SerialConsoleSession *target = state->target;
        const QString why = (events & VIR_STREAM_EVENT_HANGUP)
                                ? Text::tr("The console was closed (the guest stopped, or another "
                                     "client took it over).")
                                : Text::tr("The console stream reported an error.");
        state->postToTarget([target, why] { emit target->closed(why); });
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
        QMutexLocker lock(&m_state->mutex);
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
        virDomainPtr dom = virDomainLookupByUUIDString(conn, id.constData());
        if (!dom)
            throwLastLibvirtError(Text::tr("Could not find the virtual machine"));
        virStreamPtr stream = virStreamNew(conn, VIR_STREAM_NONBLOCK);
        const QByteArray dev = alias.toUtf8();
        const int rc = stream
                           ? virDomainOpenConsole(dom, alias.isEmpty() ? nullptr : dev.constData(),
                                                  stream, VIR_DOMAIN_CONSOLE_FORCE)
                           : -1;
        if (rc < 0) {
            const LibvirtError error =
                LibvirtError::fromLastError(Text::tr("Could not open the serial console"));
            if (stream)
                virStreamFree(stream);
            virDomainFree(dom);
            throw error;
        }
        virDomainFree(dom);
        QMutexLocker lock(&state->mutex);
        state->stream = stream;
        if (virStreamEventAddCallback(
                stream,
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
    auto state = m_state;
    if (m_session) {
        runOnWorker(m_session, [state](virConnectPtr) {
            QMutexLocker lock(&state->mutex);
            state->shutDownStream(true);
        });
    } else {
        QMutexLocker lock(&state->mutex);
        state->shutDownStream(true);
    }
    if (wasOpen && m_state->target)
        emit closed({});
}

void SerialConsoleSession::send(const QByteArray &bytes)
{
    if (!m_session || !m_open || bytes.isEmpty())
        return;
    auto state = m_state;
    runOnWorker(m_session, [state, bytes](virConnectPtr) {
        QMutexLocker lock(&state->mutex);
        qsizetype offset = 0;
        int spins = 0;
        while (state->stream && offset < bytes.size() && spins < 100) {
            const int n = virStreamSend(state->stream, bytes.constData() + offset,
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
