// SPDX-License-Identifier: GPL-3.0-or-later
// The plan editor, offscreen: drag an operation from the palette onto the canvas, connect it,
// edit it in the property panel, move, delete, copy and paste, then undo all of it; and a
// screenshot of a 30-step plan.
#include "ui/plans/planeditorpage.h"

#include "editing/plans/plandocument.h"
#include "models/plans/planformat.h"
#include "models/plans/plantemplates.h"
#include "plantestcatalog.h"
#include "widgets/plans/plangraphscene.h"
#include "widgets/plans/plangraphview.h"
#include "widgets/plans/planpalette.h"
#include "widgets/plans/planpropertypanel.h"

#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QDropEvent>
#include <QLineEdit>
#include <QMimeData>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTabBar>
#include <QTest>
#include <QTreeWidget>
#include <QUndoStack>

using namespace Haven;

namespace {

QJsonObject exported(const PlanDocument &document)
{
    return PlanFormat::toJson(document.plan().data());
}

// What a drag from the palette delivers: the tree's own mime data for the operation's row.
QMimeData *paletteDrag(PlanPalette &palette, const QString &code)
{
    QTreeWidgetItem *item = palette.operationItem(code);
    if (!item)
        return nullptr;
    QTreeWidget *tree = palette.tree();
    const QModelIndex index = tree->model()->index(tree->indexOfTopLevelItem(item->parent()), 0);
    const QModelIndex child = tree->model()->index(item->parent()->indexOfChild(item), 0, index);
    return tree->model()->mimeData({child});
}

void dropOn(QWidget *viewport, QMimeData *mime, const QPoint &pos)
{
    QDragEnterEvent enter(pos, Qt::CopyAction, mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(viewport, &enter);
    QDragMoveEvent move(pos, Qt::CopyAction, mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(viewport, &move);
    QDropEvent drop(QPointF(pos), Qt::CopyAction, mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(viewport, &drop);
}

// A press, a few moves and a release with the left button, in viewport coordinates.
void mouseDrag(QWidget *viewport, const QPoint &from, const QPoint &to)
{
    QTest::mousePress(viewport, Qt::LeftButton, Qt::NoModifier, from);
    for (int i = 1; i <= 4; ++i)
        QTest::mouseMove(viewport, from + (to - from) * i / 4);
    QTest::mouseRelease(viewport, Qt::LeftButton, Qt::NoModifier, to);
}

} // namespace

class TestPlanEditor final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void init()
    {
        m_page = std::make_unique<PlanEditorPage>();
        m_page->setCatalog(TestCatalog::catalog());
        m_page->openPlan(TestCatalog::smallPlan());
        m_page->resize(1400, 900);
        m_page->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
        m_page->view()->setZoom(1.0);
        m_page->view()->centerOn(QPointF(400, 100));
    }

    void paletteGroupsAndSearches()
    {
        PlanPalette *palette = m_page->palette();
        QCOMPARE(palette->visibleOperations().size(), TestCatalog::catalog().size());
        palette->setFilterText(QStringLiteral("promote"));
        QCOMPARE(palette->visibleOperations(),
                 (QStringList{QStringLiteral("storage.promote"), QStringLiteral("db.promote")}));
        palette->setFilterText(QString());
        QVERIFY(palette->tree()->topLevelItemCount() >= 3); // business, storage, database, ...
    }

    void dragConnectEditUndo()
    {
        PlanDocument &document = m_page->document();
        PlanGraphScene &scene = m_page->scene();
        PlanGraphView *view = m_page->view();
        QWidget *viewport = view->viewport();
        const QJsonObject original = exported(document);
        QCOMPARE(scene.nodeCount(), 3);

        // 1. Drag "Cut traffic" from the palette onto an empty part of the canvas.
        QMimeData *mime = paletteDrag(*m_page->palette(), QStringLiteral("traffic.cut"));
        QVERIFY(mime);
        QVERIFY(mime->hasFormat(QLatin1StringView(OperationMimeType)));
        const QPoint dropAt = view->mapFromScene(QPointF(1000, 60)
                                                 + QPointF(StepNodeItem::Width / 2, StepNodeItem::Height / 2));
        dropOn(viewport, mime, dropAt);
        delete mime;
        QCOMPARE(scene.nodeCount(), 4);
        const StepId added = 7;
        QVERIFY(document.plan().hasStep(added));
        QCOMPARE(document.plan().step(added).operation, QStringLiteral("traffic.cut"));
        QCOMPARE(document.plan().step(added).position, QPointF(1000, 60));
        QCOMPARE(scene.selectedSteps(), QList<StepId>{added});
        QCOMPARE(m_page->propertyPanel()->step(), added);
        // The new step lacks its required product group: the canvas says so at once.
        QTRY_VERIFY(!document.issuesOf(added).isEmpty());
        QVERIFY(scene.nodeItem(added)->toolTip().contains(QStringLiteral("✖")));

        // 2. Connect "Start applications" (3) → the new step by dragging from its output port.
        QTest::qWait(20);
        mouseDrag(viewport, view->mapFromScene(scene.nodeItem(3)->outputPort()),
                  view->mapFromScene(scene.nodeItem(added)->sceneBoundingRect().center()));
        QVERIFY(document.plan().hasEdge(3, added));
        QVERIFY(scene.edgeItem(3, added));

        // A connection that would close a cycle is refused, with the reason on the canvas.
        mouseDrag(viewport, view->mapFromScene(scene.nodeItem(added)->outputPort()),
                  view->mapFromScene(scene.nodeItem(1)->sceneBoundingRect().center()));
        QVERIFY(!document.plan().hasEdge(added, 1));
        QVERIFY(!scene.feedbackText().isEmpty());
        const int afterConnect = document.undoStack()->count();

        // 3. Edit it in the property panel: type a name (one command), set the product group parameter.
        PlanPropertyPanel *panel = m_page->propertyPanel();
        panel->nameEdit()->selectAll();
        QTest::keyClicks(panel->nameEdit(), QStringLiteral("Cut payments traffic"));
        QCOMPARE(document.plan().step(added).name, QStringLiteral("Cut payments traffic"));
        QCOMPARE(document.undoStack()->count(), afterConnect + 1);
        auto *group = qobject_cast<QComboBox *>(panel->parameterEditor(QStringLiteral("productGroup")));
        QVERIFY(group);
        const int payments = group->findText(QStringLiteral("payments"));
        QVERIFY(payments > 0);
        group->setCurrentIndex(payments);
        Q_EMIT group->activated(payments);
        QCOMPARE(document.plan().step(added).parameters.value(QStringLiteral("productGroup")).toString(),
                 QStringLiteral("payments"));
        panel->timeoutSpin()->setValue(900);
        QCOMPARE(document.plan().step(added).timeoutSeconds, 900);
        QCOMPARE(document.undoStack()->count(), afterConnect + 3);
        // Undo is reflected in the panel too.
        document.undoStack()->undo();
        QCOMPARE(panel->timeoutSpin()->value(), 300);
        document.undoStack()->redo();

        // 4. Move the selection by dragging a step: one command for the whole drag.
        const int beforeMove = document.undoStack()->count();
        const QPointF start = document.plan().step(added).position;
        const QPoint grab = view->mapFromScene(scene.nodeItem(added)->mapToScene(QPointF(60, 40)));
        mouseDrag(viewport, grab, grab + QPoint(40, 80));
        QCOMPARE(document.undoStack()->count(), beforeMove + 1);
        QCOMPARE(document.plan().step(added).position, start + QPointF(40, 80) / view->zoom());

        // 5. Copy and paste steps 1 and 2: fresh ids, their edge, offset.
        scene.selectSteps({1, 2});
        view->copyAction()->trigger();
        view->pasteAction()->trigger();
        const QList<StepId> pasted = scene.selectedSteps();
        QCOMPARE(pasted.size(), 2);
        QVERIFY(!pasted.contains(1) && !pasted.contains(2));
        QVERIFY(document.plan().hasEdge(pasted.at(0), pasted.at(1)));

        // 6. Delete them again with the Delete key.
        view->setFocus();
        QTest::keyClick(viewport, Qt::Key_Delete);
        QVERIFY(!document.plan().hasStep(pasted.at(0)));

        // 7. Undo everything: exactly the original plan; redo everything: all edits back.
        const QJsonObject edited = exported(document);
        while (document.undoStack()->canUndo())
            view->undoAction()->trigger();
        QCOMPARE(exported(document), original);
        QCOMPARE(scene.nodeCount(), 3);
        QVERIFY(!document.isDirty());
        while (document.undoStack()->canRedo())
            view->redoAction()->trigger();
        QCOMPARE(exported(document), edited);
        QVERIFY(scene.edgeItem(3, added));
    }

    void rubberBandAndSelectAll()
    {
        PlanGraphScene &scene = m_page->scene();
        PlanGraphView *view = m_page->view();
        // From empty canvas above-left of steps 1 and 2 to below step 2: both selected, not 3.
        const QPoint from = view->mapFromScene(QPointF(-30, -30));
        const QPoint to = view->mapFromScene(QPointF(300 + StepNodeItem::Width - 20, StepNodeItem::Height + 20));
        mouseDrag(view->viewport(), from, to);
        QCOMPARE(scene.selectedSteps(), (QList<StepId>{1, 2}));
        QCOMPARE(m_page->document().undoStack()->count(), 0); // selecting is not an edit
        view->setFocus();
        QTest::keySequence(view, QKeySequence::SelectAll);
        QCOMPARE(scene.selectedSteps(), (QList<StepId>{1, 2, 3}));
        QTest::keyClick(view, Qt::Key_Delete);
        QCOMPARE(scene.nodeCount(), 0);
        QTest::keySequence(view, QKeySequence::Undo);
        QCOMPARE(scene.nodeCount(), 3);
        QCOMPARE(scene.edgeCount(), 2);
    }

    void phaseSwitchShowsRecoverySteps()
    {
        PlanGraphScene &scene = m_page->scene();
        QTabBar *tabs = m_page->phaseTabs();
        QCOMPARE(tabs->count(), 2);
        tabs->setCurrentIndex(1);
        QVERIFY(scene.phase() == PlanPhase::Recovery);
        QVERIFY(scene.nodeItem(4) && !scene.nodeItem(1));
        m_page->revealStep(2);
        QCOMPARE(tabs->currentIndex(), 0);
        QCOMPARE(scene.selectedSteps(), QList<StepId>{2});
    }

    void validationListSelectsStep()
    {
        PlanDocument &document = m_page->document();
        m_page->scene().selectSteps({5});
        document.validateNow();
        QTreeWidget *list = m_page->validationList();
        m_page->propertyPanel()->setStep(5);
        m_page->propertyPanel()->timeoutSpin()->setValue(1); // still valid; then break the operation:
        m_page->document().plan().removeEdge(4, 5);          // (direct model edits show up as well)
        document.validateNow();
        QTreeWidgetItem *item = nullptr;
        for (int i = 0; i < list->topLevelItemCount(); ++i) {
            if (list->topLevelItem(i)->data(0, Qt::UserRole + 1).toInt() != InvalidStepId)
                item = list->topLevelItem(i);
        }
        QVERIFY(item);
        m_page->scene().clearSelection();
        m_page->setPhase(PlanPhase::Switchover);
        Q_EMIT list->itemClicked(item, 0);
        QCOMPARE(m_page->scene().selectedSteps().size(), 1);
        QVERIFY(m_page->scene().phase() == PlanPhase::Recovery);
    }

    void autoLayoutIsOneCommand()
    {
        PlanDocument &document = m_page->document();
        const QJsonObject before = exported(document);
        m_page->view()->layoutAction()->trigger();
        QCOMPARE(document.undoStack()->count(), 1);
        document.undoStack()->undo();
        QCOMPARE(exported(document), before);
    }

    void screenshotOfThirtyStepPlan()
    {
        PlanData plan = PlanTemplates::create(PlanTemplates::Architecture::TwoCitiesThreeCenters);
        qInfo() << "template steps" << plan.steps.size() << "switchover"
                << std::count_if(plan.steps.cbegin(), plan.steps.cend(),
                                 [](const PlanStep &s) { return s.phase == PlanPhase::Switchover; });
        m_page->resize(1800, 1050);
        m_page->openPlan(plan);
        QTest::qWait(50);
        const QList<StepId> ids = m_page->document().plan().stepIds(PlanPhase::Switchover);
        QVERIFY(ids.size() >= 10);
        m_page->scene().selectSteps({ids.at(3)});
        m_page->view()->zoomToReadable();
        QTest::qWait(50);
        const QString path = QDir(QStringLiteral(QT_TESTCASE_BUILDDIR)).filePath(QStringLiteral("plan-editor.png"));
        QVERIFY(m_page->grab().save(path));
        qInfo() << "screenshot" << path << "steps" << plan.steps.size();
    }

private:
    std::unique_ptr<PlanEditorPage> m_page;
};

QTEST_MAIN(TestPlanEditor)
#include "tst_planeditor.moc"
