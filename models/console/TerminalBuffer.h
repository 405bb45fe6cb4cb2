#pragma once

#include <QByteArray>
#include <QStringList>

namespace crossvirt::models {

/// The text a serial console shows: bytes from the guest in, lines out. Handles
/// what firmware and boot loaders send (CR, LF, backspace, tab, UTF-8, "clear
/// screen" and "erase line"); other ANSI escape sequences (colours, cursor
/// positioning) are dropped rather than printed as garbage.
class TerminalBuffer
{
public:
    explicit TerminalBuffer(int maxLines = 5000);

    void feed(const QByteArray &bytes);
    void clear();
    const QStringList &lines() const { return m_lines; }
    QString text() const { return m_lines.join(u'\n'); }

private:
    void putChar(QChar c);
    void newLine();
    void handleCsi(const QByteArray &params, char final);

    QStringList m_lines{QString()};
    int m_column = 0;
    int m_maxLines;
    enum class State
    {
        Text,
        Escape,
        Csi,
        Osc
    } m_state = State::Text;
    QByteArray m_params;
    QByteArray m_utf8; // an incomplete UTF-8 sequence carried to the next feed
};

/// Bytes a serial console sends for a key the user typed (Enter as CR, Backspace
/// as DEL, arrows as ANSI sequences); empty when the key sends nothing.
QByteArray terminalBytesForKey(int qtKey, Qt::KeyboardModifiers modifiers, const QString &text);

} // namespace crossvirt::models
