// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/agents/agentclient.h"
#include "app/agents/curlengine.h"
#include "drilltest.h"
#include "fakehttpserver.h"
#include "models/drills/drillformat.h"
#include "models/drills/drillrepository.h"
#include "models/drills/drilltemplates.h"
#include "models/plans/planrepository.h"
#include "models/store/localstore.h"

#include <QDir>
#include <QElapsedTimer>
#include <QProcess>
#include <QStandardPaths>
#include <QTest>

using namespace Haven;
using namespace Haven::Test;

class tst_DrillService final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void siteDarkDrillRunsTheSwitchoverAndMeasuresRtoAndRpo();
    void haltConditionRevertsEveryFaultWithinTwoSeconds();
    void killSwitchStopsARunningDrillAndRefusesANewOne();
    void preflightRefusalsCreateNothing();
    void restartedConsoleShowsTheRunInterrupted();
    void consoleKilledMidDrill();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<DemoSites> m_sites;
};

void tst_DrillService::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void tst_DrillService::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_sites = std::make_unique<DemoSites>(*m_dir);
    QVERIFY(m_sites->start(20, SelfIsolationIni));
}

void tst_DrillService::cleanup()
{
    m_sites.reset();
    m_dir.reset();
}

void tst_DrillService::siteDarkDrillRunsTheSwitchoverAndMeasuresRtoAndRpo()
{
    DrillSession console(*m_dir);
    QVERIFY(console.follow(*m_sites));
    // The same-city switchover for payments: shb takes the whole share.
    const PlanData plan = effectivePlan(QStringLiteral("Same-city switchover"), PlanKind::DisasterRecovery,
                                        {planStep(1, QStringLiteral("Restore payments at shb"),
                                                  QStringLiteral("traffic.restore"),
                                                  {{QStringLiteral("productGroup"), QStringLiteral("payments")},
                                                   {QStringLiteral("share"), 100}},
                                                  StepTargetKind::EmergencySite)},
                                        {});
    QVERIFY(console.session.store().plans().savePlan(plan, 1));

    Drill drill = DrillTemplates::create(QStringLiteral("same-city-active-active"));
    drill.name = QStringLiteral("Shanghai A dark");
    drill.actions.first().durationSeconds = 8;
    drill.plan.planId = plan.metadata.id;
    drill.plan.productGroups = {QStringLiteral("payments")};
    drill.objectives = {60, 30};
    QString error;
    QVERIFY2(console.drills().saveDrill(drill, drillOperator(), &error), qPrintable(error));

    const QString runId = console.start(drill, &error);
    QVERIFY2(!runId.isEmpty(), qPrintable(error));
    QVERIFY(console.waitForState(runId, DrillRunState::Completed, 40'000));

    const DrillRunRecord &run = console.run(runId);
    QVERIFY(!run.executionId.isEmpty());
    QCOMPARE(run.faults.size(), 1);
    QCOMPARE(run.faults.first().state, std::optional(FaultState::Expired));
    QCOMPARE(run.rto.size(), 1);
    QCOMPARE(run.rto.first().group, QStringLiteral("payments"));
    QCOMPARE(run.rto.first().baselineShare, 100.0);
    // Served again at shb within the dark window, measured from the feed.
    QVERIFY2(run.rto.first().measuredMs > 0 && run.rto.first().measuredMs < 8000,
             qPrintable(QString::number(run.rto.first().measuredMs)));
    QCOMPARE(run.rtoMet(), std::optional(true));
    QVERIFY(!run.rpo.isEmpty()); // every link from sha
    for (const LinkRpo &link : run.rpo) {
        QCOMPARE(link.fromSite, QStringLiteral("sha"));
        QVERIFY(link.seconds >= 0 && link.seconds < 30);
    }
    QCOMPARE(run.rpoMet(), std::optional(true));
    QVERIFY(!run.expectations.isEmpty());
    for (const Expectation &expectation : run.expectations)
        QVERIFY2(expectation.held, qPrintable(expectation.text));

    // Persisted with its events; the plan counts as drilled.
    const std::optional<DrillRunRecord> stored = console.drills().storedRun(runId);
    QVERIFY(stored);
    QVERIFY(stored->state == DrillRunState::Completed);
    QVERIFY(stored->events.size() >= 4);
    QVERIFY(console.session.store().drills().lastDrilledPlans().contains(plan.metadata.id));
}

void tst_DrillService::haltConditionRevertsEveryFaultWithinTwoSeconds()
{
    DrillSession console(*m_dir);
    QVERIFY(console.follow(*m_sites));
    bool healthy = true;
    console.drills().setSignalSource([&healthy](const QString &name) -> std::optional<bool> {
        if (name == QLatin1StringView("inspection:payments-login"))
            return healthy;
        return std::nullopt;
    });
    Drill drill = cpuDrill(QStringLiteral("CPU at three sites"), DemoSites::Ids);
    drill.haltConditions.append({HaltKind::Signal, {}, QStringLiteral("inspection:payments-login"), 0});
    QString error;
    const QString runId = console.start(drill, &error);
    QVERIFY2(!runId.isEmpty(), qPrintable(error));
    QVERIFY(console.waitForFaults(runId));

    QElapsedTimer clock;
    clock.start();
    healthy = false;
    QVERIFY(console.waitForState(runId, DrillRunState::Halting, 2000));
    QVERIFY(waitUntil([&] { return console.run(runId).revertedMs > 0; }, 2000));
    const qint64 accepted = clock.elapsed();
    const DrillRunRecord &run = console.run(runId);
    QVERIFY2(run.revertedMs - run.haltTrippedMs < 2000, qPrintable(QString::number(run.revertedMs - run.haltTrippedMs)));
    QVERIFY(run.reason.contains(QStringLiteral("inspection:payments-login")));
    // The agents themselves say every fault ended, within the 2 s (with slack for a loaded machine).
    QVERIFY(waitUntil(
        [&] {
        for (const InjectedFault &fault : console.run(runId).faults) {
            const QString state
                = agentFault(m_sites->agent(fault.fault.site), fault.faultId).value(QStringLiteral("state")).toString();
            if (state != QLatin1StringView("reverted"))
                return false;
        }
        return true;
        },
        3000));
    qInfo("halt to every revert accepted: %lld ms; confirmed by the agents after %lld ms", accepted, clock.elapsed());
    QVERIFY(console.waitForState(runId, DrillRunState::Halted, 5000));
    for (const QString &site : DemoSites::Ids)
        QCOMPARE(faultsInEffect(m_sites->agent(site)), 0);
}

void tst_DrillService::killSwitchStopsARunningDrillAndRefusesANewOne()
{
    DrillSession console(*m_dir);
    QVERIFY(console.follow(*m_sites));
    const Drill drill = cpuDrill(QStringLiteral("CPU at shb"), {QStringLiteral("shb")});
    QString error;
    const QString runId = console.start(drill, &error);
    QVERIFY2(!runId.isEmpty(), qPrintable(error));
    QVERIFY(console.waitForFaults(runId));

    QVERIFY(console.drills().engageKillSwitch(KillSwitch::Scope::Site, QStringLiteral("shb"), drillOperator(),
                                              QStringLiteral("storage alarm"), &error));
    QVERIFY(console.waitForState(runId, DrillRunState::Stopped, 5000));
    QVERIFY(console.run(runId).reason.contains(QStringLiteral("kill switch")));
    QCOMPARE(faultsInEffect(m_sites->agent(QStringLiteral("shb"))), 0);

    // Refused while engaged, for this site only; nothing created.
    const int runsBefore = int(console.drills().history().size());
    QVERIFY(console.start(drill, &error).isEmpty());
    QVERIFY2(error.contains(QStringLiteral("kill switch")), qPrintable(error));
    QCOMPARE(console.drills().history().size(), runsBefore);
    const QString elsewhere = console.start(cpuDrill(QStringLiteral("CPU at hzc"), {QStringLiteral("hzc")}, 5), &error);
    QVERIFY2(!elsewhere.isEmpty(), qPrintable(error));

    // Kept in the store: a restarted console still refuses; released, it starts.
    QCOMPARE(console.session.store().drills().killSwitches().size(), 1);
    QVERIFY(console.drills().releaseKillSwitch(KillSwitch::Scope::Site, QStringLiteral("shb"), drillOperator(), &error));
    QVERIFY(console.waitForState(elsewhere, DrillRunState::Completed, 20'000));
    const QString again = console.start(drill, &error);
    QVERIFY2(!again.isEmpty(), qPrintable(error));
    QVERIFY(console.drills().stop(again, drillOperator(), QStringLiteral("done")));
    QVERIFY(console.waitForState(again, DrillRunState::Stopped, 5000));
}

void tst_DrillService::preflightRefusalsCreateNothing()
{
    DrillSession console(*m_dir);
    QVERIFY(console.follow(*m_sites));
    QString error;

    // An execution runs at shb: a drill there is refused.
    const PlanData plan = effectivePlan(QStringLiteral("Slow plan"), PlanKind::DisasterRecovery,
                                        {planStep(1, QStringLiteral("Wait"), QStringLiteral("wait.seconds"),
                                                  waitParameters(60), StepTargetKind::EmergencySite)},
                                        {});
    ExecutionTicket ticket;
    ticket.planId = plan.metadata.id;
    ticket.planName = plan.metadata.name;
    ticket.failedSites = {QStringLiteral("sha")};
    ticket.emergencySites = {QStringLiteral("shb")};
    ExecutionEngine &engine = console.session.executions();
    const QString execution = engine.create(plan, ticket, &error);
    QVERIFY2(engine.start(execution, drillOperator(), &error), qPrintable(error));
    QVERIFY(console.start(cpuDrill(QStringLiteral("Overlap"), {QStringLiteral("shb")}), &error).isEmpty());
    QVERIFY2(error.contains(QStringLiteral("Slow plan")), qPrintable(error));
    QVERIFY(engine.cancel(execution, drillOperator(), QStringLiteral("test")));

    // A stopped agent: refused with the site's name.
    m_sites->agent(QStringLiteral("hzc")).stop();
    QVERIFY(
        console.start(cpuDrill(QStringLiteral("Unreachable"), {QStringLiteral("sha"), QStringLiteral("hzc")}), &error)
            .isEmpty());
    QVERIFY2(error.contains(QStringLiteral("HZC")), qPrintable(error));

    // A target that does not exist.
    Drill missing = cpuDrill(QStringLiteral("Missing"), {QStringLiteral("sha")});
    missing.actions.first().target.value = QStringLiteral("sha-no-such-thing");
    QVERIFY(console.start(missing, &error).isEmpty());
    QVERIFY2(error.contains(QStringLiteral("matches nothing")), qPrintable(error));

    // An agent that does not offer the fault kind (its limits list cpu only).
    FakeHttpServer fake([](QTcpSocket *socket, const QByteArray &line) {
        if (line.contains("/v1/faults/limits"))
            return FakeHttpServer::answer(socket, 200, "application/json",
                                          R"({"limits":{"minDurationSeconds":1,"maxDurationSeconds":600,"maxActive":8,)"
                                          R"("active":0,"kinds":[{"kind":"cpu","targets":["component"],)"
                                          R"("parameters":{"properties":{}}}]}})");
        FakeHttpServer::answer(socket, 200, "application/json",
                               R"({"id":"fake","name":"Fake","region":"r","city":"c","agentVersion":"0",)"
                               R"("protocolVersion":1,"backend":"hooks","capabilities":["faults"]})");
    });
    AgentConnection connection;
    connection.siteId = QStringLiteral("sha");
    connection.siteName = QStringLiteral("Fake");
    connection.url = fake.url();
    AgentClient fakeClient(*new CurlEngine(this), connection);
    DrillService limited(console.session.store(), console.session.topology(), engine,
                         [&](const QString &) { return &fakeClient; });
    Drill memory = cpuDrill(QStringLiteral("Memory"), {QStringLiteral("sha")});
    memory.actions.first().kind = FaultKind::Memory;
    bool done = false;
    DrillPreflight result;
    limited.preflight(memory, [&](const DrillPreflight &found) {
        result = found;
        done = true;
    });
    QVERIFY(waitUntil([&] { return done; }, 5000));
    QVERIFY2(result.problems.join(QLatin1Char(' ')).contains(QStringLiteral("does not offer the fault kind memory")),
             qPrintable(result.problems.join(QLatin1Char(' '))));

    QVERIFY(console.drills().history().isEmpty());
    for (const QString &site : {QStringLiteral("sha"), QStringLiteral("shb")})
        QCOMPARE(faultsInEffect(m_sites->agent(site)), 0);
}

void tst_DrillService::restartedConsoleShowsTheRunInterrupted()
{
    QString runId;
    QString faultId;
    {
        DrillSession console(*m_dir, QString());
        QVERIFY(console.follow(*m_sites));
        QString error;
        runId = console.start(cpuDrill(QStringLiteral("Short CPU"), {QStringLiteral("sha")}, 3), &error);
        QVERIFY2(!runId.isEmpty(), qPrintable(error));
        QVERIFY(console.waitForFaults(runId));
        faultId = console.run(runId).faults.first().faultId;
        // The console goes away without ending the run: its record says "running".
    }
    // The agent ends the fault at its deadline, with no console.
    QVERIFY(waitUntil(
        [&] {
        return agentFault(m_sites->agent(QStringLiteral("sha")), faultId).value(QStringLiteral("state")).toString()
               == QLatin1StringView("expired");
        },
        10'000));
    DrillSession restarted(*m_dir, QString());
    QCOMPARE(restarted.drills().interruptedRunIds(), QStringList{runId});
    QVERIFY(restarted.follow(*m_sites));
    QVERIFY(waitUntil(
        [&] {
        const std::optional<DrillRunRecord> run = restarted.drills().storedRun(runId);
        return run && run->faults.first().state == FaultState::Expired;
        },
        10'000));
    const DrillRunRecord run = *restarted.drills().storedRun(runId);
    QVERIFY(run.state == DrillRunState::Interrupted);
    QVERIFY(run.events.last().kind == QLatin1StringView("interrupted"));
}

void tst_DrillService::consoleKilledMidDrill()
{
    // `haven --headless drill run` is the console: it is SIGKILLed while its fault is in effect.
    const QString fleet = m_dir->filePath(QStringLiteral("fleet.json"));
    QVERIFY(m_sites->writeFleetFile(fleet));
    const Drill drill = cpuDrill(QStringLiteral("Killed console"), {QStringLiteral("shb")}, 4);
    const QString drillFile = m_dir->filePath(QStringLiteral("drill.json"));
    QFile file(drillFile);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(DrillFormat::toBytes(drill));
    file.close();
    const QString database = m_dir->filePath(QStringLiteral("killed/haven.db"));
    QDir().mkpath(m_dir->filePath(QStringLiteral("killed")));
    QProcess child;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("XDG_DATA_HOME"), m_dir->filePath(QStringLiteral("home/data")));
    environment.insert(QStringLiteral("XDG_CONFIG_HOME"), m_dir->filePath(QStringLiteral("home/config")));
    child.setProcessEnvironment(environment);
    child.setProcessChannelMode(QProcess::MergedChannels);
    child.start(QStringLiteral(HAVEN_CONSOLE_BINARY),
                {QStringLiteral("--headless"), QStringLiteral("drill"), QStringLiteral("run"), drillFile,
                 QStringLiteral("--confirm"), drill.name, QStringLiteral("--environment"), fleet,
                 QStringLiteral("--database"), database});
    QByteArray output;
    QVERIFY(waitUntil(
        [&] {
        output += child.readAll();
        return output.contains(": active");
        },
        20'000));
    child.kill();
    QVERIFY(child.waitForFinished(5000));
    AgentProcess &shb = m_sites->agent(QStringLiteral("shb"));
    QCOMPARE(faultsInEffect(shb), 1);
    // The agent ends it at its deadline with no console.
    QVERIFY(waitUntil([&] { return faultsInEffect(shb) == 0; }, 10'000));

    ConsoleSession::Options options;
    options.databasePath = database;
    options.secretsFile = m_dir->filePath(QStringLiteral("killed/secrets.json"));
    options.forceSecretsFile = true;
    ConsoleSession restarted(options);
    QCOMPARE(restarted.drills().interruptedRunIds().size(), 1);
    const QString runId = restarted.drills().interruptedRunIds().first();
    restarted.startWith(m_sites->environment(), m_sites->tokens());
    QVERIFY(waitUntil(
        [&] {
        const std::optional<DrillRunRecord> run = restarted.drills().storedRun(runId);
        return run && run->faults.first().state == FaultState::Expired;
        },
        10'000));
    QVERIFY(restarted.drills().storedRun(runId)->state == DrillRunState::Interrupted);
}

QTEST_GUILESS_MAIN(tst_DrillService)
#include "tst_drillservice.moc"
