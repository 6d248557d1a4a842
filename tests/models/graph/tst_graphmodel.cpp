// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/graph/graphmodel.h"

#include <QSignalSpy>
#include <QTest>

using namespace Haven;

namespace {

using Edges = QList<EdgeKey>;

// Nodes 1..count, joined by the edges given, through reset (which takes cycles as they are).
void fill(GraphModel &model, int count, const Edges &edges)
{
    QList<GraphNode> nodes;
    for (int id = 1; id <= count; ++id)
        nodes.append({id, QStringLiteral("step"), QPointF(id * 10, 0)});
    QList<GraphEdge> graphEdges;
    for (const EdgeKey &key : edges)
        graphEdges.append({key.from, key.to, {}, {}});
    model.reset(nodes, graphEdges);
}

} // namespace

class tst_GraphModel final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void cycles_data()
    {
        QTest::addColumn<int>("count");
        QTest::addColumn<Edges>("edges");
        QTest::addColumn<QList<QList<NodeId>>>("rings");
        QTest::addRow("empty") << 0 << Edges{} << QList<QList<NodeId>>{};
        QTest::addRow("chain") << 3 << Edges{{1, 2}, {2, 3}} << QList<QList<NodeId>>{};
        QTest::addRow("diamond") << 4 << Edges{{1, 2}, {1, 3}, {2, 4}, {3, 4}} << QList<QList<NodeId>>{};
        QTest::addRow("self edge") << 2 << Edges{{1, 2}, {2, 2}} << QList<QList<NodeId>>{{2}};
        QTest::addRow("two-ring") << 2 << Edges{{1, 2}, {2, 1}} << QList<QList<NodeId>>{{1, 2}};
        QTest::addRow("ring named from its smallest id")
            << 4 << Edges{{4, 2}, {2, 3}, {3, 4}, {1, 2}} << QList<QList<NodeId>>{{2, 3, 4}};
        QTest::addRow("two rings") << 5 << Edges{{1, 2}, {2, 1}, {3, 4}, {4, 5}, {5, 3}}
                                   << QList<QList<NodeId>>{{1, 2}, {3, 4, 5}};
    }
    void cycles()
    {
        QFETCH(int, count);
        QFETCH(Edges, edges);
        QFETCH(QList<QList<NodeId>>, rings);
        GraphModel model;
        fill(model, count, edges);
        QList<QList<NodeId>> found;
        for (const DirectedGraph::Cycle &cycle : model.cycles())
            found.append(cycle.ring);
        std::sort(found.begin(), found.end());
        QCOMPARE(found, rings);
        QCOMPARE(model.topologicalOrder().has_value(), rings.isEmpty());
    }

    void reachability_data()
    {
        QTest::addColumn<Edges>("edges");
        QTest::addColumn<NodeId>("from");
        QTest::addColumn<NodeId>("to");
        QTest::addColumn<bool>("reaches");
        const Edges branches{{1, 2}, {1, 3}, {2, 4}, {5, 4}};
        QTest::addRow("direct") << branches << 1 << 2 << true;
        QTest::addRow("through another") << branches << 1 << 4 << true;
        QTest::addRow("not backwards") << branches << 4 << 1 << false;
        QTest::addRow("not sideways") << branches << 2 << 3 << false;
        QTest::addRow("other entry") << branches << 5 << 4 << true;
        QTest::addRow("not itself without a cycle") << branches << 1 << 1 << false;
        QTest::addRow("itself through a cycle") << Edges{{1, 2}, {2, 1}} << 1 << 1 << true;
        QTest::addRow("missing node") << branches << 1 << 9 << false;
    }
    void reachability()
    {
        QFETCH(Edges, edges);
        QFETCH(NodeId, from);
        QFETCH(NodeId, to);
        QFETCH(bool, reaches);
        GraphModel model;
        fill(model, 5, edges);
        QCOMPARE(model.reaches(from, to), reaches);
    }

    void connectionPossible_data()
    {
        QTest::addColumn<NodeId>("from");
        QTest::addColumn<NodeId>("to");
        QTest::addColumn<GraphModel::Connection>("expected");
        // 1 → 2 → 3, 4 alone.
        QTest::addRow("new branch") << 1 << 4 << GraphModel::Connection::Possible;
        QTest::addRow("shortcut") << 1 << 3 << GraphModel::Connection::Possible;
        QTest::addRow("self") << 2 << 2 << GraphModel::Connection::SelfEdge;
        QTest::addRow("duplicate") << 1 << 2 << GraphModel::Connection::Duplicate;
        QTest::addRow("closes a cycle") << 3 << 1 << GraphModel::Connection::Cycle;
        QTest::addRow("closes a two-ring") << 2 << 1 << GraphModel::Connection::Cycle;
        QTest::addRow("missing end") << 1 << 7 << GraphModel::Connection::MissingNode;
        QTest::addRow("missing start") << 0 << 1 << GraphModel::Connection::MissingNode;
    }
    void connectionPossible()
    {
        QFETCH(NodeId, from);
        QFETCH(NodeId, to);
        QFETCH(GraphModel::Connection, expected);
        GraphModel model;
        fill(model, 4, {{1, 2}, {2, 3}});
        QCOMPARE(model.checkConnection(from, to), expected);
        const bool possible = expected == GraphModel::Connection::Possible;
        QCOMPARE(model.connectionPossible(from, to), possible);
        QSignalSpy added(&model, &GraphModel::edgeAdded);
        QCOMPARE(model.addEdge({from, to, {}, {}}), possible);
        QCOMPARE(added.size(), possible ? 1 : 0);
        QVERIFY(!model.topologicalOrder()->isEmpty()); // still acyclic whatever was asked
    }

    void topologicalOrder()
    {
        GraphModel model;
        fill(model, 4, {{3, 1}, {1, 2}, {4, 2}});
        const QList<NodeId> order = model.topologicalOrder().value();
        QCOMPARE(order.size(), 4);
        QVERIFY(order.indexOf(3) < order.indexOf(1));
        QVERIFY(order.indexOf(1) < order.indexOf(2));
        QVERIFY(order.indexOf(4) < order.indexOf(2));
        QCOMPARE(model.structure().entries(), (QList<NodeId>{3, 4}));
        QCOMPARE(model.structure().reachableFrom({1}), (QList<NodeId>{1, 2}));
    }

    void layersBreakCycles()
    {
        const DirectedGraph graph({1, 2, 3, 4}, Edges{{1, 2}, {2, 3}, {3, 1}, {1, 4}, {3, 4}});
        QList<EdgeKey> kept;
        const QHash<NodeId, int> layers = graph.layers(&kept);
        QCOMPARE(layers.value(1), 0);
        QCOMPARE(layers.value(2), 1);
        QCOMPARE(layers.value(3), 2);
        QCOMPARE(layers.value(4), 3);
        QVERIFY(!kept.contains(EdgeKey{3, 1}));
        QCOMPARE(kept.size(), 4);
    }

    void nodesAndSignals()
    {
        GraphModel model;
        QSignalSpy added(&model, &GraphModel::nodeAdded);
        QSignalSpy removed(&model, &GraphModel::nodeRemoved);
        QSignalSpy moved(&model, &GraphModel::nodeMoved);
        QSignalSpy changed(&model, &GraphModel::nodeChanged);
        QSignalSpy edgeRemoved(&model, &GraphModel::edgeRemoved);
        QSignalSpy edgeChanged(&model, &GraphModel::edgeChanged);

        const NodeId a = model.addNode({InvalidNodeId, QStringLiteral("check"), QPointF(1, 2)});
        const NodeId b = model.addNode({InvalidNodeId, QStringLiteral("conclusion"), {}});
        QCOMPARE(a, 1);
        QCOMPARE(b, 2);
        QCOMPARE(added.size(), 2);
        QCOMPARE(model.addNode({a, {}, {}}), InvalidNodeId); // taken
        QCOMPARE(model.addNode({-3, {}, {}}), InvalidNodeId);
        QCOMPARE(model.nodeKind(a), QStringLiteral("check"));
        QCOMPARE(model.nodePosition(a), QPointF(1, 2));

        QVERIFY(model.setNodePosition(a, QPointF(1, 2)));
        QCOMPARE(moved.size(), 0); // not moved
        QVERIFY(model.setNodePosition(a, QPointF(5, 6)));
        QCOMPARE(moved.size(), 1);
        QVERIFY(model.setNodeKind(b, QStringLiteral("check")));
        QCOMPARE(changed.size(), 1);
        QVERIFY(!model.setNodePosition(9, {}));

        // A decision edge: a label and a condition.
        QVERIFY(model.addEdge({a, b, QStringLiteral("yes"), QJsonObject{{QStringLiteral("equals"), true}}}));
        QCOMPARE(model.edge(a, b)->label, QStringLiteral("yes"));
        QVERIFY(model.setEdgeLabel(a, b, QStringLiteral("no")));
        QCOMPARE(edgeChanged.size(), 1);
        QVERIFY(model.edge(a, b)->condition.isEmpty());
        QCOMPARE(model.successors(a), QList<NodeId>{b});
        QCOMPARE(model.predecessors(b), QList<NodeId>{a});

        // Removing a node removes its edges first.
        QVERIFY(model.removeNode(a));
        QCOMPARE(edgeRemoved.size(), 1);
        QCOMPARE(removed.size(), 1);
        QVERIFY(model.edges().isEmpty());
        QVERIFY(!model.removeNode(a));
        // Ids are not reused by the model.
        QCOMPARE(model.addNode({}), 3);
    }

    void resetKeepsOnlyEdgesBetweenNodes()
    {
        GraphModel model;
        QSignalSpy reset(&model, &GraphModel::modelReset);
        model.reset({{1, {}, {}}, {2, {}, {}}}, {{1, 2, {}, {}}, {1, 2, {}, {}}, {2, 5, {}, {}}});
        QCOMPARE(reset.size(), 1);
        QCOMPARE(model.edges().size(), 1);
        QCOMPARE(model.nextNodeId(), 3);
    }
};

QTEST_GUILESS_MAIN(tst_GraphModel)
#include "tst_graphmodel.moc"
