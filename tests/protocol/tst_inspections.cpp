// SPDX-License-Identifier: GPL-3.0-or-later
#include "protocol/cronexpression.h"
#include "protocol/inspections.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace Haven;

namespace {

QJsonObject json(const char *text)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(QByteArray(text), &error);
    if (error.error != QJsonParseError::NoError)
        qFatal("bad JSON in the test: %s", qPrintable(error.errorString()));
    return document.object();
}

const char *loginTask = R"({
  "id": "daily", "name": "Daily", "revision": 3,
  "schedule": {"cron": "*/5 8-18 * * 1-5"}, "window": {"from": "22:00", "to": "06:00"},
  "concurrency": 2, "softFailures": 2, "recoveries": 2, "flapThreshold": 0.5, "enabled": false,
  "checks": [
    {"id": "disk", "kind": "catalog", "catalog": "disk_space", "parameters": {"path": "/", "warning": 80},
     "target": "sha-host-1", "severity": "warning", "timeoutSeconds": 20},
    {"id": "portal", "kind": "http", "url": "https:\/\/portal.example/status", "method": "GET",
     "headers": {"Accept": "application/json"},
     "conditions": {"status": [200], "bodyContains": "UP", "json": [{"path": "$.nodes", "op": ">=", "value": 3}],
                    "maxResponseMs": 2000, "minCertificateDays": 14}},
    {"id": "login", "kind": "http-steps", "steps": [
       {"request": {"url": "http:\/\/console.example/login", "method": "POST", "body": "user=${secret:CONSOLE_USER}"},
        "extract": [{"name": "token", "from": "json", "path": "$.token"}], "conditions": {"status": [200]}},
       {"request": {"url": "http:\/\/console.example/home", "headers": {"Authorization": "Bearer ${token}"}},
        "conditions": {"bodyRegex": "Welcome, \\w+"}}]},
    {"id": "free", "kind": "script", "interpreter": "python", "script": "pass"}
  ]
})";

} // namespace

// (URLs in the raw strings are written http:\/\/ because moc reads // there as a comment.)
class TestInspections final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void taskRoundTrip();
    void badFieldsAreNamed_data();
    void badFieldsAreNamed();
    void runRecordRoundTrip();
    void exitCodes();
    void jsonPath_data();
    void jsonPath();
    void cron_data();
    void cron();
    void badCron_data();
    void badCron();
    void window();
};

void TestInspections::taskRoundTrip()
{
    QString error;
    const std::optional<InspectionTask> task = InspectionTask::fromJson(json(loginTask), &error);
    QVERIFY2(task, qPrintable(error));
    QCOMPARE(task->checks.size(), 4);
    QCOMPARE(task->revision, 3);
    QCOMPARE(task->concurrency, 2);
    QVERIFY(!task->enabled);
    QCOMPARE(toString(task->checks[0].kind), toString(InspectionKind::Catalog));
    QCOMPARE(toString(task->checks[0].severity), toString(InspectionSeverity::Warning));
    QCOMPARE(task->checks[1].steps.size(), 1);
    QCOMPARE(*task->checks[1].steps[0].conditions.minCertificateDays, 14);
    QCOMPARE(task->checks[2].steps.size(), 2);
    QCOMPARE(task->checks[2].steps[0].extract[0].name, QStringLiteral("token"));
    QCOMPARE(task->checks[3].interpreter, QStringLiteral("python"));

    const QJsonObject written = task->toJson();
    const std::optional<InspectionTask> again = InspectionTask::fromJson(written, &error);
    QVERIFY2(again, qPrintable(error));
    QCOMPARE(again->toJson(), written);
}

void TestInspections::badFieldsAreNamed_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QJsonValue>("value");
    QTest::addColumn<QString>("expected");

    QTest::addRow("no checks") << "checks" << QJsonValue(QJsonArray()) << "checks: expected 1 to 2000";
    QTest::addRow("bad id") << "id" << QJsonValue(QStringLiteral("a b")) << "id: expected 1 to 64";
    QTest::addRow("concurrency") << "concurrency" << QJsonValue(17) << "concurrency:";
    QTest::addRow("flap") << "flapThreshold" << QJsonValue(1.5) << "flapThreshold:";
    QTest::addRow("both schedules") << "schedule" << QJsonValue(json(R"({"cron": "* * * * *", "everyMinutes": 5})"))
                                    << "schedule: expected exactly one";
    QTest::addRow("bad cron") << "schedule" << QJsonValue(json(R"({"cron": "61 * * * *"})")) << "schedule.cron:";
    QTest::addRow("bad window") << "window" << QJsonValue(json(R"({"from": "25:00", "to": "06:00"})"))
                                << "window.from:";
    QTest::addRow("check kind") << "checks" << QJsonValue(QJsonArray{json(R"({"id": "a", "kind": "ftp"})")})
                                << "checks[0].kind: expected one of catalog | script | http | http-steps";
    QTest::addRow("check without id") << "checks"
                                      << QJsonValue(QJsonArray{json(R"({"kind": "catalog", "catalog": "x"})")})
                                      << "checks[0].id: is required";
    QTest::addRow("twice the same id") << "checks"
                                       << QJsonValue(
                                              QJsonArray{json(R"({"id": "a", "kind": "catalog", "catalog": "x"})"),
                                                         json(R"({"id": "a", "kind": "catalog", "catalog": "y"})")})
                                       << "checks[1].id: \"a\" is used twice";
    QTest::addRow("step url") << "checks"
                              << QJsonValue(QJsonArray{json(
                                     R"({"id": "a", "kind": "http-steps", "steps": [{"request": {"url": "x"}}]})")})
                              << "checks[0].steps[0].request.url: expected an http";
    QTest::addRow("extract from") << "checks"
                                  << QJsonValue(QJsonArray{json(R"({"id": "a", "kind": "http-steps", "steps": [
                                       {"request": {"url": "http:\/\/h/"}, "extract": [{"name": "t", "from": "xml", "path": "/"}]}]})")})
                                  << "checks[0].steps[0].extract[0].from: expected one of json";
    QTest::addRow("condition op") << "checks"
                                  << QJsonValue(QJsonArray{json(R"({"id": "a", "kind": "http", "url": "http:\/\/h/",
                                       "conditions": {"json": [{"path": "$.a", "op": "~", "value": 1}]}})")})
                                  << "checks[0].conditions.json[0].op:";
    QTest::addRow("json path") << "checks"
                               << QJsonValue(QJsonArray{json(R"({"id": "a", "kind": "http", "url": "http:\/\/h/",
                                    "conditions": {"json": [{"path": "a.b", "value": 1}]}})")})
                               << "checks[0].conditions.json[0].path: a JSON path starts with $";
    QTest::addRow("status") << "checks"
                            << QJsonValue(QJsonArray{json(R"({"id": "a", "kind": "http", "url": "http:\/\/h/",
                                 "conditions": {"status": [700]}})")})
                            << "checks[0].conditions.status[0]:";
    QTest::addRow("script interpreter") << "checks"
                                        << QJsonValue(QJsonArray{json(
                                               R"({"id": "a", "kind": "script", "interpreter": "perl", "script": "1"})")})
                                        << "checks[0].interpreter: expected one of shell | python";
    QTest::addRow("timeout") << "checks"
                             << QJsonValue(QJsonArray{
                                    json(R"({"id": "a", "kind": "catalog", "catalog": "x", "timeoutSeconds": 0})")})
                             << "checks[0].timeoutSeconds:";
    QTest::addRow("severity") << "checks"
                              << QJsonValue(QJsonArray{
                                     json(R"({"id": "a", "kind": "catalog", "catalog": "x", "severity": "major"})")})
                              << "checks[0].severity: expected one of warning | critical";
}

void TestInspections::badFieldsAreNamed()
{
    QFETCH(QString, path);
    QFETCH(QJsonValue, value);
    QFETCH(QString, expected);
    QJsonObject task = json(loginTask);
    task.insert(path, value);
    QString error;
    QVERIFY(!InspectionTask::fromJson(task, &error));
    QVERIFY2(error.startsWith(expected), qPrintable(error));
}

void TestInspections::runRecordRoundTrip()
{
    InspectionRunRecord run;
    run.runId = QStringLiteral("r-1");
    run.taskId = QStringLiteral("daily");
    run.taskRevision = 3;
    run.sequence = 41;
    run.started = QDateTime(QDate(2026, 12, 4), QTime(9, 0), Qt::UTC);
    run.finished = run.started.addSecs(5);
    run.trigger = InspectionTrigger::Manual;
    InspectionCheckResult result;
    result.checkId = QStringLiteral("disk");
    result.target = QStringLiteral("sha-host-1");
    result.status = InspectionStatus::Warning;
    result.hardState = InspectionHardState::SoftProblem;
    result.flapping = true;
    result.summary = QStringLiteral("82% used");
    result.evidence = {{QStringLiteral("usedPercent"), 82}};
    result.durationMs = 12;
    run.results.append(result);
    QString error;
    const std::optional<InspectionRunRecord> again = InspectionRunRecord::fromJson(run.toJson(), &error);
    QVERIFY2(again, qPrintable(error));
    QCOMPARE(again->toJson(), run.toJson());
}

void TestInspections::exitCodes()
{
    QCOMPARE(toString(inspectionStatusFromExitCode(0)), toString(InspectionStatus::Ok));
    QCOMPARE(toString(inspectionStatusFromExitCode(1)), toString(InspectionStatus::Warning));
    QCOMPARE(toString(inspectionStatusFromExitCode(2)), toString(InspectionStatus::Critical));
    QCOMPARE(toString(inspectionStatusFromExitCode(3)), toString(InspectionStatus::Unknown));
    QCOMPARE(toString(inspectionStatusFromExitCode(127)), toString(InspectionStatus::Unknown));
    QCOMPARE(toString(worse(InspectionStatus::Unknown, InspectionStatus::Warning)), toString(InspectionStatus::Warning));
    QCOMPARE(toString(worse(InspectionStatus::Ok, InspectionStatus::Unknown)), toString(InspectionStatus::Unknown));
}

void TestInspections::jsonPath_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QJsonValue>("expected"); // Undefined: not found

    QTest::addRow("root") << "$" << QJsonValue(json(R"({"a": {"b": [1, {"c": "x"}]}, "d e": 2})"));
    QTest::addRow("member") << "$.a.b[0]" << QJsonValue(1);
    QTest::addRow("nested") << "$.a.b[1].c" << QJsonValue(QStringLiteral("x"));
    QTest::addRow("quoted") << "$[\"d e\"]" << QJsonValue(2);
    QTest::addRow("missing") << "$.a.z" << QJsonValue(QJsonValue::Undefined);
    QTest::addRow("out of range") << "$.a.b[5]" << QJsonValue(QJsonValue::Undefined);
}

void TestInspections::jsonPath()
{
    QFETCH(QString, path);
    QFETCH(QJsonValue, expected);
    const QJsonObject document = json(R"({"a": {"b": [1, {"c": "x"}]}, "d e": 2})");
    const std::optional<QJsonValue> value = jsonPathValue(document, path);
    if (expected.isUndefined())
        QVERIFY(!value);
    else
        QCOMPARE(value.value_or(QJsonValue()), expected);
}

void TestInspections::cron_data()
{
    QTest::addColumn<QString>("expression");
    QTest::addColumn<QDateTime>("after");
    QTest::addColumn<QDateTime>("expected");

    const auto at = [](int day, int hour, int minute) {
        return QDateTime(QDate(2026, 12, day), QTime(hour, minute), Qt::UTC);
    };
    // 2026-12-04 is a Friday.
    QTest::addRow("every minute") << "* * * * *" << at(4, 9, 0).addSecs(30) << at(4, 9, 1);
    QTest::addRow("every five") << "*/5 * * * *" << at(4, 9, 1) << at(4, 9, 5);
    QTest::addRow("on the five itself is next") << "*/5 * * * *" << at(4, 9, 5) << at(4, 9, 10);
    QTest::addRow("office hours") << "0 8-18 * * 1-5" << at(4, 18, 30) << at(7, 8, 0);
    QTest::addRow("list") << "15,45 2 * * *" << at(4, 2, 20) << at(4, 2, 45);
    QTest::addRow("sunday as 7") << "0 0 * * 7" << at(4, 0, 0) << at(6, 0, 0);
    QTest::addRow("day or weekday") << "0 0 25 * 1" << at(4, 0, 0) << at(7, 0, 0);
    QTest::addRow("month") << "0 0 1 1 *" << at(4, 0, 0) << QDateTime(QDate(2027, 1, 1), QTime(0, 0), Qt::UTC);
}

void TestInspections::cron()
{
    QFETCH(QString, expression);
    QFETCH(QDateTime, after);
    QFETCH(QDateTime, expected);
    QString error;
    const std::optional<CronExpression> cron = CronExpression::parse(expression, &error);
    QVERIFY2(cron, qPrintable(error));
    QCOMPARE(cron->nextAfter(after), expected);
}

void TestInspections::badCron_data()
{
    QTest::addColumn<QString>("expression");
    QTest::addRow("four fields") << "* * * *";
    QTest::addRow("minute 60") << "60 * * * *";
    QTest::addRow("zero step") << "*/0 * * * *";
    QTest::addRow("reversed range") << "* 5-2 * * *";
    QTest::addRow("word") << "* * * * MON";
}

void TestInspections::badCron()
{
    QFETCH(QString, expression);
    QString error;
    QVERIFY(!CronExpression::parse(expression, &error));
    QVERIFY(!error.isEmpty());
}

void TestInspections::window()
{
    const InspectionWindow night{QTime(22, 0), QTime(6, 0)};
    QVERIFY(night.contains(QTime(23, 0)));
    QVERIFY(night.contains(QTime(5, 59)));
    QVERIFY(!night.contains(QTime(6, 0)));
    QVERIFY(!night.contains(QTime(12, 0)));
    const InspectionWindow day{QTime(8, 0), QTime(18, 0)};
    QVERIFY(day.contains(QTime(8, 0)));
    QVERIFY(!day.contains(QTime(18, 0)));
}

QTEST_GUILESS_MAIN(TestInspections)
#include "tst_inspections.moc"
