#include "bench/GuiReport.h"

#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QLibraryInfo>
#include <QStringList>
#include <QSysInfo>
#include <QThread>
#include <algorithm>
#include <cmath>
#include <functional>
#include <optional>

namespace crossvirt::bench {

using namespace Qt::StringLiterals;

Percentiles percentiles(QList<double> v)
{
    Percentiles p;
    p.count = int(v.size());
    if (v.isEmpty())
        return p;
    std::sort(v.begin(), v.end());
    // Nearest rank: the smallest value with at least q of the samples at or below it.
    auto at = [&](double q) {
        const auto rank = qsizetype(std::ceil(q * double(v.size())));
        return v[qBound<qsizetype>(0, rank - 1, v.size() - 1)];
    };
    p.p50 = at(0.50);
    p.p99 = at(0.99);
    p.max = v.last();
    return p;
}

namespace {

QJsonObject toJson(const Percentiles &p)
{
    return {{u"p50"_s, p.p50}, {u"p99"_s, p.p99}, {u"max"_s, p.max}, {u"count"_s, p.count}};
}

QJsonArray toJsonArray(const QList<double> &values)
{
    QJsonArray a;
    for (double v : values)
        a.append(v);
    return a;
}

Percentiles percentilesFromJson(const QJsonObject &o)
{
    Percentiles p;
    p.p50 = o.value(u"p50"_s).toDouble(-1);
    p.p99 = o.value(u"p99"_s).toDouble(-1);
    p.max = o.value(u"max"_s).toDouble(-1);
    p.count = o.value(u"count"_s).toInt();
    if (p.count == 0)
        p.p50 = p.p99 = p.max = -1; // not measured
    return p;
}

QString readFirstLine(const QString &path, const QByteArray &prefix)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    for (const QByteArray &line : f.readAll().split('\n')) {
        if (line.startsWith(prefix)) {
            const qsizetype colon = line.indexOf(':');
            return QString::fromUtf8(colon < 0 ? line : line.mid(colon + 1)).trimmed();
        }
    }
    return {};
}

// The targets fall in tiers by the VMs in the GUI: up to 1000 (one host),
// up to 10,000, and beyond (only the targets that hold whatever the size).
enum class Tier
{
    OneK,
    TenK,
    Beyond
};
Tier tierOf(const GuiResult &r)
{
    if (r.totalVms() <= 1000)
        return Tier::OneK;
    return r.totalVms() <= 10000 ? Tier::TenK : Tier::Beyond;
}

struct Figure
{
    QString name;
    int decimals;
    std::function<double(const GuiResult &)> value;
    QString targetText;
    std::function<std::optional<double>(const GuiResult &)> limit; ///< value must be ≤
};

std::optional<double> none(const GuiResult &)
{
    return std::nullopt;
}

auto always(double limit)
{
    return [limit](const GuiResult &) -> std::optional<double> { return limit; };
}

auto tiered(std::optional<double> oneK, std::optional<double> tenK)
{
    return [oneK, tenK](const GuiResult &r) -> std::optional<double> {
        switch (tierOf(r)) {
        case Tier::OneK:
            return oneK;
        case Tier::TenK:
            return tenK;
        case Tier::Beyond:
            break;
        }
        return std::nullopt;
    };
}

QList<Figure> figures(const GuiResult &sample)
{
    const QString warmup = u"warm-up CPU, first %1 s (s)"_s.arg(sample.warmupSeconds);
    QList<Figure> list{
        {u"first window painted (ms)"_s, 0, [](auto &r) { return r.firstPaintMs; }, u"≤ 500"_s,
         always(500)},
        {u"full inventory in the view's model (ms)"_s,
         0,
         [](auto &r) { return r.inventoryModelMs; },
         {},
         none},
        {u"full inventory on screen (ms)"_s, 0, [](auto &r) { return r.inventoryShownMs; },
         u"≤ 1500 (10k)"_s, tiered(std::nullopt, 1500)},
        {u"CPU until inventory on screen (s)"_s,
         2,
         [](auto &r) { return r.cpuToInventorySeconds; },
         {},
         none},
        {warmup, 2, [](auto &r) { return r.warmupCpuSeconds; }, u"≤ 3 (10k)"_s,
         tiered(std::nullopt, 3.0)},
        {u"steady CPU per minute (s)"_s, 2, [](auto &r) { return r.steadyCpuPerMinute; },
         u"≤ 0.2 (1k), ≤ 1.0 (10k)"_s, tiered(0.2, 1.0)},
        {u"RSS after steady polling (MB)"_s, 0, [](auto &r) { return r.rssMB; },
         u"≤ 60 (1k), ≤ 120 (10k)"_s, tiered(60, 120)},
        {u"peak RSS (MB)"_s, 0, [](auto &r) { return r.peakRssMB; }, {}, none},
    };
    if (sample.daemon) {
        // The GUI's rows above are the Crossvirt process alone; the hosts' side is here.
        list += {
            {u"libvirtd (the hosts) CPU until inventory on screen (s)"_s, 2,
             [](auto &r) { return r.daemonCpuToInventorySeconds; }, u"(hosts)"_s, none},
            {u"libvirtd (the hosts) steady CPU per minute (s)"_s, 2,
             [](auto &r) { return r.daemonSteadyCpuPerMinute; }, u"(hosts)"_s, none},
            {u"libvirtd (the hosts) RSS after steady polling (MB)"_s, 0,
             [](auto &r) { return r.daemonRssMB; }, u"(hosts)"_s, none},
            {u"libvirtd (the hosts) peak RSS (MB)"_s, 0, [](auto &r) { return r.daemonPeakRssMB; },
             u"(hosts)"_s, none},
        };
    }
    list += {
        {u"event loop connecting p50 (ms)"_s,
         2,
         [](auto &r) { return r.loopConnecting.p50; },
         {},
         none},
        {u"event loop connecting p99 (ms)"_s, 2, [](auto &r) { return r.loopConnecting.p99; },
         u"≤ 8"_s, always(8)},
        {u"event loop connecting max (ms)"_s, 2, [](auto &r) { return r.loopConnecting.max; },
         u"≤ 16"_s, always(16)},
        {u"event loop, idle process before the run, p99 (ms)"_s, 2,
         [](auto &r) { return r.loopIdleBaseline.p99; }, u"(machine)"_s, none},
        {u"event loop, idle process before the run, max (ms)"_s, 2,
         [](auto &r) { return r.loopIdleBaseline.max; }, u"(machine)"_s, none},
        {u"event loop polling p50 (ms)"_s, 2, [](auto &r) { return r.loopPolling.p50; }, {}, none},
        {u"event loop polling p99 (ms)"_s, 2, [](auto &r) { return r.loopPolling.p99; }, u"≤ 8"_s,
         always(8)},
        {u"event loop polling max (ms)"_s, 2, [](auto &r) { return r.loopPolling.max; }, u"≤ 16"_s,
         always(16)},
        {u"filter keystroke to paint p50 (ms)"_s,
         1,
         [](auto &r) { return r.keystroke.p50; },
         {},
         none},
        {u"filter keystroke to paint p99 (ms)"_s, 1, [](auto &r) { return r.keystroke.p99; },
         u"≤ 16"_s, always(16)},
        {u"filter keystroke to paint max (ms)"_s, 1, [](auto &r) { return r.keystroke.max; },
         u"≤ 16"_s, always(16)},
        {u"filter keystroke, re-filter only, max (ms)"_s,
         1,
         [](auto &r) { return r.keystrokeSync.max; },
         {},
         none},
        {u"stats ticks skipped (previous still running)"_s,
         0,
         [](auto &r) { return double(r.statsSkipped); },
         {},
         none},
    };
    return list;
}

QString number(double v, int decimals)
{
    return v < 0 ? u"—"_s : QString::number(v, 'f', decimals);
}

QString cell(const Figure &f, const GuiResult &r)
{
    const double v = f.value(r);
    QString text = number(v, f.decimals);
    if (v < 0)
        return text;
    if (const auto limit = f.limit(r))
        text += v <= *limit ? u" ✓"_s : u" ✗"_s;
    return text;
}

QString render(const QStringList &header, const QList<QStringList> &rows, TableStyle style)
{
    QString out;
    if (style == TableStyle::Markdown) {
        out += u"| "_s + header.join(u" | "_s) + u" |\n|---|"_s;
        for (qsizetype c = 1; c < header.size(); ++c)
            out += u"---:|"_s;
        out += u'\n';
        for (const QStringList &row : rows)
            out += u"| "_s + row.join(u" | "_s) + u" |\n"_s;
        return out;
    }
    QList<qsizetype> width(header.size());
    for (qsizetype c = 0; c < header.size(); ++c) {
        width[c] = header[c].size();
        for (const QStringList &row : rows)
            width[c] = std::max(width[c], row.value(c).size());
    }
    auto line = [&](const QStringList &row) {
        QString s;
        for (qsizetype c = 0; c < header.size(); ++c) {
            s += c == 0 ? row.value(c).leftJustified(width[c])
                        : u"  "_s + row.value(c).rightJustified(width[c]);
        }
        s += u'\n';
        return s;
    };
    out += line(header);
    for (const QStringList &row : rows)
        out += line(row);
    return out;
}

QString errors(const QList<GuiResult> &results)
{
    QString out;
    for (const GuiResult &r : results) {
        if (!r.error.isEmpty())
            out += u"%1 %2: %3\n"_s.arg(r.program, r.label(), r.error);
        if (!r.note.isEmpty())
            out += u"\n%1 %2: %3\n"_s.arg(r.program, r.label(), r.note);
    }
    return out;
}

} // namespace

QString GuiResult::label() const
{
    return u"%1 × %2"_s.arg(hosts).arg(vms);
}

QJsonObject GuiResult::toJson() const
{
    return {
        {u"program"_s, program},
        {u"hosts"_s, hosts},
        {u"vmsPerHost"_s, vms},
        {u"warmupSeconds"_s, warmupSeconds},
        {u"steadySeconds"_s, steadySeconds},
        {u"error"_s, error},
        {u"note"_s, note},
        {u"firstPaintMs"_s, firstPaintMs},
        {u"inventoryModelMs"_s, inventoryModelMs},
        {u"inventoryShownMs"_s, inventoryShownMs},
        {u"cpuToInventorySeconds"_s, cpuToInventorySeconds},
        {u"warmupCpuSeconds"_s, warmupCpuSeconds},
        {u"steadyCpuPerMinute"_s, steadyCpuPerMinute},
        {u"rssMB"_s, rssMB},
        {u"peakRssMB"_s, peakRssMB},
        {u"loopConnectingMs"_s, bench::toJson(loopConnecting)},
        {u"loopPollingMs"_s, bench::toJson(loopPolling)},
        {u"keystrokeMs"_s, bench::toJson(keystroke)},
        {u"keystrokeSyncMs"_s, bench::toJson(keystrokeSync)},
        {u"loopIdleBaselineMs"_s, bench::toJson(loopIdleBaseline)},
        {u"keystrokeSamplesMs"_s, toJsonArray(keystrokeSamples)},
        {u"keystrokesUnpainted"_s, keystrokesUnpainted},
        {u"startupMs"_s,
         [this] {
             QJsonArray steps;
             for (const auto &[step, ms] : startupMs)
                 steps.append(QJsonObject{{u"step"_s, step}, {u"ms"_s, ms}});
             return steps;
         }()},
        {u"daemon"_s, daemon},
        {u"daemonCpuToInventorySeconds"_s, daemonCpuToInventorySeconds},
        {u"daemonSteadyCpuPerMinute"_s, daemonSteadyCpuPerMinute},
        {u"daemonRssMB"_s, daemonRssMB},
        {u"daemonPeakRssMB"_s, daemonPeakRssMB},
        {u"statsIntervalSeconds"_s, statsIntervalSeconds},
        {u"statsPolls"_s, statsPolls},
        {u"statsSkipped"_s, statsSkipped},
    };
}

GuiResult GuiResult::fromJson(const QJsonObject &o)
{
    GuiResult r;
    r.program = o.value(u"program"_s).toString(r.program);
    r.hosts = o.value(u"hosts"_s).toInt();
    r.vms = o.value(u"vmsPerHost"_s).toInt();
    r.warmupSeconds = o.value(u"warmupSeconds"_s).toInt();
    r.steadySeconds = o.value(u"steadySeconds"_s).toInt();
    r.error = o.value(u"error"_s).toString();
    r.note = o.value(u"note"_s).toString();
    r.firstPaintMs = o.value(u"firstPaintMs"_s).toDouble(-1);
    r.inventoryModelMs = o.value(u"inventoryModelMs"_s).toDouble(-1);
    r.inventoryShownMs = o.value(u"inventoryShownMs"_s).toDouble(-1);
    r.cpuToInventorySeconds = o.value(u"cpuToInventorySeconds"_s).toDouble(-1);
    r.warmupCpuSeconds = o.value(u"warmupCpuSeconds"_s).toDouble(-1);
    r.steadyCpuPerMinute = o.value(u"steadyCpuPerMinute"_s).toDouble(-1);
    r.rssMB = o.value(u"rssMB"_s).toDouble(-1);
    r.peakRssMB = o.value(u"peakRssMB"_s).toDouble(-1);
    r.loopConnecting = percentilesFromJson(o.value(u"loopConnectingMs"_s).toObject());
    r.loopPolling = percentilesFromJson(o.value(u"loopPollingMs"_s).toObject());
    r.keystroke = percentilesFromJson(o.value(u"keystrokeMs"_s).toObject());
    r.keystrokeSync = percentilesFromJson(o.value(u"keystrokeSyncMs"_s).toObject());
    r.loopIdleBaseline = percentilesFromJson(o.value(u"loopIdleBaselineMs"_s).toObject());
    for (const QJsonValue &v : o.value(u"keystrokeSamplesMs"_s).toArray())
        r.keystrokeSamples << v.toDouble();
    r.keystrokesUnpainted = o.value(u"keystrokesUnpainted"_s).toInt();
    for (const QJsonValue &v : o.value(u"startupMs"_s).toArray()) {
        const QJsonObject step = v.toObject();
        r.startupMs.append({step.value(u"step"_s).toString(), step.value(u"ms"_s).toDouble()});
    }
    r.daemon = o.value(u"daemon"_s).toBool();
    r.daemonCpuToInventorySeconds = o.value(u"daemonCpuToInventorySeconds"_s).toDouble(-1);
    r.daemonSteadyCpuPerMinute = o.value(u"daemonSteadyCpuPerMinute"_s).toDouble(-1);
    r.daemonRssMB = o.value(u"daemonRssMB"_s).toDouble(-1);
    r.daemonPeakRssMB = o.value(u"daemonPeakRssMB"_s).toDouble(-1);
    r.statsIntervalSeconds = o.value(u"statsIntervalSeconds"_s).toInt();
    r.statsPolls = o.value(u"statsPolls"_s).toInt(-1);
    r.statsSkipped = o.value(u"statsSkipped"_s).toInt(-1);
    return r;
}

QString describeMachine()
{
    QString cpu = readFirstLine(u"/proc/cpuinfo"_s, "model name");
    if (cpu.isEmpty())
        cpu = QSysInfo::currentCpuArchitecture();
    const QString memKiB = readFirstLine(u"/proc/meminfo"_s, "MemTotal");
    QFile loadFile(u"/proc/loadavg"_s);
    QString load;
    if (loadFile.open(QIODevice::ReadOnly))
        load = QString::fromLatin1(loadFile.readAll()).section(u' ', 0, 2);
    return u"%1 UTC; %2 CPUs (%3), %4 GiB; %5; Qt %6; QPA %7; load average %8"_s.arg(
        QDateTime::currentDateTimeUtc().toString(u"yyyy-MM-dd HH:mm"_s),
        QString::number(QThread::idealThreadCount()), cpu,
        QString::number(memKiB.section(u' ', 0, 0).toDouble() / 1024 / 1024, 'f', 0),
        QSysInfo::prettyProductName(), QString::fromLatin1(qVersion()),
        qEnvironmentVariable("QT_QPA_PLATFORM", u"offscreen"_s), load);
}

QString scenarioTable(const QList<GuiResult> &results, TableStyle style, const GuiResult *compare)
{
    if (results.isEmpty())
        return {};
    QStringList header{u"figure"_s};
    for (const GuiResult &r : results)
        header << r.label();
    if (compare)
        header << compare->program + u' ' + compare->label() << u"ratio"_s;
    header << u"target"_s;
    QList<QStringList> rows;
    for (const Figure &f : figures(results.first())) {
        QStringList row{f.name};
        for (const GuiResult &r : results)
            row << cell(f, r);
        if (compare) {
            const double theirs = f.value(*compare);
            const double ours = f.value(results.first());
            row << number(theirs, f.decimals)
                << (theirs > 0 && ours > 0 ? u"%1×"_s.arg(theirs / ours, 0, 'f', 1) : u"—"_s);
        }
        row << (f.targetText.isEmpty() ? u"—"_s : f.targetText);
        rows << row;
    }
    QList<GuiResult> all = results;
    if (compare)
        all << *compare;
    return render(header, rows, style) + errors(all);
}

QString scaleTable(const QList<GuiResult> &results, TableStyle style)
{
    if (results.isEmpty())
        return {};
    QStringList header{u"figure"_s};
    for (const GuiResult &r : results)
        header << u"%1 (%2k VMs)"_s.arg(r.label()).arg(double(r.totalVms()) / 1000.0);
    header << u"slope per 1k VMs"_s;
    if (results.size() >= 2)
        header << u"growth %1k→%2k VMs"_s.arg(results[results.size() - 2].totalVms() / 1000)
                      .arg(results.last().totalVms() / 1000);
    QList<QStringList> rows;
    for (const Figure &f : figures(results.first())) {
        QStringList row{f.name};
        // Least squares over the sizes measured; x in thousands of VMs.
        double n = 0, sx = 0, sy = 0, sxx = 0, sxy = 0;
        for (const GuiResult &r : results) {
            const double v = f.value(r);
            row << cell(f, r);
            if (v < 0)
                continue;
            const double x = double(r.totalVms()) / 1000.0;
            n += 1;
            sx += x;
            sy += v;
            sxx += x * x;
            sxy += x * v;
        }
        const double denominator = n * sxx - sx * sx;
        row << (n >= 2 && denominator > 0
                    ? QString::number((n * sxy - sx * sy) / denominator, 'f', f.decimals + 2)
                    : u"—"_s);
        if (results.size() >= 2) {
            const double a = f.value(results[results.size() - 2]);
            const double b = f.value(results.last());
            row << (a > 0 && b >= 0 ? u"%1×"_s.arg(b / a, 0, 'f', 2) : u"—"_s);
        }
        rows << row;
    }
    QString out = render(header, rows, style);
    if (results.size() >= 2) {
        out += u"(growth: %1 VMs is %2× %3 VMs; linear growth would be about %2×)\n"_s
                   .arg(results.last().totalVms())
                   .arg(double(results.last().totalVms()) /
                            double(results[results.size() - 2].totalVms()),
                        0, 'f', 1)
                   .arg(results[results.size() - 2].totalVms());
    }
    return out + errors(results);
}

} // namespace crossvirt::bench
