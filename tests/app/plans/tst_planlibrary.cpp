// SPDX-License-Identifier: GPL-3.0-or-later
// The plan library without a display: create, clone, save versions, state rules, delete with
// confirmation, every change in the audit chain, and an unusable database kept in memory.
#include "app/plans/planlibrary.h"

#include "app/executions/executionengine.h"
#include "models/plans/planformat.h"
#include "models/store/localstore.h"
#include "plantestcatalog.h"

#include <QFile>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Haven;

class TestPlanLibrary final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true); // never the person's own files
        QVERIFY2(m_dir.isValid(), qPrintable(m_dir.errorString()));
    }

    void init()
    {
        // A new database per test function: the audit log starts empty each time.
        const QString path = m_dir.filePath(QStringLiteral("plans-%1.db").arg(++m_round));
        m_store = std::make_unique<LocalStore>();
        QCOMPARE(m_store->open(path).mode, LocalStore::Mode::Persistent);
        m_library = std::make_unique<PlanLibrary>(*m_store);
        m_library->setCatalog(TestCatalog::catalog());
    }

    void cleanup()
    {
        m_library.reset();
        m_store.reset();
    }

    void createCloneAndSaveVersions()
    {
        QSignalSpy listChanged(m_library.get(), &PlanLibrary::plansChanged);
        const PlanLibrary::Outcome created
            = m_library->createFromTemplate(PlanTemplates::Architecture::RemoteActiveStandby, m_alice);
        QVERIFY2(created, qPrintable(created.message));
        QCOMPARE(listChanged.size(), 1);
        QVERIFY(created.message.contains(m_library->plan(created.planId)->metadata.name));
        QCOMPARE(m_library->versions(created.planId).size(), 1);
        QCOMPARE(m_library->versions(created.planId).constFirst().author, m_alice.user);

        const PlanLibrary::Outcome blank = m_library->createBlank(PlanKind::Emergency, QStringLiteral("  "), m_alice);
        QVERIFY(blank);
        QVERIFY(!m_library->plan(blank.planId)->metadata.name.isEmpty()); // never a nameless plan

        const PlanLibrary::Outcome clone = m_library->clonePlan(created.planId, m_bob);
        QVERIFY(clone);
        QVERIFY(clone.planId != created.planId);
        const PlanData original = *m_library->plan(created.planId);
        const PlanData copy = *m_library->plan(clone.planId);
        QCOMPARE(copy.steps, original.steps);
        QVERIFY(copy.metadata.name.contains(original.metadata.name));
        QCOMPARE(m_library->plans().size(), 3);

        QSignalSpy planChanged(m_library.get(), &PlanLibrary::planChanged);
        PlanData edited = original;
        const StepId dropped = edited.steps.constFirst().id;
        const QString droppedName = edited.steps.constFirst().name;
        edited.steps.removeFirst();
        edited.edges.removeIf([dropped](const PlanEdge &e) { return e.from == dropped || e.to == dropped; });
        const PlanLibrary::Outcome saved = m_library->saveVersion(edited, QStringLiteral("drop the first check"), m_bob);
        QVERIFY2(saved, qPrintable(saved.message));
        QCOMPARE(planChanged.size(), 1);
        QCOMPARE(planChanged.constFirst().constFirst().toString(), created.planId);
        const QList<PlanVersion> history = m_library->versions(created.planId);
        QCOMPARE(history.size(), 2);
        QCOMPARE(history.last().number, 2);
        QCOMPARE(history.last().comment, QStringLiteral("drop the first check"));
        QCOMPARE(history.last().author, m_bob.user);
        QCOMPARE(m_library->summary(created.planId)->version, 2);
        QVERIFY(m_library->differences(created.planId, 1, 2).join(QLatin1Char('\n')).contains(droppedName));
        // The copy did not change with its original.
        QCOMPARE(m_library->plan(clone.planId)->steps, original.steps);

        const QList<AuditRecord> records = m_store->auditRecords();
        QStringList actions;
        for (const AuditRecord &record : records)
            actions.append(record.action);
        QCOMPARE(actions, (QStringList{QStringLiteral("plan.create"), QStringLiteral("plan.create"),
                                       QStringLiteral("plan.clone"), QStringLiteral("plan.saveVersion")}));
        QCOMPARE(records.at(2).details.value(QStringLiteral("source")).toString(), created.planId);
        QCOMPARE(records.at(3).details.value(QStringLiteral("version")).toInt(), 2);
        QVERIFY(m_store->verifyAuditChain());
    }

    void savingAPlanThatIsGoneKeepsTheEdit()
    {
        PlanData plan = TestCatalog::smallPlan();
        plan.metadata.id = QStringLiteral("not-in-the-library");
        const PlanLibrary::Outcome saved = m_library->saveVersion(plan, QString(), m_alice);
        QVERIFY(!saved);
        QVERIFY2(saved.message.contains(QStringLiteral("editor still holds")), qPrintable(saved.message));
        QVERIFY(m_library->plans().isEmpty());
        QCOMPARE(m_store->auditRecords().size(), 0); // nothing kept, nothing recorded
    }

    void stateChangesFollowTheRules()
    {
        const QString blank = m_library->createBlank(PlanKind::DisasterRecovery, QStringLiteral("Empty"), m_alice).planId;
        const qint64 before = m_store->auditRecords().size();
        const PlanLibrary::Outcome refused = m_library->changeState(blank, PlanState::Effective, m_alice);
        QVERIFY(!refused);
        QVERIFY2(refused.message.contains(QStringLiteral("cannot become effective")), qPrintable(refused.message));
        QVERIFY(refused.message.contains(QStringLiteral("Empty")));
        QVERIFY(m_library->plan(blank)->metadata.state == PlanState::Draft);
        QCOMPARE(m_store->auditRecords().size(), before); // a refused change is not a change

        QVERIFY(m_library->changeState(blank, PlanState::Disabled, m_bob)); // always allowed

        const QString valid = m_library->createFromTemplate(PlanTemplates::Architecture::SameCityActiveActive, m_alice)
                                  .planId;
        const PlanLibrary::Outcome effective = m_library->changeState(valid, PlanState::Effective, m_bob);
        QVERIFY2(effective, qPrintable(effective.message));
        QVERIFY(m_library->plan(valid)->metadata.state == PlanState::Effective);

        // Saving an effective plan that no longer validates makes it a draft again, and says so.
        PlanData broken = *m_library->plan(valid);
        broken.steps.clear();
        broken.edges.clear();
        const PlanLibrary::Outcome saved = m_library->saveVersion(broken, QStringLiteral("oops"), m_bob);
        QVERIFY(saved);
        QVERIFY2(saved.message.contains(QStringLiteral("draft again")), qPrintable(saved.message));
        QVERIFY(m_library->plan(valid)->metadata.state == PlanState::Draft);

        const QList<AuditRecord> records = m_store->auditRecords(before);
        QCOMPARE(records.size(), 4);
        const AuditRecord &disabled = records.at(0);
        QCOMPARE(disabled.action, QStringLiteral("plan.state"));
        QCOMPARE(disabled.user, m_bob.user);
        QCOMPARE(disabled.details.value(QStringLiteral("plan")).toString(), blank);
        QCOMPARE(disabled.details.value(QStringLiteral("host")).toString(), m_bob.host);
        QCOMPARE(disabled.details.value(QStringLiteral("from")).toString(), QStringLiteral("draft"));
        QCOMPARE(disabled.details.value(QStringLiteral("to")).toString(), QStringLiteral("disabled"));
        QCOMPARE(records.at(2).action, QStringLiteral("plan.state"));
        QCOMPARE(records.at(2).details.value(QStringLiteral("to")).toString(), QStringLiteral("effective"));
        QCOMPARE(records.at(3).action, QStringLiteral("plan.saveVersion"));
        QCOMPARE(records.at(3).details.value(QStringLiteral("state")).toString(), QStringLiteral("draft"));
        QVERIFY(m_store->verifyAuditChain());
    }

    void deleteNeedsTheNameAndIsAudited()
    {
        const PlanLibrary::Outcome created
            = m_library->createFromTemplate(PlanTemplates::Architecture::TwoCitiesThreeCenters, m_alice);
        const QString id = created.planId;
        const QString name = m_library->plan(id)->metadata.name;
        QVERIFY(m_library->saveVersion(*m_library->plan(id), QStringLiteral("second"), m_alice));

        for (const QString &wrong : QStringList{QString(), QStringLiteral("yes"), name + QLatin1Char('x')}) {
            const PlanLibrary::Outcome refused = m_library->deletePlan(id, wrong, m_bob);
            QVERIFY(!refused);
            QVERIFY2(refused.message.contains(QStringLiteral("cannot be undone")), qPrintable(refused.message));
            QVERIFY(m_library->plan(id));
        }
        QSignalSpy listChanged(m_library.get(), &PlanLibrary::plansChanged);
        const PlanLibrary::Outcome deleted = m_library->deletePlan(id, name, m_bob);
        QVERIFY2(deleted, qPrintable(deleted.message));
        QCOMPARE(listChanged.size(), 1);
        QVERIFY(!m_library->plan(id));
        QVERIFY(m_library->versions(id).isEmpty());
        QVERIFY(!m_library->deletePlan(id, name, m_bob)); // gone: says so, records nothing

        const QList<AuditRecord> records = m_store->auditRecords();
        QCOMPARE(records.size(), 3); // create, saveVersion, delete: refusals are not changes
        const AuditRecord &record = records.last();
        QCOMPARE(record.action, QStringLiteral("plan.delete"));
        QCOMPARE(record.user, m_bob.user);
        QCOMPARE(record.details.value(QStringLiteral("plan")).toString(), id);
        QCOMPARE(record.details.value(QStringLiteral("name")).toString(), name);
        QCOMPARE(record.details.value(QStringLiteral("host")).toString(), m_bob.host);
        QCOMPARE(record.details.value(QStringLiteral("versions")).toInt(), 2);
        qint64 broken = -1;
        qint64 checked = 0;
        QVERIFY(m_store->verifyAuditChain(&broken, &checked));
        QCOMPARE(checked, 3);
    }

    void importAndExport()
    {
        const QString id = m_library->createFromTemplate(PlanTemplates::Architecture::UnitizedMultiActive, m_alice)
                               .planId;
        const QString path = m_dir.filePath(QStringLiteral("export-%1.json").arg(m_round));
        const PlanLibrary::Outcome exported = m_library->exportPlan(id, path);
        QVERIFY2(exported, qPrintable(exported.message));
        const PlanLibrary::Outcome imported = m_library->importFile(path, m_bob);
        QVERIFY2(imported, qPrintable(imported.message));
        QVERIFY(imported.planId != id); // never overwrites the plan already here
        QCOMPARE(m_library->plan(imported.planId)->steps, m_library->plan(id)->steps);
        QCOMPARE(m_store->auditRecords().last().action, QStringLiteral("plan.import"));

        const PlanLibrary::Outcome missing = m_library->importFile(m_dir.filePath(QStringLiteral("none.json")), m_bob);
        QVERIFY(!missing);
        QVERIFY(missing.message.contains(QStringLiteral("nothing was imported")));
        const PlanLibrary::Outcome unwritable = m_library->exportPlan(id, m_dir.filePath(QStringLiteral(
                                                                              "no/such/folder/plan.json")));
        QVERIFY(!unwritable);
        QVERIFY(unwritable.message.contains(QStringLiteral("not exported")));
    }

    void unusableDatabaseKeepsWorkingInMemory()
    {
        // A file where the database's folder should be: the store cannot open it and goes to memory.
        const QString blocker = m_dir.filePath(QStringLiteral("blocker-%1").arg(m_round));
        QFile file(blocker);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.close();
        LocalStore store;
        QCOMPARE(store.open(blocker + QStringLiteral("/haven.db")).mode, LocalStore::Mode::InMemory);
        PlanLibrary library(store);
        library.setCatalog(TestCatalog::catalog());
        QVERIFY(!library.isPersistent());

        const PlanLibrary::Outcome created
            = library.createFromTemplate(PlanTemplates::Architecture::SameCityActiveActive, m_alice);
        QVERIFY2(created, qPrintable(created.message));
        QVERIFY2(created.message.contains(QStringLiteral("in memory only")), qPrintable(created.message));
        const PlanLibrary::Outcome effective = library.changeState(created.planId, PlanState::Effective, m_alice);
        QVERIFY(effective);
        QVERIFY(effective.message.contains(QStringLiteral("in memory only")));
        const QString name = library.plan(created.planId)->metadata.name;
        QVERIFY(library.deletePlan(created.planId, name, m_alice));
        QCOMPARE(store.auditRecords().size(), 3);
        QVERIFY(store.verifyAuditChain());
    }

private:
    const Operator m_alice{QStringLiteral("alice"), QStringLiteral("war-room-1")};
    const Operator m_bob{QStringLiteral("bob"), QStringLiteral("desk-7")};
    QTemporaryDir m_dir;
    int m_round = 0;
    std::unique_ptr<LocalStore> m_store;
    std::unique_ptr<PlanLibrary> m_library;
};

QTEST_GUILESS_MAIN(TestPlanLibrary)
#include "tst_planlibrary.moc"
