// SPDX-License-Identifier: GPL-3.0-or-later
// The metric history of a large fleet over an accelerated soak: a synthetic feed at the rate
// the console polls real agents (every site every 5 s; 5 metrics per component and the lag of
// each replication link), with a simulated clock so that a day passes in minutes. Prints:
//   rss at the start, after 1 h and after the whole soak (memory must stay flat once the live
//   ring is full), the GUI thread's cost per poll (ring + hand-over), the worker's cost per
//   sample, the file size, and the time to load one component's 30-day trend.
//
//   history [--components N] [--hours H] [--interval-seconds S] [--dir PATH]

#include "benchsupport.h"
#include "models/store/metricarchive.h"
#include "models/store/metrichistory.h"
#include "models/store/metricstore.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>

#include <cmath>

using namespace Haven;
using namespace Haven::Bench;

namespace {

constexpr int ComponentsPerSite = 10;
constexpr int LinksPerSite = 2;

// Resident set size of this process, bytes (Linux).
double rssBytes()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').first().toDouble() * 1024;
    }
    return 0;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption componentsOption(QStringLiteral("components"), QStringLiteral("Components."),
                                              QStringLiteral("N"), QStringLiteral("10000"));
    const QCommandLineOption hoursOption(QStringLiteral("hours"), QStringLiteral("Simulated hours."),
                                         QStringLiteral("H"), QStringLiteral("24"));
    const QCommandLineOption intervalOption(QStringLiteral("interval-seconds"), QStringLiteral("Poll interval."),
                                            QStringLiteral("S"), QStringLiteral("5"));
    const QCommandLineOption dirOption(QStringLiteral("dir"), QStringLiteral("Where the file goes."),
                                       QStringLiteral("PATH"));
    parser.addOptions({componentsOption, hoursOption, intervalOption, dirOption});
    parser.process(app);
    const int sites = std::max(1, parser.value(componentsOption).toInt() / ComponentsPerSite);
    const double hours = parser.value(hoursOption).toDouble();
    const qint64 interval = qint64(parser.value(intervalOption).toDouble() * 1000);
    QTemporaryDir temporary;
    const QString dir = parser.isSet(dirOption) ? parser.value(dirOption) : temporary.path();
    const QString path = QDir(dir).filePath(QStringLiteral("metric-history.db"));
    QFile::remove(path);
    QTextStream out(stdout);

    // The fleet's polls, made once: a poll per site with its samples' keys.
    const QStringList metrics = {QStringLiteral("cpu"), QStringLiteral("memory"), QStringLiteral("qps"),
                                 QStringLiteral("latencyMs"), QStringLiteral("capacity")};
    QList<MetricPoll> polls;
    for (int s = 0; s < sites; ++s) {
        const QString site = QStringLiteral("site-%1").arg(s, 4, 10, QLatin1Char('0'));
        MetricPoll poll{site, 0, {}};
        for (int c = 0; c < ComponentsPerSite; ++c) {
            for (const QString &metric : metrics)
                poll.samples.append(
                    MetricSample{MetricHistory::seriesKey(site, QStringLiteral("%1-c%2").arg(site).arg(c), metric), 0});
        }
        for (int l = 0; l < LinksPerSite; ++l) {
            poll.samples.append(
                MetricSample{MetricHistory::seriesKey(site, QStringLiteral("link:%1-l%2").arg(site).arg(l),
                                                      QStringLiteral("lagSeconds")),
                             0});
        }
        polls.append(poll);
    }
    const qint64 seriesCount = qint64(sites) * (ComponentsPerSite * metrics.size() + LinksPerSite);
    printFigure(out, "series", double(seriesCount), "count");

    // The soak ends now, so that the trend load below reads the tiers as a console would.
    const qint64 rounds = qint64(hours * 3600'000 / double(interval));
    const qint64 end = QDateTime::currentMSecsSinceEpoch();
    const qint64 start = end - rounds * interval;
    MetricHistory history;
    // The worker writes once per simulated minute: the same share of the samples per write.
    MetricArchive::Settings settings;
    settings.handOverMs = 1'000'000'000; // handed over by the loop below, once per round
    settings.flushMs = 1'000'000'000;
    settings.pruneMs = 1'000'000'000;
    auto archive = std::make_unique<MetricArchive>(settings);
    archive->open(path);
    printFigure(out, "rss_start", rssBytes() / 1048576.0, "MiB");

    QElapsedTimer wall;
    wall.start();
    double guiNs = 0;
    qint64 guiPolls = 0;
    const qint64 roundsPerFlush = std::max<qint64>(1, 60'000 / interval);
    const qint64 roundsPerHour = 3600'000 / interval;
    for (qint64 round = 0; round < rounds; ++round) {
        const qint64 now = start + round * interval;
        QElapsedTimer gui;
        gui.start();
        for (MetricPoll &poll : polls) {
            poll.timeMs = now;
            for (qsizetype i = 0; i < poll.samples.size(); ++i)
                poll.samples[i].value = 50 + 30 * std::sin(double(now) / 600'000.0 + double(i));
            history.add(poll);
            archive->record(poll);
        }
        guiNs += double(gui.nsecsElapsed());
        guiPolls += polls.size();
        // Once a simulated minute the worker writes (what its timer does in the console).
        if ((round + 1) % roundsPerFlush == 0)
            archive->sync();
        else
            QCoreApplication::processEvents(); // the hand-over timer
        if (round + 1 == roundsPerHour)
            printFigure(out, "rss_1h", rssBytes() / 1048576.0, "MiB");
    }
    archive->sync();
    printFigure(out, QStringLiteral("rss_%1h").arg(hours), rssBytes() / 1048576.0, "MiB");
    printFigure(out, "soak_wall_seconds", double(wall.elapsed()) / 1000.0, "s");
    printFigure(out, "gui_cost_per_poll", guiNs / double(guiPolls) / 1000.0, "us");
    printFigure(out, "gui_cost_per_round", guiNs / double(rounds) / 1e6, "ms");
    printFigure(out, "worker_cost_per_sample", double(archive->writeNanoseconds()) / double(rounds * seriesCount), "ns");
    printFigure(out, "worker_cost_per_round", double(archive->writeNanoseconds()) / double(rounds) / 1e6, "ms");
    printFigure(out, "ring_bytes", double(history.memoryBytes()) / 1048576.0, "MiB");
    archive.reset(); // writes the buckets still filling
    MetricStore store;
    store.open(path);
    printFigure(out, "file_bytes", double(store.fileBytes()) / 1048576.0, "MiB");
    for (int tier = 0; tier < MetricTiers::Count; ++tier)
        printFigure(out, QStringLiteral("blocks_tier%1").arg(tier), double(store.blockCount(tier)), "count");

    // One component's 30-day trend, five series (what the component details ask for): a
    // component with a full month behind it, a sample every 5 minutes.
    QStringList component;
    for (const QString &metric : metrics)
        component.append(MetricHistory::seriesKey(QStringLiteral("seed"), QStringLiteral("seed-c0"), metric));
    for (qint64 t = end - 31 * MetricTiers::Day; t < end; t += 5 * MetricTiers::Minute) {
        MetricPoll poll{QStringLiteral("seed"), t, {}};
        for (const QString &key : std::as_const(component))
            poll.samples.append(MetricSample{key, 50 + 30 * std::sin(double(t) / 3600'000.0)});
        store.add(poll);
    }
    store.flush(true);
    store.prune(end);
    QList<double> loads;
    for (int i = 0; i < 5; ++i) {
        QElapsedTimer load;
        load.start();
        const TrendResult trend = store.loadTrend(component, end - 30 * MetricTiers::Day, end, end);
        loads.append(double(load.nsecsElapsed()) / 1e6);
        if (i == 0)
            printFigure(out, "trend_30d_points", double(trend.series.value(component.first()).size()), "count");
    }
    printFigure(out, "trend_30d_load", median(loads), "ms");
    QList<double> dayLoads;
    for (int i = 0; i < 5; ++i) {
        QElapsedTimer load;
        load.start();
        store.loadTrend(component, end - MetricTiers::Day, end, end);
        dayLoads.append(double(load.nsecsElapsed()) / 1e6);
    }
    printFigure(out, "trend_24h_load", median(dayLoads), "ms");
    return 0;
}
