#pragma once

#include <QList>
#include <QString>
#include <Qt>
#include <optional>

namespace crossvirt::models {

/// X11 keysym values (X11/keysymdef.h) the console code names directly. RFB key
/// events carry keysyms, so these are protocol values, not an X11 dependency.
namespace keysym {
inline constexpr quint32 BackSpace = 0xff08;
inline constexpr quint32 Tab = 0xff09;
inline constexpr quint32 Return = 0xff0d;
inline constexpr quint32 Escape = 0xff1b;
inline constexpr quint32 Delete = 0xffff;
inline constexpr quint32 Print = 0xff61;
inline constexpr quint32 SysReq = 0xff15;
inline constexpr quint32 F1 = 0xffbe;
inline constexpr quint32 ShiftL = 0xffe1;
inline constexpr quint32 ShiftR = 0xffe2;
inline constexpr quint32 ControlL = 0xffe3;
inline constexpr quint32 ControlR = 0xffe4;
inline constexpr quint32 AltL = 0xffe9;
inline constexpr quint32 AltR = 0xffea;
inline constexpr quint32 SuperL = 0xffeb;
inline constexpr quint32 ISOLevel3Shift = 0xfe03;
} // namespace keysym

/// One key press or release as the RFB protocol sends it.
struct KeyStroke
{
    quint32 keysym = 0;
    bool down = true;
    bool operator==(const KeyStroke &) const = default;
};

/// A named key combination offered by "Send Key" (keys a host desktop would
/// otherwise swallow, such as Ctrl+Alt+Del).
struct KeyCombo
{
    QString id;             ///< stable identifier, e.g. "ctrl-alt-del"
    QString label;          ///< translated menu text
    QList<quint32> keysyms; ///< pressed in this order, released in reverse

    /// The presses followed by the releases in reverse order.
    QList<KeyStroke> strokes() const;
};

/// Maps Qt key events to X11 keysyms with the app's own table, so keyboard input
/// works on every Qt platform (nativeVirtualKey() is only a keysym on X11).
class KeyMap
{
public:
    /// The keysym for a key event, or 0 when the key has none. `text` is
    /// QKeyEvent::text(): it decides letters' case and punctuation on the user's
    /// layout. `x11Keysym` is QKeyEvent::nativeVirtualKey() when the platform is
    /// X11 (else 0); it is only used to tell left from right modifiers.
    static quint32 keysym(int qtKey, Qt::KeyboardModifiers modifiers, const QString &text = {},
                          quint32 x11Keysym = 0);

    /// The keysym that types one Unicode character (Latin-1 maps to itself,
    /// the rest to 0x01000000 + code point, as X11 does). 0 for control characters.
    static quint32 keysymForCharacter(char32_t ch);

    /// True for Shift/Control/Alt/Meta/Super/Hyper/AltGr keysyms and the locks.
    static bool isModifier(quint32 keysym);

    /// The combinations of the "Send Key" menu: Ctrl+Alt+Del, Ctrl+Alt+Backspace,
    /// Ctrl+Alt+F1 to F12 and PrintScreen.
    static QList<KeyCombo> sendKeyCombos();
    static std::optional<KeyCombo> sendKeyCombo(const QString &id);
};

} // namespace crossvirt::models
