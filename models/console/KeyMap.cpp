#include "models/console/KeyMap.h"

#include <QCoreApplication>
#include <QHash>

// rfb/keysym.h is LibVNCServer's copy of X11/keysymdef.h: the values the RFB
// protocol defines, with no X11 dependency.
#include <rfb/keysym.h>

using namespace Qt::StringLiterals;

namespace crossvirt::models {

namespace {
// lupdate and the runtime both see the context "KeyMap" for Text::tr().
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(KeyMap)
};
} // namespace

namespace {

// Keys whose keysym does not depend on the layout or on the keypad.
const QHash<int, quint32> &fixedKeys()
{
    static const QHash<int, quint32> table = {
        {Qt::Key_Escape, XK_Escape},
        {Qt::Key_Tab, XK_Tab},
        // Shift+Tab arrives as Backtab; the server already has Shift down, so Tab
        // gives the guest the same Shift+Tab.
        {Qt::Key_Backtab, XK_Tab},
        {Qt::Key_Backspace, XK_BackSpace},
        {Qt::Key_Return, XK_Return},
        {Qt::Key_Enter, XK_Return},
        {Qt::Key_Insert, XK_Insert},
        {Qt::Key_Delete, XK_Delete},
        {Qt::Key_Pause, XK_Pause},
        {Qt::Key_Print, XK_Print},
        {Qt::Key_SysReq, XK_Sys_Req},
        {Qt::Key_Clear, XK_Clear},
        {Qt::Key_Home, XK_Home},
        {Qt::Key_End, XK_End},
        {Qt::Key_Left, XK_Left},
        {Qt::Key_Up, XK_Up},
        {Qt::Key_Right, XK_Right},
        {Qt::Key_Down, XK_Down},
        {Qt::Key_PageUp, XK_Page_Up},
        {Qt::Key_PageDown, XK_Page_Down},
        {Qt::Key_Shift, XK_Shift_L},
        {Qt::Key_Control, XK_Control_L},
        // Qt reports the Windows/Super key as Meta on most platforms; guests know it
        // as Super (QEMU maps Super_L to the left "Windows" key).
        {Qt::Key_Meta, XK_Super_L},
        {Qt::Key_Alt, XK_Alt_L},
        {Qt::Key_AltGr, XK_ISO_Level3_Shift},
        {Qt::Key_Mode_switch, XK_Mode_switch},
        {Qt::Key_CapsLock, XK_Caps_Lock},
        {Qt::Key_NumLock, XK_Num_Lock},
        {Qt::Key_ScrollLock, XK_Scroll_Lock},
        {Qt::Key_Super_L, XK_Super_L},
        {Qt::Key_Super_R, XK_Super_R},
        {Qt::Key_Hyper_L, XK_Hyper_L},
        {Qt::Key_Hyper_R, XK_Hyper_R},
        {Qt::Key_Menu, XK_Menu},
        {Qt::Key_Help, XK_Help},
        {Qt::Key_Multi_key, XK_Multi_key},
    };
    return table;
}

// Keys that the keypad reports with Qt::KeypadModifier. With NumLock off the keypad
// digits arrive as navigation keys; they map to the KP_ navigation keysyms.
const QHash<int, quint32> &keypadKeys()
{
    static const QHash<int, quint32> table = {
        {Qt::Key_0, XK_KP_0},
        {Qt::Key_1, XK_KP_1},
        {Qt::Key_2, XK_KP_2},
        {Qt::Key_3, XK_KP_3},
        {Qt::Key_4, XK_KP_4},
        {Qt::Key_5, XK_KP_5},
        {Qt::Key_6, XK_KP_6},
        {Qt::Key_7, XK_KP_7},
        {Qt::Key_8, XK_KP_8},
        {Qt::Key_9, XK_KP_9},
        {Qt::Key_Asterisk, XK_KP_Multiply},
        {Qt::Key_Plus, XK_KP_Add},
        {Qt::Key_Minus, XK_KP_Subtract},
        {Qt::Key_Slash, XK_KP_Divide},
        // The keypad decimal key types ',' on many layouts; it is the same key.
        {Qt::Key_Period, XK_KP_Decimal},
        {Qt::Key_Comma, XK_KP_Decimal},
        {Qt::Key_Equal, XK_KP_Equal},
        {Qt::Key_Enter, XK_KP_Enter},
        {Qt::Key_Return, XK_KP_Enter},
        {Qt::Key_Home, XK_KP_Home},
        {Qt::Key_End, XK_KP_End},
        {Qt::Key_Left, XK_KP_Left},
        {Qt::Key_Up, XK_KP_Up},
        {Qt::Key_Right, XK_KP_Right},
        {Qt::Key_Down, XK_KP_Down},
        {Qt::Key_PageUp, XK_KP_Page_Up},
        {Qt::Key_PageDown, XK_KP_Page_Down},
        {Qt::Key_Insert, XK_KP_Insert},
        {Qt::Key_Delete, XK_KP_Delete},
        {Qt::Key_Clear, XK_KP_Begin},
        {Qt::Key_Space, XK_KP_Space},
        {Qt::Key_Tab, XK_KP_Tab},
    };
    return table;
}

bool isQtModifierKey(int qtKey)
{
    switch (qtKey) {
    case Qt::Key_Shift:
    case Qt::Key_Control:
    case Qt::Key_Meta:
    case Qt::Key_Alt:
    case Qt::Key_AltGr:
    case Qt::Key_Super_L:
    case Qt::Key_Super_R:
    case Qt::Key_Hyper_L:
    case Qt::Key_Hyper_R:
        return true;
    default:
        return false;
    }
}

// Latin-1 letters have upper-case Qt key codes (Key_A = 'A', Key_Agrave = 0xc0).
bool isLatin1Letter(int qtKey)
{
    return (qtKey >= Qt::Key_A && qtKey <= Qt::Key_Z) ||
           (qtKey >= Qt::Key_Agrave && qtKey <= Qt::Key_THORN && qtKey != Qt::Key_multiply);
}

} // namespace

QList<KeyStroke> KeyCombo::strokes() const
{
    QList<KeyStroke> result;
    result.reserve(keysyms.size() * 2);
    for (quint32 sym : keysyms)
        result.append({sym, true});
    for (auto it = keysyms.crbegin(); it != keysyms.crend(); ++it)
        result.append({*it, false});
    return result;
}

quint32 KeyMap::keysymForCharacter(char32_t ch)
{
    if (ch < 0x20 || ch == 0x7f || (ch >= 0x80 && ch < 0xa0) || ch > 0x10ffff)
        return 0;
    if (ch <= 0xff)
        return quint32(ch);
    return 0x01000000u | quint32(ch);
}

bool KeyMap::isModifier(quint32 sym)
{
    return (sym >= XK_Shift_L && sym <= XK_Hyper_R) || sym == XK_ISO_Level3_Shift ||
           sym == XK_Mode_switch || sym == XK_Num_Lock || sym == XK_Scroll_Lock;
}

quint32 KeyMap::keysym(int qtKey, Qt::KeyboardModifiers modifiers, const QString &text,
                       quint32 x11Keysym)
{
    // Only X11 tells left from right modifiers; take its keysym for those.
    if (isQtModifierKey(qtKey) && x11Keysym != 0 && isModifier(x11Keysym))
        return x11Keysym;

    if (modifiers.testFlag(Qt::KeypadModifier)) {
        const auto &keypad = keypadKeys();
        if (auto it = keypad.constFind(qtKey); it != keypad.constEnd())
            return it.value();
    }

    const auto &fixed = fixedKeys();
    if (auto it = fixed.constFind(qtKey); it != fixed.constEnd())
        return it.value();

    if (qtKey >= Qt::Key_F1 && qtKey <= Qt::Key_F35)
        return XK_F1 + quint32(qtKey - Qt::Key_F1);

    // Qt's dead keys Key_Dead_Grave..Key_Dead_Horn follow X11's dead_grave..dead_horn.
    if (qtKey >= Qt::Key_Dead_Grave && qtKey <= Qt::Key_Dead_Horn)
        return XK_dead_grave + quint32(qtKey - Qt::Key_Dead_Grave);

    // The text knows the layout (shifted digits, AltGr symbols, case from CapsLock).
    // With Ctrl held it is a control character, which keysymForCharacter rejects.
    const QList<uint> codePoints = text.toUcs4();
    if (codePoints.size() == 1) {
        if (quint32 sym = keysymForCharacter(char32_t(codePoints.first())))
            return sym;
    }

    if (isLatin1Letter(qtKey)) {
        const bool upper = modifiers.testFlag(Qt::ShiftModifier);
        return upper ? quint32(qtKey) : quint32(qtKey) + 0x20;
    }
    // Other Latin-1 keys: Qt's key code is the character itself.
    if (qtKey >= Qt::Key_Space && qtKey <= Qt::Key_ydiaeresis)
        return keysymForCharacter(char32_t(qtKey));
    return 0;
}

QList<KeyCombo> KeyMap::sendKeyCombos()
{
    QList<KeyCombo> combos;
    combos.append({u"ctrl-alt-del"_s, Text::tr("Ctrl+Alt+Del"), {XK_Control_L, XK_Alt_L, XK_Delete}});
    combos.append({u"ctrl-alt-backspace"_s,
                   Text::tr("Ctrl+Alt+Backspace"),
                   {XK_Control_L, XK_Alt_L, XK_BackSpace}});
    for (int n = 1; n <= 12; ++n) {
        combos.append({u"ctrl-alt-f%1"_s.arg(n),
                       QCoreApplication::translate("KeyMap", "Ctrl+Alt+F%1").arg(n),
                       {XK_Control_L, XK_Alt_L, quint32(XK_F1 + n - 1)}});
    }
    combos.append({u"print"_s, Text::tr("PrintScreen"), {XK_Print}});
    return combos;
}

std::optional<KeyCombo> KeyMap::sendKeyCombo(const QString &id)
{
    for (const KeyCombo &combo : sendKeyCombos()) {
        if (combo.id == id)
            return combo;
    }
    return std::nullopt;
}

} // namespace crossvirt::models
