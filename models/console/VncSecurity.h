#pragma once

// Internal to models/console: which RFB security type a VNC connection uses.

#include "models/console/VncFailureClassifier.h"

#include <QList>
#include <QString>

struct _rfbClient;

namespace crossvirt::models {

/// RFB security types (RFC 6143 7.2) and VeNCrypt's sub-types.
namespace RfbSecurity {
enum : quint32
{
    Invalid = 0,
    None = 1,
    VncAuth = 2,
    Tls = 18, ///< anonymous TLS, then an inner list (old vino)
    VeNCrypt = 19,
    Sasl = 20,
    VeNCryptPlain = 256,
    TlsNone = 257,
    TlsVnc = 258,
    TlsPlain = 259,
    X509None = 260,
    X509Vnc = 261,
    X509Plain = 262,
    X509Sasl = 263,
    TlsSasl = 264,
};
} // namespace RfbSecurity

/// The security type to answer the server with, or why none is acceptable.
struct VncSecurityChoice
{
    quint32 type = RfbSecurity::Invalid; ///< Invalid: refused, see `refusal`
    VncFailureReport refusal;
};

/// Chooses among the server's list of security types. LibVNCClient takes the first
/// type of the server's list it knows, so a server offering None before VeNCrypt would
/// get an unencrypted connection; here an encrypted type always wins (VeNCrypt, then
/// anonymous TLS), then None, then the VNC password. SASL and the rest are refused with
/// their names. Pure.
VncSecurityChoice chooseVncSecurityType(const QList<quint32> &offered, const QString &endpointName);
/// Chooses among VeNCrypt's sub-types: x509 before anonymous TLS, no password before a
/// password. User/password (Plain) and SASL sub-types are refused, and so is a VeNCrypt
/// list of unencrypted sub-types only: a server that offered TLS gets TLS or nothing. Pure.
VncSecurityChoice chooseVeNCryptSubtype(const QList<quint32> &offered, const QString &endpointName);
/// "VeNCrypt x509 with a VNC password (261)", for messages.
QString vncSecurityTypeName(quint32 type);

/// Enforces a choice on LibVNCClient while it reads a list of security types. Called
/// from its log hook right after it read the list's length (`count` entries of `width`
/// bytes, 1 or 4): reads the whole list into the client's buffer (the plain socket
/// waits up to `timeoutMs`), then overwrites every entry with `choose(list).type`, so
/// the library picks exactly that one (Invalid makes it fail). Returns the choice; a
/// list that could not be read is refused.
VncSecurityChoice enforceVncSecurityChoice(
    _rfbClient *client, int count, int width, int timeoutMs, const QString &endpointName,
    VncSecurityChoice (*choose)(const QList<quint32> &, const QString &), QList<quint32> *offered);

} // namespace crossvirt::models
