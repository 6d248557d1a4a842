// SPDX-License-Identifier: GPL-3.0-or-later
// The plan center: create from a template, clone, delete with confirmation, state changes
// (an invalid plan cannot become effective), history and differences, import and export.
#include "ui/plans/plancenterpage.h"

#include "app/plans/planlibrary.h"
#include "editing/plans/plandocument.h"
#include "models/plans/planformat.h"
#include "models/store/localstore.h"
#include "plantestcatalog.h"
#include "ui/plans/planeditorpage.h"
#include "widgets/plans/plangraphscene.h"

#include <QAbstractButton>
#include <QApplication>
#include <QFile>
#include <QMessageBox>
#include <QPushButton>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QUndoStack>

using namespace Haven;

namespace {

// Answers the next modal message box with the button whose text contains `choice`, and
// remembers what it said.
struct MessageBoxAnswer
{
    QString text;
    bool seen = false;

    void answerNext(const QString &choice)
    {
        QTimer::singleShot(0, [this, choice] {
            auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
            if (!box)
                return answerNext(choice); // not open yet
            seen = true;
            text = box->text() + QLatin1Char('\n') + box->informativeText();
            for (QAbstractButton *button : box->buttons()) {
                if (button->text().contains(choice)) {
                    button->click();
                    return;
                }
            }
            box->reject();
        });
    }
};

} // namespace

class TestPlanCenter final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
    }

    void init()
    {
        m_store = std::make_unique<LocalStore>();
        m_store->open(m_dir.filePath(QStringLiteral("store-%1.db").arg(++m_round)));
        m_library = std::make_unique<PlanLibrary>(*m_store);
        m_page = std::make_unique<PlanCenterPage>(*m_library);
        m_page->setCatalog(TestCatalog::catalog());
        m_page->setAuthor(QStringLiteral("alice"));
        m_page->resize(1200, 700);
        m_page->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
    }

    void cleanup()
    {
        m_page.reset();
        m_library.reset();
        m_store.reset();
    }

    void createFromTemplate_data()
    {
        QTest::addColumn<int>("architecture");
        for (const PlanTemplates::Template &entry : PlanTemplates::all())
            QTest::addRow("%s", qPrintable(entry.id)) << int(entry.architecture);
    }

    void createFromTemplate()
    {
        QFETCH(int, architecture);
        const QString id = m_page->createFromTemplate(PlanTemplates::Architecture(architecture));
        QVERIFY2(!id.isEmpty(), qPrintable(m_page->lastMessage()));
        QCOMPARE(m_page->planIds(), QStringList{id});
        QCOMPARE(m_page->selectedPlanId(), id);
        const std::optional<PlanData> plan = m_library->plan(id);
        QVERIFY(plan);
        QVERIFY(plan->metadata.state == PlanState::Draft);
        QVERIFY(plan->steps.size() >= 6);
        const QList<PlanVersion> versions = m_page->versions(id);
        QCOMPARE(versions.size(), 1);
        QCOMPARE(versions.constFirst().author, QStringLiteral("alice"));
        // The templates validate against a catalog like the demo sites', so they can become effective.
        QString why;
        QVERIFY2(m_page->changeState(id, PlanState::Effective, &why, false), qPrintable(why));
        QVERIFY(m_library->plan(id)->metadata.state == PlanState::Effective);
    }

    void cloneIsAnIndependentDraft()
    {
        const QString id = m_page->createFromTemplate(PlanTemplates::Architecture::RemoteActiveStandby);
        QVERIFY(m_page->changeState(id, PlanState::Effective, nullptr, false));
        const QString copy = m_page->clonePlan(id);
        QVERIFY(!copy.isEmpty() && copy != id);
        QCOMPARE(m_page->planIds().size(), 2);
        const PlanData original = *m_library->plan(id);
        const PlanData clone = *m_library->plan(copy);
        QVERIFY(clone.metadata.state == PlanState::Draft);
        QVERIFY(clone.metadata.name.contains(original.metadata.name));
        QCOMPARE(clone.steps, original.steps);
        QCOMPARE(clone.edges, original.edges);
        QCOMPARE(m_page->versions(copy).size(), 1);
    }

    void deleteAsksFirst()
    {
        const QString keep = m_page->createBlank(PlanKind::Emergency);
        const QString id = m_page->createFromTemplate(PlanTemplates::Architecture::SameCityActiveActive);
        QVERIFY(m_library->plan(id));
        const QString name = m_library->plan(id)->metadata.name;

        MessageBoxAnswer answer;
        answer.answerNext(QStringLiteral("Keep"));
        QVERIFY(!m_page->deletePlan(id));
        QVERIFY(answer.seen);
        QVERIFY2(answer.text.contains(name), qPrintable(answer.text)); // the dialog names the plan
        QVERIFY(answer.text.contains(QStringLiteral("cannot be undone")));
        QVERIFY(m_library->plan(id));

        answer.answerNext(QStringLiteral("Delete plan"));
        QVERIFY(m_page->deletePlan(id));
        QVERIFY(!m_library->plan(id));
        QVERIFY(m_page->versions(id).isEmpty());
        QCOMPARE(m_page->planIds(), QStringList{keep});
    }

    void invalidPlanCannotBecomeEffective()
    {
        const QString id = m_page->createBlank(PlanKind::DisasterRecovery); // no steps: empty phases
        MessageBoxAnswer answer;
        answer.answerNext(QStringLiteral("OK"));
        QString why;
        QVERIFY(!m_page->changeState(id, PlanState::Effective, &why));
        QVERIFY(answer.seen);
        QVERIFY(!why.isEmpty());
        QVERIFY(answer.text.contains(why.section(QLatin1Char('\n'), 0, 0)));
        QVERIFY(m_library->plan(id)->metadata.state == PlanState::Draft);
        // Disabled is always allowed.
        QVERIFY(m_page->changeState(id, PlanState::Disabled, nullptr, false));
        QVERIFY(m_library->plan(id)->metadata.state == PlanState::Disabled);
    }

    void editSaveAndHistory()
    {
        const QString id = m_page->createFromTemplate(PlanTemplates::Architecture::RemoteActiveStandby);
        m_page->openPlan(id);
        QVERIFY(m_page->isEditing());
        PlanEditorPage *editor = m_page->editor();
        PlanDocument &document = editor->document();
        const StepId first = document.plan().stepIds().constFirst();
        const QString oldName = document.plan().step(first).name;
        editor->scene().selectSteps({first});
        editor->scene().deleteSelection();
        QVERIFY(document.isDirty());
        QVERIFY(m_page->saveEditedPlan(QStringLiteral("drop the first check")));
        QVERIFY(!document.isDirty());
        const QList<PlanVersion> versions = m_page->versions(id);
        QCOMPARE(versions.size(), 2);
        QCOMPARE(versions.last().comment, QStringLiteral("drop the first check"));
        const QStringList diff = m_page->differences(id, 1, 2);
        QVERIFY2(diff.join(QLatin1Char('\n')).contains(oldName), qPrintable(diff.join(QLatin1Char('\n'))));
        QVERIFY(!m_library->plan(id)->step(first));
    }

    void importAndExport()
    {
        const QString id = m_page->createFromTemplate(PlanTemplates::Architecture::UnitizedMultiActive);
        const QString path = m_dir.filePath(QStringLiteral("exported.json"));
        QString error;
        QVERIFY2(m_page->exportPlan(id, path, &error), qPrintable(error));
        const QString imported = m_page->importFile(path, &error);
        QVERIFY2(!imported.isEmpty(), qPrintable(error));
        QVERIFY(imported != id); // never overwrites the plan already here
        QCOMPARE(m_library->plan(imported)->steps, m_library->plan(id)->steps);
    }

    void importRefusesBadFiles_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<bool>("imported");
        QTest::addRow("malformed") << QByteArray("{\"format\": \"haven-plan\", ") << false;
        QTest::addRow("newer") << QByteArray(R"({"format":"haven-plan","version":99,"plan":{},"steps":[],"edges":[]})")
                               << false;
        PlanData plan = TestCatalog::smallPlan();
        plan.steps[0].operation = QStringLiteral("no.such.op");
        QTest::addRow("unknown operation") << PlanFormat::toBytes(plan) << true; // kept as a draft, with the error
    }

    void importRefusesBadFiles()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(bool, imported);
        const QString path = m_dir.filePath(QStringLiteral("bad.json"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(bytes);
        file.close();
        QString error;
        const QString id = m_page->importFile(path, &error);
        QCOMPARE(!id.isEmpty(), imported);
        QVERIFY(!error.isEmpty());
        if (imported)
            QVERIFY(error.contains(QStringLiteral("no.such.op")));
    }

    void screenshot()
    {
        m_page->createFromTemplate(PlanTemplates::Architecture::TwoCitiesThreeCenters);
        m_page->createFromTemplate(PlanTemplates::Architecture::SameCityActiveActive);
        const QString blank = m_page->createBlank(PlanKind::Emergency);
        m_page->changeState(m_page->planIds().constFirst(), PlanState::Effective, nullptr, false);
        m_page->selectPlan(blank);
        QVERIFY(m_page->grab().save(
            QDir(QStringLiteral(QT_TESTCASE_BUILDDIR)).filePath(QStringLiteral("plan-center.png"))));
    }

private:
    QTemporaryDir m_dir;
    int m_round = 0;
    std::unique_ptr<LocalStore> m_store;
    std::unique_ptr<PlanLibrary> m_library;
    std::unique_ptr<PlanCenterPage> m_page;
};

QTEST_MAIN(TestPlanCenter)
#include "tst_plancenter.moc"
