// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/store/localstore.h"
#include "models/store/storeworker.h"
#include "models/topology/topologycache.h"

#include <QFile>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <atomic>

using namespace Haven;

namespace {

CachedSite site(const QString &id, int components)
{
    CachedSite s;
    s.info.id = id;
    s.info.name = QStringLiteral("Site ") + id;
    s.snapshot.siteId = id;
    s.snapshot.epoch = QStringLiteral("e1");
    s.snapshot.revision = 3;
    for (int i = 0; i < components; ++i) {
        Component c;
        c.id = QStringLiteral("%1-c%2").arg(id).arg(i);
        c.name = QStringLiteral("Component %1").arg(i);
        c.layer = Layer(i % 5);
        c.status = ComponentStatus::Ok;
        c.metrics.insert(QStringLiteral("cpu"), i % 90);
        s.snapshot.components.append(c);
    }
    s.fetched = QDateTime::fromMSecsSinceEpoch(1'700'000'000'000, Qt::UTC);
    return s;
}

} // namespace

class TestStoreWorker final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void resultsArriveOnTheCallersThread()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("haven.db"));
        LocalStore store;
        QCOMPARE(store.open(path).mode, LocalStore::Mode::Persistent);
        StoreWorker worker;
        worker.open(path);
        QThread *workerThread = nullptr;
        std::optional<bool> saved;
        worker.run<bool>(
            [&workerThread](SqliteDatabase &db) {
            workerThread = QThread::currentThread();
            return TopologyCache::saveSites(db, {site(QStringLiteral("a"), 20), site(QStringLiteral("b"), 5)});
            },
            this,
            [&saved, this](bool ok) {
            QCOMPARE(QThread::currentThread(), thread());
            saved = ok;
        });
        QTRY_VERIFY(saved.has_value());
        QVERIFY(*saved);
        QVERIFY(workerThread && workerThread != thread());
        // The GUI thread's connection sees what the worker's wrote.
        const QList<CachedSite> sites = store.topologyCache().loadSites();
        QCOMPARE(sites.size(), 2);
        QCOMPARE(sites.at(0).snapshot.components.size(), 20);
        QCOMPARE(sites.at(0).fetched, site(QStringLiteral("a"), 0).fetched);
    }

    void noResultForAReceiverThatIsGone()
    {
        QTemporaryDir dir;
        StoreWorker worker;
        worker.open(dir.filePath(QStringLiteral("haven.db")));
        bool called = false;
        {
            QObject receiver;
            worker.run<int>([](SqliteDatabase &) { return 1; }, &receiver, [&called](int) { called = true; });
            worker.waitForIdle();
        }
        QTest::qWait(20);
        QVERIFY(!called);
    }

    // Finishing runs everything already queued: the last write at shutdown is on disk.
    void shutdownWithAWriteInFlightLosesNothing()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("haven.db"));
        {
            LocalStore store;
            QCOMPARE(store.open(path).mode, LocalStore::Mode::Persistent);
        }
        std::atomic<bool> saved{false};
        {
            StoreWorker worker;
            worker.open(path);
            QList<CachedSite> sites;
            for (int s = 0; s < 200; ++s)
                sites.append(site(QStringLiteral("s%1").arg(s, 3, 10, QLatin1Char('0')), 50));
            worker.run([sites, &saved](SqliteDatabase &db) { saved = TopologyCache::saveSites(db, sites); });
            // Destroyed at once, with the write queued or running.
        }
        QVERIFY(saved);
        LocalStore store;
        QCOMPARE(store.open(path).mode, LocalStore::Mode::Persistent);
        const QList<CachedSite> loaded = store.topologyCache().loadSites();
        QCOMPARE(loaded.size(), 200);
        QCOMPARE(loaded.last().snapshot.components.size(), 50);
    }

    void aCorruptFileGivesAClearMessage()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("haven.db"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QByteArray(8192, 'x')); // not a database
        file.close();
        StoreWorker worker;
        QSignalSpy failed(&worker, &StoreWorker::failed);
        worker.open(path);
        std::optional<bool> saved;
        worker.run<bool>([](SqliteDatabase &db) { return TopologyCache::saveSites(db, {site(QStringLiteral("a"), 1)}); },
                         this, [&saved](bool ok) { saved = ok; });
        QTRY_COMPARE(failed.size(), 1);
        const QString message = failed.at(0).at(0).toString();
        QVERIFY2(message.contains(path), qPrintable(message));
        QVERIFY2(message.contains(QStringLiteral("kept in memory")), qPrintable(message));
        QTRY_VERIFY(saved.has_value());
        QVERIFY(!*saved); // a job on an unopened connection fails; it does not crash or write elsewhere
        QFile again(path);
        QVERIFY(again.open(QIODevice::ReadOnly));
        QCOMPARE(again.readAll(), QByteArray(8192, 'x')); // left exactly as it was
    }
};

QTEST_GUILESS_MAIN(TestStoreWorker)
#include "tst_storeworker.moc"
