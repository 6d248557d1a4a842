// SPDX-License-Identifier: GPL-3.0-or-later
// Kill-and-resume: the console process (haven --headless run / resume) is killed with SIGKILL at
// random points of a real switchover and recovery against real agents, many times, and started
// again. At the end the agents' own action records must show every step ran exactly once at
// each of its sites. HAVEN_KILL_ROUNDS sets how many kills (default 12); the seed is printed.

#include "core/sqlitedatabase.h"
#include "executiontest.h"
#include "models/executions/executionjournal.h"
#include "models/plans/planformat.h"
#include "models/plans/planrepository.h"
#include "models/plans/plantemplates.h"
#include "models/store/localstore.h"
#include "waituntil.h"

#include <QProcess>
#include <QRandomGenerator>
#include <QStandardPaths>
#include <QTest>

#include <csignal>

using namespace Haven;
using namespace Haven::Test;

class TestExecutionResume : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void killedConsoleResumesWithoutLosingOrRepeatingSteps();

private:
    // A console process whose files all live in the test's directory, never the user's.
    std::unique_ptr<QProcess> console(const QTemporaryDir &dir, const QStringList &arguments)
    {
        auto process = std::make_unique<QProcess>();
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("HOME"), dir.filePath(QStringLiteral("home")));
        environment.insert(QStringLiteral("XDG_DATA_HOME"), dir.filePath(QStringLiteral("home/data")));
        environment.insert(QStringLiteral("XDG_CONFIG_HOME"), dir.filePath(QStringLiteral("home/config")));
        environment.insert(QStringLiteral("USER"), QStringLiteral("drill-bot"));
        process->setProcessEnvironment(environment);
        process->setProcessChannelMode(QProcess::MergedChannels);
        process->start(QStringLiteral(HAVEN_CONSOLE_BINARY), arguments);
        return process;
    }
};

void TestExecutionResume::killedConsoleResumesWithoutLosingOrRepeatingSteps()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    DemoSites sites(dir);
    QVERIFY(sites.start(5)); // slow enough that the kills land all over the run
    const QString fleet = dir.filePath(QStringLiteral("fleet.json"));
    QVERIFY(sites.writeFleetFile(fleet));

    PlanData plan = PlanTemplates::create(PlanTemplates::Architecture::SameCityActiveActive);
    plan.metadata.state = PlanState::Effective;
    plan.metadata.name = QStringLiteral("Kill drill");
    const QString planFile = dir.filePath(QStringLiteral("plan.json"));
    {
        QFile file(planFile);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(PlanFormat::toBytes(plan));
    }
    const QString database = dir.filePath(QStringLiteral("console.db"));

    // Bad input first: a plan file that is not JSON, and a wrong confirmation. Each is refused
    // with a clear message and nothing is created.
    {
        const QString broken = dir.filePath(QStringLiteral("broken.json"));
        QFile file(broken);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("{\"format\": \"haven-plan\", \"steps\": [");
        file.close();
        const QString scratch = dir.filePath(QStringLiteral("refused.db"));
        const struct
        {
            QString plan;
            QString confirm;
            QByteArray expected;
        } refusals[] = {{broken, plan.metadata.name, "JSON"}, {planFile, QStringLiteral("Kill dril"), "--confirm"}};
        for (const auto &[planPath, confirmation, expected] : refusals) {
            std::unique_ptr<QProcess> refused = console(dir, {QStringLiteral("--headless"), QStringLiteral("run"),
                                                              QStringLiteral("--environment"), fleet,
                                                              QStringLiteral("--database"), scratch,
                                                              QStringLiteral("--plan"), planPath,
                                                              QStringLiteral("--failed"), QStringLiteral("sha"),
                                                              QStringLiteral("--emergency"), QStringLiteral("shb"),
                                                              QStringLiteral("--confirm"), confirmation});
            QVERIFY(refused->waitForFinished(60'000));
            const QByteArray said = refused->readAll();
            QVERIFY2(refused->exitCode() == 2 && said.contains(expected), said.constData());
        }
        LocalStore store;
        QCOMPARE(store.open(scratch).mode, LocalStore::Mode::Persistent);
        QVERIFY(store.journal().list().isEmpty());
    }
    const QStringList common{QStringLiteral("--headless"),
                             QStringLiteral("--environment"),
                             fleet,
                             QStringLiteral("--database"),
                             database,
                             QStringLiteral("--approve"),
                             QStringLiteral("--recovery")};

    const int rounds = qEnvironmentVariableIsSet("HAVEN_KILL_ROUNDS")
                           ? qEnvironmentVariableIntValue("HAVEN_KILL_ROUNDS")
                           : 12;
    const quint32 seed = QRandomGenerator::system()->generate();
    qInfo("kill rounds: %d, seed: %u", rounds, seed);
    QRandomGenerator random(seed);

    std::unique_ptr<QProcess> process = console(dir,
                                                QStringList{QStringLiteral("run")} + common
                                                    + QStringList{QStringLiteral("--plan"), planFile,
                                                                  QStringLiteral("--failed"), QStringLiteral("sha"),
                                                                  QStringLiteral("--emergency"), QStringLiteral("shb"),
                                                                  QStringLiteral("--confirm"), plan.metadata.name});
    QByteArray output;
    // The first kill only once the execution exists: before that there is nothing to resume.
    QVERIFY2(waitUntil(
                 [&] {
        output += process->readAll();
        return output.contains("Started execution") || process->state() == QProcess::NotRunning;
                 },
                 60'000),
             output.constData());
    QVERIFY2(output.contains("Started execution"), output.constData());

    int kills = 0;
    bool finishedByItself = false;
    for (int round = 0; round < rounds; ++round) {
        const int delayMs = 200 + int(random.bounded(1500));
        if (process->waitForFinished(delayMs)) {
            finishedByItself = true;
            break;
        }
        ::kill(pid_t(process->processId()), SIGKILL);
        QVERIFY(process->waitForFinished(5000));
        ++kills;
        output += process->readAll();
        process = console(dir, QStringList{QStringLiteral("resume")} + common);
        QVERIFY(process->waitForStarted(5000));
    }
    if (!finishedByItself)
        QVERIFY2(process->waitForFinished(180'000), output.constData());
    output += process->readAll();
    qInfo("killed the console %d times", kills);
    QVERIFY2(process->exitStatus() == QProcess::NormalExit && process->exitCode() == 0, output.right(4000).constData());
    QVERIFY(kills > 0 || rounds == 0);

    // The journal says it finished; the agents say each step ran exactly once.
    LocalStore store;
    QCOMPARE(store.open(database).mode, LocalStore::Mode::Persistent);
    const QList<ExecutionSummary> executions = store.journal().list();
    QCOMPARE(executions.size(), 1);
    const QString id = executions.first().id;
    QString error;
    const std::optional<Execution> execution = Execution::replay(id, store.journal().loadEvents(id), &error);
    QVERIFY2(execution, qPrintable(error));
    QCOMPARE(toString(execution->state()), toString(ExecutionState::Succeeded));
    int expected = 0;
    for (const PlanStep &step : plan.steps) {
        QCOMPARE(toString(execution->stepRun(step.id)->state), toString(StepRunState::Succeeded));
        for (const QString &site : resolveTargetSites(step.target, execution->ticket())) {
            const QList<QJsonObject> actions = sites.actions(site,
                                                             QStringLiteral("%1/%2/%3/").arg(id).arg(step.id).arg(site));
            QVERIFY2(actions.size() == 1,
                     qPrintable(
                         QStringLiteral("step %1 at %2 ran %3 times").arg(step.id).arg(site).arg(actions.size())));
            QCOMPARE(actions.first().value(QStringLiteral("state")).toString(), QStringLiteral("succeeded"));
            ++expected;
        }
    }
    int recorded = 0;
    for (const QString &site : DemoSites::Ids)
        recorded += int(sites.actions(site, id).size());
    QCOMPARE(recorded, expected); // nothing else ran under this execution
    // The plan library's records (a state change, a deletion) join the same chain.
    const QJsonObject planDetails{{QStringLiteral("plan"), plan.metadata.id}};
    QVERIFY(store.plans().savePlan(plan, 1, {{QStringLiteral("alice"), QStringLiteral("plan.state"), planDetails}}));
    QVERIFY(store.plans().deletePlan(plan.metadata.id,
                                     {{QStringLiteral("alice"), QStringLiteral("plan.delete"), planDetails}}));
    QVERIFY(store.verifyAuditChain());

    // `haven --headless audit` says the chain is intact; after one record is changed it says which.
    std::unique_ptr<QProcess> audit = console(dir, {QStringLiteral("--headless"), QStringLiteral("audit"),
                                                    QStringLiteral("--database"), database});
    QVERIFY(audit->waitForFinished(30'000));
    QByteArray said = audit->readAll();
    QVERIFY2(audit->exitCode() == 0 && said.contains("intact"), said.constData());
    {
        SqliteDatabase db;
        QVERIFY(db.open(database));
        QVERIFY(db.exec("UPDATE audit_log SET user = 'mallory' WHERE seq = 2"));
    }
    audit = console(dir,
                    {QStringLiteral("--headless"), QStringLiteral("audit"), QStringLiteral("--database"), database});
    QVERIFY(audit->waitForFinished(30'000));
    said = audit->readAll();
    QVERIFY2(audit->exitCode() == 6 && said.contains("record 2"), said.constData());
}

QTEST_GUILESS_MAIN(TestExecutionResume)
#include "tst_executionresume.moc"
