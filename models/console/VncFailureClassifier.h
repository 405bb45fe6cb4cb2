#pragma once

#include "models/console/VncSession.h"

#include <QSize>
#include <QString>
#include <QStringList>

namespace crossvirt::models {

/// Why a VNC connection ended, as the user reads it.
struct VncFailureReport
{
    VncSession::Failure failure = VncSession::Failure::None;
    QString message; ///< translated; names the endpoint
    friend bool operator==(const VncFailureReport &, const VncFailureReport &) = default;
};

/// What the protocol thread recorded when a connection failed. LibVNCClient says why
/// only in its log text, so the lines it printed are the main evidence.
struct VncFailureEvidence
{
    enum class Stage
    {
        Handshake, ///< version, security and ServerInit, up to the first update request
        Running    ///< reading server messages
    };
    Stage stage = Stage::Handshake;
    QString endpointName;         ///< as used in messages (VncEndpoint::displayName())
    QStringList log;              ///< LibVNCClient's lines (Running: of the failed message only)
    bool passwordSent = false;    ///< a password went to the server
    bool passwordRefused = false; ///< the server wanted one and none was given
    bool sizeRefused = false;     ///< we refused the screen size the server announced
    QSize refusedSize;
    int messageType = -1;      ///< RFB type of the message that failed (Running), -1 unknown
    int stallSeconds = 22;     ///< the allowed silence, for "gave up after" messages
    QString tlsCaFile;         ///< the CA the server's certificate was verified with
    QString tlsHostName;       ///< the name the certificate was checked against
    QString missingClientFile; ///< a client certificate or key that could not be sent
};

/// Pure: classifies a failed connection from its recorded evidence. No socket, no
/// LibVNCClient call, so it is tested on recorded library output.
VncFailureReport classifyVncFailure(const VncFailureEvidence &evidence);
/// A screen size we refused (empty, beyond MaxFramebufferSide, or out of memory).
VncFailureReport classifyRefusedScreen(const QString &endpointName, QSize size);
/// A TCP connect that failed with `errorNumber` (errno or SO_ERROR).
VncFailureReport classifyConnectError(const QString &endpointName, int errorNumber);
/// Printable ASCII of at most `maxLength` characters: the bytes came from whatever
/// answered on that port.
QString sanitizedVncText(const QString &text, int maxLength = 40);

} // namespace crossvirt::models
