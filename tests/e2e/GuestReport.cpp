#include "e2e/GuestReport.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace crossvirt::test::e2e {

namespace {

const QString kMarker = u"CROSSVIRT-"_s;

/// Drops ANSI escape sequences (CSI, OSC and two-byte ones), \r and other control bytes.
QString cleanLine(const QByteArray &raw)
{
    QByteArray out;
    out.reserve(raw.size());
    for (qsizetype i = 0; i < raw.size(); ++i) {
        const auto c = static_cast<unsigned char>(raw.at(i));
        if (c == 0x1b) {
            if (i + 1 >= raw.size())
                break;
            const char next = raw.at(i + 1);
            if (next == '[') { // CSI: parameters, then one final byte 0x40..0x7e
                i += 2;
                while (i < raw.size() && !(static_cast<unsigned char>(raw.at(i)) >= 0x40 &&
                                           static_cast<unsigned char>(raw.at(i)) <= 0x7e))
                    ++i;
            } else if (next == ']') { // OSC: up to BEL or ESC backslash
                i += 2;
                while (i < raw.size() && raw.at(i) != '\a' &&
                       !(raw.at(i) == '\x1b' && i + 1 < raw.size() && raw.at(i + 1) == '\\'))
                    ++i;
                if (i < raw.size() && raw.at(i) == '\x1b')
                    ++i;
            } else {
                ++i; // ESC c, ESC 7, ESC (B ... : skip the next byte
            }
            continue;
        }
        if (c < 0x20 && c != '\t')
            continue;
        if (c == 0x7f)
            continue;
        out.append(char(c));
    }
    return QString::fromUtf8(out);
}

QStringList splitList(const QString &value)
{
    return value.split(u',', Qt::SkipEmptyParts);
}

} // namespace

const GuestBlockDevice *GuestReport::block(const QString &name) const
{
    for (const GuestBlockDevice &b : blocks)
        if (b.name == name)
            return &b;
    return nullptr;
}

const GuestNic *GuestReport::nic(const QString &name) const
{
    for (const GuestNic &n : nics)
        if (n.name == name)
            return &n;
    return nullptr;
}

void GuestConsoleLog::append(const QByteArray &bytes)
{
    m_partial.append(bytes);
    qsizetype start = 0;
    for (;;) {
        const qsizetype nl = m_partial.indexOf('\n', start);
        if (nl < 0)
            break;
        const QString line = cleanLine(m_partial.mid(start, nl - start));
        m_lines.append(line);
        parseLine(line);
        start = nl + 1;
    }
    m_partial.remove(0, start);
}

QString GuestConsoleLog::text() const
{
    QString all = m_lines.join(u'\n');
    if (!m_partial.isEmpty()) {
        if (!all.isEmpty())
            all.append(u'\n');
        all.append(cleanLine(m_partial));
    }
    return all;
}

QStringList GuestConsoleLog::lastLines(int n) const
{
    QStringList lines = m_lines;
    if (!m_partial.isEmpty())
        lines.append(cleanLine(m_partial));
    if (lines.size() > n)
        lines = lines.mid(lines.size() - n);
    return lines;
}

int GuestConsoleLog::readyCount() const
{
    return m_readyCount;
}

std::optional<GuestReport> GuestConsoleLog::latestReport() const
{
    if (m_reports.isEmpty())
        return std::nullopt;
    return m_reports.last();
}

QList<double> GuestConsoleLog::tickUptimes() const
{
    return m_ticks;
}

bool GuestConsoleLog::contains(const QString &marker) const
{
    return text().contains(marker);
}

void GuestConsoleLog::parseLine(const QString &line)
{
    // A kernel message may start before our line ("[ 3.1] foo CROSSVIRT-NET ...") or land
    // in the middle of it; every "CROSSVIRT-" starts a marker that runs to the next one.
    qsizetype pos = line.indexOf(kMarker);
    while (pos >= 0) {
        const qsizetype next = line.indexOf(kMarker, pos + kMarker.size());
        const QString segment =
            line.mid(pos + kMarker.size(), next < 0 ? -1 : next - pos - kMarker.size());
        pos = next;
        const QStringList tokens = segment.split(u' ', Qt::SkipEmptyParts);
        if (tokens.isEmpty())
            continue;
        const QString &kind = tokens.first();
        if (kind.isEmpty() || !kind.at(0).isUpper())
            continue;
        QHash<QString, QString> fields;
        for (qsizetype i = 1; i < tokens.size(); ++i) {
            const qsizetype eq = tokens.at(i).indexOf(u'=');
            if (eq <= 0)
                continue;
            const QString key = tokens.at(i).left(eq);
            if (!fields.contains(key)) // first wins: a later "x=y" is kernel noise
                fields.insert(key, tokens.at(i).mid(eq + 1));
        }
        parseMarker(kind, fields);
    }
}

void GuestConsoleLog::parseMarker(const QString &kind, const QHash<QString, QString> &f)
{
    if (kind == u"BOOT") {
        GuestReport r;
        r.bootCount = f.value(u"count"_s).toInt();
        r.kernel = f.value(u"kernel"_s);
        r.arch = f.value(u"arch"_s);
        m_current = r;
        return;
    }
    if (kind == u"TICK") {
        bool ok = false;
        const double uptime = f.value(u"uptime"_s).toDouble(&ok);
        if (ok)
            m_ticks.append(uptime);
        return;
    }
    if (kind == u"POWEROFF-REQUEST") {
        m_poweroffSources.append(f.value(u"source"_s));
        return;
    }
    if (kind == u"READY") {
        ++m_readyCount;
        if (m_current) {
            m_reports.append(*m_current);
            m_current.reset();
        }
        return;
    }
    if (!m_current)
        return;
    GuestReport &r = *m_current;
    if (kind == u"CPU") {
        r.cpus = f.value(u"count"_s).toInt();
        r.cpuModel = f.value(u"model"_s);
    } else if (kind == u"MEM") {
        r.memTotalKb = f.value(u"total_kb"_s).toLongLong();
    } else if (kind == u"CONSOLE") {
        r.consoleDevice = f.value(u"dev"_s);
    } else if (kind == u"BLOCK") {
        GuestBlockDevice b;
        b.name = f.value(u"name"_s);
        b.drivers = splitList(f.value(u"drivers"_s));
        b.sizeKb = f.value(u"size_kb"_s).toLongLong();
        if (!b.name.isEmpty())
            r.blocks.append(b);
    } else if (kind == u"NET") {
        GuestNic n;
        n.name = f.value(u"name"_s);
        n.drivers = splitList(f.value(u"drivers"_s));
        n.mac = f.value(u"mac"_s);
        if (!n.name.isEmpty())
            r.nics.append(n);
    } else if (kind == u"FB") {
        GuestFramebuffer fb;
        fb.name = f.value(u"name"_s);
        fb.driver = f.value(u"driver"_s);
        static const QRegularExpression sizeRe(u"^(\\d+)x(\\d+)$"_s);
        const auto m = sizeRe.match(f.value(u"size"_s));
        if (m.hasMatch()) {
            fb.width = m.captured(1).toInt();
            fb.height = m.captured(2).toInt();
        }
        fb.bpp = f.value(u"bpp"_s).toInt();
        fb.painted = f.value(u"painted"_s) == u"1";
        if (!fb.name.isEmpty())
            r.framebuffers.append(fb);
    }
}

} // namespace crossvirt::test::e2e
