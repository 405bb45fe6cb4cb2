// crossvirt-bench --gui: the real main window on generated test-driver hosts, measured
// from the OS (/proc/self) as any program would be. See GuiBench.h and README
// "Performance".
#include "bench/GuiBench.h"

#include "app/AppSetup.h"
#include "app/core/ApplicationCore.h"
#include "bench/GuiReport.h"
#include "bench/HostFile.h"
#include "bench/PrivateLibvirtd.h"
#include "bench/ProcStats.h"
#include "models/connection/ConnectionStore.h"
#include "models/connection/Datacenter.h"
#include "models/connection/HostSession.h"
#include "models/stats/DatacenterStats.h"
#include "models/stats/StatsCollector.h"
#include "views/common/StateIcons.h"
#include "views/common/Theme.h"
#include "views/connection/CredentialDialog.h"
#include "views/mainwindow/MainWindow.h"
#include "views/mainwindow/StartupPaint.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLineEdit>
#include <QPointer>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTreeView>
#include <algorithm>
#include <csignal>
#include <cstdio>
#include <functional>
#include <optional>
#include <sys/prctl.h>
#include <variant>

namespace crossvirt::bench {

using namespace Qt::StringLiterals;

namespace {

struct Options
{
    int hosts = 0; ///< 0: the default scenarios
    int vms = 1000;
    int warmupSeconds = 40;
    int steadySeconds = 60;
    int latencySeconds = 15;
    bool scale = false;
    bool markdown = false;
    bool daemon = false;  ///< serve the hosts from a private libvirtd
    qint64 daemonPid = 0; ///< child: that libvirtd, to read its figures from /proc
    QString jsonFile;
    QString compareFile;
    QString resultFile;   ///< child: where to write its GuiResult
    QString hostFilePath; ///< --write-host-file
    int hostNo = 0;
    QStringList arguments; ///< as given, for the report
};

struct OptionSet
{
    QCommandLineOption gui{u"gui"_s, u"Measure the real main window (see README)."_s};
    QCommandLineOption child{u"gui-child"_s, u"Internal: one scenario, run by --gui."_s};
    QCommandLineOption hosts{u"hosts"_s, u"Hosts (one scenario)."_s, u"N"_s};
    QCommandLineOption vms{u"vms"_s, u"VMs per host."_s, u"N"_s, u"1000"_s};
    QCommandLineOption warmup{u"warmup"_s, u"Seconds from start before the steady window."_s,
                              u"S"_s, u"40"_s};
    QCommandLineOption seconds{u"seconds"_s, u"Seconds of steady polling measured."_s, u"S"_s,
                               u"60"_s};
    QCommandLineOption latency{u"latency-seconds"_s,
                               u"Seconds of polling with the 1 ms event-loop probe."_s, u"S"_s,
                               u"15"_s};
    QCommandLineOption scale{u"scale"_s, u"1k, 5k, 10k, 20k VMs as 10 hosts each."_s};
    QCommandLineOption json{u"json"_s, u"Also write the figures to FILE."_s, u"FILE"_s};
    QCommandLineOption markdown{u"markdown"_s, u"Print the table as Markdown."_s};
    QCommandLineOption daemon{u"daemon"_s,
                              u"Serve the hosts from a private libvirtd (test+unix://), not "
                              "from the test driver inside the GUI process; report its CPU "
                              "and RSS too."_s};
    QCommandLineOption daemonPid{u"daemon-pid"_s, u"Internal: that libvirtd's pid."_s, u"PID"_s};
    QCommandLineOption compare{u"compare"_s, u"Add a column measured elsewhere (virt-manager)."_s,
                               u"FILE"_s};
    QCommandLineOption result{u"result-file"_s, u"Internal: the child's result."_s, u"FILE"_s};
    QCommandLineOption writeHostFile{u"write-host-file"_s,
                                     u"Only write a host file of --vms VMs to PATH."_s, u"PATH"_s};
    QCommandLineOption hostNo{u"host-no"_s, u"Host number in the VM names (--write-host-file)."_s,
                              u"N"_s, u"0"_s};

    Options parse(const QStringList &arguments)
    {
        QCommandLineParser parser;
        parser.setApplicationDescription(
            u"Crossvirt's main window on generated test-driver hosts: CPU, memory, "
            "latency figures"_s);
        parser.addHelpOption();
        parser.addOptions({gui, child, hosts, vms, warmup, seconds, latency, scale, json, markdown,
                           daemon, daemonPid, compare, result, writeHostFile, hostNo});
        parser.process(arguments);
        Options o;
        o.hosts = parser.isSet(hosts) ? qMax(1, parser.value(hosts).toInt()) : 0;
        o.vms = qMax(1, parser.value(vms).toInt());
        o.warmupSeconds = qMax(0, parser.value(warmup).toInt());
        o.steadySeconds = qMax(1, parser.value(seconds).toInt());
        o.latencySeconds = qMax(1, parser.value(latency).toInt());
        o.scale = parser.isSet(scale);
        o.markdown = parser.isSet(markdown);
        o.daemon = parser.isSet(daemon);
        o.daemonPid = parser.value(daemonPid).toLongLong();
        o.jsonFile = parser.value(json);
        o.compareFile = parser.value(compare);
        o.resultFile = parser.value(result);
        o.hostFilePath = parser.value(writeHostFile);
        o.hostNo = parser.value(hostNo).toInt();
        o.arguments = arguments;
        return o;
    }
};

QStringList argumentList(int argc, char **argv)
{
    QStringList args;
    for (int i = 0; i < argc; ++i)
        args << QString::fromLocal8Bit(argv[i]);
    return args;
}

// ---------------------------------------------------------------------------------------
// The child: one scenario in a fresh process.

/// Milliseconds since this process was started.
class Timeline
{
public:
    Timeline() : m_offsetMs(secondsSinceProcessStart() * 1000.0) { m_clock.start(); }
    double nowMs() const { return m_offsetMs + double(m_clock.nsecsElapsed()) / 1e6; }

private:
    double m_offsetMs;
    QElapsedTimer m_clock;
};

/// A 1 ms timer on the GUI thread: how late each fire comes is how long the event loop
/// was kept from the user's input and paints.
class GapProbe : public QObject
{
public:
    explicit GapProbe(QObject *parent) : QObject(parent)
    {
        m_timer.setTimerType(Qt::PreciseTimer);
        m_timer.setInterval(1);
        connect(&m_timer, &QTimer::timeout, this, [this] {
            const qint64 now = m_clock.nsecsElapsed();
            if (m_last >= 0)
                m_gapsMs << qMax(0.0, double(now - m_last) / 1e6 - 1.0);
            m_last = now;
        });
    }
    void start()
    {
        m_gapsMs.clear();
        m_gapsMs.reserve(64 * 1024);
        m_last = -1;
        m_clock.start();
        m_timer.start();
    }
    bool running() const { return m_timer.isActive(); }
    QList<double> stop()
    {
        m_timer.stop();
        return std::exchange(m_gapsMs, {});
    }

private:
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_last = -1;
    QList<double> m_gapsMs;
};

/// Calls back once the paint pass that painted a widget has finished (the callback is
/// queued behind it, so the whole pass and its flush to the window are included).
class PaintWatch : public QObject
{
public:
    explicit PaintWatch(QObject *parent) : QObject(parent) {}
    void watch(QObject *o) { o->installEventFilter(this); }
    void afterNextPaint(QObject *target, std::function<void()> done)
    {
        m_waiting.append({target, std::move(done)});
    }
    bool pending(QObject *target) const
    {
        return std::any_of(m_waiting.cbegin(), m_waiting.cend(),
                           [target](const auto &w) { return w.first == target; });
    }
    void cancel(QObject *target)
    {
        m_waiting.removeIf([target](const auto &w) { return w.first == target; });
    }
    void cancelAll() { m_waiting.clear(); }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() != QEvent::Paint || m_waiting.isEmpty())
            return false;
        // A window's paint pass paints its children; the window itself may get none.
        const auto *widget = qobject_cast<QWidget *>(watched);
        const QObject *window = widget ? widget->window() : nullptr;
        for (qsizetype i = 0; i < m_waiting.size();) {
            if (m_waiting[i].first == watched || m_waiting[i].first == window) {
                QMetaObject::invokeMethod(this, m_waiting.takeAt(i).second, Qt::QueuedConnection);
            } else {
                ++i;
            }
        }
        return false;
    }

private:
    QList<std::pair<QObject *, std::function<void()>>> m_waiting;
};

/// Drives one scenario inside the application's own event loop: connecting, warm-up,
/// steady polling, a probed polling window, then typing into the filter.
class GuiRun : public QObject
{
public:
    GuiRun(const Options &o, app::ApplicationCore &core, views::MainWindow &window)
        : m_options(o), m_core(core), m_window(window), m_probe(new GapProbe(this)),
          m_paint(new PaintWatch(this))
    {
        m_result.hosts = o.hosts;
        m_result.vms = o.vms;
        m_result.warmupSeconds = o.warmupSeconds;
        m_result.steadySeconds = o.steadySeconds;
        m_result.daemon = o.daemonPid > 0;
        // Until the first paint, every widget's paint events (the window's own first pass
        // may paint only its children); afterwards the tree's viewport only.
        qApp->installEventFilter(m_paint);
        m_paint->watch(m_window.tree()->viewport());
        m_paint->afterNextPaint(&m_window, [this] {
            m_result.firstPaintMs = m_time.nowMs();
            qApp->removeEventFilter(m_paint);
        });
        QAbstractItemModel *shown = m_window.tree()->model();
        connect(shown, &QAbstractItemModel::rowsInserted, this, &GuiRun::checkInventory);
        connect(shown, &QAbstractItemModel::rowsRemoved, this, &GuiRun::checkInventory);
        connect(shown, &QAbstractItemModel::modelReset, this, &GuiRun::checkInventory);
        connect(shown, &QAbstractItemModel::layoutChanged, this, &GuiRun::checkInventory);
    }

    /// Called from the event loop's first turn.
    void start()
    {
        m_probe->start(); // the connecting window
        checkInventory();
        const double untilWarm = m_options.warmupSeconds * 1000.0 - m_time.nowMs();
        QTimer::singleShot(int(qMax(0.0, untilWarm)), this, &GuiRun::endWarmup);
    }

    void setStartup(const QList<std::pair<QString, double>> &steps)
    {
        m_result.startupMs = steps;
        QStringList text;
        for (const auto &[step, ms] : steps)
            text << u"%1 %2 ms"_s.arg(step).arg(ms, 0, 'f', 0);
        progress(u"start: "_s + text.join(u", "_s));
    }

    void fail(const QString &error)
    {
        if (!m_result.error.isEmpty())
            return;
        m_result.error = error;
        fprintf(stderr, "crossvirt-bench: %s: %s\n", qPrintable(m_result.label()),
                qPrintable(error));
        finish(1);
    }

private:
    void progress(const QString &text)
    {
        fprintf(stderr, "crossvirt-bench: %s at %.1f s: %s\n", qPrintable(m_result.label()),
                m_time.nowMs() / 1000.0, qPrintable(text));
    }

    // Every VM of every host is in the model the tree shows (host → VM).
    bool inventoryComplete() const
    {
        const QAbstractItemModel *m = m_window.tree()->model();
        if (m->rowCount() != m_options.hosts)
            return false;
        for (int h = 0; h < m_options.hosts; ++h) {
            if (m->rowCount(m->index(h, 0)) != m_options.vms)
                return false;
        }
        return true;
    }

    void checkInventory()
    {
        if (m_result.inventoryModelMs >= 0 || !inventoryComplete())
            return;
        m_result.inventoryModelMs = m_time.nowMs();
        m_paint->afterNextPaint(m_window.tree()->viewport(),
                                [this] { inventoryShown(m_time.nowMs()); });
        // A tree that never repaints after its last rows would hang the run: give up on
        // "on screen" (reported as not measured) after 3 s.
        QTimer::singleShot(3000, this, [this] {
            if (!m_inventoryShownDone) {
                m_paint->cancel(m_window.tree()->viewport());
                progress(u"the tree did not repaint within 3 s of the full inventory"_s);
                inventoryShown(-1);
            }
        });
    }

    void inventoryShown(double ms)
    {
        m_inventoryShownDone = true;
        m_result.inventoryShownMs = ms;
        m_result.cpuToInventorySeconds = sampleSelf().cpuSeconds;
        if (m_options.daemonPid > 0)
            m_result.daemonCpuToInventorySeconds = sampleProcess(m_options.daemonPid).cpuSeconds;
        m_result.loopConnecting = percentiles(m_probe->stop());
        progress(u"full inventory on screen"_s);
    }

    void endWarmup()
    {
        if (!m_inventoryShownDone) { // a slow machine: wait for the inventory first
            if (m_time.nowMs() > 300'000.0)
                return fail(u"the inventory was not complete after 300 s"_s);
            QTimer::singleShot(200, this, &GuiRun::endWarmup);
            return;
        }
        const ProcSample s = sampleSelf();
        m_result.warmupCpuSeconds = s.cpuSeconds;
        m_steadyStartCpu = s.cpuSeconds;
        if (m_options.daemonPid > 0)
            m_daemonSteadyStartCpu = sampleProcess(m_options.daemonPid).cpuSeconds;
        m_steadyClock.start();
        progress(u"warm-up over; measuring %1 s of steady polling"_s.arg(m_options.steadySeconds));
        QTimer::singleShot(m_options.steadySeconds * 1000, this, &GuiRun::endSteady);
    }

    void endSteady()
    {
        const ProcSample s = sampleSelf();
        const double minutes = double(m_steadyClock.nsecsElapsed()) / 60e9;
        m_result.steadyCpuPerMinute = (s.cpuSeconds - m_steadyStartCpu) / minutes;
        m_result.rssMB = s.rssMB;
        if (m_options.daemonPid > 0) {
            const ProcSample d = sampleProcess(m_options.daemonPid);
            if (d.cpuSeconds < 0 || m_daemonSteadyStartCpu < 0)
                return fail(u"libvirtd (pid %1) is gone"_s.arg(m_options.daemonPid));
            m_result.daemonSteadyCpuPerMinute = (d.cpuSeconds - m_daemonSteadyStartCpu) / minutes;
            m_result.daemonRssMB = d.rssMB;
        }
        // The probe costs CPU itself (1000 wake-ups a second), so it runs in a window of
        // its own, after the CPU figures.
        progress(u"measuring the event loop for %1 s of polling"_s.arg(m_options.latencySeconds));
        m_probe->start();
        QTimer::singleShot(m_options.latencySeconds * 1000, this, [this] {
            m_result.loopPolling = percentiles(m_probe->stop());
            startTyping();
        });
    }

    // Types a VM's name into the filter one key at a time, then deletes it, then types
    // and deletes "vm": narrowing and widening the tree over every VM.
    void startTyping()
    {
        const int host = qMin(1, m_options.hosts - 1);
        const QString name = benchVmName(host, qMin(42, m_options.vms - 1));
        for (QChar c : name)
            m_keys << Key(char(c.toLatin1()));
        for (qsizetype i = 0; i < name.size(); ++i)
            m_keys << Key(Qt::Key_Backspace);
        m_keys << Key('v') << Key('m') << Key(Qt::Key_Backspace) << Key(Qt::Key_Backspace);
        m_window.activateWindow();
        m_window.filterEdit()->setFocus(Qt::ShortcutFocusReason);
        progress(u"typing %1 keys into the filter"_s.arg(m_keys.size()));
        QTimer::singleShot(100, this, &GuiRun::typeNext);
    }

    void typeNext()
    {
        if (m_keys.isEmpty()) {
            m_result.keystroke = percentiles(m_strokeMs);
            m_result.keystrokeSamples = m_strokeMs;
            m_result.keystrokeSync = percentiles(m_strokeSyncMs);
            return finish(0);
        }
        const Key key = m_keys.takeFirst();
        QLineEdit *edit = m_window.filterEdit();
        const int stroke = ++m_strokeNo;
        // Did the key change the tree's rows? A key that leaves the same VMs shown (the
        // next letter of a name every VM has) paints nothing: its next paint would be a
        // statistics tick's, seconds later, and not the key's cost.
        bool rowsChanged = false;
        QAbstractItemModel *shown = m_window.tree()->model();
        const auto changed = [&rowsChanged] { rowsChanged = true; };
        const QList<QMetaObject::Connection> watches{
            connect(shown, &QAbstractItemModel::rowsInserted, this, changed),
            connect(shown, &QAbstractItemModel::rowsRemoved, this, changed),
            connect(shown, &QAbstractItemModel::rowsMoved, this, changed),
            connect(shown, &QAbstractItemModel::layoutChanged, this, changed),
            connect(shown, &QAbstractItemModel::modelReset, this, changed)};
        const double t0 = m_time.nowMs();
        if (const auto *c = std::get_if<char>(&key))
            QTest::keyClick(edit, *c);
        else
            QTest::keyClick(edit, std::get<Qt::Key>(key));
        const double sync = m_time.nowMs() - t0;
        for (const QMetaObject::Connection &c : std::as_const(watches))
            disconnect(c);
        m_strokeSyncMs << sync;
        if (!rowsChanged) {
            ++m_result.keystrokesUnpainted;
            m_strokeMs << sync;
            QTimer::singleShot(100, this, &GuiRun::typeNext);
            return;
        }
        // The first paint of the tree after the re-filter puts the result on screen.
        QWidget *viewport = m_window.tree()->viewport();
        m_paint->afterNextPaint(viewport, [this, t0] {
            m_strokeMs << m_time.nowMs() - t0;
            QTimer::singleShot(100, this, &GuiRun::typeNext); // a fast typist's pace
        });
        QTimer::singleShot(1000, this, [this, stroke, sync, viewport] {
            if (stroke != m_strokeNo || !m_paint->pending(viewport))
                return;
            // Nothing on screen changed: the key cost what the event took.
            m_paint->cancel(viewport);
            ++m_result.keystrokesUnpainted;
            m_strokeMs << sync;
            typeNext();
        });
    }

    void finish(int exitCode)
    {
        m_probe->stop();
        m_paint->cancelAll();
        // A figure that could not be taken is a failed run, not a silent dash.
        if (m_result.error.isEmpty()) {
            if (m_result.firstPaintMs < 0)
                m_result.error = u"the main window was never painted"_s;
            else if (m_result.inventoryShownMs < 0)
                m_result.error = u"the tree was not painted after the full inventory"_s;
            else if (m_result.keystroke.count == 0)
                m_result.error = u"no keystroke was measured"_s;
            if (!m_result.error.isEmpty())
                exitCode = 1;
        }
        m_result.peakRssMB = sampleSelf().peakRssMB;
        if (m_options.daemonPid > 0)
            m_result.daemonPeakRssMB = sampleProcess(m_options.daemonPid).peakRssMB;
        m_result.statsIntervalSeconds = m_core.stats()->settings().intervalSeconds;
        m_result.statsPolls = m_result.statsSkipped = 0;
        for (models::StatsCollector *c : m_core.stats()->collectors()) {
            m_result.statsPolls += c->ticksPolled();
            m_result.statsSkipped += c->ticksSkipped();
        }
        QFile out(m_options.resultFile);
        if (!out.open(QIODevice::WriteOnly) ||
            out.write(QJsonDocument(m_result.toJson()).toJson()) < 0) {
            fprintf(stderr, "crossvirt-bench: cannot write %s\n", qPrintable(out.fileName()));
            exitCode = 1;
        }
        out.close();
        QCoreApplication::exit(exitCode);
    }

    using Key = std::variant<char, Qt::Key>;

    const Options m_options;
    app::ApplicationCore &m_core;
    views::MainWindow &m_window;
    Timeline m_time;
    GapProbe *m_probe;
    PaintWatch *m_paint;
    GuiResult m_result;
    bool m_inventoryShownDone = false;
    double m_steadyStartCpu = 0;
    double m_daemonSteadyStartCpu = -1;
    QElapsedTimer m_steadyClock;
    QList<Key> m_keys;
    int m_strokeNo = 0;
    QList<double> m_strokeMs;
    QList<double> m_strokeSyncMs;
};

// The same steps as app/gui/main.cpp's runGui(), with the saved connection list (the
// driver wrote it into this process's private XDG_CONFIG_HOME) as a user's start has.
int runChild(int argc, char **argv)
{
    const Timeline time;
    QList<std::pair<QString, double>> startup{{u"main() entered"_s, time.nowMs()}};
    QApplication app(argc, argv);
    const Options options = OptionSet().parse(QCoreApplication::arguments());
    if (options.hosts < 1 || options.resultFile.isEmpty()) {
        fprintf(stderr, "crossvirt-bench: --gui-child needs --hosts and --result-file\n");
        return 2;
    }
    app::setUpApplication(app);
    views::applyTheme(views::savedThemeChoice());
    QApplication::setWindowIcon(views::applicationIcon());
    QGuiApplication::setDesktopFileName(u"io.github.crossvirt.Crossvirt"_s);
    QApplication::setApplicationDisplayName(QCoreApplication::translate("main", "Crossvirt"));
    startup.append({u"application set up"_s, time.nowMs()});

    int rc = 0;
    {
        app::ApplicationCore core;
        views::MainWindow window(core.windowModels());
        auto *credentials = new views::CredentialDialogProvider(&window);
        credentials->setSecretStore(core.secrets());
        QObject::connect(credentials, &views::CredentialDialogProvider::secretStoreFailed, &window,
                         [&window](const QString &error) {
                             window.reportError(
                                 QCoreApplication::translate("main", "Saved passwords"), error);
                         });
        core.datacenter()->setCredentialProvider(credentials);
        startup.append({u"core and window built"_s, time.nowMs()});
        GuiRun run(options, core, window); // watches the window before anything is shown
        views::holdHostsUntilPainted(&window, core.datacenter());
        const QString loadError = core.open();
        startup.append({u"saved hosts opened"_s, time.nowMs()});
        window.show();
        startup.append({u"window.show() returned"_s, time.nowMs()});
        QTimer::singleShot(0, &run, [&run, &startup, &time, loadError] {
            startup.append({u"event loop running"_s, time.nowMs()});
            run.setStartup(startup);
            if (!loadError.isEmpty())
                run.fail(u"the saved connection list: "_s + loadError);
            else
                run.start();
        });
        rc = QApplication::exec();
    }
    models::HostSession::waitForStoppingWorkers(3000);
    return rc;
}

// ---------------------------------------------------------------------------------------
// The driver: host files and a private configuration per scenario, one child each.

GuiResult runScenario(const Options &o, int hosts, int vms)
{
    GuiResult failed;
    failed.hosts = hosts;
    failed.vms = vms;
    failed.daemon = o.daemon;
    QTemporaryDir dir(QDir::tempPath() + u"/crossvirt-bench-XXXXXX"_s);
    // Declared after `dir`, so it is stopped before its folder is removed, on every return.
    std::optional<PrivateLibvirtd> daemon;
    const QString hostDir = dir.filePath(u"hosts"_s);
    const QString config = dir.filePath(u"config"_s);
    if (!dir.isValid() || !QDir().mkpath(hostDir) || !QDir().mkpath(config + u"/crossvirt"_s)) {
        failed.error = u"cannot create a temporary directory"_s;
        return failed;
    }
    fprintf(stderr, "crossvirt-bench: %d host(s) × %d VMs: writing the host files\n", hosts, vms);
    if (o.daemon) {
        daemon.emplace(dir.filePath(u"libvirtd"_s));
        if (const QString error = daemon->start(); !error.isEmpty()) {
            failed.error = error;
            return failed;
        }
        fprintf(stderr, "crossvirt-bench: private libvirtd pid %lld\n", qlonglong(daemon->pid()));
    }
    QList<models::SavedConnection> connections;
    for (int h = 0; h < hosts; ++h) {
        const QString path = hostDir + u"/bench-host-%1.xml"_s.arg(h);
        if (!writeHostFile(path, h, vms)) {
            failed.error = u"cannot write "_s + path;
            return failed;
        }
        connections.append(
            {daemon ? daemon->uriFor(path) : u"test://"_s + path, u"bench-h%1"_s.arg(h), true});
    }
    // The daemon really serves these files with its test driver (and nothing else).
    if (daemon) {
        if (const QString error = daemon->check(hostDir + u"/bench-host-0.xml"_s, vms);
            !error.isEmpty()) {
            failed.error = error + u'\n' + daemon->logTail();
            return failed;
        }
    }
    const QString saveError =
        models::ConnectionStore(config + u"/crossvirt/connections.json"_s).save(connections);
    if (!saveError.isEmpty()) {
        failed.error = saveError;
        return failed;
    }

    // A private configuration: the user's connections, layout and settings are neither
    // read nor touched, and every run starts as the same first start.
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"XDG_CONFIG_HOME"_s, config);
    env.insert(u"XDG_DATA_HOME"_s, dir.filePath(u"data"_s));
    env.insert(u"XDG_CACHE_HOME"_s, dir.filePath(u"cache"_s));
    env.insert(u"XDG_STATE_HOME"_s, dir.filePath(u"state"_s));
    env.remove(u"CROSSVIRT_CONFIG_DIR"_s);
    if (!env.contains(u"QT_QPA_PLATFORM"_s))
        env.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
    // The probe in this idle process first: the latency the machine adds by itself.
    GapProbe idle(nullptr);
    idle.start();
    QEventLoop wait;
    QTimer::singleShot(3000, &wait, &QEventLoop::quit);
    wait.exec();
    const Percentiles idleBaseline = percentiles(idle.stop());

    const QString resultFile = dir.filePath(u"result.json"_s);
    QProcess child;
    child.setProcessEnvironment(env);
    child.setProcessChannelMode(QProcess::ForwardedChannels);
    // A killed bench leaves no window measuring on (nor a libvirtd, see PrivateLibvirtd).
    child.setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGKILL); });
    QStringList childArguments{u"--gui-child"_s,
                               u"--hosts"_s,
                               QString::number(hosts),
                               u"--vms"_s,
                               QString::number(vms),
                               u"--warmup"_s,
                               QString::number(o.warmupSeconds),
                               u"--seconds"_s,
                               QString::number(o.steadySeconds),
                               u"--latency-seconds"_s,
                               QString::number(o.latencySeconds),
                               u"--result-file"_s,
                               resultFile};
    if (daemon)
        childArguments << u"--daemon-pid"_s << QString::number(daemon->pid());
    child.start(QCoreApplication::applicationFilePath(), childArguments);
    const int budgetMs =
        (o.warmupSeconds + o.steadySeconds + o.latencySeconds + 360) * 1000; // + connect, typing
    if (!child.waitForFinished(budgetMs)) {
        child.kill();
        child.waitForFinished(5000);
        failed.error = u"the run did not finish within %1 s"_s.arg(budgetMs / 1000);
        return failed;
    }
    QFile f(resultFile);
    if (!f.open(QIODevice::ReadOnly)) {
        failed.error = u"no result (exit code %1)"_s.arg(child.exitCode());
        return failed;
    }
    GuiResult result = GuiResult::fromJson(QJsonDocument::fromJson(f.readAll()).object());
    result.loopIdleBaseline = idleBaseline;
    if (daemon && daemon->pid() > 0 && sampleProcess(daemon->pid()).cpuSeconds < 0 &&
        result.error.isEmpty())
        result.error = u"libvirtd exited during the run:\n"_s + daemon->logTail();
    return result;
}

/// The exit code when --daemon cannot run on this machine (CTest's SKIP_RETURN_CODE).
constexpr int kCannotRun = 77;

int runDriver(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const Options o = OptionSet().parse(QCoreApplication::arguments());
    if (!o.hostFilePath.isEmpty()) {
        if (writeHostFile(o.hostFilePath, o.hostNo, o.vms))
            return 0;
        fprintf(stderr, "crossvirt-bench: cannot write %s\n", qPrintable(o.hostFilePath));
        return 1;
    }
    if (o.daemon) {
        if (const QString why = PrivateLibvirtd::cannotRun(); !why.isEmpty()) {
            fprintf(stderr, "crossvirt-bench: --daemon: %s\n", qPrintable(why));
            return kCannotRun;
        }
    }
    QList<std::pair<int, int>> scenarios; // hosts, VMs per host
    if (o.scale) {
        for (int total : {1000, 5000, 10000, 20000})
            scenarios.append({10, total / 10});
    } else if (o.hosts > 0) {
        scenarios.append({o.hosts, o.vms});
    } else {
        scenarios = {{1, 1000}, {10, 1000}, {100, 100}};
    }
    std::optional<GuiResult> compare;
    if (!o.compareFile.isEmpty()) {
        QFile f(o.compareFile);
        if (!f.open(QIODevice::ReadOnly)) {
            fprintf(stderr, "crossvirt-bench: cannot read %s\n", qPrintable(o.compareFile));
            return 1;
        }
        compare = GuiResult::fromJson(QJsonDocument::fromJson(f.readAll()).object());
    }
    const QString machine = describeMachine(); // the load average before the runs
    QList<GuiResult> results;
    for (const auto &[hosts, vms] : scenarios)
        results << runScenario(o, hosts, vms);

    const TableStyle style = o.markdown ? TableStyle::Markdown : TableStyle::Text;
    QStringList command = o.arguments;
    command[0] = QFileInfo(command[0]).fileName();
    const int interval = results.first().statsIntervalSeconds;
    QString text = u"Crossvirt main window (%1) on test-driver hosts%8, measured from /proc: "
                   "%2 s warm-up from process start, then %3 s steady polling at the %4 s "
                   "interval, then %5 s of polling with a 1 ms event-loop probe, then 22 "
                   "keystrokes into the filter.\nMachine: %6.\nCommand: `%7`.\n"_s.arg(
                       qEnvironmentVariable("QT_QPA_PLATFORM", u"offscreen"_s),
                       QString::number(o.warmupSeconds), QString::number(o.steadySeconds),
                       interval > 0 ? QString::number(interval) : u"?"_s,
                       QString::number(o.latencySeconds), machine, command.join(u' '),
                       o.daemon ? u" served by a private libvirtd per scenario "
                                  "(test+unix://FILE?socket=…; the rows \"libvirtd (the "
                                  "hosts)\" are that daemon, every other row is the Crossvirt "
                                  "process alone)"_s
                                : QString());
    if (style == TableStyle::Markdown) // one paragraph per line
        text.replace(u'\n', u"\n\n"_s);
    else
        text += u'\n';
    text += o.scale ? scaleTable(results, style)
                    : scenarioTable(results, style, compare ? &*compare : nullptr);
    fputs(qPrintable(text), stdout);
    fflush(stdout);

    if (!o.jsonFile.isEmpty()) {
        QJsonArray all;
        for (const GuiResult &r : results)
            all.append(r.toJson());
        QJsonObject doc{
            {u"machine"_s, machine}, {u"command"_s, command.join(u' ')}, {u"results"_s, all}};
        if (compare)
            doc.insert(u"compare"_s, compare->toJson());
        QFile f(o.jsonFile);
        if (!f.open(QIODevice::WriteOnly) || f.write(QJsonDocument(doc).toJson()) < 0) {
            fprintf(stderr, "crossvirt-bench: cannot write %s\n", qPrintable(o.jsonFile));
            return 1;
        }
    }
    for (const GuiResult &r : results) {
        if (!r.error.isEmpty())
            return 1;
    }
    return 0;
}

} // namespace

bool wantsGuiBench(int argc, char **argv)
{
    for (const QString &a : argumentList(argc, argv).mid(1)) {
        if (a == u"--gui" || a == u"--gui-child" || a == u"--write-host-file" ||
            a.startsWith(u"--write-host-file="))
            return true;
    }
    return false;
}

int runGuiBench(int argc, char **argv)
{
    if (argumentList(argc, argv).contains(u"--gui-child"_s))
        return runChild(argc, argv);
    return runDriver(argc, argv);
}

} // namespace crossvirt::bench
