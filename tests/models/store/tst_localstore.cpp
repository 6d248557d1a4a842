// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/environment/environmentrepository.h"
#include "models/plans/planrepository.h"
#include "models/store/localstore.h"
#include "models/topology/topologycache.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QProcess>
#include <QRandomGenerator>
#include <QScopeGuard>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

using namespace Haven;

class TestLocalStore final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void startsInMemoryBeforeOpen();
    void freshFileIsPersistentWithWal();
    void sitesRoundTrip();
    void environmentRoundTrip();
    void auditChainDetectsTampering();
    void migratesOlderSchema_data();
    void migratesOlderSchema();
    void newerFeatureSchemaIsLeftAlone();
    void loadsAThousandSites();
    void degradedOpen_data();
    void degradedOpen();
    void diskFullKeepsTheFile();
};

namespace {

CachedSite sampleSite(const QString &id, int components, quint64 revision = 7)
{
    CachedSite site;
    site.info.id = id;
    site.info.name = QStringLiteral("Site ") + id;
    site.info.region = QStringLiteral("east");
    site.info.city = QStringLiteral("Shanghai");
    site.info.agentVersion = QStringLiteral("0.1.0");
    site.info.backend = QStringLiteral("simulated");
    site.info.capabilities = {QStringLiteral("actions"), QStringLiteral("faults")};
    site.snapshot.siteId = id;
    site.snapshot.epoch = QStringLiteral("e1");
    site.snapshot.revision = revision;
    for (int i = 0; i < components; ++i) {
        Component c;
        c.id = QStringLiteral("%1-c%2").arg(id).arg(i);
        c.name = QStringLiteral("Component %1").arg(i);
        c.layer = Layer(i % 5);
        c.kind = QStringLiteral("mysql");
        c.productGroup = QStringLiteral("payments");
        c.host = QStringLiteral("%1-host-%2").arg(id).arg(i / 4);
        c.status = i % 7 == 0 ? ComponentStatus::Warning : ComponentStatus::Ok;
        c.metrics = {{QStringLiteral("cpu"), 12.5 + i},
                     {QStringLiteral("memory"), 40.0},
                     {QStringLiteral("qps"), 1200.0},
                     {QStringLiteral("latencyMs"), 3.2},
                     {QStringLiteral("capacity"), 55.0}};
        c.revision = quint64(i + 1);
        site.snapshot.components.append(c);
        if (i > 0)
            site.snapshot.dependencies.append(Dependency{c.id, QStringLiteral("%1-c%2").arg(id).arg(i - 1)});
    }
    site.snapshot.traffic = {{QStringLiteral("payments"), 50.0}};
    site.fetched = QDateTime::fromMSecsSinceEpoch(1'763'700'000'123, Qt::UTC);
    return site;
}

QByteArray contentsOf(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(bytes) == bytes.size();
}

// Writes a database holding `sites` sites through LocalStore and closes it (the WAL is folded in).
void createDatabase(const QString &path, int sites)
{
    LocalStore store;
    QCOMPARE(store.open(path).mode, LocalStore::Mode::Persistent);
    for (int i = 0; i < sites; ++i)
        QVERIFY(store.topologyCache().saveSite(sampleSite(QStringLiteral("s%1").arg(i, 3, 10, QLatin1Char('0')), 10)));
}

// Root ignores file modes, so for root use the immutable attribute, which binds root too.
bool makeReadOnly(const QString &path, bool directory)
{
    if (geteuid() != 0) {
        const QFile::Permissions readOnly = directory ? QFile::ReadOwner | QFile::ExeOwner : QFile::ReadOwner;
        return QFile::setPermissions(path, readOnly);
    }
    return QProcess::execute(QStringLiteral("chattr"), {QStringLiteral("+i"), path}) == 0;
}

void makeWritable(const QString &path, bool directory)
{
    if (geteuid() == 0)
        QProcess::execute(QStringLiteral("chattr"), {QStringLiteral("-i"), path});
    const QFile::Permissions execute = directory ? QFile::ExeOwner : QFile::Permissions();
    QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner | execute);
}

QString journalMode(const QString &path)
{
    SqliteDatabase db;
    if (!db.openReadOnly(path))
        return db.lastError();
    SqliteStatement mode(db, "PRAGMA journal_mode");
    return mode.next() ? mode.text(0) : db.lastError();
}

} // namespace

void TestLocalStore::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestLocalStore::startsInMemoryBeforeOpen()
{
    LocalStore store;
    QCOMPARE(store.status().mode, LocalStore::Mode::InMemory);
    QVERIFY(store.topologyCache().saveSite(sampleSite(QStringLiteral("a"), 2)));
    QCOMPARE(store.topologyCache().loadSites().size(), 1);
}

void TestLocalStore::freshFileIsPersistentWithWal()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("cache/nested/haven.db"));
    LocalStore store;
    const LocalStore::Status status = store.open(path);
    QCOMPARE(status.mode, LocalStore::Mode::Persistent);
    QVERIFY2(status.problem.isEmpty(), qPrintable(status.problem));
    QVERIFY(store.isPersistent());
    QVERIFY(QFile::exists(path));
    QCOMPARE(journalMode(path), QStringLiteral("wal"));
    SqliteDatabase db;
    QVERIFY(db.openReadOnly(path));
    QCOMPARE(db.userVersion(), LocalStore::schemaVersion());
    SqliteStatement tables(db, "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name IN ('environment', "
                               "'sites', 'plans', 'plan_versions', 'executions', "
                               "'execution_events', 'audit_log')");
    QVERIFY(tables.next());
    QCOMPARE(tables.integer(0), 7);
}

void TestLocalStore::sitesRoundTrip()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("haven.db"));
    const CachedSite a = sampleSite(QStringLiteral("sha"), 5);
    CachedSite b = sampleSite(QStringLiteral("bj"), 3, 9);
    b.fetched = {};
    {
        LocalStore store;
        store.open(path);
        QVERIFY(store.topologyCache().saveSite(a));
        QVERIFY(store.topologyCache().saveSite(b));
        QVERIFY(store.topologyCache().saveSite(sampleSite(QStringLiteral("gone"), 1)));
        QVERIFY(store.topologyCache().removeSite(QStringLiteral("gone")));
        QCOMPARE(store.failedWrites(), 0);
    }
    LocalStore store;
    QCOMPARE(store.open(path).mode, LocalStore::Mode::Persistent);
    const QList<CachedSite> sites = store.topologyCache().loadSites();
    QCOMPARE(sites.size(), 2);
    // Ordered by site id.
    QCOMPARE(sites.at(0).info.id, QStringLiteral("bj"));
    QVERIFY(!sites.at(0).fetched.isValid());
    const CachedSite &sha = sites.at(1);
    QCOMPARE(sha.info.name, a.info.name);
    QCOMPARE(sha.info.capabilities, a.info.capabilities);
    QCOMPARE(sha.snapshot.revision, a.snapshot.revision);
    QCOMPARE(sha.snapshot.components, a.snapshot.components);
    QCOMPARE(sha.snapshot.dependencies, a.snapshot.dependencies);
    QCOMPARE(sha.snapshot.traffic, a.snapshot.traffic);
    QCOMPARE(sha.fetched, a.fetched);
}

void TestLocalStore::environmentRoundTrip()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("haven.db"));
    Environment environment;
    environment.regions = {Region{QStringLiteral("east"), QStringLiteral("East China")}};
    SiteEndpoint site;
    site.id = QStringLiteral("sha");
    site.name = QStringLiteral("Shanghai");
    site.region = QStringLiteral("east");
    site.city = QStringLiteral("Shanghai");
    site.url = QStringLiteral("https://10.0.0.1:8443");
    site.refreshSeconds = 7;
    environment.sites = {site};
    {
        LocalStore store;
        store.open(path);
        QVERIFY(!store.environment().load());
        QVERIFY(store.environment().save(environment));
    }
    LocalStore store;
    store.open(path);
    const std::optional<Environment> loaded = store.environment().load();
    QVERIFY(loaded);
    QCOMPARE(loaded->sites.size(), 1);
    QCOMPARE(loaded->sites.at(0), site);
    QCOMPARE(loaded->regions, environment.regions);
}

void TestLocalStore::auditChainDetectsTampering()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("haven.db"));
    LocalStore store;
    store.open(path);
    QVERIFY(store.verifyAuditChain());
    QVERIFY(store.appendAudit(QStringLiteral("alice"), QStringLiteral("plan.create"), {{QStringLiteral("plan"), 1}}));
    QVERIFY(store.appendAudit(QStringLiteral("alice"), QStringLiteral("execution.start"),
                              {{QStringLiteral("sites"), QStringLiteral("sha,bj")}}));
    QVERIFY(store.appendAudit(QStringLiteral("bob"), QStringLiteral("execution.cancel"), {}));
    qint64 broken = -1;
    QVERIFY(store.verifyAuditChain(&broken));
    QCOMPARE(broken, -1);

    SqliteDatabase db;
    QVERIFY(db.open(path));
    SqliteStatement chain(db, "SELECT seq, prev_hash, hash FROM audit_log ORDER BY seq");
    QString previous;
    int rows = 0;
    while (chain.next()) {
        ++rows;
        QCOMPARE(chain.integer(0), rows);
        QCOMPARE(chain.text(1), previous);
        QCOMPARE(chain.text(2).size(), 64);
        previous = chain.text(2);
    }
    QCOMPARE(rows, 3);
    QVERIFY(db.exec(R"(UPDATE audit_log SET details = '{"sites":"sha"}' WHERE seq = 2)"));
    QVERIFY(!store.verifyAuditChain(&broken));
    QCOMPARE(broken, 2);
}

namespace {

// The schema as Haven wrote it before each feature had its own tables (PRAGMA user_version 1
// and 2), kept here by hand so that files from then are known to open without loss.
const QList<QByteArray> &schemaBeforeTheSplit()
{
    static const QList<QByteArray> list = {
        R"(CREATE TABLE environment (id INTEGER PRIMARY KEY CHECK (id = 1), document TEXT NOT NULL,
               updated_ms INTEGER NOT NULL);
           CREATE TABLE sites (site_id TEXT PRIMARY KEY, info TEXT NOT NULL, snapshot TEXT NOT NULL, fetched_ms INTEGER);
           CREATE TABLE metric_buckets (series TEXT NOT NULL, tier INTEGER NOT NULL, start_ms INTEGER NOT NULL,
               min REAL NOT NULL, max REAL NOT NULL, mean REAL NOT NULL, count INTEGER NOT NULL,
               PRIMARY KEY (series, tier, start_ms)) WITHOUT ROWID;
           CREATE INDEX metric_buckets_start ON metric_buckets(start_ms);)",
        R"(CREATE TABLE plans (id TEXT PRIMARY KEY, name TEXT NOT NULL, kind TEXT NOT NULL, state TEXT NOT NULL,
               version INTEGER NOT NULL DEFAULT 1, document TEXT NOT NULL, updated_ms INTEGER NOT NULL);
           CREATE TABLE plan_versions (plan_id TEXT NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
               version INTEGER NOT NULL, document TEXT NOT NULL, author TEXT NOT NULL DEFAULT '',
               created_ms INTEGER NOT NULL, PRIMARY KEY (plan_id, version)) WITHOUT ROWID;
           CREATE TABLE executions (id TEXT PRIMARY KEY, plan_id TEXT REFERENCES plans(id) ON DELETE SET NULL,
               plan_version INTEGER, state TEXT NOT NULL, document TEXT NOT NULL, created_ms INTEGER NOT NULL,
               updated_ms INTEGER NOT NULL);
           CREATE INDEX executions_state ON executions(state);
           CREATE TABLE execution_events (execution_id TEXT NOT NULL REFERENCES executions(id) ON DELETE CASCADE,
               seq INTEGER NOT NULL, time_ms INTEGER NOT NULL, kind TEXT NOT NULL, payload TEXT NOT NULL,
               PRIMARY KEY (execution_id, seq)) WITHOUT ROWID;
           CREATE TABLE audit_log (seq INTEGER PRIMARY KEY, time TEXT NOT NULL, user TEXT NOT NULL,
               host TEXT NOT NULL, action TEXT NOT NULL, details TEXT NOT NULL, prev_hash TEXT NOT NULL,
               hash TEXT NOT NULL);)",
    };
    return list;
}

} // namespace

void TestLocalStore::migratesOlderSchema_data()
{
    QTest::addColumn<int>("version");
    QTest::addRow("cache only (1)") << 1;
    QTest::addRow("before the split (2)") << 2;
}

void TestLocalStore::migratesOlderSchema()
{
    QFETCH(int, version);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("haven.db"));
    const CachedSite site = sampleSite(QStringLiteral("sha"), 2);
    {
        SqliteDatabase db;
        QVERIFY(db.open(path));
        QVERIFY(db.migrate(schemaBeforeTheSplit().mid(0, version)));
        QCOMPARE(db.userVersion(), version);
        SqliteStatement insert(db, "INSERT INTO sites (site_id, info, snapshot, fetched_ms) VALUES (?, ?, ?, NULL)");
        QVERIFY(insert.bind(1, site.info.id)
                    .bind(2, QJsonDocument(site.info.toJson()).toJson())
                    .bind(3, QJsonDocument(site.snapshot.toJson()).toJson())
                    .run());
        if (version >= 2) {
            SqliteStatement plan(db, "INSERT INTO plans (id, name, kind, state, version, document, updated_ms) "
                                     "VALUES ('p1', 'Old plan', 'disasterRecovery', 'effective', 3, ?, 0)");
            QVERIFY(plan.bind(1, QByteArray(R"({"format":"haven-plan","version":1,"plan":{"name":"Old plan"},)"
                                            R"("steps":[],"edges":[]})"))
                        .run());
            QVERIFY(db.exec(R"(INSERT INTO plan_versions VALUES ('p1', 3, '{"comment":"third"}', 'alice', 0))"));
            QVERIFY(db.exec("INSERT INTO audit_log VALUES (1, 't', 'alice', 'h', 'old', '{}', '', 'x')"));
        }
    }
    LocalStore store;
    QCOMPARE(store.open(path).mode, LocalStore::Mode::Persistent);
    QCOMPARE(store.topologyCache().loadSites().size(), 1);
    if (version >= 2) {
        const std::optional<PlanSummary> plan = store.plans().summary(QStringLiteral("p1"));
        QVERIFY(plan);
        QCOMPARE(plan->name, QStringLiteral("Old plan"));
        QCOMPARE(plan->version, 3);
        QVERIFY(plan->state == PlanState::Effective);
        QCOMPARE(store.plans().loadPlanVersions(QStringLiteral("p1")).constFirst().comment, QStringLiteral("third"));
        QCOMPARE(store.auditRecords().size(), 1); // the old records are kept as they were
    }
    QVERIFY(store.appendAudit(QStringLiteral("alice"), QStringLiteral("upgrade"), {}));
    QVERIFY(store.plans().savePlan(PlanData{}, 0));
    SqliteDatabase db;
    QVERIFY(db.openReadOnly(path));
    QCOMPARE(db.userVersion(), LocalStore::schemaVersion());
    for (const FeatureSchema &feature : LocalStore::features()) {
        SqliteStatement select(db, "SELECT version FROM schema_versions WHERE feature = ?");
        select.bind(1, feature.feature);
        QVERIFY2(select.next(), qPrintable(feature.feature));
        QCOMPARE(select.integer(0), feature.migrations.size());
    }
}

void TestLocalStore::newerFeatureSchemaIsLeftAlone()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("haven.db"));
    {
        LocalStore store;
        QCOMPARE(store.open(path).mode, LocalStore::Mode::Persistent);
    }
    {
        SqliteDatabase db;
        QVERIFY(db.open(path));
        QVERIFY(db.exec("UPDATE schema_versions SET version = 99 WHERE feature = 'plans'"));
    }
    LocalStore store;
    const LocalStore::Status status = store.open(path);
    QCOMPARE(status.mode, LocalStore::Mode::InMemory);
    QVERIFY2(status.problem.contains(QStringLiteral("plans at version 99")), qPrintable(status.problem));
    QVERIFY(store.plans().savePlan(PlanData{}, 0)); // memory still works
    SqliteDatabase db;
    QVERIFY(db.openReadOnly(path));
    SqliteStatement select(db, "SELECT version FROM schema_versions WHERE feature = 'plans'");
    QVERIFY(select.next());
    QCOMPARE(select.integer(0), 99); // untouched
}

void TestLocalStore::loadsAThousandSites()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("haven.db"));
    constexpr int Sites = 1000;
    constexpr int ComponentsPerSite = 10;
    {
        LocalStore store;
        store.open(path);
        QElapsedTimer saving;
        saving.start();
        QList<CachedSite> batch;
        for (int i = 0; i < Sites; ++i)
            batch.append(sampleSite(QStringLiteral("site%1").arg(i, 4, 10, QLatin1Char('0')), ComponentsPerSite));
        QVERIFY(store.topologyCache().saveSites(batch));
        qInfo("saveSites of %d sites: %lld ms", Sites, saving.elapsed());
    }
    QElapsedTimer timer;
    timer.start();
    LocalStore store;
    QCOMPARE(store.open(path).mode, LocalStore::Mode::Persistent);
    const qint64 openMs = timer.elapsed();
    const QList<CachedSite> sites = store.topologyCache().loadSites();
    const qint64 totalMs = timer.elapsed();
    qsizetype components = 0;
    for (const CachedSite &site : sites)
        components += site.snapshot.components.size();
    QCOMPARE(sites.size(), Sites);
    QCOMPARE(components, qsizetype(Sites * ComponentsPerSite));
    // Informative only: the figure that counts is bench/fleet's ready_from_cache (timed tests are
    // flaky on a shared 2-core machine).
    qInfo("open %lld ms, open + loadSites (%d sites, %lld components) %lld ms, file %lld KiB", openMs, Sites,
          qint64(components), totalMs, QFileInfo(path).size() / 1024);
}

enum class Damage { GarbageFile, CorruptPages, ParentIsAFile, ReadOnlyFile, ReadOnlyDirectory, NewerSchema };

void TestLocalStore::degradedOpen_data()
{
    QTest::addColumn<Damage>("damage");
    QTest::addColumn<LocalStore::Mode>("mode");
    QTest::addColumn<QString>("says");
    QTest::addColumn<bool>("movedAside");
    QTest::addColumn<int>("sitesShown"); // what the console still shows from the old file

    QTest::addRow("garbage bytes") << Damage::GarbageFile << LocalStore::Mode::Persistent
                                   << QStringLiteral("moved it aside") << true << 0;
    QTest::addRow("valid header, corrupt pages")
        << Damage::CorruptPages << LocalStore::Mode::Persistent << QStringLiteral("was damaged") << true << 0;
    QTest::addRow("parent is a regular file") << Damage::ParentIsAFile << LocalStore::Mode::InMemory
                                              << QStringLiteral("cannot open its local database") << false << 0;
    QTest::addRow("read-only file") << Damage::ReadOnlyFile << LocalStore::Mode::InMemory
                                    << QStringLiteral("copy of it in memory") << false << 3;
    QTest::addRow("read-only directory") << Damage::ReadOnlyDirectory << LocalStore::Mode::InMemory
                                         << QStringLiteral("changes made from now on are lost") << false << -1;
    QTest::addRow("newer schema") << Damage::NewerSchema << LocalStore::Mode::InMemory
                                  << QStringLiteral("written by a newer Haven") << false << 0;
}

void TestLocalStore::degradedOpen()
{
    QFETCH(Damage, damage);
    QFETCH(LocalStore::Mode, mode);
    QFETCH(QString, says);
    QFETCH(bool, movedAside);
    QFETCH(int, sitesShown);

    QTemporaryDir dir;
    const QString folder = dir.filePath(QStringLiteral("data"));
    QString path = folder + QStringLiteral("/haven.db");
    QVERIFY(QDir().mkpath(folder));
    QString protectedPath;
    bool protectedIsDirectory = false;
    const auto unprotect = qScopeGuard([&] {
        if (!protectedPath.isEmpty())
            makeWritable(protectedPath, protectedIsDirectory);
    });

    switch (damage) {
    case Damage::GarbageFile: {
        QByteArray garbage(64 * 1024, Qt::Uninitialized);
        QRandomGenerator random(42);
        random.fillRange(reinterpret_cast<quint32 *>(garbage.data()), garbage.size() / 4);
        QVERIFY(writeFile(path, garbage));
        break;
    }
    case Damage::CorruptPages: {
        createDatabase(path, 200);
        QByteArray bytes = contentsOf(path);
        QVERIFY(bytes.startsWith("SQLite format 3"));
        QVERIFY(bytes.size() > 40 * 4096);
        // Keep page 1 (header and schema) and scribble over the b-tree pages after it.
        for (qsizetype offset = 4096; offset < bytes.size(); offset += 4 * 4096)
            std::fill(bytes.begin() + offset, bytes.begin() + offset + 512, char(0x5a));
        QVERIFY(writeFile(path, bytes));
        break;
    }
    case Damage::ParentIsAFile:
        QVERIFY(writeFile(folder + QStringLiteral("/file"), "not a directory"));
        path = folder + QStringLiteral("/file/haven.db");
        break;
    case Damage::ReadOnlyFile:
        createDatabase(path, 3);
        if (!makeReadOnly(path, false))
            QSKIP("cannot make a file read-only here: not root's chattr +i (needs CAP_LINUX_IMMUTABLE), nor chmod");
        protectedPath = path;
        break;
    case Damage::ReadOnlyDirectory:
        createDatabase(path, 3);
        if (!makeReadOnly(folder, true))
            QSKIP("cannot make a folder read-only here: not root's chattr +i (needs CAP_LINUX_IMMUTABLE), nor chmod");
        protectedPath = folder;
        protectedIsDirectory = true;
        break;
    case Damage::NewerSchema: {
        SqliteDatabase db;
        QVERIFY(db.open(path));
        QVERIFY(db.exec("CREATE TABLE future (x); INSERT INTO future VALUES (1); PRAGMA user_version = 99"));
        break;
    }
    }
    const QByteArray before = contentsOf(path);

    {
        LocalStore store;
        const LocalStore::Status status = store.open(path);
        QCOMPARE(status.mode, mode);
        QCOMPARE(store.status().problem, status.problem);
        QVERIFY2(status.problem.contains(says), qPrintable(status.problem));
        QCOMPARE(status.path, path);
        if (movedAside) {
            QVERIFY(status.movedAsidePath.startsWith(path + QStringLiteral(".corrupt-")));
            QCOMPARE(status.movedAsidePath.size(), path.size() + int(qstrlen(".corrupt-yyyyMMdd-HHmmss")));
            QVERIFY(status.problem.contains(status.movedAsidePath));
            // Set aside byte for byte, and a new, working file in its place.
            QCOMPARE(contentsOf(status.movedAsidePath), before);
            QVERIFY(!QFile::exists(status.movedAsidePath + QStringLiteral("-wal")));
            QCOMPARE(journalMode(path), QStringLiteral("wal"));
        } else {
            QVERIFY(status.movedAsidePath.isEmpty());
        }
        if (sitesShown >= 0)
            QCOMPARE(store.topologyCache().loadSites().size(), sitesShown);
        // Whatever happened, the console keeps working.
        QVERIFY(store.topologyCache().saveSite(sampleSite(QStringLiteral("new"), 2)));
        QVERIFY(store.appendAudit(QStringLiteral("alice"), QStringLiteral("test"), {}));
        QVERIFY(!store.topologyCache().loadSites().isEmpty());
        QCOMPARE(store.status().mode, mode);
    }

    if (mode == LocalStore::Mode::InMemory && damage != Damage::ParentIsAFile) {
        // What the file held is intact: byte for byte, and still readable once writable again.
        if (!protectedPath.isEmpty()) {
            makeWritable(protectedPath, protectedIsDirectory);
            protectedPath.clear();
        }
        QCOMPARE(contentsOf(path), before);
        if (damage != Damage::NewerSchema) {
            LocalStore store;
            QCOMPARE(store.open(path).mode, LocalStore::Mode::Persistent);
            QCOMPARE(store.topologyCache().loadSites().size(), 3);
        }
    }
}

void TestLocalStore::diskFullKeepsTheFile()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("haven.db"));
    QList<CachedSite> original;
    for (int i = 0; i < 5; ++i)
        original.append(sampleSite(QStringLiteral("s%1").arg(i), 4));
    {
        LocalStore store;
        store.open(path);
        for (const CachedSite &site : std::as_const(original))
            QVERIFY(store.topologyCache().saveSite(site));
        QVERIFY(store.appendAudit(QStringLiteral("alice"), QStringLiteral("before"), {}));
        // The console hears of it at once (its banner), not at the next start.
        QList<LocalStore::Status> reported;
        store.setStatusCallback([&](const LocalStore::Status &status) { reported.append(status); });
        // The "disk" is now as full as the file: anything that needs a new page fails.
        store.setPageLimitForTesting(1);
        QVERIFY(store.isPersistent());
        // The write still succeeds, in memory, on top of a copy of what the file held.
        QVERIFY(store.topologyCache().saveSite(sampleSite(QStringLiteral("big"), 400)));
        QVERIFY(!store.isPersistent());
        QCOMPARE(reported.size(), 1);
        QCOMPARE(reported.first().mode, LocalStore::Mode::InMemory);
        QVERIFY(reported.first().problem.contains(QStringLiteral("disk is full")));
        QCOMPARE(store.failedWrites(), 1);
        const QString problem = store.status().problem;
        QVERIFY2(problem.contains(QStringLiteral("disk is full")), qPrintable(problem));
        QVERIFY2(problem.contains(QStringLiteral("Free some disk space")), qPrintable(problem));
        QVERIFY2(problem.contains(QStringLiteral("copy of it in memory")), qPrintable(problem));
        QCOMPARE(store.topologyCache().loadSites().size(), 6);
        QVERIFY(store.topologyCache().saveSite(sampleSite(QStringLiteral("s0"), 1, 99)));
        QVERIFY(store.verifyAuditChain());
        QVERIFY(store.appendAudit(QStringLiteral("alice"), QStringLiteral("after"), {}));
        QVERIFY(store.verifyAuditChain());
    }
    LocalStore store;
    QCOMPARE(store.open(path).mode, LocalStore::Mode::Persistent);
    const QList<CachedSite> sites = store.topologyCache().loadSites();
    QCOMPARE(sites.size(), original.size());
    for (qsizetype i = 0; i < sites.size(); ++i) {
        QCOMPARE(sites.at(i).info.id, original.at(i).info.id);
        QCOMPARE(sites.at(i).snapshot.revision, original.at(i).snapshot.revision);
        QCOMPARE(sites.at(i).snapshot.components, original.at(i).snapshot.components);
    }
    QVERIFY(store.verifyAuditChain());
}

QTEST_GUILESS_MAIN(TestLocalStore)
#include "tst_localstore.moc"
