#pragma once

// What the guest's /init (tests/e2e/guest/init) printed on its console: one
// "CROSSVIRT-<KIND> key=value ..." line per fact, parsed out of the raw console bytes.

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace crossvirt::test::e2e {

struct GuestBlockDevice
{
    QString name;
    QStringList drivers;
    qint64 sizeKb = 0;
};

struct GuestNic
{
    QString name;
    QStringList drivers;
    QString mac;
};

struct GuestFramebuffer
{
    QString name;
    QString driver;
    int width = 0, height = 0, bpp = 0;
    bool painted = false;
};

struct GuestReport
{
    int bootCount = 0;
    QString kernel;
    QString arch;
    int cpus = 0;
    QString cpuModel;
    qint64 memTotalKb = 0;
    QString consoleDevice; // "ttyS0", "hvc0", "ttysclp0", "ttyAMA0"...
    QList<GuestBlockDevice> blocks;
    QList<GuestNic> nics;
    QList<GuestFramebuffer> framebuffers;

    /// The block device / NIC of that name, or nullptr.
    const GuestBlockDevice *block(const QString &name) const;
    const GuestNic *nic(const QString &name) const;
};

/// Accumulates what a guest's console printed and parses the report lines (kernel messages
/// may interleave: markers are found anywhere in a line; \r and ANSI escapes are ignored).
class GuestConsoleLog
{
public:
    void append(const QByteArray &bytes);
    QString text() const;
    QStringList lastLines(int n = 30) const;
    int readyCount() const;                          // CROSSVIRT-READY lines seen so far
    std::optional<GuestReport> latestReport() const; // report of the last boot that reached READY
    QList<double> tickUptimes() const;          // uptime= of every CROSSVIRT-TICK line, in order
    bool contains(const QString &marker) const; // e.g. "CROSSVIRT-POWEROFF-REQUEST"

    /// Every report that reached READY, oldest first.
    QList<GuestReport> reports() const { return m_reports; }
    /// source= of the CROSSVIRT-POWEROFF-REQUEST lines, in order.
    QStringList poweroffSources() const { return m_poweroffSources; }

private:
    void parseLine(const QString &line);
    void parseMarker(const QString &kind, const QHash<QString, QString> &fields);

    QStringList m_lines;  // complete lines, cleaned of \r, escapes and control bytes
    QByteArray m_partial; // bytes after the last newline
    int m_readyCount = 0;
    std::optional<GuestReport> m_current; // the boot being reported (BOOT seen, READY not yet)
    QList<GuestReport> m_reports;
    QList<double> m_ticks;
    QStringList m_poweroffSources;
};

} // namespace crossvirt::test::e2e
