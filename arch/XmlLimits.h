#pragma once

// Limits on XML a host sends (capabilities, domain capabilities, domain XML): a hostile or
// broken host must not make a parser hang, exhaust memory or overflow the stack. Every
// parser of host XML checks its input with these first, and refuses or truncates with a
// message the user sees (issue 18, "hosts that lie").

#include <QByteArray>
#include <QString>

namespace crossvirt::arch {

/// The largest XML document read from a host. A real domain with a few hundred devices is
/// under 1 MiB; libvirt's own RPC messages stop at 32 MiB.
constexpr qsizetype kMaxHostXmlBytes = 16 * 1024 * 1024;
/// Deeper nesting is refused (libvirt's own documents are under 10 levels; <metadata> may
/// hold a little more).
constexpr int kMaxXmlDepth = 64;
/// At most this many devices of a domain are shown; the rest are counted ("N devices not
/// shown"). Also the cap on list elements of capabilities (machines, CPU models, enums).
constexpr int kMaxListedDevices = 1000;
/// Names (and other single values) longer than this are cut, with an ellipsis.
constexpr int kMaxNameChars = 256;

/// What checkHostXml() found.
struct HostXmlCheck
{
    bool refused = false; ///< too large: not parsed at all
    QString message;      ///< the refusal, or a note on what was repaired; translated
    QByteArray repaired;  ///< when the input was not valid UTF-8: the same with U+FFFD
};

/// Checks the size and the UTF-8 of `xml` before a parser reads it. Invalid UTF-8 is
/// replaced (U+FFFD), so the rest of the document is still read, and said in the message.
HostXmlCheck checkHostXml(const QByteArray &xml);

/// "Nested deeper than 64 elements": the message a parser gives when it stops there.
QString xmlTooDeepText();
/// `name` cut to kMaxNameChars with an ellipsis (unchanged when short enough).
QString capName(const QString &name);

} // namespace crossvirt::arch
