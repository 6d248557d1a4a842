// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/inspections/inspectionreport.h"
#include "models/inspections/inspectionrepository.h"
#include "models/inspections/notificationrepository.h"
#include "models/inspections/starterrules.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace Haven;

namespace {

InspectionCheckResult result(const QString &checkId, InspectionStatus status,
                             InspectionHardState hard = InspectionHardState::Ok)
{
    InspectionCheckResult r;
    r.checkId = checkId;
    r.target = QStringLiteral("layer:database");
    r.status = status;
    r.hardState = hard;
    r.summary = QStringLiteral("%1 is %2").arg(checkId, toString(status));
    r.output = QStringLiteral("exit code %1").arg(int(status));
    return r;
}

InspectionRunRecord run(quint64 sequence, const QList<InspectionCheckResult> &results, const QDateTime &started)
{
    InspectionRunRecord record;
    record.runId = QStringLiteral("run-%1").arg(sequence);
    record.taskId = QStringLiteral("daily");
    record.taskRevision = 1;
    record.sequence = sequence;
    record.started = started;
    record.finished = started.addSecs(3);
    record.results = results;
    return record;
}

} // namespace

class TestInspectionRepository final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void keepsRulesAndTasks()
    {
        QTemporaryDir dir;
        LocalStore store;
        QCOMPARE(store.open(dir.filePath(QStringLiteral("haven.db"))).mode, LocalStore::Mode::Persistent);
        InspectionRepository repository(store);
        const QList<InspectionRule> starters = StarterRules::all();
        QVERIFY(repository.saveRules(starters, {{QStringLiteral("tester"), QStringLiteral("inspection.import"), {}}}));
        QCOMPARE(repository.rules().size(), starters.size());
        QVERIFY(repository.rule(QStringLiteral("disk-space"))->builtIn);
        QVERIFY(repository.deleteRule(QStringLiteral("disk-space")));
        QVERIFY(!repository.rule(QStringLiteral("disk-space")));
        QCOMPARE(store.auditRecords().size(), 1);
        QCOMPARE(store.auditRecords().first().action, QStringLiteral("inspection.import"));
    }

    void recordsRunsRisksAndCursor()
    {
        LocalStore store; // in memory
        InspectionRepository repository(store);
        QCOMPARE(repository.cursor(QStringLiteral("sha")), 0u);
        const QDateTime t0 = QDateTime::currentDateTimeUtc().addSecs(-600);
        InspectionRunRecord unfinished = run(3, {}, t0);
        unfinished.finished = {};
        const auto added = repository.recordRuns(QStringLiteral("sha"),
                                                 {run(1,
                                                      {result(QStringLiteral("disk"), InspectionStatus::Ok),
                                                       result(QStringLiteral("lag"), InspectionStatus::Warning,
                                                              InspectionHardState::SoftProblem)},
                                                      t0),
                                                  run(2,
                                                      {result(QStringLiteral("disk"), InspectionStatus::Ok),
                                                       result(QStringLiteral("lag"), InspectionStatus::Critical,
                                                              InspectionHardState::HardProblem)},
                                                      t0.addSecs(60)),
                                                  unfinished},
                                                 3);
        QVERIFY(added);
        QCOMPARE(added->size(), 2);
        QCOMPARE(repository.cursor(QStringLiteral("sha")), 3u);
        // Collected twice (a console that asked again): nothing new, nothing doubled.
        QCOMPARE(repository.recordRuns(QStringLiteral("sha"), {run(2, {}, t0.addSecs(60))}, 3)->size(), 0);
        const QList<InspectionRunSummary> runs = repository.runs(QStringLiteral("daily"));
        QCOMPARE(runs.size(), 2);
        QCOMPARE(runs.first().runId, QStringLiteral("run-2")); // newest first
        QCOMPARE(runs.last().ok, 1);
        QCOMPARE(runs.last().warning, 1);
        QCOMPARE(runs.last().passRate(), 0.5);
        QCOMPARE(runs.last().targets, QStringList{QStringLiteral("layer:database")});

        QList<InspectionRisk> risks = repository.risks(QStringLiteral("daily"));
        QCOMPARE(risks.size(), 1);
        QCOMPARE(risks.first().checkId, QStringLiteral("lag"));
        QVERIFY(risks.first().state == InspectionRiskState::ToDo);
        QVERIFY(repository.setRiskState(QStringLiteral("daily"), QStringLiteral("sha"), QStringLiteral("lag"),
                                        InspectionRiskState::Handled, QStringLiteral("ops")));
        QVERIFY(repository.risks().first().state == InspectionRiskState::Handled);
        QCOMPARE(repository.risks().first().handledBy, QStringLiteral("ops"));
        // It clears, then fails hard again: to do again.
        repository.recordRuns(QStringLiteral("sha"),
                              {run(4, {result(QStringLiteral("lag"), InspectionStatus::Ok)}, t0.addSecs(120))}, 4);
        QVERIFY(repository.risks().first().cleared);
        repository.recordRuns(QStringLiteral("sha"),
                              {run(5,
                                   {result(QStringLiteral("lag"), InspectionStatus::Critical,
                                           InspectionHardState::HardProblem)},
                                   t0.addSecs(180))},
                              5);
        QVERIFY(repository.risks().first().state == InspectionRiskState::ToDo);
        QVERIFY(!repository.risks().first().cleared);

        const QList<InspectionCheckResult> stored = repository.results(QStringLiteral("sha"), QStringLiteral("run-2"));
        QCOMPARE(stored.size(), 2);
        QVERIFY(stored.at(1).hardState == InspectionHardState::HardProblem);
        QCOMPARE(repository.runs(QStringLiteral("daily"), t0.addSecs(30), t0.addSecs(90)).size(), 1);
        QCOMPARE(repository.pruneResults(t0.addSecs(30)), 1);
        QVERIFY(repository.results(QStringLiteral("sha"), QStringLiteral("run-1")).isEmpty());
        QCOMPARE(repository.runs(QStringLiteral("daily")).size(), 4); // summaries stay for the trend
    }

    void buildsTheReport()
    {
        InspectionRunRecord record = run(7,
                                         {result(QStringLiteral("disk-space"), InspectionStatus::Ok),
                                          result(QStringLiteral("replication-lag"), InspectionStatus::Critical,
                                                 InspectionHardState::HardProblem),
                                          result(QStringLiteral("replication-lag.2"), InspectionStatus::Warning,
                                                 InspectionHardState::SoftProblem),
                                          result(QStringLiteral("ntp-offset"), InspectionStatus::Unknown)},
                                         QDateTime::currentDateTimeUtc());
        QHash<QString, InspectionRule> rules;
        for (const InspectionRule &rule : StarterRules::all())
            rules.insert(rule.id, rule);
        InspectionRisk handled;
        handled.taskId = QStringLiteral("daily");
        handled.siteId = QStringLiteral("sha");
        handled.checkId = QStringLiteral("replication-lag");
        handled.state = InspectionRiskState::Handled;
        const InspectionRunSummary summary = InspectionRunSummary::of(QStringLiteral("sha"), record);
        QCOMPARE(summary.checks, 4);
        QCOMPARE(summary.ok, 1);
        QCOMPARE(summary.failed(), 3);
        QCOMPARE(summary.passRate(), 0.25);
        QVERIFY(summary.worst() == InspectionStatus::Critical);
        const InspectionReport report = InspectionReport::build(summary, record.results, rules, {handled},
                                                                QStringLiteral("Daily"), QStringLiteral("Shanghai"));
        QVERIFY(report.rows.first().result.status == InspectionStatus::Critical); // worst first
        QCOMPARE(report.rows.first().ruleName, QStringLiteral("Database replication lag"));
        QCOMPARE(report.rows.at(1).ruleId, QStringLiteral("replication-lag")); // second target of the rule
        QCOMPARE(report.ruleCount(), 3);
        QCOMPARE(report.risksFound().size(), 1);
        QVERIFY(*report.risksFound().first().risk == InspectionRiskState::Handled);
        const QString html = report.html();
        QVERIFY(html.contains(QStringLiteral("25 %")) || html.contains(QStringLiteral("25.0 %")));
        QVERIFY(html.contains(rules.value(QStringLiteral("replication-lag")).governanceHint.toHtmlEscaped()));
        QVERIFY(html.contains(QStringLiteral("exit code 2")));
        const QString digest = report.digest();
        QVERIFY(digest.contains(QStringLiteral("Risks found: 1")));
        QVERIFY(!digest.contains(QStringLiteral("Disk space"))); // a digest lists risks, not every rule
    }

    void queueSurvivesReopening()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("haven.db"));
        const QDateTime now = QDateTime::currentDateTimeUtc();
        {
            LocalStore store;
            store.open(path);
            NotificationRepository queue(store);
            QVERIFY(queue.saveWebhook({QStringLiteral("ops"), QStringLiteral("Ops"), ChatWebhookKind::DingTalk,
                                       QStringLiteral("https://oapi.dingtalk.com/robot/send?access_token=x"),
                                       QStringLiteral("ops-sign"), true}));
            QVERIFY(queue.enqueue(QStringLiteral("ops"), QStringLiteral("a"), QStringLiteral("text a"), now) > 0);
            const qint64 b = queue.enqueue(QStringLiteral("ops"), QStringLiteral("b"), QStringLiteral("text b"), now);
            QVERIFY(queue.markAttemptFailed(b, QStringLiteral("HTTP 500"), now.addSecs(30)));
        }
        LocalStore store;
        store.open(path);
        NotificationRepository queue(store);
        QCOMPARE(queue.webhooks().size(), 1);
        QVERIFY(queue.webhooks().first().kind == ChatWebhookKind::DingTalk);
        QCOMPARE(queue.queuedCount(), 2);
        QCOMPARE(queue.due(now).size(), 1);
        QCOMPARE(queue.due(now.addSecs(31)).size(), 2);
        const ChatMessage failed = queue.messages().first();
        QCOMPARE(failed.attempts, 1);
        QCOMPARE(failed.lastError, QStringLiteral("HTTP 500"));
        QVERIFY(queue.markAttemptFailed(failed.id, QStringLiteral("gave up"), {}));
        QCOMPARE(queue.failedCount(), 1);
        QVERIFY(queue.markSent(queue.due(now).first().id, now));
        QCOMPARE(queue.sentSince(QStringLiteral("ops"), now.toMSecsSinceEpoch() - 1000).size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestInspectionRepository)
#include "tst_inspectionrepository.moc"
