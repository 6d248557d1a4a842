// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/inspections/inspectionformat.h"
#include "models/inspections/starterrules.h"
#include "protocol/protocol.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QtTest>

using namespace Haven;

namespace {

QJsonObject diskRule(const QString &id = QStringLiteral("disk"))
{
    return QJsonObject{{QStringLiteral("id"), id},
                       {QStringLiteral("name"), QStringLiteral("Disk")},
                       {QStringLiteral("target"), QJsonObject{{QStringLiteral("kind"), QStringLiteral("layer")},
                                                              {QStringLiteral("id"), QStringLiteral("database")}}},
                       {QStringLiteral("timeoutSeconds"), 30},
                       {QStringLiteral("check"),
                        QJsonObject{{QStringLiteral("kind"), QStringLiteral("catalog")},
                                    {QStringLiteral("catalog"), QStringLiteral("disk_space")}}}};
}

QByteArray fileWith(const QJsonArray &rules, const QJsonArray &tasks = {})
{
    return QJsonDocument(QJsonObject{{QStringLiteral("format"), QStringLiteral("haven-inspections")},
                                     {QStringLiteral("version"), 1},
                                     {QStringLiteral("rules"), rules},
                                     {QStringLiteral("tasks"), tasks}})
        .toJson();
}

} // namespace

class TestInspectionFormat final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void starterLibraryIsValid()
    {
        const QList<InspectionRule> rules = StarterRules::all();
        QVERIFY2(rules.size() >= 15, qPrintable(QString::number(rules.size())));
        QSet<QString> ids;
        for (const InspectionRule &rule : rules) {
            QVERIFY(rule.builtIn);
            QVERIFY(!rule.governanceHint.isEmpty());
            QVERIFY(!ids.contains(rule.id));
            ids.insert(rule.id);
        }
        // The login probe names its secret; the file never holds the password.
        QVERIFY(!StarterRules::file().contains("password\": \"") || StarterRules::file().contains("${secret:"));
    }

    void roundTrip()
    {
        InspectionFile file;
        file.rules = StarterRules::all();
        std::optional<InspectionTaskSpec> task = InspectionTaskSpec::fromJson(
            QJsonObject{{QStringLiteral("id"), QStringLiteral("t1")},
                        {QStringLiteral("name"), QStringLiteral("Every 5 min")},
                        {QStringLiteral("rules"), QJsonArray{QStringLiteral("disk-space")}},
                        {QStringLiteral("schedule"), QJsonObject{{QStringLiteral("everyMinutes"), 5}}},
                        {QStringLiteral("window"), QJsonObject{{QStringLiteral("from"), QStringLiteral("08:00")},
                                                               {QStringLiteral("to"), QStringLiteral("20:00")}}},
                        {QStringLiteral("notify"), QJsonArray{QStringLiteral("ops-robot")}}},
            nullptr);
        QString error;
        task = InspectionTaskSpec::fromJson(task ? task->toJson() : QJsonObject(), &error);
        QVERIFY2(task, qPrintable(error));
        file.tasks = {*task};
        const QByteArray written = InspectionFormat::write(file);
        const std::optional<InspectionFile> read = InspectionFormat::read(written, &error);
        QVERIFY2(read, qPrintable(error));
        QCOMPARE(read->rules.size(), file.rules.size());
        QCOMPARE(InspectionFormat::write(*read), written);
        QCOMPARE(read->tasks.first().notify, QStringList{QStringLiteral("ops-robot")});
        QVERIFY(read->tasks.first().window.has_value());
    }

    void refusesBadFields_data()
    {
        QTest::addColumn<QByteArray>("data");
        QTest::addColumn<QString>("expected");

        QJsonObject badTimeout = diskRule(QStringLiteral("r3"));
        badTimeout.insert(QStringLiteral("timeoutSeconds"), 7200);
        QTest::addRow("timeout out of range")
            << fileWith({diskRule(QStringLiteral("r0")), diskRule(QStringLiteral("r1")), diskRule(QStringLiteral("r2")),
                         badTimeout})
            << QStringLiteral("rules[3].timeoutSeconds: expected 1 to 3600, got 7200");

        QJsonObject badId = diskRule(QStringLiteral("has space"));
        QTest::addRow("bad id") << fileWith({badId}) << QStringLiteral("rules[0].id: expected 1 to 64");

        QJsonObject badTarget = diskRule();
        badTarget.insert(QStringLiteral("target"), QJsonObject{{QStringLiteral("kind"), QStringLiteral("planet")}});
        QTest::addRow("bad target kind") << fileWith({badTarget})
                                         << QStringLiteral("rules[0].target.kind: expected one of");

        QJsonObject noTargetId = diskRule();
        noTargetId.insert(QStringLiteral("target"), QJsonObject{{QStringLiteral("kind"), QStringLiteral("host")}});
        QTest::addRow("host without id") << fileWith({noTargetId}) << QStringLiteral("rules[0].target.id: required");

        QJsonObject badSeverity = diskRule();
        badSeverity.insert(QStringLiteral("severity"), QStringLiteral("fatal"));
        QTest::addRow("bad severity") << fileWith({badSeverity})
                                      << QStringLiteral("rules[0].severity: expected one of");

        QJsonObject badCheck = diskRule();
        badCheck.insert(QStringLiteral("check"), QJsonObject{{QStringLiteral("kind"), QStringLiteral("http")},
                                                             {QStringLiteral("url"), QStringLiteral("ftp://x")}});
        QTest::addRow("bad probe url") << fileWith({badCheck}) << QStringLiteral("rules[0].check.url");

        QJsonObject ruleKeyInCheck = diskRule();
        QJsonObject check = ruleKeyInCheck.value(QStringLiteral("check")).toObject();
        check.insert(QStringLiteral("timeoutSeconds"), 5);
        ruleKeyInCheck.insert(QStringLiteral("check"), check);
        QTest::addRow("rule field in check")
            << fileWith({ruleKeyInCheck}) << QStringLiteral("rules[0].check.timeoutSeconds: set on the rule");

        QJsonObject unlistedSecret = diskRule();
        unlistedSecret.insert(QStringLiteral("check"),
                              QJsonObject{{QStringLiteral("kind"), QStringLiteral("http")},
                                          {QStringLiteral("url"),
                                           QStringLiteral("https://x.example/?t=${secret:tok}")}});
        QTest::addRow("unlisted secret") << fileWith({unlistedSecret})
                                         << QStringLiteral("rules[0].secrets: the check uses ${secret:tok}");

        QTest::addRow("duplicate rule") << fileWith({diskRule(), diskRule()})
                                        << QStringLiteral("rules[1].id: \"disk\" is used by an earlier rule");

        const QJsonObject task{{QStringLiteral("id"), QStringLiteral("t")},
                               {QStringLiteral("name"), QStringLiteral("T")},
                               {QStringLiteral("rules"), QJsonArray{QStringLiteral("disk"), QStringLiteral("nope")}},
                               {QStringLiteral("schedule"), QJsonObject{{QStringLiteral("everyMinutes"), 1}}}};
        QTest::addRow("unknown rule in task")
            << fileWith({diskRule()}, {task}) << QStringLiteral("tasks[0].rules[1]: no rule \"nope\"");

        QJsonObject badSchedule = task;
        badSchedule.insert(QStringLiteral("rules"), QJsonArray{QStringLiteral("disk")});
        badSchedule.insert(QStringLiteral("schedule"),
                           QJsonObject{{QStringLiteral("cron"), QStringLiteral("61 * * * *")}});
        QTest::addRow("bad cron") << fileWith({diskRule()}, {badSchedule}) << QStringLiteral("tasks[0].schedule.cron");

        QJsonObject badConcurrency = task;
        badConcurrency.insert(QStringLiteral("rules"), QJsonArray{QStringLiteral("disk")});
        badConcurrency.insert(QStringLiteral("concurrency"), 40);
        QTest::addRow("concurrency") << fileWith({diskRule()}, {badConcurrency})
                                     << QStringLiteral("tasks[0].concurrency: expected 1 to 16, got 40");

        QTest::addRow("wrong format") << QByteArray(R"({"format": "haven-plan", "version": 1})")
                                      << QStringLiteral("format: expected \"haven-inspections\"");
        QTest::addRow("newer version") << QByteArray(R"({"format": "haven-inspections", "version": 9, "rules": []})")
                                       << QStringLiteral("version: version 9 is newer");
        QTest::addRow("not json") << QByteArray("{") << QStringLiteral("not JSON");
    }

    void refusesBadFields()
    {
        QFETCH(QByteArray, data);
        QFETCH(QString, expected);
        QString error;
        QVERIFY(!InspectionFormat::read(data, &error));
        QVERIFY2(error.startsWith(expected), qPrintable(error));
    }

    void tasksMayNameKnownRules()
    {
        const QJsonObject task{{QStringLiteral("id"), QStringLiteral("t")},
                               {QStringLiteral("name"), QStringLiteral("T")},
                               {QStringLiteral("rules"), QJsonArray{QStringLiteral("disk-space")}},
                               {QStringLiteral("schedule"), QJsonObject{{QStringLiteral("everyMinutes"), 1}}}};
        QString error;
        QVERIFY(!InspectionFormat::read(fileWith({}, {task}), &error));
        QVERIFY2(InspectionFormat::read(fileWith({}, {task}), &error, {QStringLiteral("disk-space")}),
                 qPrintable(error));
    }

    void placesRulesOnTheSitesOfTheirTargets()
    {
        QHash<QString, InspectionRule> rules;
        for (const InspectionRule &rule : StarterRules::all())
            rules.insert(rule.id, rule);
        Component db;
        db.id = QStringLiteral("pg-1");
        db.layer = Layer::Database;
        db.host = QStringLiteral("h1");
        const QHash<QString, QList<Component>> components{{QStringLiteral("sha"), {db}}, {QStringLiteral("bj"), {}}};
        const QStringList sites{QStringLiteral("sha"), QStringLiteral("bj")};
        InspectionTaskSpec task;
        task.id = QStringLiteral("t");
        task.schedule.everyMinutes = 1;
        task.ruleIds = {QStringLiteral("replication-lag"), QStringLiteral("process-up")};
        QCOMPARE(task.sites(rules, sites, components), sites);
        QCOMPARE(task.forSite(rules, QStringLiteral("sha"), sites, components).checks.size(), 2);
        const InspectionTask bj = task.forSite(rules, QStringLiteral("bj"), sites, components);
        QCOMPARE(bj.checks.size(), 1);
        QCOMPARE(bj.checks.first().id, QStringLiteral("process-up"));
        QCOMPARE(bj.checks.first().target, QStringLiteral("site:*"));

        // Over two targets at one site: one check per target.
        task.targets = {{InspectionTargetKind::Host, QStringLiteral("h1")},
                        {InspectionTargetKind::Component, QStringLiteral("pg-1")}};
        task.ruleIds = {QStringLiteral("disk-space")};
        const InspectionTask sha = task.forSite(rules, QStringLiteral("sha"), sites, components);
        QCOMPARE(sha.checks.size(), 2);
        QCOMPARE(sha.checks.at(1).id, QStringLiteral("disk-space.2"));
        QCOMPARE(task.sites(rules, sites, components), QStringList{QStringLiteral("sha")});
        QString error;
        QVERIFY2(InspectionTask::fromJson(sha.toJson(), &error), qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(TestInspectionFormat)
#include "tst_inspectionformat.moc"
