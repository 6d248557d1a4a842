// SPDX-License-Identifier: GPL-3.0-or-later
// Inspections run by a real haven-agent: one check now, refusals that name the field, and a
// task the agent runs on schedule by itself, recording while no console asks, across a restart.

#include "agenttest.h"

#include "protocol/inspections.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

using namespace Haven;
using namespace Haven::Test;

namespace {

QJsonObject json(const char *text)
{
    return QJsonDocument::fromJson(QByteArray(text)).object();
}

// Two checks the simulated site answers from its model, every "minute" (one second here).
const char *task = R"({"id": "daily", "name": "Daily", "schedule": {"everyMinutes": 1}, "concurrency": 2,
  "checks": [{"id": "disk", "kind": "catalog", "catalog": "disk_space", "parameters": {"warning": 80}},
             {"id": "ntp", "kind": "catalog", "catalog": "ntp_offset", "target": "sha-db-1"}]})";

QList<InspectionRunRecord> runsSince(const HttpClient &client, quint64 since)
{
    const HttpResult answer = client.get(QStringLiteral("/v1/inspection-runs?since=%1").arg(since));
    QList<InspectionRunRecord> runs;
    const QJsonArray list = answer.json().value(QStringLiteral("runs")).toArray();
    for (const QJsonValue &value : list) {
        QString error;
        if (std::optional<InspectionRunRecord> run = InspectionRunRecord::fromJson(value.toObject(), &error))
            runs.append(*run);
        else
            qWarning("unreadable run: %s", qPrintable(error));
    }
    return runs;
}

} // namespace

class TestAgentInspections final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    void checkNow();
    void invalid_data();
    void invalid();
    void scheduleRunsWithoutAConsoleAndSurvivesRestart();
    void runNow();
    void deleteTask();

private:
    bool startAgent();

    QTemporaryDir m_dir;
    std::unique_ptr<AgentProcess> m_agent;
    std::unique_ptr<HttpClient> m_client;
};

bool TestAgentInspections::startAgent()
{
    AgentProcess::Options options;
    options.extraIni = QStringLiteral("[inspections]\nminute_seconds = 1\nprobe_hosts = 127.0.0.1\n");
    if (!m_agent->start(options)) {
        qWarning("%s", qPrintable(m_agent->output()));
        return false;
    }
    m_client = std::make_unique<HttpClient>(m_agent->url(), m_agent->token());
    return true;
}

void TestAgentInspections::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    initCurl();
    QVERIFY(m_dir.isValid());
    m_agent = std::make_unique<AgentProcess>(m_dir.path());
    QVERIFY(startAgent());
}

void TestAgentInspections::cleanupTestCase()
{
    m_client.reset();
    m_agent.reset();
}

void TestAgentInspections::checkNow()
{
    const HttpResult answer
        = m_client->post(QStringLiteral("/v1/inspections"),
                         json(R"({"id": "disk", "kind": "catalog", "catalog": "disk_space", "target": "sha-db-1"})"));
    QCOMPARE(answer.status, 200L);
    QString error;
    const std::optional<InspectionCheckResult> result
        = InspectionCheckResult::fromJson(answer.json().value(QStringLiteral("result")).toObject(), &error);
    QVERIFY2(result, qPrintable(error));
    QCOMPARE(result->checkId, QStringLiteral("disk"));
    QCOMPARE(result->target, QStringLiteral("sha-db-1"));
    QVERIFY(result->evidence.value(QStringLiteral("simulated")).toBool());
    QVERIFY2(result->summary.contains(QStringLiteral("sha-db-1")), qPrintable(result->summary));
}

void TestAgentInspections::invalid_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QJsonObject>("body");
    QTest::addColumn<long>("status");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("message");

    const QString post = QStringLiteral("/v1/inspections");
    QTest::addRow("no kind") << QByteArray("POST") << post << QJsonObject() << 400L << "invalid_inspection"
                             << "kind:";
    QTest::addRow("bad step") << QByteArray("POST") << post
                              << json(R"({"kind": "http-steps", "steps": [{"request": {"url": "ftp:\/\/x"}}]})") << 400L
                              << "invalid_inspection"
                              << "steps[0].request.url:";
    QTest::addRow("free script") << QByteArray("POST") << post
                                 << json(R"({"kind": "script", "interpreter": "shell", "script": "cat /etc/shadow"})")
                                 << 403L << "free_scripts_disabled"
                                 << "this agent runs only";
    QTest::addRow("host not allowed") << QByteArray("POST") << post
                                      << json(R"({"kind": "http", "url": "http:\/\/192.0.2.1/"})") << 403L
                                      << "probe_host_not_allowed"
                                      << "url:";
    QTest::addRow("no catalog entry") << QByteArray("POST") << post
                                      << json(R"({"kind": "catalog", "catalog": "format_disk"})") << 400L
                                      << "invalid_inspection"
                                      << "catalog:";
    const QString put = QStringLiteral("/v1/inspection-tasks/daily");
    QTest::addRow("task field")
        << QByteArray("PUT") << put
        << json(
               R"({"id": "daily", "schedule": {"cron": "* * *"}, "checks": [{"id": "a", "kind": "catalog", "catalog": "disk_space"}]})")
        << 400L << "invalid_inspection"
        << "schedule.cron:";
    QTest::addRow("task check refused") << QByteArray("PUT") << put
                                        << json(R"({"id": "daily", "schedule": {"everyMinutes": 5}, "checks": [
                                             {"id": "a", "kind": "catalog", "catalog": "disk_space"},
                                             {"id": "b", "kind": "script", "interpreter": "shell", "script": "id"}]})")
                                        << 403L << "free_scripts_disabled"
                                        << "checks[1] (b):";
    QTest::addRow("id mismatch")
        << QByteArray("PUT") << put
        << json(
               R"({"id": "other", "schedule": {"everyMinutes": 5}, "checks": [{"id": "a", "kind": "catalog", "catalog": "disk_space"}]})")
        << 400L << "invalid_inspection"
        << "id:";
    QTest::addRow("run unknown task") << QByteArray("POST") << QStringLiteral("/v1/inspection-tasks/nope/run")
                                      << QJsonObject() << 404L << "not_found"
                                      << "no inspection task nope";
}

void TestAgentInspections::invalid()
{
    QFETCH(QByteArray, method);
    QFETCH(QString, path);
    QFETCH(QJsonObject, body);
    QFETCH(long, status);
    QFETCH(QString, code);
    QFETCH(QString, message);
    const HttpResult result = m_client->request(method, path, QJsonDocument(body).toJson(QJsonDocument::Compact),
                                                {"Content-Type: application/json"});
    QCOMPARE(result.status, status);
    QCOMPARE(result.errorCode(), code);
    const QString text
        = result.json().value(QStringLiteral("error")).toObject().value(QStringLiteral("message")).toString();
    QVERIFY2(text.startsWith(message), qPrintable(text));
    // Nothing was stored by a refused task.
    QVERIFY(
        m_client->get(QStringLiteral("/v1/inspection-tasks")).json().value(QStringLiteral("tasks")).toArray().isEmpty());
}

void TestAgentInspections::scheduleRunsWithoutAConsoleAndSurvivesRestart()
{
    const HttpResult put = m_client->request("PUT", QStringLiteral("/v1/inspection-tasks/daily"), QByteArray(task),
                                             {"Content-Type: application/json"});
    QCOMPARE(put.status, 200L);
    // Nobody asks for a while: the agent runs the task by itself.
    QTest::qWait(3500);
    QList<InspectionRunRecord> runs = runsSince(*m_client, 0);
    QVERIFY2(runs.size() >= 2, qPrintable(QString::number(runs.size())));
    for (qsizetype i = 1; i < runs.size(); ++i)
        QVERIFY(runs.at(i).sequence > runs.at(i - 1).sequence);
    const InspectionRunRecord &first = runs.first();
    QCOMPARE(first.taskId, QStringLiteral("daily"));
    QCOMPARE(toString(first.trigger), toString(InspectionTrigger::Schedule));
    QCOMPARE(first.results.size(), 2);
    QCOMPARE(first.results.at(0).checkId, QStringLiteral("disk"));
    QCOMPARE(first.results.at(1).checkId, QStringLiteral("ntp"));
    QVERIFY(first.finished >= first.started);
    const quint64 seen = runs.last().sequence;

    m_agent->stop();
    QVERIFY(startAgent());
    // The task came back from the database and the history is still there.
    const QJsonArray tasks
        = m_client->get(QStringLiteral("/v1/inspection-tasks")).json().value(QStringLiteral("tasks")).toArray();
    QCOMPARE(tasks.size(), 1);
    QCOMPARE(tasks.at(0).toObject().value(QStringLiteral("task")).toObject().value(QStringLiteral("id")).toString(),
             QStringLiteral("daily"));
    QVERIFY(runsSince(*m_client, 0).size() >= runs.size());
    QTRY_VERIFY_WITH_TIMEOUT(!runsSince(*m_client, seen).isEmpty(), 10'000);
    QVERIFY(runsSince(*m_client, seen).first().sequence > seen);
}

void TestAgentInspections::runNow()
{
    const HttpResult run = m_client->post(QStringLiteral("/v1/inspection-tasks/daily/run"), {});
    if (run.status == 409)
        QSKIP("the scheduled run was still going; covered by the schedule test");
    QCOMPARE(run.status, 202L);
    const QString runId = run.json().value(QStringLiteral("runId")).toString();
    QVERIFY(!runId.isEmpty());
    const auto recorded = [&] {
        const QList<InspectionRunRecord> runs = runsSince(*m_client, 0);
        return std::any_of(runs.cbegin(), runs.cend(), [&](const InspectionRunRecord &r) {
            return r.runId == runId && r.trigger == InspectionTrigger::Manual;
        });
    };
    QTRY_VERIFY_WITH_TIMEOUT(recorded(), 10'000);
}

void TestAgentInspections::deleteTask()
{
    QCOMPARE(m_client->request("DELETE", QStringLiteral("/v1/inspection-tasks/daily"), {}).status, 204L);
    QVERIFY(
        m_client->get(QStringLiteral("/v1/inspection-tasks")).json().value(QStringLiteral("tasks")).toArray().isEmpty());
    const quint64 last = quint64(
        m_client->get(QStringLiteral("/v1/inspection-runs")).json().value(QStringLiteral("sequence")).toInteger());
    QTest::qWait(2500);
    QVERIFY(runsSince(*m_client, last).isEmpty()); // nothing runs any more
}

QTEST_GUILESS_MAIN(TestAgentInspections)
#include "tst_agentinspections.moc"
