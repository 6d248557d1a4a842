// SPDX-License-Identifier: GPL-3.0-or-later
// The execution engine's own cost per step, with the durable journal on disk, against a real
// haven-agent on loopback. The agent runs in its own process, so this process's CPU time is the
// console's side only: deciding, journalling, HTTP and JSON. Prints "figure_name value unit";
// not run by ctest.
//
//   engine [--runs N] [--steps N] [--width N]
//
// Plans: `steps` steps of wait.seconds 0 laid out as `width` parallel branches (chains), and a
// serial chain of 40 steps. Each is run `runs` times; medians are printed.

#include "agentprocess.h"
#include "app/agents/agentclient.h"
#include "app/agents/curlengine.h"
#include "app/executions/executionengine.h"
#include "benchsupport.h"
#include "models/store/localstore.h"
#include "models/topology/fleettopology.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTextStream>
#include <QTimer>
#include <QUuid>

#include <algorithm>

using namespace Haven;
using namespace Haven::Bench;

namespace {

// The simulated agent advances its runs every 250 ms, so a wait.seconds 0 action takes about that
// long (agent time). Reading running actions at the same pace costs about one status read per
// step; reading faster would count the agent's time as polls. The console's default is 500 ms.
constexpr int PollIntervalMs = 250;

// steps wait.seconds steps at the site, as width chains of equal length.
PlanData widePlan(int steps, int width)
{
    PlanData plan;
    plan.metadata.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    plan.metadata.name = QStringLiteral("bench %1x%2").arg(steps).arg(width);
    plan.metadata.kind = PlanKind::Emergency;
    plan.metadata.state = PlanState::Effective;
    for (int i = 1; i <= steps; ++i) {
        PlanStep step;
        step.id = i;
        step.name = QStringLiteral("step %1").arg(i);
        step.operation = QStringLiteral("wait.seconds");
        step.parameters = {{QStringLiteral("seconds"), 0}};
        step.target.kind = StepTargetKind::EmergencySite;
        plan.steps.append(step);
        if (i > width)
            plan.edges.append({i - width, i});
    }
    plan.normalize();
    return plan;
}

struct Result
{
    double wallMs = 0;
    double cpuMsPerStep = 0;
    double journalUsPerWrite = 0;
    double writesPerStep = 0;
    bool ok = false;
};

Result runOnce(const QString &databasePath, const PlanData &plan, AgentConnection connection)
{
    LocalStore store;
    store.open(databasePath);
    FleetTopology topology;
    SiteState site;
    site.id = connection.siteId;
    site.name = connection.siteName;
    site.reachability = Reachability::Online;
    site.dataTime = QDateTime::currentDateTimeUtc(); // live data: guards and dispatch may go
    SiteState failed;                                // a ticket needs a failed site; no step targets it
    failed.id = QStringLiteral("elsewhere");
    failed.reachability = Reachability::Online;
    topology.setSites({site, failed});
    CurlEngine curl;
    AgentClient client(curl, std::move(connection));
    ExecutionEngine engine(store, topology, [&client](const QString &) { return &client; });
    ExecutionEngine::Settings settings;
    settings.pollIntervalMs = PollIntervalMs;
    engine.setSettings(settings);

    ExecutionTicket ticket;
    ticket.planId = plan.metadata.id;
    ticket.planName = plan.metadata.name;
    ticket.failedSites = {failed.id};
    ticket.emergencySites = {site.id};

    QString error;
    const QString id = engine.create(plan, ticket, &error);
    Result result;
    if (id.isEmpty()) {
        qWarning("cannot create: %s", qPrintable(error));
        return result;
    }
    QEventLoop loop;
    QObject::connect(&engine, &ExecutionEngine::executionSettled, &loop,
                     [&loop](const QString &, ExecutionState) { loop.quit(); });
    QTimer::singleShot(600'000, &loop, &QEventLoop::quit);
    const double cpuBefore = cpuSeconds();
    QElapsedTimer wall;
    wall.start();
    engine.start(id, {QStringLiteral("bench"), QStringLiteral("bench")}, &error);
    loop.exec();
    result.wallMs = double(wall.nsecsElapsed()) / 1e6;
    result.cpuMsPerStep = (cpuSeconds() - cpuBefore) * 1000.0 / double(plan.steps.size());
    result.journalUsPerWrite = double(engine.journalNanoseconds()) / 1000.0
                               / double(std::max<qint64>(1, engine.journalWrites()));
    result.writesPerStep = double(engine.journalWrites()) / double(plan.steps.size());
    result.ok = engine.execution(id)->state() == ExecutionState::Succeeded;
    if (!result.ok) {
        const Execution &execution = *engine.execution(id);
        qWarning("execution %s: %s", qPrintable(toString(execution.state())), qPrintable(execution.stateMessage()));
        for (const StepRun &run : execution.steps()) {
            if (run.state == StepRunState::Failed) {
                qWarning("step %d: %s", run.id, qPrintable(run.message));
                break;
            }
        }
    }
    return result;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true);
    QCommandLineParser parser;
    const QCommandLineOption runsOption(QStringLiteral("runs"), QStringLiteral("runs per plan"), QStringLiteral("n"),
                                        QStringLiteral("5"));
    const QCommandLineOption stepsOption(QStringLiteral("steps"), QStringLiteral("steps of the wide plan"),
                                         QStringLiteral("n"), QStringLiteral("500"));
    const QCommandLineOption widthOption(QStringLiteral("width"), QStringLiteral("parallel branches"),
                                         QStringLiteral("n"), QStringLiteral("50"));
    parser.addOptions({runsOption, stepsOption, widthOption});
    parser.process(app);
    const int runs = std::max(1, parser.value(runsOption).toInt());
    QTextStream out(stdout);

    QTemporaryDir dir;
    Test::AgentProcess agent(dir.filePath(QStringLiteral("agent")));
    Test::AgentProcess::Options options;
    options.speed = 1000;
    options.profile = Test::AgentProcess::demoProfile(QStringLiteral("shb"));
    if (!agent.start(options)) {
        qWarning("cannot start haven-agent: %s", qPrintable(agent.output()));
        return 1;
    }
    AgentConnection connection;
    connection.siteId = QStringLiteral("shb");
    connection.siteName = QStringLiteral("SHB");
    connection.url = agent.url();
    connection.token = agent.token();

    const struct
    {
        QString name;
        PlanData plan;
    } plans[] = {{QStringLiteral("wide_%1x%2").arg(parser.value(stepsOption), parser.value(widthOption)),
                  widePlan(parser.value(stepsOption).toInt(), parser.value(widthOption).toInt())},
                 {QStringLiteral("serial_40"), widePlan(40, 1)}};
    printFigure(out, QStringLiteral("poll_interval"), PollIntervalMs, "ms");
    for (const auto &[name, plan] : plans) {
        QList<double> wall, cpu, journal, writes;
        for (int run = 0; run < runs; ++run) {
            const Result result = runOnce(dir.filePath(QStringLiteral("bench-%1-%2.db").arg(name).arg(run)), plan,
                                          connection);
            if (!result.ok) {
                qWarning("%s: run %d did not succeed", qPrintable(name), run);
                return 1;
            }
            wall.append(result.wallMs);
            cpu.append(result.cpuMsPerStep);
            journal.append(result.journalUsPerWrite);
            writes.append(result.writesPerStep);
        }
        printFigure(out, name + QStringLiteral("_engine_cpu_per_step_median"), median(cpu), "ms");
        printFigure(out, name + QStringLiteral("_journal_write_median"), median(journal), "us");
        printFigure(out, name + QStringLiteral("_journal_writes_per_step"), median(writes), "writes");
        printFigure(out, name + QStringLiteral("_wall_median"), median(wall), "ms");
        printFigure(out, name + QStringLiteral("_wall_per_step_median"), median(wall) / double(plan.steps.size()), "ms");
    }
    return 0;
}
