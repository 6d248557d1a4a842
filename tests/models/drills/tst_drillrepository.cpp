// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/drills/drillrepository.h"
#include "models/drills/drilltemplates.h"

#include <QTemporaryDir>
#include <QTest>

using namespace Haven;

class tst_DrillRepository final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void drillsRunsAndSwitchesSurviveReopening();
};

void tst_DrillRepository::drillsRunsAndSwitchesSurviveReopening()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("haven.db"));
    Drill drill = DrillTemplates::create(QStringLiteral("same-city-active-active"));
    drill.plan.planId = QStringLiteral("plan-1");
    {
        LocalStore store;
        QVERIFY(store.open(path).mode == LocalStore::Mode::Persistent);
        DrillRepository &repository = store.drills();
        QVERIFY(repository.saveDrill(drill, {{QStringLiteral("me"), QStringLiteral("drill.save"), {}}}));

        DrillRunRecord run;
        run.id = QStringLiteral("run-1");
        run.drill = drill;
        run.startedMs = 1000;
        InjectedFault fault;
        fault.fault = {QStringLiteral("dark"), FaultKind::SiteDark, QStringLiteral("sha"), {}, {}, 300, 0};
        fault.key = fault.fault.key(run.id);
        fault.faultId = QStringLiteral("f-1");
        fault.state = FaultState::Active;
        run.faults = {fault};
        run.rto = {{QStringLiteral("payments"), 100, 4200}};
        QVERIFY(repository.saveRun(run,
                                   {{1000, QStringLiteral("start"), QStringLiteral("started"), QStringLiteral("me")}}));
        run.firstFaultMs = 1100;
        QVERIFY(repository.saveRun(run, {{1100, QStringLiteral("inject"), QStringLiteral("sha dark"), {}}}));

        QVERIFY(
            repository.saveKillSwitch({KillSwitch::Scope::Site, QStringLiteral("shb"), QStringLiteral("me"), 5, {}}));
        QVERIFY(
            repository.saveKillSwitch({KillSwitch::Scope::Global, {}, QStringLiteral("me"), 6, QStringLiteral("x")}));
        QVERIFY(repository.deleteKillSwitch(KillSwitch::Scope::Site, QStringLiteral("shb")));
        QVERIFY(store.verifyAuditChain());
    }
    LocalStore store;
    QVERIFY(store.open(path).mode == LocalStore::Mode::Persistent);
    DrillRepository &repository = store.drills();
    QCOMPARE(repository.listDrills().size(), 1);
    QCOMPARE(*repository.loadDrill(drill.id), drill);

    const QList<DrillRunRecord> unfinished = repository.unfinishedRuns();
    QCOMPARE(unfinished.size(), 1);
    const DrillRunRecord &run = unfinished.first();
    QCOMPARE(run.events.size(), 2);
    QCOMPARE(run.events.at(1).kind, QStringLiteral("inject"));
    QCOMPARE(run.faults.size(), 1);
    QCOMPARE(run.faults.first().faultId, QStringLiteral("f-1"));
    QCOMPARE(run.faults.first().state, std::optional(FaultState::Active));
    QCOMPARE(run.rto.first().measuredMs, 4200);
    QCOMPARE(repository.lastDrilledPlans().value(QStringLiteral("plan-1")), 1100);

    const QList<KillSwitch> switches = repository.killSwitches();
    QCOMPARE(switches.size(), 1);
    QCOMPARE(switches.first().scope, KillSwitch::Scope::Global);
    QCOMPARE(switches.first().reason, QStringLiteral("x"));
    QVERIFY(repository.deleteDrill(drill.id));
    QVERIFY(repository.listDrills().isEmpty());
}

QTEST_GUILESS_MAIN(tst_DrillRepository)
#include "tst_drillrepository.moc"
