// SPDX-License-Identifier: GPL-3.0-or-later
// The one graph scene, offscreen: built from a model and following its signals, read-only mode,
// the edge path between ports, and screenshots of a diagnosis tree and of the plan editor's canvas.
#include "editing/plans/plandocument.h"
#include "models/plans/plantemplates.h"
#include "widgets/graph/decisionnodepainter.h"
#include "widgets/graph/graphscene.h"
#include "widgets/plans/plangraphscene.h"

#include <QApplication>
#include <QDir>
#include <QGraphicsView>
#include <QImage>
#include <QPainter>
#include <QSignalSpy>
#include <QTest>

using namespace Haven;

namespace {

const QString Check = QStringLiteral("check");
const QString Conclusion = QStringLiteral("conclusion");

// A small diagnosis tree: is the primary reachable? yes → replication lag? ...
void fillTree(GraphModel &model)
{
    model.reset({{1, Check, QPointF(0, 120)},
                 {2, Check, QPointF(320, 0)},
                 {3, Conclusion, QPointF(320, 240)},
                 {4, Conclusion, QPointF(640, -60)},
                 {5, Conclusion, QPointF(640, 80)}},
                {{1, 2, QStringLiteral("yes"), {}},
                 {1, 3, QStringLiteral("no"), {}},
                 {2, 4, QStringLiteral("lag > 5 s"), QJsonObject{{QStringLiteral("above"), 5}}},
                 {2, 5, QStringLiteral("else"), {}}});
}

void usePainters(GraphScene &scene)
{
    auto describe = [](NodeId id) -> std::optional<DecisionView> {
        return DecisionView{QStringLiteral("Node %1").arg(id), QStringLiteral("detail of %1").arg(id), {}};
    };
    scene.setNodePainter(Check, std::make_unique<DecisionNodePainter>(DecisionNodePainter::Shape::Check, describe));
    scene.setNodePainter(Conclusion,
                         std::make_unique<DecisionNodePainter>(DecisionNodePainter::Shape::Conclusion, describe));
}

void mouseDrag(QWidget *viewport, const QPoint &from, const QPoint &to)
{
    QTest::mousePress(viewport, Qt::LeftButton, Qt::NoModifier, from);
    for (int i = 1; i <= 4; ++i)
        QTest::mouseMove(viewport, from + (to - from) * i / 4);
    QTest::mouseRelease(viewport, Qt::LeftButton, Qt::NoModifier, to);
}

void saveScreenshot(QGraphicsScene &scene, const QString &name)
{
    const QRectF source = scene.itemsBoundingRect().adjusted(-24, -24, 24, 24);
    QImage image(source.size().toSize(), QImage::Format_RGB32);
    QPainter painter(&image);
    scene.render(&painter, QRectF(QPointF(), source.size()), source);
    painter.end();
    QDir().mkpath(QStringLiteral(HAVEN_SCREENSHOT_DIR));
    QVERIFY(image.save(QStringLiteral(HAVEN_SCREENSHOT_DIR "/") + name));
}

} // namespace

class tst_GraphScene final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void builtFromTheModel()
    {
        GraphModel model;
        fillTree(model);
        GraphScene scene(model);
        usePainters(scene);
        QCOMPARE(scene.nodeCount(), 5);
        QCOMPARE(scene.edgeCount(), 4);
        for (NodeId id : model.nodeIds()) {
            QVERIFY(scene.nodeItem(id));
            QCOMPARE(scene.nodeItem(id)->nodeId(), id);
            QCOMPARE(scene.nodeItem(id)->pos(), model.nodePosition(id));
        }
        // Kinds get their own painter; the check is pointed where the answers leave.
        QCOMPARE(scene.nodeItem(1)->toolTip(), QStringLiteral("Node 1\ndetail of 1"));
        QVERIFY(!scene.nodeItem(1)->contains(QPointF(4, 4)));
        QVERIFY(scene.nodeItem(3)->contains(QPointF(4, 4)));
        QCOMPARE(scene.edgeItem(1, 2)->toolTip(), QStringLiteral("yes"));
    }

    void followsTheModel()
    {
        GraphModel model;
        fillTree(model);
        GraphScene scene(model);
        usePainters(scene);
        GraphNodeItem *kept = scene.nodeItem(2);

        const NodeId added = model.addNode({InvalidNodeId, Conclusion, QPointF(960, 0)});
        QVERIFY(scene.nodeItem(added));
        QVERIFY(model.addEdge({4, added, QStringLiteral("then"), {}}));
        QVERIFY(scene.edgeItem(4, added));
        QCOMPARE(scene.edgeCount(), 5);

        QVERIFY(model.setNodePosition(added, QPointF(1000, 40)));
        QCOMPARE(scene.nodeItem(added)->pos(), QPointF(1000, 40));
        QCOMPARE(scene.edgeItem(4, added)->path().pointAtPercent(1).y(), 40 + DecisionNodePainter::Height / 2);

        QVERIFY(model.setEdgeLabel(4, added, QStringLiteral("after")));
        QCOMPARE(scene.edgeItem(4, added)->toolTip(), QStringLiteral("after"));

        QVERIFY(model.removeNode(added));
        QVERIFY(!scene.nodeItem(added));
        QVERIFY(!scene.edgeItem(4, added));
        QCOMPARE(scene.nodeCount(), 5);
        QCOMPARE(scene.edgeCount(), 4);
        QCOMPARE(scene.nodeItem(2), kept); // the others were not rebuilt

        // A filter hides nodes and their edges.
        scene.setNodeFilter([](NodeId id) { return id != 2; });
        scene.rebuild();
        QVERIFY(!scene.nodeItem(2));
        QCOMPARE(scene.edgeCount(), 1);

        model.clear();
        QCOMPARE(scene.nodeCount(), 0);
        QCOMPARE(scene.edgeCount(), 0);
    }

    void edgePathLandsOnThePorts()
    {
        const QPainterPath path = edgePath(QPointF(10, 20), QPointF(300, -40), 48);
        QCOMPARE(path.pointAtPercent(0), QPointF(10, 20));
        QCOMPARE(path.pointAtPercent(1), QPointF(300, -40));
        // It leaves and enters horizontally.
        QCOMPARE(path.angleAtPercent(0), 0.0);
        QCOMPARE(path.angleAtPercent(1), 0.0);

        GraphModel model;
        fillTree(model);
        GraphScene scene(model);
        usePainters(scene);
        for (const GraphEdge &edge : model.edges()) {
            const GraphEdgeItem *item = scene.edgeItem(edge.from, edge.to);
            const EdgeStyle style = scene.edgeStyle(edge, false);
            QCOMPARE(item->path().pointAtPercent(0), scene.nodeItem(edge.from)->outputPort());
            QCOMPARE(item->path().pointAtPercent(1), scene.nodeItem(edge.to)->inputPort() - QPointF(style.targetGap, 0));
            // The label is inside what the item paints.
            QVERIFY(item->boundingRect().contains(edgeLabelRect(item->path(), edge.label, scene.font())));
        }
        QCOMPARE(scene.nodeItem(1)->outputPort(),
                 QPointF(DecisionNodePainter::Width, 120 + DecisionNodePainter::Height / 2));
    }

    void editableSceneRequestsReadOnlyRefuses_data()
    {
        QTest::addColumn<bool>("readOnly");
        QTest::addRow("editable") << false;
        QTest::addRow("read-only") << true;
    }
    void editableSceneRequestsReadOnlyRefuses()
    {
        QFETCH(bool, readOnly);
        GraphModel model;
        fillTree(model);
        GraphScene scene(model);
        usePainters(scene);
        scene.setReadOnly(readOnly);
        QGraphicsView view(&scene);
        view.resize(1200, 700);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QSignalSpy moves(&scene, &GraphScene::moveRequested);
        QSignalSpy connections(&scene, &GraphScene::connectionRequested);
        QSignalSpy deletions(&scene, &GraphScene::deleteRequested);
        QWidget *viewport = view.viewport();

        // Drag a selected node by its body.
        scene.selectNodes({3});
        QCOMPARE(scene.selectedNodes(), QList<NodeId>{3});
        const QPoint grab = view.mapFromScene(scene.nodeItem(3)->mapToScene(QPointF(80, 30)));
        mouseDrag(viewport, grab, grab + QPoint(60, 40));
        QCOMPARE(moves.isEmpty(), readOnly);
        if (!readOnly) {
            // One drag, one number; the scene asks, the model stays where it was.
            const QList<QVariant> last = moves.last();
            using Positions = QMap<NodeId, QPointF>;
            QCOMPARE(last.at(0).value<Positions>().value(3), QPointF(320, 240));
            QVERIFY(last.at(1).value<Positions>().value(3) != QPointF(320, 240));
            for (const QList<QVariant> &move : std::as_const(moves))
                QCOMPARE(move.at(2).toInt(), last.at(2).toInt());
        }
        QCOMPARE(model.nodePosition(3), QPointF(320, 240));
        QCOMPARE(scene.nodeItem(3)->pos(), QPointF(320, 240));

        // Drag from the output port of 3 to 4: a new edge is asked for, unless read-only.
        mouseDrag(viewport, view.mapFromScene(scene.nodeItem(3)->outputPort()),
                  view.mapFromScene(scene.nodeItem(4)->sceneBoundingRect().center()));
        QCOMPARE(connections.size(), readOnly ? 0 : 1);
        if (!readOnly)
            QCOMPARE(connections.first(), (QList<QVariant>{3, 4}));
        // 2 → 1 would close a cycle: never asked for.
        mouseDrag(viewport, view.mapFromScene(scene.nodeItem(2)->outputPort()),
                  view.mapFromScene(scene.nodeItem(1)->sceneBoundingRect().center()));
        QCOMPARE(connections.size(), readOnly ? 0 : 1);

        scene.selectNodes({4});
        view.setFocus();
        QTest::keyClick(viewport, Qt::Key_Delete);
        QCOMPARE(deletions.size(), readOnly ? 0 : 1);
        QCOMPARE(model.nodeCount(), 5);
        // Edges can be selected only where they can be deleted.
        QCOMPARE(bool(scene.edgeItem(1, 2)->flags() & QGraphicsItem::ItemIsSelectable), !readOnly);
    }

    void screenshots()
    {
        GraphModel model;
        fillTree(model);
        GraphScene scene(model);
        usePainters(scene);
        scene.setGridVisible(true);
        saveScreenshot(scene, QStringLiteral("graph-decision-tree.png"));

        PlanDocument document(PlanTemplates::create(PlanTemplates::Architecture::SameCityActiveActive));
        document.validateNow();
        PlanGraphScene plan(document);
        QVERIFY(plan.nodeCount() > 3);
        QCOMPARE(plan.edgeCount(), int(document.plan().edges(PlanPhase::Switchover).size()));
        saveScreenshot(plan, QStringLiteral("plan-editor-canvas.png"));
    }
};

QTEST_MAIN(tst_GraphScene)
#include "tst_graphscene.moc"
