// SPDX-License-Identifier: GPL-3.0-or-later
// The console's fleet monitor against 1,000 simulated sites on loopback (one agent process
// serving them all, each on its own port). Prints "figure_name value unit"; not run by ctest.

#include "app/agents/curlengine.h"
#include "app/fleet/fleetmonitor.h"
#include "benchsupport.h"
#include "models/environment/environment.h"
#include "models/store/localstore.h"
#include "models/store/metrichistory.h"
#include "models/topology/componentmodel.h"
#include "models/topology/fleettopology.h"
#include "models/topology/topologycache.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTextStream>
#include <QThread>
#include <QTimer>

#include <algorithm>
#include <cstdio>

using namespace Haven;
using namespace Haven::Bench;

namespace {

// Runs one pass of the monitor over every site and returns its wall time in ms.
double timedPass(FleetMonitor &monitor)
{
    QEventLoop loop;
    QElapsedTimer timer;
    timer.start();
    monitor.refreshOnce([&] { loop.quit(); });
    loop.exec();
    return timer.nsecsElapsed() / 1e6;
}

void spin(int milliseconds)
{
    QEventLoop loop;
    QTimer::singleShot(milliseconds, &loop, &QEventLoop::quit);
    loop.exec();
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Fleet monitor figures against many simulated sites."));
    parser.addHelpOption();
    parser.addOption({QStringLiteral("sites"), QStringLiteral("Sites."), QStringLiteral("n"), QStringLiteral("1000")});
    parser.addOption({QStringLiteral("components"), QStringLiteral("Components per site."), QStringLiteral("n"),
                      QStringLiteral("10")});
    parser.addOption({QStringLiteral("cpu-seconds"), QStringLiteral("How long to measure CPU at a 5 s interval."),
                      QStringLiteral("s"), QStringLiteral("30")});
    parser.process(app);
    QTextStream out(stdout);
    const int sites = parser.value(QStringLiteral("sites")).toInt();

    rlimit files{};
    if (getrlimit(RLIMIT_NOFILE, &files) == 0) {
        files.rlim_cur = files.rlim_max;
        setrlimit(RLIMIT_NOFILE, &files);
    }

    QTemporaryDir dir;
    const QString fleetFile = dir.filePath(QStringLiteral("fleet.json"));
    QProcess agent;
    agent.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    agent.start(QStringLiteral(HAVEN_AGENT_BINARY),
                {QStringLiteral("--bench-fleet"), fleetFile, QStringLiteral("--sites"), QString::number(sites),
                 QStringLiteral("--components"), parser.value(QStringLiteral("components"))});
    QDeadlineTimer deadline(120'000);
    while (!QFileInfo::exists(fleetFile)) {
        if (agent.state() == QProcess::NotRunning || deadline.hasExpired()) {
            fprintf(stderr, "fleet: the bench agent did not start\n");
            return 1;
        }
        QThread::msleep(50);
    }

    QHash<QString, QByteArray> tokens;
    QString error;
    const std::optional<Environment> environment = Environment::load(fleetFile, &tokens, &error);
    if (!environment) {
        fprintf(stderr, "fleet: %s\n", qPrintable(error));
        return 1;
    }

    LocalStore store;
    store.open(dir.filePath(QStringLiteral("haven.db")));
    CurlEngine engine;
    FleetTopology topology;
    MetricHistory history;
    FleetMonitor monitor(engine, topology);
    monitor.setStore(&store);
    monitor.setHistory(&history);
    FleetMonitor::Settings settings;
    settings.longPoll = false;
    monitor.setSettings(settings);
    monitor.setEnvironment(*environment, tokens);

    const double first = timedPass(monitor);
    printFigure(out, "sites", sites, "count");
    printFigure(out, "components", topology.componentCount(), "count");
    printFigure(out, "initial_sync_all_sites", first, "ms");
    int online = 0;
    for (const QString &id : topology.siteIds())
        online += topology.site(id)->reachability != Reachability::Unreachable ? 1 : 0;
    printFigure(out, "sites_online_after_sync", online, "count");

    QList<double> cycles;
    for (int i = 0; i < 7; ++i) {
        spin(1000); // let the sites drift so the cycle carries real changes
        cycles.append(timedPass(monitor));
    }
    printFigure(out, "full_refresh_cycle_median", median(cycles), "ms");
    printFigure(out, "full_refresh_cycle_max", *std::max_element(cycles.cbegin(), cycles.cend()), "ms");

    // CPU at a 5 s refresh interval: one pass every 5 s, measured over the whole window.
    const int window = parser.value(QStringLiteral("cpu-seconds")).toInt() * 1000;
    const double cpuBefore = cpuSeconds();
    QElapsedTimer wall;
    wall.start();
    while (wall.elapsed() < window) {
        const qint64 passStart = wall.elapsed();
        timedPass(monitor);
        spin(int(std::max<qint64>(0, 5000 - (wall.elapsed() - passStart))));
    }
    const double cpuShare = 100.0 * (cpuSeconds() - cpuBefore) / (wall.elapsed() / 1000.0);
    printFigure(out, "console_cpu_polling_5s", cpuShare, "%_of_one_core");

    // The same with the long-poll the console really uses: each site at most once per 5 s.
    Environment longPolled = *environment;
    for (SiteEndpoint &site : longPolled.sites)
        site.refreshSeconds = 5;
    settings.longPoll = true;
    monitor.setSettings(settings);
    monitor.setEnvironment(longPolled, tokens);
    monitor.start();
    spin(6000); // everyone identified and following
    const double cpuLongBefore = cpuSeconds();
    wall.restart();
    spin(window);
    const double longShare = 100.0 * (cpuSeconds() - cpuLongBefore) / (wall.elapsed() / 1000.0);
    printFigure(out, "console_cpu_longpoll_5s", longShare, "%_of_one_core");
    monitor.stop(); // writes the cache (on the worker thread)

    // The GUI thread's longest stall while every site's state (10,000 components) is written,
    // and, for comparison, over as long with nothing to do (what the machine's load alone costs).
    {
        LongestGap gap;
        QList<double> stalls;
        QList<double> writes;
        QList<double> guiParts;
        for (int i = 0; i < 5; ++i) {
            QEventLoop loop;
            const auto written = QObject::connect(&monitor, &FleetMonitor::cacheWritten, &loop, &QEventLoop::quit);
            spin(20);
            QElapsedTimer write;
            write.start();
            gap.reset();
            monitor.writeCache(FleetMonitor::CacheWrite::All);
            guiParts.append(write.nsecsElapsed() / 1e6); // collecting the sites, on this thread
            loop.exec();
            writes.append(write.nsecsElapsed() / 1e6);
            spin(5);
            stalls.append(gap.longest());
            QObject::disconnect(written);
        }
        spin(20);
        gap.reset();
        spin(int(std::max(500.0, median(writes))));
        printFigure(out, "gui_stall_idle_max", gap.longest(), "ms");
        printFigure(out, "cache_write_all_sites_median", median(writes), "ms");
        printFigure(out, "cache_write_gui_thread_part_median", median(guiParts), "ms");
        printFigure(out, "gui_stall_during_cache_write_max", *std::max_element(stalls.cbegin(), stalls.cend()), "ms");
        printFigure(out, "gui_stall_during_cache_write_median", median(stalls), "ms");
    }
    monitor.waitForCacheWrites();
    printFigure(out, "metric_history_series", history.seriesCount(), "count");
    printFigure(out, "metric_history_memory", history.memoryBytes() / 1048576.0, "MiB");

    // From start to a ready topology model, from the cache alone, and what that time is made of:
    // opening the store (quick_check reads every page), parsing the cached documents, applying
    // them to the model (and the component model that watches it).
    QList<double> ready;
    QList<double> opening;
    QList<double> loading;
    QList<double> parsing;
    for (int i = 0; i < 5; ++i) {
        QElapsedTimer timer;
        timer.start();
        LocalStore cache;
        cache.open(dir.filePath(QStringLiteral("haven.db")));
        opening.append(timer.nsecsElapsed() / 1e6);
        FleetTopology cachedTopology;
        ComponentModel model(cachedTopology);
        FleetMonitor cachedMonitor(engine, cachedTopology);
        cachedMonitor.setStore(&cache);
        cachedMonitor.setEnvironment(*environment, tokens);
        const qint64 beforeLoad = timer.nsecsElapsed();
        cachedMonitor.loadCache();
        if (model.rowCount() != topology.componentCount())
            fprintf(stderr, "fleet: the cache gave %d components, expected %d\n", model.rowCount(),
                    topology.componentCount());
        ready.append(timer.nsecsElapsed() / 1e6);
        loading.append((timer.nsecsElapsed() - beforeLoad) / 1e6);
        QElapsedTimer parse;
        parse.start();
        const qsizetype parsed = cache.topologyCache().loadSites().size();
        parsing.append(parse.nsecsElapsed() / 1e6);
        if (parsed != sites)
            fprintf(stderr, "fleet: the cache holds %lld sites, expected %d\n", qlonglong(parsed), sites);
    }
    printFigure(out, "ready_from_cache_median", median(ready), "ms");
    printFigure(out, "ready_from_cache_max", *std::max_element(ready.cbegin(), ready.cend()), "ms");
    printFigure(out, "ready_part_open_store_median", median(opening), "ms");
    printFigure(out, "ready_part_load_cache_median", median(loading), "ms");
    printFigure(out, "ready_part_read_and_parse_median", median(parsing), "ms");

    agent.terminate();
    agent.waitForFinished(10'000);
    return 0;
}
