#pragma once

#include <QByteArray>
#include <QRect>
#include <QRgb>
#include <QString>
#include <atomic>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace crossvirt::test {

/// A scripted RFB server for tests: listens on 127.0.0.1 (port chosen by the OS),
/// accepts one client on a thread of its own and runs a script against it. Helpers
/// speak just enough RFB 3.8 to greet, draw raw rectangles, resize, and record the
/// key and pointer events the client sends.
class FakeVncServer
{
public:
    struct KeyEvent
    {
        quint32 keysym;
        bool down;
    };
    struct PointerEvent
    {
        int x;
        int y;
        int buttons;
    };

    using Script = std::function<void(FakeVncServer &server)>;

    explicit FakeVncServer(Script script);
    ~FakeVncServer();
    FakeVncServer(const FakeVncServer &) = delete;
    FakeVncServer &operator=(const FakeVncServer &) = delete;

    quint16 port() const { return m_port; }
    /// True once the script has returned (the client socket is then closed).
    bool finished() const { return m_finished; }
    /// True when the client closed its end (seen by readClientMessage()).
    bool clientClosed() const { return m_clientClosed; }
    std::vector<KeyEvent> keys() const;
    std::vector<PointerEvent> pointers() const;
    /// The encodings of the client's last SetEncodings, in its order of preference.
    std::vector<qint32> encodings() const;

    // --- for scripts (server thread) ---
    bool sendBytes(const QByteArray &bytes);
    bool readExact(int count, QByteArray *out = nullptr, int timeoutMs = 5000);
    /// ProtocolVersion 3.8 and the security types offered (1 = None, 2 = VNC auth).
    bool greet(const QByteArray &securityTypes = QByteArray(1, '\x01'));
    /// Reads the client's choice and, for None, sends SecurityResult OK.
    bool acceptSecurityNone();
    /// VNC authentication: challenge, response check against `password` (with
    /// LibVNCClient's DES), SecurityResult (failure carries `reason`).
    bool authenticateVnc(const QByteArray &password, const QByteArray &reason, bool *accepted);
    /// Reads ClientInit and sends ServerInit (32 bpp true colour).
    bool serverInit(int width, int height, const QByteArray &name = "fake");
    /// greet + acceptSecurityNone + serverInit.
    bool handshake(int width, int height);
    /// Reads client messages (recording input) until a FramebufferUpdateRequest.
    bool waitForUpdateRequest(bool *incremental = nullptr);
    /// Reads client messages until the client closes or stop is requested.
    void recordInputUntilClosed();
    /// One FramebufferUpdate with a raw rectangle painted by `pixel(x, y)` in the
    /// pixel format the client asked for.
    bool sendRawRect(const QRect &rect, const std::function<QRgb(int, int)> &pixel);
    /// A FramebufferUpdate carrying the DesktopSize pseudo-rectangle.
    bool sendDesktopSize(int width, int height);
    /// Resizes the way QEMU does: ExtendedDesktopSize (one screen, id 0) when the
    /// client offered it, else DesktopSize.
    bool sendResizeLikeQemu(int width, int height);
    /// Encodes one pixel in the client's format.
    QByteArray encodePixel(QRgb colour) const;
    /// Asks the script to finish what it waits for (destructor does this too).
    void requestStop() { m_stop = true; }
    bool stopRequested() const { return m_stop; }

private:
    bool readClientMessage(int *type, QByteArray *body);

    int m_listenFd = -1;
    int m_clientFd = -1;
    quint16 m_port = 0;
    std::thread m_thread;
    std::atomic<bool> m_stop{false};
    std::atomic<bool> m_finished{false};
    std::atomic<bool> m_clientClosed{false};

    // Client pixel format (from SetPixelFormat; defaults to what ServerInit sent).
    int m_bitsPerPixel = 32;
    bool m_bigEndian = false;
    int m_redMax = 255, m_greenMax = 255, m_blueMax = 255;
    int m_redShift = 16, m_greenShift = 8, m_blueShift = 0;

    mutable std::mutex m_mutex;
    std::vector<KeyEvent> m_keys;
    std::vector<PointerEvent> m_pointers;
    std::vector<qint32> m_encodings;
};

} // namespace crossvirt::test
