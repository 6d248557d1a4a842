// SPDX-License-Identifier: GPL-3.0-or-later
// The console side of the inspection figures: 1,000 rules at 3 sites on a 1-minute schedule for
// 30 days is 129,600 task runs and 130 million results. The report history keeps one summary row
// per run (the results are a blob per run, read only for the report shown), so showing 30 days
// reads 129,600 rows and draws the trend. Prints:
//   inspections_history_rows      runs in the 30-day history
//   inspections_history_load_ms   reading every summary of the 30 days (InspectionService::runs)
//   inspections_history_show_ms   what the Reports page does: the trend summed in SQL per pixel
//                                 bucket and drawn, and the newest 500 runs for the table
//   inspections_run_write_ms      storing one collected run of 1,000 results (summary, blob, risks)
//   inspections_report_open_ms    opening one run's report (1,000 results)
#include "app/inspections/inspectionservice.h"
#include "benchsupport.h"
#include "models/topology/fleettopology.h"
#include "widgets/inspections/passratetrend.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QStandardPaths>
#include <QTemporaryDir>

using namespace Haven;

namespace {

constexpr int Rules = 1000;
constexpr int Days = 30;
const QStringList Sites{QStringLiteral("sha"), QStringLiteral("shb"), QStringLiteral("hzc")};

InspectionRunRecord runOf(const QString &siteId, quint64 sequence, const QDateTime &started)
{
    InspectionRunRecord run;
    run.runId = QStringLiteral("%1-%2").arg(siteId).arg(sequence);
    run.taskId = QStringLiteral("all-rules");
    run.sequence = sequence;
    run.started = started;
    run.finished = started.addSecs(20);
    for (int i = 0; i < Rules; ++i) {
        InspectionCheckResult result;
        result.checkId = QStringLiteral("rule-%1").arg(i);
        result.target = QStringLiteral("layer:database");
        result.status = i % 97 == 0 ? InspectionStatus::Warning : InspectionStatus::Ok;
        result.summary = QStringLiteral("value %1 within limits").arg(i);
        result.output = QStringLiteral("exit code 0\nvalue %1").arg(i);
        result.durationMs = 12;
        run.results.append(result);
    }
    return run;
}

} // namespace

int main(int argc, char **argv)
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true);
    QTextStream out(stdout);
    QTemporaryDir dir;
    LocalStore store;
    store.open(dir.filePath(QStringLiteral("haven.db")));

    // The history as collection leaves it: one summary row per run. Written directly (the
    // results blobs of 129,600 runs would be 100+ GB of bench set-up; the history never reads them).
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const int perSite = Days * 24 * 60;
    store.write([&] {
        SqliteStatement insert(store.database(),
                               "INSERT INTO inspection_runs (site_id, run_id, task_id, task_revision, seq, trigger, "
                               "started_ms, finished_ms, checks, ok, warning, critical, unknown, hard_problems, "
                               "flapping, targets) VALUES (?, ?, 'all-rules', 1, ?, 'schedule', ?, ?, ?, ?, ?, 0, 0, "
                               "0, 0, 'layer:database')");
        for (const QString &site : Sites) {
            for (int i = 0; i < perSite; ++i) {
                const qint64 started = now.addSecs(-qint64(perSite - i) * 60).toMSecsSinceEpoch();
                const int warnings = 10 + (i % 50 == 0 ? 30 : 0);
                insert.reset();
                if (!insert.bind(1, site)
                         .bind(2, QStringLiteral("%1-h%2").arg(site).arg(i))
                         .bind(3, qint64(i + 1))
                         .bind(4, started)
                         .bind(5, started + 20'000)
                         .bind(6, qint64(Rules))
                         .bind(7, qint64(Rules - warnings))
                         .bind(8, qint64(warnings))
                         .run())
                    return false;
            }
        }
        return true;
    });

    FleetTopology topology;
    InspectionService service(store, topology, [](const QString &) { return nullptr; });
    PassRateTrend trend;
    trend.resize(1600, 400);

    QElapsedTimer timer;
    timer.start();
    const QList<InspectionRunSummary> runs = service.runs(QStringLiteral("all-rules"), now.addDays(-Days), {});
    const double loadMs = timer.nsecsElapsed() / 1e6;
    // What the Reports page does: the trend summed in buckets of a pixel, the newest 500 runs.
    timer.restart();
    const QDateTime from = now.addDays(-Days);
    trend.setTrend(service.trend(QStringLiteral("all-rules"), from, now, from.msecsTo(now) / 1600), {});
    const QList<InspectionRunSummary> newest = service.runs(QStringLiteral("all-rules"), from, {}, 500);
    const double showMs = newest.size() == 500 ? timer.nsecsElapsed() / 1e6 : -1;

    // Collection: pages of runs of 1,000 results each, as an agent sends them.
    InspectionRepository repository(store);
    QList<double> writes;
    for (int page = 0; page < 5; ++page) {
        QList<InspectionRunRecord> batch;
        for (int i = 0; i < 4; ++i)
            batch.append(runOf(QStringLiteral("sha"), quint64(1'000'000 + page * 4 + i), now.addSecs(page * 4 + i)));
        timer.restart();
        repository.recordRuns(QStringLiteral("sha"), batch, quint64(1'000'000 + page * 4 + 3));
        writes.append(timer.nsecsElapsed() / 1e6 / batch.size());
    }
    timer.restart();
    const std::optional<InspectionReport> report = service.report(QStringLiteral("sha"), QStringLiteral("sha-1000000"));
    const double reportMs = timer.nsecsElapsed() / 1e6;

    Bench::printFigure(out, "inspections_history_rows", double(runs.size()), "runs");
    Bench::printFigure(out, "inspections_history_load_ms", loadMs, "ms");
    Bench::printFigure(out, "inspections_history_show_ms", showMs, "ms");
    Bench::printFigure(out, "inspections_run_write_ms", Bench::median(writes), "ms");
    Bench::printFigure(out, "inspections_report_open_ms", report && report->rows.size() == Rules ? reportMs : -1, "ms");
    return 0;
}
