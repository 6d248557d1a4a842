// SPDX-License-Identifier: GPL-3.0-or-later
// The plan document's undo commands, without a GUI: every kind undoes and redoes exactly.
#include "editing/plans/plancommands.h"
#include "editing/plans/plandocument.h"
#include "models/plans/planformat.h"
#include "plantestcatalog.h"

#include <QSignalSpy>
#include <QTest>
#include <QUndoStack>

#include <functional>

using namespace Haven;

namespace {

QJsonObject exported(const PlanDocument &document)
{
    return PlanFormat::toJson(document.plan().data());
}

// Pushes the command, then checks undo gives the plan before, redo the plan after, twice.
void checkUndoRedo(PlanDocument &document, QUndoCommand *command)
{
    const QJsonObject before = exported(document);
    const int count = document.undoStack()->count();
    document.push(command);
    QCOMPARE(document.undoStack()->count(), count + 1);
    const QJsonObject after = exported(document);
    QVERIFY(after != before);
    for (int round = 0; round < 2; ++round) {
        document.undoStack()->undo();
        QCOMPARE(exported(document), before);
        document.undoStack()->redo();
        QCOMPARE(exported(document), after);
    }
}

} // namespace

class TestPlanCommands final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        m_document = std::make_unique<PlanDocument>(TestCatalog::smallPlan());
        m_document->setCatalog(TestCatalog::catalog());
    }

    void addStep()
    {
        PlanStep step;
        step.name = QStringLiteral("Check health");
        step.operation = QStringLiteral("health.check");
        step.phase = PlanPhase::Switchover;
        step.position = {900, 0};
        auto *command = new AddStepCommand(m_document->plan(), step);
        checkUndoRedo(*m_document, command);
        QCOMPARE(command->stepId(), 7);
        QCOMPARE(m_document->plan().step(7).name, QStringLiteral("Check health"));
    }

    void removeStepsRestoresEdges()
    {
        checkUndoRedo(*m_document, new RemoveStepsCommand(m_document->plan(), {2, 5}));
        QVERIFY(!m_document->plan().hasStep(2));
        QVERIFY(m_document->plan().edges().isEmpty());
        m_document->undoStack()->undo();
        QCOMPARE(m_document->plan().edges().size(), 4);
    }

    void removeStepsWithExtraEdges()
    {
        checkUndoRedo(*m_document, new RemoveStepsCommand(m_document->plan(), {6}, {{1, 2}}));
        QVERIFY(!m_document->plan().hasEdge(1, 2));
        QVERIFY(!m_document->plan().hasEdge(5, 6));
    }

    void addAndRemoveEdge()
    {
        checkUndoRedo(*m_document, new AddEdgeCommand(m_document->plan(), 1, 3));
        checkUndoRedo(*m_document, new RemoveEdgeCommand(m_document->plan(), 2, 3));
    }

    void refusedEdgeIsNotRecorded_data()
    {
        QTest::addColumn<int>("from");
        QTest::addColumn<int>("to");
        QTest::addRow("cycle") << 3 << 1;
        QTest::addRow("existing") << 1 << 2;
        QTest::addRow("cross-phase") << 1 << 5;
        QTest::addRow("self") << 2 << 2;
        QTest::addRow("missing step") << 1 << 99;
    }

    void refusedEdgeIsNotRecorded()
    {
        QFETCH(int, from);
        QFETCH(int, to);
        const QJsonObject before = exported(*m_document);
        QVERIFY(!m_document->plan().connectionPossible(from, to));
        m_document->push(new AddEdgeCommand(m_document->plan(), from, to));
        QCOMPARE(m_document->undoStack()->count(), 0);
        QCOMPARE(exported(*m_document), before);
        QVERIFY(!m_document->isDirty());
    }

    void dragMergesIntoOneCommand()
    {
        const QMap<StepId, QPointF> start{{1, {0, 0}}, {2, {300, 0}}};
        const QJsonObject before = exported(*m_document);
        for (int i = 1; i <= 10; ++i) {
            QMap<StepId, QPointF> to;
            for (auto it = start.cbegin(); it != start.cend(); ++it)
                to.insert(it.key(), it.value() + QPointF(i * 5, i * 3));
            m_document->push(new MoveStepsCommand(m_document->plan(), start, to, 1));
        }
        QCOMPARE(m_document->undoStack()->count(), 1);
        QCOMPARE(m_document->plan().step(2).position, QPointF(350, 30));
        const QJsonObject after = exported(*m_document);
        m_document->undoStack()->undo();
        QCOMPARE(exported(*m_document), before);
        m_document->undoStack()->redo();
        QCOMPARE(exported(*m_document), after);

        // The next drag, or another selection, is a command of its own.
        m_document->push(new MoveStepsCommand(m_document->plan(), {{1, {50, 30}}}, {{1, {60, 30}}}, 2));
        m_document->push(new MoveStepsCommand(m_document->plan(), {{2, {350, 30}}}, {{2, {360, 30}}}, 2));
        QCOMPARE(m_document->undoStack()->count(), 3);
    }

    void dragBackToStartLeavesNothing()
    {
        m_document->push(new MoveStepsCommand(m_document->plan(), {{1, {0, 0}}}, {{1, {10, 0}}}, 7));
        m_document->push(new MoveStepsCommand(m_document->plan(), {{1, {0, 0}}}, {{1, {0, 0}}}, 7));
        QCOMPARE(m_document->undoStack()->count(), 0);
        QCOMPARE(m_document->plan().step(1).position, QPointF(0, 0));
    }

    void setStepProperty_data()
    {
        QTest::addColumn<int>("field");
        QTest::addColumn<std::function<void(PlanStep &)>>("change");
        using F = std::function<void(PlanStep &)>;
        QTest::addRow("name") << int(StepField::Name) << F([](PlanStep &s) { s.name = QStringLiteral("Cut all"); });
        QTest::addRow("operation") << int(StepField::Operation) << F([](PlanStep &s) {
            s.operation = QStringLiteral("wait.seconds");
            s.parameters = {{QStringLiteral("seconds"), 30}};
        });
        QTest::addRow("parameters") << int(StepField::Parameters) << F([](PlanStep &s) {
            s.parameters[QStringLiteral("productGroup")] = QStringLiteral("accounts");
        });
        QTest::addRow("target") << int(StepField::Target) << F([](PlanStep &s) {
            s.target = {StepTargetKind::NamedSite, QStringLiteral("sh-b")};
        });
        QTest::addRow("product group") << int(StepField::ProductGroup)
                                       << F([](PlanStep &s) { s.productGroup = QStringLiteral("trading"); });
        QTest::addRow("timeout") << int(StepField::Timeout) << F([](PlanStep &s) { s.timeoutSeconds = 900; });
        QTest::addRow("retry") << int(StepField::Retry) << F([](PlanStep &s) { s.retry = {3, 10, 1.5}; });
        QTest::addRow("on failure") << int(StepField::OnFailure)
                                    << F([](PlanStep &s) { s.onFailure = OnFailure::Pause; });
        QTest::addRow("approval") << int(StepField::Approval) << F([](PlanStep &s) {
            s.requiresApproval = true;
            s.approvalPrompt = QStringLiteral("Confirm with the duty manager");
        });
        QTest::addRow("guard") << int(StepField::Guard) << F([](PlanStep &s) {
            StepGuard guard;
            guard.kind = GuardKind::ReplicationLagBelow;
            guard.threshold = 5;
            s.guard = guard;
        });
        QTest::addRow("notes") << int(StepField::Notes) << F([](PlanStep &s) { s.notes = QStringLiteral("Call DBA"); });
    }

    void setStepProperty()
    {
        QFETCH(int, field);
        QFETCH(std::function<void(PlanStep &)>, change);
        PlanStep values = m_document->plan().step(1);
        change(values);
        checkUndoRedo(*m_document, new SetStepPropertyCommand(m_document->plan(), 1, StepField(field), values));
        QVERIFY(SetStepPropertyCommand::sameField(StepField(field), values, m_document->plan().step(1)));
        QCOMPARE(m_document->plan().step(1).position, QPointF(0, 0));
    }

    void typingMergesPerField()
    {
        const QJsonObject before = exported(*m_document);
        PlanStep values = m_document->plan().step(2);
        const QString text = QStringLiteral("Promote");
        for (qsizetype i = 1; i <= text.size(); ++i) {
            values.name = text.left(i);
            m_document->push(new SetStepPropertyCommand(m_document->plan(), 2, StepField::Name, values));
        }
        QCOMPARE(m_document->undoStack()->count(), 1);
        QCOMPARE(m_document->plan().step(2).name, text);
        // Another field, or another step, starts a new command.
        values.notes = QStringLiteral("n");
        m_document->push(new SetStepPropertyCommand(m_document->plan(), 2, StepField::Notes, values));
        PlanStep other = m_document->plan().step(3);
        other.notes = QStringLiteral("n");
        m_document->push(new SetStepPropertyCommand(m_document->plan(), 3, StepField::Notes, other));
        QCOMPARE(m_document->undoStack()->count(), 3);
        m_document->undoStack()->setIndex(0);
        QCOMPARE(exported(*m_document), before);
    }

    void unchangedValueIsNotRecorded()
    {
        m_document->push(new SetStepPropertyCommand(m_document->plan(), 1, StepField::Name, m_document->plan().step(1)));
        m_document->push(new SetPlanPropertyCommand(m_document->plan(), PlanField::Rto, m_document->plan().metadata()));
        QCOMPARE(m_document->undoStack()->count(), 0);
    }

    void setPlanProperty_data()
    {
        QTest::addColumn<int>("field");
        QTest::addColumn<std::function<void(PlanMetadata &)>>("change");
        using F = std::function<void(PlanMetadata &)>;
        QTest::addRow("name") << int(PlanField::Name) << F([](PlanMetadata &m) { m.name = QStringLiteral("New"); });
        QTest::addRow("description") << int(PlanField::Description)
                                     << F([](PlanMetadata &m) { m.description = QStringLiteral("Why"); });
        QTest::addRow("kind") << int(PlanField::Kind) << F([](PlanMetadata &m) { m.kind = PlanKind::Drill; });
        QTest::addRow("rto") << int(PlanField::Rto) << F([](PlanMetadata &m) { m.rtoSeconds = 1200; });
        QTest::addRow("rpo") << int(PlanField::Rpo) << F([](PlanMetadata &m) { m.rpoSeconds = 0; });
    }

    void setPlanProperty()
    {
        QFETCH(int, field);
        QFETCH(std::function<void(PlanMetadata &)>, change);
        PlanMetadata values = m_document->plan().metadata();
        change(values);
        checkUndoRedo(*m_document, new SetPlanPropertyCommand(m_document->plan(), PlanField(field), values));
    }

    void pasteGivesFreshIdsAndInnerEdges()
    {
        const PlanData data = m_document->plan().data();
        const QList<PlanStep> steps{*data.step(1), *data.step(2), *data.step(3)};
        auto *command = new PasteCommand(m_document->plan(), steps, {{1, 2}, {2, 3}, {5, 6}}, PlanPhase::Recovery,
                                         {40, 40});
        checkUndoRedo(*m_document, command);
        const QList<StepId> pasted = command->pastedSteps();
        QCOMPARE(pasted, (QList<StepId>{7, 8, 9}));
        for (StepId id : pasted)
            QVERIFY(m_document->plan().step(id).phase == PlanPhase::Recovery);
        QCOMPARE(m_document->plan().step(8).position, QPointF(340, 40));
        QVERIFY(m_document->plan().hasEdge(7, 8));
        QVERIFY(m_document->plan().hasEdge(8, 9));
        QCOMPARE(m_document->plan().edges().size(), 6);
    }

    void autoLayout()
    {
        checkUndoRedo(*m_document, new AutoLayoutCommand(m_document->plan(), {{1, {10, 10}}, {3, {20, 500}}}));
        QCOMPARE(m_document->plan().step(3).position, QPointF(20, 500));
    }

    void cleanState()
    {
        QSignalSpy dirty(m_document.get(), &PlanDocument::dirtyChanged);
        QVERIFY(!m_document->isDirty());
        m_document->push(new AddEdgeCommand(m_document->plan(), 1, 3));
        QVERIFY(m_document->isDirty());
        m_document->markSaved();
        QVERIFY(!m_document->isDirty());
        m_document->undoStack()->undo();
        QVERIFY(m_document->isDirty());
        m_document->undoStack()->redo();
        QVERIFY(!m_document->isDirty());
        QCOMPARE(dirty.count(), 4);
        m_document->load(TestCatalog::smallPlan());
        QCOMPARE(m_document->undoStack()->count(), 0);
        QVERIFY(!m_document->isDirty());
    }

    void validationIsCoalesced()
    {
        m_document->validateNow();
        QCOMPARE(m_document->errorCount(), 0);
        QSignalSpy spy(m_document.get(), &PlanDocument::validationChanged);
        m_document->undoStack()->beginMacro(QStringLiteral("several"));
        m_document->push(new RemoveEdgeCommand(m_document->plan(), 1, 2));
        PlanStep values = m_document->plan().step(2);
        values.operation = QStringLiteral("no.such.op");
        m_document->push(new SetStepPropertyCommand(m_document->plan(), 2, StepField::Operation, values));
        m_document->undoStack()->endMacro();
        QVERIFY(m_document->validationPending());
        QCOMPARE(spy.count(), 0);
        QTRY_COMPARE(spy.count(), 1);
        QVERIFY(m_document->errorCount() > 0);
        bool found = false;
        for (const PlanIssue &issue : m_document->issuesOf(2))
            found = found || issue.code == QLatin1StringView("unknown-operation");
        QVERIFY(found);
        m_document->undoStack()->undo();
        QTRY_COMPARE(spy.count(), 2);
        QCOMPARE(m_document->errorCount(), 0);
    }

private:
    std::unique_ptr<PlanDocument> m_document;
};

QTEST_GUILESS_MAIN(TestPlanCommands)
#include "tst_plancommands.moc"
