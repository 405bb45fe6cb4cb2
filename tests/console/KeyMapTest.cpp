// The Qt key -> X11 keysym table. Expected values are written out from
// X11/keysymdef.h, independently of the table under test.

#include "models/console/KeyMap.h"

#include <gtest/gtest.h>

using namespace Qt::StringLiterals;
using crossvirt::models::KeyCombo;
using crossvirt::models::KeyMap;
using crossvirt::models::KeyStroke;

namespace {

quint32 sym(int key, Qt::KeyboardModifiers mods = Qt::NoModifier, const QString &text = {})
{
    return KeyMap::keysym(key, mods, text);
}

} // namespace

TEST(KeyMap, LettersFollowTheTypedCase)
{
    EXPECT_EQ(sym(Qt::Key_A, Qt::NoModifier, u"a"_s), 0x61u);
    EXPECT_EQ(sym(Qt::Key_A, Qt::ShiftModifier, u"A"_s), 0x41u);
    // CapsLock: no Shift, but the text is upper case.
    EXPECT_EQ(sym(Qt::Key_Z, Qt::NoModifier, u"Z"_s), 0x5au);
    // Ctrl+C: Qt's text is the control character 0x03; the letter must still go out.
    EXPECT_EQ(sym(Qt::Key_C, Qt::ControlModifier, QString(QChar(3))), 0x63u);
    EXPECT_EQ(sym(Qt::Key_C, Qt::ControlModifier | Qt::ShiftModifier), 0x43u);
    // No text at all (some platforms with Alt): lower case unless Shift.
    EXPECT_EQ(sym(Qt::Key_Q, Qt::AltModifier), 0x71u);
    // Latin-1 letters.
    EXPECT_EQ(sym(Qt::Key_Eacute, Qt::NoModifier, u"é"_s), 0xe9u);
    EXPECT_EQ(sym(Qt::Key_Eacute, Qt::ShiftModifier), 0xc9u);
}

TEST(KeyMap, DigitsAndPunctuationComeFromTheText)
{
    for (int d = 0; d <= 9; ++d)
        EXPECT_EQ(sym(Qt::Key_0 + d, Qt::NoModifier, QString::number(d)), quint32(0x30 + d));
    // Shift+1 on a US layout types '!': the guest gets the character, Shift is down.
    EXPECT_EQ(sym(Qt::Key_Exclam, Qt::ShiftModifier, u"!"_s), 0x21u);
    EXPECT_EQ(sym(Qt::Key_Space, Qt::NoModifier, u" "_s), 0x20u);
    EXPECT_EQ(sym(Qt::Key_Minus, Qt::NoModifier, u"-"_s), 0x2du);
    // AltGr+Q on a German layout types '@'.
    EXPECT_EQ(sym(Qt::Key_At, Qt::GroupSwitchModifier, u"@"_s), 0x40u);
    // Without text the Latin-1 key code is the character.
    EXPECT_EQ(sym(Qt::Key_Semicolon), 0x3bu);
    // Beyond Latin-1: 0x01000000 + code point, as X11 does.
    EXPECT_EQ(sym(Qt::Key_unknown, Qt::NoModifier, u"€"_s), 0x010020acu);
}

TEST(KeyMap, FunctionKeys)
{
    EXPECT_EQ(sym(Qt::Key_F1), 0xffbeu);
    EXPECT_EQ(sym(Qt::Key_F2), 0xffbfu);
    EXPECT_EQ(sym(Qt::Key_F10), 0xffc7u);
    EXPECT_EQ(sym(Qt::Key_F12), 0xffc9u);
    EXPECT_EQ(sym(Qt::Key_F24), 0xffd5u);
    EXPECT_EQ(sym(Qt::Key_F35), 0xffe0u);
}

TEST(KeyMap, NavigationAndEditingKeys)
{
    EXPECT_EQ(sym(Qt::Key_Left), 0xff51u);
    EXPECT_EQ(sym(Qt::Key_Up), 0xff52u);
    EXPECT_EQ(sym(Qt::Key_Right), 0xff53u);
    EXPECT_EQ(sym(Qt::Key_Down), 0xff54u);
    EXPECT_EQ(sym(Qt::Key_Home), 0xff50u);
    EXPECT_EQ(sym(Qt::Key_End), 0xff57u);
    EXPECT_EQ(sym(Qt::Key_PageUp), 0xff55u);
    EXPECT_EQ(sym(Qt::Key_PageDown), 0xff56u);
    EXPECT_EQ(sym(Qt::Key_Insert), 0xff63u);
    EXPECT_EQ(sym(Qt::Key_Delete), 0xffffu);
    EXPECT_EQ(sym(Qt::Key_Backspace, Qt::NoModifier, QString(QChar(8))), 0xff08u);
    EXPECT_EQ(sym(Qt::Key_Tab, Qt::NoModifier, u"\t"_s), 0xff09u);
    EXPECT_EQ(sym(Qt::Key_Backtab, Qt::ShiftModifier), 0xff09u);
    EXPECT_EQ(sym(Qt::Key_Return, Qt::NoModifier, u"\r"_s), 0xff0du);
    EXPECT_EQ(sym(Qt::Key_Enter, Qt::NoModifier, u"\r"_s), 0xff0du);
    EXPECT_EQ(sym(Qt::Key_Escape, Qt::NoModifier, QString(QChar(27))), 0xff1bu);
    EXPECT_EQ(sym(Qt::Key_Print), 0xff61u);
    EXPECT_EQ(sym(Qt::Key_SysReq), 0xff15u);
    EXPECT_EQ(sym(Qt::Key_Pause), 0xff13u);
    EXPECT_EQ(sym(Qt::Key_Menu), 0xff67u);
}

TEST(KeyMap, Modifiers)
{
    EXPECT_EQ(sym(Qt::Key_Shift, Qt::ShiftModifier), 0xffe1u);
    EXPECT_EQ(sym(Qt::Key_Control, Qt::ControlModifier), 0xffe3u);
    EXPECT_EQ(sym(Qt::Key_Alt, Qt::AltModifier), 0xffe9u);
    EXPECT_EQ(sym(Qt::Key_Meta, Qt::MetaModifier), 0xffebu); // the Windows key: Super_L
    EXPECT_EQ(sym(Qt::Key_Super_L), 0xffebu);
    EXPECT_EQ(sym(Qt::Key_Super_R), 0xffecu);
    EXPECT_EQ(sym(Qt::Key_AltGr), 0xfe03u); // ISO_Level3_Shift
    EXPECT_EQ(sym(Qt::Key_CapsLock), 0xffe5u);
    EXPECT_EQ(sym(Qt::Key_NumLock), 0xff7fu);
    EXPECT_EQ(sym(Qt::Key_ScrollLock), 0xff14u);

    // On X11 the native keysym tells the right-hand modifiers apart.
    EXPECT_EQ(KeyMap::keysym(Qt::Key_Shift, Qt::ShiftModifier, {}, 0xffe2), 0xffe2u);
    EXPECT_EQ(KeyMap::keysym(Qt::Key_Control, Qt::ControlModifier, {}, 0xffe4), 0xffe4u);
    EXPECT_EQ(KeyMap::keysym(Qt::Key_Alt, Qt::AltModifier, {}, 0xffea), 0xffeau);
    // ... but a native code that is not a modifier keysym (another platform) is ignored.
    EXPECT_EQ(KeyMap::keysym(Qt::Key_Shift, Qt::ShiftModifier, {}, 0xa1), 0xffe1u);
    // ... and is never used for ordinary keys.
    EXPECT_EQ(KeyMap::keysym(Qt::Key_A, Qt::NoModifier, u"a"_s, 0xffe2), 0x61u);

    EXPECT_TRUE(KeyMap::isModifier(0xffe1));
    EXPECT_TRUE(KeyMap::isModifier(0xfe03));
    EXPECT_FALSE(KeyMap::isModifier(0x61));
    EXPECT_FALSE(KeyMap::isModifier(0xffbe));
}

TEST(KeyMap, KeypadKeysUseKpKeysyms)
{
    const Qt::KeyboardModifiers kp = Qt::KeypadModifier;
    for (int d = 0; d <= 9; ++d)
        EXPECT_EQ(sym(Qt::Key_0 + d, kp, QString::number(d)), quint32(0xffb0 + d));
    EXPECT_EQ(sym(Qt::Key_Plus, kp, u"+"_s), 0xffabu);
    EXPECT_EQ(sym(Qt::Key_Minus, kp, u"-"_s), 0xffadu);
    EXPECT_EQ(sym(Qt::Key_Asterisk, kp, u"*"_s), 0xffaau);
    EXPECT_EQ(sym(Qt::Key_Slash, kp, u"/"_s), 0xffafu);
    EXPECT_EQ(sym(Qt::Key_Period, kp, u"."_s), 0xffaeu);
    EXPECT_EQ(sym(Qt::Key_Comma, kp, u","_s), 0xffaeu);
    EXPECT_EQ(sym(Qt::Key_Enter, kp, u"\r"_s), 0xff8du); // KP_Enter, not Return
    // NumLock off: the keypad digits arrive as navigation keys.
    EXPECT_EQ(sym(Qt::Key_Home, kp), 0xff95u);
    EXPECT_EQ(sym(Qt::Key_Left, kp), 0xff96u);
    EXPECT_EQ(sym(Qt::Key_PageDown, kp), 0xff9bu);
    EXPECT_EQ(sym(Qt::Key_Insert, kp), 0xff9eu);
    EXPECT_EQ(sym(Qt::Key_Delete, kp), 0xff9fu);
    EXPECT_EQ(sym(Qt::Key_Clear, kp), 0xff9du); // keypad 5: KP_Begin
}

TEST(KeyMap, DeadKeysAndUnknownKeys)
{
    EXPECT_EQ(sym(Qt::Key_Dead_Grave), 0xfe50u);
    EXPECT_EQ(sym(Qt::Key_Dead_Acute), 0xfe51u);
    EXPECT_EQ(sym(Qt::Key_Dead_Diaeresis), 0xfe57u);
    EXPECT_EQ(sym(Qt::Key_unknown), 0u);
    EXPECT_EQ(sym(Qt::Key_VolumeUp), 0u);
}

TEST(KeyMap, SendKeyCombos)
{
    const QList<KeyCombo> combos = KeyMap::sendKeyCombos();
    QStringList ids;
    for (const KeyCombo &combo : combos) {
        ids << combo.id;
        EXPECT_FALSE(combo.label.isEmpty()) << combo.id.toStdString();
    }
    EXPECT_TRUE(ids.contains(u"ctrl-alt-del"_s));
    EXPECT_TRUE(ids.contains(u"ctrl-alt-backspace"_s));
    EXPECT_TRUE(ids.contains(u"print"_s));
    for (int n = 1; n <= 12; ++n)
        EXPECT_TRUE(ids.contains(u"ctrl-alt-f%1"_s.arg(n))) << n;

    const auto cad = KeyMap::sendKeyCombo(u"ctrl-alt-del"_s);
    ASSERT_TRUE(cad);
    const QList<KeyStroke> expected = {{0xffe3, true},  {0xffe9, true},  {0xffff, true},
                                       {0xffff, false}, {0xffe9, false}, {0xffe3, false}};
    EXPECT_EQ(cad->strokes(), expected);

    const auto f7 = KeyMap::sendKeyCombo(u"ctrl-alt-f7"_s);
    ASSERT_TRUE(f7);
    EXPECT_EQ(f7->keysyms, (QList<quint32>{0xffe3, 0xffe9, 0xffc4}));

    const auto backspace = KeyMap::sendKeyCombo(u"ctrl-alt-backspace"_s);
    ASSERT_TRUE(backspace);
    EXPECT_EQ(backspace->keysyms, (QList<quint32>{0xffe3, 0xffe9, 0xff08}));

    const auto print = KeyMap::sendKeyCombo(u"print"_s);
    ASSERT_TRUE(print);
    EXPECT_EQ(print->strokes(), (QList<KeyStroke>{{0xff61, true}, {0xff61, false}}));

    EXPECT_FALSE(KeyMap::sendKeyCombo(u"no-such-combo"_s));
}
