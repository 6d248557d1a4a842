// SPDX-License-Identifier: GPL-3.0-or-later
// PlanTemplates: each architecture validates without errors or warnings against the catalog a
// real demo agent serves, has the parts a DR plan needs, and its guards can be evaluated on the
// agent's live topology.

#include "agenttest.h"
#include "models/plans/planformat.h"
#include "models/plans/plantemplates.h"
#include "models/plans/planvalidator.h"

#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Haven;
using namespace Haven::Test;

class TestPlanTemplates final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void validates_data();
    void validates();
    void guardsOnLiveTopology();
    void listsAll();

private:
    QTemporaryDir m_dir;
    std::unique_ptr<AgentProcess> m_agent;
    std::unique_ptr<HttpClient> m_client;
    QList<OperationSpec> m_catalog;
};

void TestPlanTemplates::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    initCurl();
    QVERIFY(m_dir.isValid());
    m_agent = std::make_unique<AgentProcess>(m_dir.filePath(QStringLiteral("sha")));
    AgentProcess::Options options;
    options.profile = AgentProcess::demoProfile(QStringLiteral("shb"));
    HAVEN_START_AGENT(*m_agent, options);
    m_client = std::make_unique<HttpClient>(m_agent->url(), m_agent->token());
    const HttpResult result = m_client->get(QStringLiteral("/v1/operations"));
    QCOMPARE(result.status, 200L);
    const QJsonArray operations = result.json().value(QStringLiteral("operations")).toArray();
    for (const QJsonValue &value : operations) {
        QString error;
        const std::optional<OperationSpec> spec = OperationSpec::fromJson(value.toObject(), &error);
        QVERIFY2(spec, qPrintable(error));
        m_catalog.append(*spec);
    }
    QVERIFY(m_catalog.size() >= 10);
}

void TestPlanTemplates::cleanupTestCase()
{
    m_client.reset();
    m_agent.reset();
}

void TestPlanTemplates::validates_data()
{
    QTest::addColumn<int>("architecture");
    for (const PlanTemplates::Template &t : PlanTemplates::all())
        QTest::addRow("%s", qPrintable(t.id)) << int(t.architecture);
}

void TestPlanTemplates::validates()
{
    QFETCH(int, architecture);
    const PlanData plan = PlanTemplates::create(PlanTemplates::Architecture(architecture));
    const QList<PlanIssue> issues = PlanValidator::validate(plan, m_catalog);
    QStringList all;
    for (const PlanIssue &i : issues)
        all.append(i.code + QStringLiteral(" @") + QString::number(i.step) + QStringLiteral(": ") + i.message);
    QVERIFY2(issues.isEmpty(), qPrintable(all.join(QLatin1Char('\n'))));

    QVERIFY(!plan.metadata.id.isEmpty());
    QVERIFY(!plan.metadata.name.isEmpty());
    QCOMPARE(toString(plan.metadata.kind), toString(PlanKind::DisasterRecovery));
    QVERIFY(plan.metadata.rtoSeconds > 0 && plan.metadata.rpoSeconds > 0);
    QVERIFY(!plan.stepsOf(PlanPhase::Switchover).isEmpty());
    QVERIFY(!plan.stepsOf(PlanPhase::Recovery).isEmpty());

    Plan model(plan);
    for (const QString &group : PlanTemplates::defaultProductGroups()) {
        // A branch per product group, with an approval gate on the first traffic cut and a guard
        // on the database promotion.
        bool gatedCut = false, guardedPromote = false;
        for (const PlanStep &s : plan.steps) {
            if (s.productGroup != group || s.phase != PlanPhase::Switchover)
                continue;
            gatedCut = gatedCut || (s.operation == QLatin1StringView("traffic.cut") && s.requiresApproval);
            guardedPromote = guardedPromote
                             || (s.operation == QLatin1StringView("db.promote") && s.guard
                                 && s.guard->kind == GuardKind::ReplicationLagBelow);
        }
        QVERIFY2(gatedCut, qPrintable(group));
        QVERIFY2(guardedPromote, qPrintable(group));
    }
    // Parallel branches: some step has several successors.
    bool fansOut = false;
    for (const PlanStep &s : plan.steps)
        fansOut = fansOut || model.successors(s.id).size() >= 3;
    QVERIFY(fansOut);
    // Laid out, and the file form takes it as it is.
    QVERIFY(std::any_of(plan.steps.cbegin(), plan.steps.cend(), [](const PlanStep &s) { return !s.position.isNull(); }));
    QVERIFY(PlanFormat::fromBytes(PlanFormat::toBytes(plan), m_catalog).ok());
    QString why;
    QVERIFY2(model.setState(PlanState::Effective, m_catalog, &why), qPrintable(why));
    // Two creations give two plans.
    QVERIFY(PlanTemplates::create(PlanTemplates::Architecture(architecture)).metadata.id != plan.metadata.id);
}

void TestPlanTemplates::guardsOnLiveTopology()
{
    // The agent simulates shb, the same-city standby: its payments replication lags well under 5 s.
    const HttpResult result = m_client->get(QStringLiteral("/v1/topology"));
    QCOMPARE(result.status, 200L);
    QString error;
    const std::optional<TopologySnapshot> snapshot = TopologySnapshot::fromJson(result.json(), &error);
    QVERIFY2(snapshot, qPrintable(error));
    const PlanData plan = PlanTemplates::create(PlanTemplates::Architecture::SameCityActiveActive);
    int evaluated = 0;
    for (const PlanStep &s : plan.steps) {
        if (!s.guard || s.phase != PlanPhase::Switchover)
            continue;
        const GuardResult r = evaluateGuard(*s.guard, s.productGroup, {*snapshot});
        QVERIFY2(r.holds, qPrintable(s.name + QStringLiteral(": ") + r.reason));
        ++evaluated;
    }
    QVERIFY(evaluated >= 3);
    StepGuard strict{GuardKind::ReplicationLagBelow, 0.01, QStringLiteral("payments"), {}, {}, false};
    const GuardResult r = evaluateGuard(strict, {}, {*snapshot});
    QVERIFY(!r.holds);
    QVERIFY2(r.reason.contains(QStringLiteral("pay-mysql-01")), qPrintable(r.reason));
}

void TestPlanTemplates::listsAll()
{
    const QList<PlanTemplates::Template> all = PlanTemplates::all();
    QCOMPARE(all.size(), 4);
    QStringList ids;
    for (const PlanTemplates::Template &t : all) {
        ids.append(t.id);
        QVERIFY(!t.name.isEmpty());
        QVERIFY(!t.description.isEmpty());
    }
    QCOMPARE(ids, (QStringList{QStringLiteral("same-city-active-active"), QStringLiteral("remote-active-standby"),
                               QStringLiteral("two-cities-three-centers"), QStringLiteral("unitized-multi-active")}));
}

QTEST_GUILESS_MAIN(TestPlanTemplates)
#include "tst_plantemplates.moc"
