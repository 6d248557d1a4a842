// SPDX-License-Identifier: GPL-3.0-or-later
// bench/drills: the time from a halt condition becoming true to every fault's revert accepted by
// its agent, and to every agent saying the fault ended, with one CPU fault at each of three demo
// agents; median and max over 20 runs (the target is 2 s).

#include "benchsupport.h"
#include "drilltest.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QStandardPaths>

using namespace Haven;
using namespace Haven::Test;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true);
    QTextStream out(stdout);
    QTemporaryDir dir;
    DemoSites sites(dir);
    if (!sites.start(20, SelfIsolationIni)) {
        out << "the demo agents did not start\n";
        return 1;
    }
    DrillSession console(dir);
    if (!console.follow(sites)) {
        out << "the console did not reach the agents\n";
        return 1;
    }
    bool healthy = true;
    console.drills().setSignalSource([&healthy](const QString &) { return std::optional<bool>(healthy); });
    const int runs = argc > 1 ? QString::fromLocal8Bit(argv[1]).toInt() : 20;
    QList<double> accepted;
    QList<double> ended;
    for (int i = 0; i < runs; ++i) {
        Drill drill = cpuDrill(QStringLiteral("bench %1").arg(i), DemoSites::Ids);
        drill.haltConditions.append({HaltKind::Signal, {}, QStringLiteral("bench"), 0});
        healthy = true;
        QString error;
        const QString runId = console.start(drill, &error);
        if (runId.isEmpty() || !console.waitForFaults(runId)) {
            out << "run " << i << " did not start: " << error << '\n';
            return 1;
        }
        QElapsedTimer clock;
        clock.start();
        healthy = false;
        if (!waitUntil([&] { return console.run(runId).revertedMs > 0; }, 10'000, 1)) {
            out << "run " << i << ": the reverts were not accepted\n";
            return 1;
        }
        accepted.append(double(clock.elapsed()));
        if (!console.waitForState(runId, DrillRunState::Halted, 10'000)) {
            out << "run " << i << ": the faults did not end\n";
            return 1;
        }
        ended.append(double(clock.elapsed()));
    }
    Bench::printFigure(out, "drill_halt_to_reverts_accepted_median", Bench::median(accepted), "ms");
    Bench::printFigure(out, "drill_halt_to_reverts_accepted_max", *std::max_element(accepted.cbegin(), accepted.cend()),
                       "ms");
    Bench::printFigure(out, "drill_halt_to_faults_ended_median", Bench::median(ended), "ms");
    Bench::printFigure(out, "drill_halt_to_faults_ended_max", *std::max_element(ended.cbegin(), ended.cend()), "ms");
    return 0;
}
