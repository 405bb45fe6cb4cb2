#include "models/console/TerminalBuffer.h"

#include <QStringDecoder>

namespace crossvirt::models {

TerminalBuffer::TerminalBuffer(int maxLines) : m_maxLines(qMax(1, maxLines)) {}

void TerminalBuffer::clear()
{
    m_lines = QStringList{QString()};
    m_column = 0;
}

void TerminalBuffer::newLine()
{
    m_lines.append(QString());
    m_column = 0;
    if (m_lines.size() > m_maxLines)
        m_lines.removeFirst();
}

void TerminalBuffer::putChar(QChar c)
{
    QString &line = m_lines.last();
    if (m_column < line.size())
        line[m_column] = c; // after a CR, text overwrites the line
    else
        line.append(c);
    ++m_column;
}

void TerminalBuffer::handleCsi(const QByteArray &params, char final)
{
    QString &line = m_lines.last();
    switch (final) {
    case 'J': // erase display: 2 = all
        if (params == "2" || params == "3")
            clear();
        break;
    case 'K': // erase in line: 0/empty = to end
        if (params.isEmpty() || params == "0")
            line.truncate(m_column);
        else if (params == "2")
            line.clear(), m_column = 0;
        break;
    case 'H': // cursor home (often before a clear): start a fresh line
        if (params.isEmpty() && !line.isEmpty())
            newLine();
        break;
    default:
        break; // colours, cursor moves: not shown
    }
}

void TerminalBuffer::feed(const QByteArray &bytes)
{
    QByteArray text;
    auto flushText = [&] {
        if (text.isEmpty())
            return;
        QByteArray all = m_utf8 + text;
        m_utf8.clear();
        // Keep an incomplete trailing UTF-8 sequence for the next feed.
        int cut = int(all.size());
        for (int back = 1; back <= 3 && back <= all.size(); ++back) {
            const uchar b = uchar(all[all.size() - back]);
            if ((b & 0xC0) == 0x80)
                continue;
            const int need = (b & 0xE0) == 0xC0   ? 2
                             : (b & 0xF0) == 0xE0 ? 3
                             : (b & 0xF8) == 0xF0 ? 4
                                                  : 1;
            if (need > back)
                cut = int(all.size()) - back;
            break;
        }
        m_utf8 = all.mid(cut);
        const QString decoded = QString::fromUtf8(all.left(cut));
        for (QChar c : decoded)
            putChar(c);
        text.clear();
    };

    for (const char ch : bytes) {
        switch (m_state) {
        case State::Text:
            if (ch == '\x1b') {
                flushText();
                m_state = State::Escape;
            } else if (ch == '\n') {
                flushText();
                newLine();
            } else if (ch == '\r') {
                flushText();
                m_column = 0;
            } else if (ch == '\b') {
                flushText();
                m_column = qMax(0, m_column - 1);
            } else if (ch == '\t') {
                flushText();
                do
                    putChar(u' ');
                while (m_column % 8);
            } else if (uchar(ch) < 0x20 || ch == '\x7f') {
                flushText(); // bell and other controls: nothing to show
            } else {
                text.append(ch);
            }
            break;
        case State::Escape:
            if (ch == '[') {
                m_state = State::Csi;
                m_params.clear();
            } else if (ch == ']') {
                m_state = State::Osc;
            } else {
                m_state = State::Text; // two-byte sequences (ESC c, ESC 7...)
                if (ch == 'c')
                    clear();
            }
            break;
        case State::Csi:
            if ((ch >= '0' && ch <= '9') || ch == ';' || ch == '?' || ch == '=' || ch == '>') {
                m_params.append(ch);
            } else {
                handleCsi(m_params, ch);
                m_state = State::Text;
            }
            break;
        case State::Osc: // operating system command: ends with BEL or ESC \ .
            if (ch == '\x07' || ch == '\\')
                m_state = State::Text;
            break;
        }
    }
    flushText();
}

QByteArray terminalBytesForKey(int key, Qt::KeyboardModifiers modifiers, const QString &text)
{
    switch (key) {
    case Qt::Key_Return:
    case Qt::Key_Enter:
        return "\r";
    case Qt::Key_Backspace:
        return "\x7f";
    case Qt::Key_Tab:
        return "\t";
    case Qt::Key_Escape:
        return "\x1b";
    case Qt::Key_Up:
        return "\x1b[A";
    case Qt::Key_Down:
        return "\x1b[B";
    case Qt::Key_Right:
        return "\x1b[C";
    case Qt::Key_Left:
        return "\x1b[D";
    case Qt::Key_Home:
        return "\x1b[H";
    case Qt::Key_End:
        return "\x1b[F";
    case Qt::Key_Delete:
        return "\x1b[3~";
    case Qt::Key_PageUp:
        return "\x1b[5~";
    case Qt::Key_PageDown:
        return "\x1b[6~";
    default:
        break;
    }
    if ((modifiers & Qt::ControlModifier) && key >= Qt::Key_A && key <= Qt::Key_Z)
        return QByteArray(1, char(key - Qt::Key_A + 1)); // Ctrl+C = 0x03
    return text.toUtf8();
}

} // namespace crossvirt::models
