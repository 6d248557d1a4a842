// SPDX-License-Identifier: GPL-3.0-or-later
// PlanFormat: export → import → identical; a layout that diffs well; malformed files.

#include "agent/simulated/simulatedsite.h"
#include "models/plans/planformat.h"
#include "models/plans/plantemplates.h"

#include <QTest>

using namespace Haven;

Q_DECLARE_METATYPE(Haven::PlanData)

namespace {

QList<OperationSpec> demoCatalog()
{
    QString error;
    const auto site = SimulatedSite::fromFile(QStringLiteral(HAVEN_PROFILES_DIR "/demo/sha.json"), 1, &error);
    return site ? site->operations() : QList<OperationSpec>{};
}

// Every optional field set, so that the round trip covers all of them.
PlanData fullPlan()
{
    PlanData plan;
    plan.metadata.id = QStringLiteral("6f1c");
    plan.metadata.name = QStringLiteral("支付 switchover \"quoted\"");
    plan.metadata.description = QStringLiteral("line one\nline two");
    plan.metadata.kind = PlanKind::Drill;
    plan.metadata.rtoSeconds = 600;
    plan.metadata.rpoSeconds = 5;
    PlanStep a;
    a.id = 7;
    a.name = QStringLiteral("Cut");
    a.operation = QStringLiteral("traffic.cut");
    a.parameters = {{QStringLiteral("productGroup"), QStringLiteral("payments")}};
    a.productGroup = QStringLiteral("payments");
    a.target = {StepTargetKind::NamedSite, QStringLiteral("hzc")};
    a.timeoutSeconds = 45;
    a.retry = {3, 5, 1.5};
    a.onFailure = OnFailure::Pause;
    a.requiresApproval = true;
    a.approvalPrompt = QStringLiteral("Sure?");
    a.guard = StepGuard{GuardKind::ReplicationLagBelow, 2.5, QStringLiteral("payments"), {}, Layer::Database, false};
    a.notes = QStringLiteral("notes");
    a.position = QPointF(12.5, -40);
    PlanStep b;
    b.id = 2;
    b.phase = PlanPhase::Recovery;
    b.name = QStringLiteral("Wait");
    b.operation = QStringLiteral("wait.seconds");
    b.parameters = {{QStringLiteral("seconds"), 30}};
    b.target = {StepTargetKind::EverySite, {}};
    b.guard = StepGuard{GuardKind::ComponentStatusOk, 0, {}, QStringLiteral("sha-pay-mysql-01"), {}, true};
    PlanStep c = b;
    c.id = 3;
    c.name = QStringLiteral("Wait more");
    c.guard = StepGuard{GuardKind::CapacityBelow, 80, {}, {}, Layer::Storage, false};
    plan.steps = {a, b, c};
    plan.edges = {{2, 3}};
    return plan;
}

} // namespace

class TestPlanFormat final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void roundTrip_data();
    void roundTrip();
    void layoutDiffsWell();
    void malformed_data();
    void malformed();
    void unknownOperationsAreListed();
};

void TestPlanFormat::roundTrip_data()
{
    QTest::addColumn<PlanData>("plan");
    QTest::addRow("every field") << fullPlan();
    for (const PlanTemplates::Template &t : PlanTemplates::all())
        QTest::addRow("%s", qPrintable(t.id)) << PlanTemplates::create(t.architecture);
}

void TestPlanFormat::roundTrip()
{
    QFETCH(PlanData, plan);
    plan.normalize();
    const QByteArray bytes = PlanFormat::toBytes(plan);
    const PlanFormat::ImportResult imported = PlanFormat::fromBytes(bytes, demoCatalog());
    QVERIFY2(imported.ok(), qPrintable(imported.error));
    QCOMPARE(*imported.plan, plan);
    QCOMPARE(PlanFormat::toBytes(*imported.plan), bytes);
}

void TestPlanFormat::layoutDiffsWell()
{
    PlanData plan = fullPlan();
    plan.metadata.state = PlanState::Effective;
    const QByteArray bytes = PlanFormat::toBytes(plan);
    const QString text = QString::fromUtf8(bytes);
    QVERIFY2(text.startsWith(QStringLiteral("{\n  \"format\": \"haven-plan\",\n  \"version\": 1,\n  \"plan\": {\n")),
             qPrintable(text));
    QVERIFY(text.endsWith(QStringLiteral("}\n")));
    // Steps sorted by id though given unsorted; one edge per line; no volatile data.
    QVERIFY(text.indexOf(QStringLiteral("\"id\": 2,")) < text.indexOf(QStringLiteral("\"id\": 7,")));
    QVERIFY2(text.contains(QStringLiteral("    {\"from\": 2, \"to\": 3}\n")), qPrintable(text));
    QVERIFY(!text.contains(QStringLiteral("effective")));
    QVERIFY(!text.contains(QStringLiteral("\t")));
    QVERIFY2(text.contains(QStringLiteral("      \"target\": {\"kind\": \"namedSite\", \"site\": \"hzc\"},\n")),
             qPrintable(text));
    // A changed timeout changes one line.
    PlanData edited = plan;
    edited.steps[0].timeoutSeconds = 46;
    const QStringList before = text.split(QLatin1Char('\n'));
    const QStringList after = QString::fromUtf8(PlanFormat::toBytes(edited)).split(QLatin1Char('\n'));
    QCOMPARE(before.size(), after.size());
    int differing = 0;
    for (int i = 0; i < before.size(); ++i)
        differing += before[i] != after[i];
    QCOMPARE(differing, 1);
    // The imported plan is a draft.
    QCOMPARE(toString(PlanFormat::fromBytes(bytes).plan->metadata.state), toString(PlanState::Draft));
}

void TestPlanFormat::malformed_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("mention");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");
    const QByteArray head = R"({"format":"haven-plan","version":1,"plan":{"name":"x","kind":"disasterRecovery"},)";
    QTest::addRow("empty file") << QByteArray() << QStringLiteral("not valid JSON") << 1 << 1;
    QTest::addRow("truncated") << QByteArray("{\n  \"format\": \"haven-plan\",\n  \"version\": 1,\n")
                               << QStringLiteral("line 4") << 4 << 1;
    QTest::addRow("trailing comma") << QByteArray("{\n  \"format\": \"haven-plan\",\n}\n")
                                    << QStringLiteral("line 3, column 2") << 3 << 2;
    QTest::addRow("array") << QByteArray("[1, 2]") << QStringLiteral("no JSON object") << 0 << 0;
    QTest::addRow("other format") << QByteArray(R"({"format":"drawio","version":1})")
                                  << QStringLiteral("not a Haven plan file") << 0 << 0;
    QTest::addRow("no version") << QByteArray(R"({"format":"haven-plan"})") << QStringLiteral("no valid format version")
                                << 0 << 0;
    QTest::addRow("newer version") << QByteArray(R"({"format":"haven-plan","version":2,"steps":[]})")
                                   << QStringLiteral("version 2; this Haven reads version 1") << 0 << 0;
    QTest::addRow("no steps") << QByteArray(head.chopped(1) + "}") << QStringLiteral("steps") << 0 << 0;
    QTest::addRow("unknown top-level field")
        << QByteArray(head + R"("steps":[],"extra":1})") << QStringLiteral("extra: unknown field") << 0 << 0;
    QTest::addRow("bad kind") << QByteArray(
        R"({"format":"haven-plan","version":1,"plan":{"name":"x","kind":"big"},"steps":[]})")
                              << QStringLiteral("plan.kind: expected one of") << 0 << 0;
    QTest::addRow("bad phase") << QByteArray(
        head + R"("steps":[{"id":1,"phase":"later","operation":"a","target":{"kind":"failedSite"}}]})")
                               << QStringLiteral("steps[0].phase") << 0 << 0;
    QTest::addRow("step id zero") << QByteArray(
        head + R"("steps":[{"id":0,"phase":"switchover","operation":"a","target":{"kind":"failedSite"}}]})")
                                  << QStringLiteral("steps[0].id") << 0 << 0;
    QTest::addRow("duplicate id") << QByteArray(
        head
        + R"("steps":[{"id":1,"phase":"switchover","operation":"a","target":{"kind":"failedSite"}},)"
          R"({"id":1,"phase":"switchover","operation":"b","target":{"kind":"failedSite"}}]})")
                                  << QStringLiteral("used twice") << 0 << 0;
    QTest::addRow("bad target") << QByteArray(
        head + R"("steps":[{"id":1,"phase":"switchover","operation":"a","target":{"kind":"moon"}}]})")
                                << QStringLiteral("steps[0].target: kind") << 0 << 0;
    QTest::addRow("named site without site")
        << QByteArray(head + R"("steps":[{"id":1,"phase":"switchover","operation":"a","target":{"kind":"namedSite"}}]})")
        << QStringLiteral("site") << 0 << 0;
    QTest::addRow("bad guard") << QByteArray(
        head
        + R"("steps":[{"id":1,"phase":"switchover","operation":"a","target":{"kind":"failedSite"},"guard":{"kind":"replicationLagBelow"}}]})")
                               << QStringLiteral("steps[0].guard") << 0 << 0;
    QTest::addRow("typo field") << QByteArray(
        head + R"("steps":[{"id":1,"phase":"switchover","operation":"a","target":{"kind":"failedSite"},"timeout":5}]})")
                                << QStringLiteral("steps[0].timeout: unknown field") << 0 << 0;
    QTest::addRow("edge not object") << QByteArray(head + R"("steps":[],"edges":[3]})") << QStringLiteral("edges[0]")
                                     << 0 << 0;
}

void TestPlanFormat::malformed()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, mention);
    QFETCH(int, line);
    QFETCH(int, column);
    const PlanFormat::ImportResult result = PlanFormat::fromBytes(bytes, demoCatalog());
    QVERIFY(!result.ok());
    QVERIFY(!result.plan);
    QVERIFY2(result.error.contains(mention), qPrintable(result.error));
    QCOMPARE(result.line, line);
    QCOMPARE(result.column, column);
}

void TestPlanFormat::unknownOperationsAreListed()
{
    PlanData plan = fullPlan();
    plan.steps[0].operation = QStringLiteral("x.teleport");
    plan.steps[1].operation = QStringLiteral("a.beam");
    plan.steps[2].operation = QStringLiteral("x.teleport");
    const PlanFormat::ImportResult result = PlanFormat::fromBytes(PlanFormat::toBytes(plan), demoCatalog());
    QVERIFY(!result.ok());
    QVERIFY(result.plan); // can still be opened as a draft
    QCOMPARE(result.unknownOperations, (QStringList{QStringLiteral("a.beam"), QStringLiteral("x.teleport")}));
    QVERIFY2(result.error.contains(QStringLiteral("a.beam, x.teleport")), qPrintable(result.error));
    // Without a cached catalog the check is skipped.
    QVERIFY(PlanFormat::fromBytes(PlanFormat::toBytes(plan)).ok());
}

QTEST_GUILESS_MAIN(TestPlanFormat)
#include "tst_planformat.moc"
