// SPDX-License-Identifier: GPL-3.0-or-later
// PlanLayout: layers follow the edges, no two boxes overlap, crossings go down, phases apart.

#include "models/plans/planlayout.h"
#include "models/plans/plantemplates.h"

#include <QElapsedTimer>
#include <QRectF>
#include <QTest>

using namespace Haven;

Q_DECLARE_METATYPE(Haven::PlanData)

namespace {

PlanData graph(int count, const QList<PlanEdge> &edges, PlanPhase phase = PlanPhase::Switchover, int firstId = 1)
{
    PlanData plan;
    for (int i = 0; i < count; ++i) {
        PlanStep s;
        s.id = firstId + i;
        s.phase = phase;
        s.name = QStringLiteral("s%1").arg(s.id);
        s.operation = QStringLiteral("wait.seconds");
        plan.steps.append(s);
    }
    plan.edges = edges;
    return plan;
}

// 1,000 steps: 40 product-group branches of 24 steps between a fan-out and a fan-in, with some
// cross links between neighbouring branches.
PlanData widePlan()
{
    QList<PlanEdge> edges;
    const int branches = 40, length = 24;
    auto id = [&](int b, int i) { return 2 + b * length + i; };
    const int last = 2 + branches * length;
    for (int b = 0; b < branches; ++b) {
        edges.append({1, id(b, 0)});
        for (int i = 1; i < length; ++i)
            edges.append({id(b, i - 1), id(b, i)});
        edges.append({id(b, length - 1), last});
        if (b + 1 < branches)
            edges.append({id(b, 5), id(b + 1, 9)});
    }
    return graph(last, edges);
}

void checkLayout(const PlanData &plan, const PlanLayout::Result &result, const PlanLayout::Options &options)
{
    QCOMPARE(result.positions.size(), plan.steps.size());
    for (const PlanEdge &e : plan.edges) {
        QVERIFY2(result.layers.value(e.to) > result.layers.value(e.from),
                 qPrintable(QStringLiteral("%1 -> %2").arg(e.from).arg(e.to)));
        QVERIFY(result.positions.value(e.to).x() > result.positions.value(e.from).x());
    }
    QList<QRectF> boxes;
    for (const PlanStep &s : plan.steps) {
        const QPointF p = result.positions.value(s.id);
        QCOMPARE(p.x(), result.layers.value(s.id) * (options.nodeWidth + options.layerGap));
        QCOMPARE(p, QPointF(std::round(p.x()), std::round(p.y())));
        boxes.append(QRectF(p, QSizeF(options.nodeWidth, options.nodeHeight)));
    }
    // Sort by x then y: overlaps can only be between neighbours in one column.
    std::sort(boxes.begin(), boxes.end(),
              [](const QRectF &a, const QRectF &b) { return a.x() != b.x() ? a.x() < b.x() : a.y() < b.y(); });
    for (int i = 1; i < boxes.size(); ++i) {
        if (boxes[i].x() == boxes[i - 1].x())
            QVERIFY2(boxes[i].top() >= boxes[i - 1].bottom() + options.nodeGap - 1,
                     qPrintable(QStringLiteral("overlap at x=%1 y=%2").arg(boxes[i].x()).arg(boxes[i].y())));
    }
}

} // namespace

class TestPlanLayout final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void longestPathLayers();
    void noOverlaps_data();
    void noOverlaps();
    void removesAvoidableCrossings();
    void centresAChain();
    void phasesAreApart();
    void survivesCycles();
    void thousandSteps();
};

void TestPlanLayout::longestPathLayers()
{
    // 1 → 2 → 3 → 4 and a shortcut 1 → 4; 5 alone.
    const PlanData plan = graph(5, {{1, 2}, {2, 3}, {3, 4}, {1, 4}});
    const PlanLayout::Result r = PlanLayout::layout(plan);
    QCOMPARE(r.layers.value(1), 0);
    QCOMPARE(r.layers.value(2), 1);
    QCOMPARE(r.layers.value(3), 2);
    QCOMPARE(r.layers.value(4), 3);
    QCOMPARE(r.layers.value(5), 0);
    checkLayout(plan, r, {});
}

void TestPlanLayout::noOverlaps_data()
{
    QTest::addColumn<PlanData>("plan");
    for (const PlanTemplates::Template &t : PlanTemplates::all())
        QTest::addRow("%s", qPrintable(t.id)) << PlanTemplates::create(t.architecture);
    QTest::addRow("wide") << widePlan();
    QTest::addRow("diamond fan") << graph(
        8, {{1, 2}, {1, 3}, {1, 4}, {1, 5}, {1, 6}, {2, 7}, {3, 7}, {4, 7}, {5, 8}, {6, 8}});
}

void TestPlanLayout::noOverlaps()
{
    QFETCH(PlanData, plan);
    PlanLayout::Options options;
    options.nodeGap = 20;
    checkLayout(plan, PlanLayout::layout(plan, options), options);
}

void TestPlanLayout::removesAvoidableCrossings()
{
    // Depth-first placement gives 1,2,3 over 5,4,6 (two crossings); the up sweep moves 3 next
    // to 1, which shares its successor, and the crossings disappear.
    const PlanData plan = graph(6, {{1, 5}, {2, 4}, {2, 6}, {3, 5}});
    const PlanLayout::Result r = PlanLayout::layout(plan);
    QCOMPARE(r.crossings, 0);
    checkLayout(plan, r, {});
}

void TestPlanLayout::centresAChain()
{
    // A fan-in step sits between its predecessors, not at the top.
    const PlanData plan = graph(4, {{1, 4}, {2, 4}, {3, 4}});
    const PlanLayout::Result r = PlanLayout::layout(plan);
    const double top = std::min({r.positions[1].y(), r.positions[2].y(), r.positions[3].y()});
    const double bottom = std::max({r.positions[1].y(), r.positions[2].y(), r.positions[3].y()});
    QVERIFY(r.positions[4].y() > top);
    QVERIFY(r.positions[4].y() < bottom);
    QCOMPARE(r.positions[4].y(), r.positions[2].y());
}

void TestPlanLayout::phasesAreApart()
{
    PlanData plan = graph(3, {{1, 2}, {2, 3}});
    const PlanData recovery = graph(3, {{4, 5}, {4, 6}}, PlanPhase::Recovery, 4);
    plan.steps += recovery.steps;
    plan.edges += recovery.edges;
    PlanLayout::Options options;
    const PlanLayout::Result r = PlanLayout::layout(plan, options);
    double switchoverBottom = 0;
    for (StepId id : {1, 2, 3})
        switchoverBottom = std::max(switchoverBottom, r.positions[id].y() + options.nodeHeight);
    for (StepId id : {4, 5, 6})
        QVERIFY(r.positions[id].y() >= switchoverBottom + options.phaseGap - 1);
    QCOMPARE(r.layers.value(4), 0); // layers count per phase
    PlanData applied = plan;
    PlanLayout::apply(applied, r);
    QCOMPARE(applied.steps[4].position, r.positions[5]);
}

void TestPlanLayout::survivesCycles()
{
    const PlanData plan = graph(4, {{1, 2}, {2, 3}, {3, 1}, {3, 4}, {4, 4}});
    const PlanLayout::Result r = PlanLayout::layout(plan);
    QCOMPARE(r.positions.size(), 4);
}

void TestPlanLayout::thousandSteps()
{
    const PlanData plan = widePlan();
    QVERIFY(plan.steps.size() >= 960);
    QElapsedTimer timer;
    timer.start();
    const PlanLayout::Result r = PlanLayout::layout(plan);
    QVERIFY2(timer.elapsed() < 2000, qPrintable(QString::number(timer.elapsed())));
    checkLayout(plan, r, {});
}

QTEST_GUILESS_MAIN(TestPlanLayout)
#include "tst_planlayout.moc"
