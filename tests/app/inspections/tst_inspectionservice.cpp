// SPDX-License-Identifier: GPL-3.0-or-later
// The inspection center against three real agents on loopback: a task pushed by one console
// keeps running at the sites with no console connected, and a console started later, with a
// database of its own, collects the whole history and builds its reports from it.
#include "app/executions/executionengine.h"
#include "app/inspections/inspectionservice.h"
#include "app/session/consolesession.h"
#include "executiontest.h"
#include "httpclient.h"
#include "sessiontest.h"
#include "waituntil.h"

#include <QJsonArray>
#include <QStandardPaths>
#include <QTest>

using namespace Haven;
using namespace Haven::Test;

namespace {

// "Every minute" lasts one second at these agents.
const QString FastMinutes = QStringLiteral("\n[inspections]\nminute_seconds = 1\n");

InspectionTaskSpec everyMinute()
{
    InspectionTaskSpec task;
    task.id = QStringLiteral("site-health");
    task.name = QStringLiteral("Site health");
    task.ruleIds = {QStringLiteral("disk-space"), QStringLiteral("ntp-offset")};
    task.schedule.everyMinutes = 1;
    return task;
}

Operator inspector()
{
    return {QStringLiteral("inspector"), QStringLiteral("ops-1")};
}

bool followAll(ConsoleSession &session, DemoSites &sites)
{
    return followUntilOnline(session, sites.environment(), sites.tokens());
}

// The runs an agent itself recorded for the task.
int agentRuns(DemoSites &sites, const QString &siteId, const QString &taskId)
{
    HttpClient client(sites.agent(siteId).url(), sites.agent(siteId).token());
    const QJsonArray runs = client.get(QStringLiteral("/v1/inspection-runs?since=0&limit=500"))
                                .json()
                                .value(QStringLiteral("runs"))
                                .toArray();
    int count = 0;
    for (const QJsonValue &run : runs)
        count += run.toObject().value(QStringLiteral("taskId")).toString() == taskId ? 1 : 0;
    return count;
}

} // namespace

class TestInspectionService final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void historyIsKeptWithoutAConsole();

private:
    QTemporaryDir m_dir;
    std::unique_ptr<DemoSites> m_sites;
};

void TestInspectionService::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
    m_sites = std::make_unique<DemoSites>(m_dir);
    QVERIFY(m_sites->start(20, FastMinutes));
}

void TestInspectionService::historyIsKeptWithoutAConsole()
{
    const InspectionTaskSpec task = everyMinute();
    {
        ConsoleSession first(sessionOptions(m_dir, QStringLiteral("first")));
        QVERIFY(followAll(first, *m_sites));
        const InspectionService::Outcome saved = first.inspections().saveTask(task, inspector());
        QVERIFY2(saved, qPrintable(saved.message));
        // Pushed to every site whose topology has the rules' targets.
        QVERIFY(waitUntil(
            [&] {
            for (const QString &id : DemoSites::Ids) {
                HttpClient client(m_sites->agent(id).url(), m_sites->agent(id).token());
                const QJsonArray tasks
                    = client.get(QStringLiteral("/v1/inspection-tasks")).json().value(QStringLiteral("tasks")).toArray();
                if (tasks.isEmpty())
                    return false;
            }
            return true;
            },
            15'000));
    } // the console is closed: nothing on this side runs the task any more

    // The agents run it on their own.
    const QDateTime consoleClosed = QDateTime::currentDateTimeUtc();
    QVERIFY(waitUntil(
        [&] {
        for (const QString &id : DemoSites::Ids) {
            if (agentRuns(*m_sites, id, task.id) < 3)
                return false;
        }
        return true;
        },
        20'000));
    QHash<QString, int> recordedAtSites;
    for (const QString &id : DemoSites::Ids)
        recordedAtSites.insert(id, agentRuns(*m_sites, id, task.id));

    // A console that never saw these runs, with the same task (as a team imports it from git).
    const QDateTime laterStarted = QDateTime::currentDateTimeUtc();
    ConsoleSession later(sessionOptions(m_dir, QStringLiteral("later")));
    QVERIFY(later.inspections().saveTask(task, inspector()));
    QVERIFY(followAll(later, *m_sites));
    later.inspections().collectNow();
    QVERIFY(waitUntil(
        [&] {
        QHash<QString, int> collected;
        for (const InspectionRunSummary &run : later.inspections().runs(task.id))
            ++collected[run.siteId];
        for (const QString &id : DemoSites::Ids) {
            if (collected.value(id) < recordedAtSites.value(id))
                return false;
        }
        return true;
        },
        20'000));

    const QList<InspectionRunSummary> runs = later.inspections().runs(task.id);
    QHash<QString, int> beforeThisConsole; // site -> runs the agents made while no console was there
    for (const InspectionRunSummary &run : runs) {
        QCOMPARE(run.taskId, task.id);
        QCOMPARE(run.checks, 2); // one check per rule at each site
        QCOMPARE(run.ok + run.warning + run.critical + run.unknown, run.checks);
        if (run.started >= consoleClosed.addSecs(-1) && run.started < laterStarted)
            ++beforeThisConsole[run.siteId];
    }
    for (const QString &id : DemoSites::Ids)
        QVERIFY2(beforeThisConsole.value(id) >= 2, qPrintable(id));

    // A report is built from the stored run, per rule with its evidence.
    const std::optional<InspectionReport> report = later.inspections().report(runs.first().siteId, runs.first().runId);
    QVERIFY(report);
    QCOMPARE(report->rows.size(), 2);
    QStringList rules;
    for (const InspectionReportRow &row : report->rows) {
        rules.append(row.ruleId);
        QVERIFY(!row.result.summary.isEmpty());
    }
    rules.sort();
    QCOMPARE(rules, (QStringList{QStringLiteral("disk-space"), QStringLiteral("ntp-offset")}));
    QVERIFY(report->html().contains(task.name));
}

QTEST_GUILESS_MAIN(TestInspectionService)
#include "tst_inspectionservice.moc"
