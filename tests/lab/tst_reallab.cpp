// SPDX-License-Identifier: GPL-3.0-or-later
// The real-parts lab (hooks/lab): HAProxy, PostgreSQL 15 streaming replication and an application
// group per site, driven by two real haven-agents through the reference hooks. A headless console
// runs the lab plan's switchover (killed with SIGKILL once mid-way and resumed) and its recovery;
// real HTTP answers, real writes, the agents' own records and the execution report say whether it
// worked.

#include "httpclient.h"
#include "models/executions/execution.h"
#include "models/executions/executionjournal.h"
#include "models/plans/planformat.h"
#include "models/store/localstore.h"
#include "ui/executions/executionreport.h"
#include "waituntil.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocalSocket>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace Haven;
using namespace Haven::Test;

namespace {

const QString HooksDir = QStringLiteral(HAVEN_HOOKS_DIR);
const QString PostgresBin = QStringLiteral("/usr/lib/postgresql/15/bin");
const QString SiteA = QStringLiteral("site-a");
const QString SiteB = QStringLiteral("site-b");

struct HookRun
{
    int exitCode = -1;
    QByteArray output;
    qint64 ms = 0;
};

} // namespace

class TestRealLab : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void hookRefusesWrongParameter_data();
    void hookRefusesWrongParameter();
    void hookFailsClearlyWhenTargetIsDown_data();
    void hookFailsClearlyWhenTargetIsDown();
    void switchoverAndRecoveryMoveRealTrafficAndData();
    void hookDoesNothingTwiceUnderOneKey();

private:
    QJsonObject site(const QString &id) const
    {
        return m_lab.value(QStringLiteral("sites")).toObject().value(id).toObject();
    }
    QString hooksConfig(const QString &id) const { return site(id).value(QStringLiteral("hooks")).toString(); }

    HookRun hook(const QString &script, const QString &operation, const QString &config, const QJsonObject &parameters,
                 const QString &key = {}) const
    {
        QProcess process;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("HAVEN_DATA_DIR"), m_dir.filePath(QStringLiteral("hook-data")));
        environment.remove(QStringLiteral("HAVEN_IDEMPOTENCY_KEY"));
        if (!key.isEmpty())
            environment.insert(QStringLiteral("HAVEN_IDEMPOTENCY_KEY"), key);
        process.setProcessEnvironment(environment);
        process.setProcessChannelMode(QProcess::MergedChannels);
        QElapsedTimer timer;
        timer.start();
        process.start(HooksDir + QLatin1Char('/') + script, {operation, QStringLiteral("--config"), config});
        process.write(QJsonDocument(parameters).toJson(QJsonDocument::Compact) + '\n');
        process.closeWriteChannel();
        HookRun run;
        if (process.waitForFinished(120'000))
            run.exitCode = process.exitCode();
        run.output = process.readAll();
        run.ms = timer.elapsed();
        return run;
    }

    // One SQL statement at a site's PostgreSQL through psql; empty with ok=false when it fails.
    QString sql(const QString &id, const QString &statement, bool *ok = nullptr) const
    {
        QProcess psql;
        psql.start(PostgresBin + QStringLiteral("/psql"),
                   {QStringLiteral("-X"), QStringLiteral("-A"), QStringLiteral("-t"), QStringLiteral("-q"),
                    QStringLiteral("-v"), QStringLiteral("ON_ERROR_STOP=1"), QStringLiteral("-h"),
                    QStringLiteral("127.0.0.1"), QStringLiteral("-p"),
                    QString::number(site(id).value(QStringLiteral("postgresPort")).toInt()), QStringLiteral("-U"),
                    QStringLiteral("postgres"), QStringLiteral("-d"), QStringLiteral("postgres"), QStringLiteral("-c"),
                    statement});
        const bool finished = psql.waitForFinished(30'000) && psql.exitCode() == 0;
        if (ok)
            *ok = finished;
        if (!finished)
            qWarning("psql at %s: %s", qPrintable(id), psql.readAllStandardError().constData());
        return QString::fromUtf8(psql.readAllStandardOutput()).trimmed();
    }

    // Which site's application answered through HAProxy ("" when none did).
    QString frontendAnswer() const
    {
        HttpClient client(m_lab.value(QStringLiteral("frontend")).toString());
        client.setTimeoutMs(2000);
        const HttpResult result = client.get(QStringLiteral("/"));
        return result.status == 200 ? result.json().value(QStringLiteral("site")).toString() : QString();
    }

    // The server's status column of HAProxy's `show stat` (UP, DRAIN, MAINT, DOWN ...).
    QString haproxyStatus(const QString &server) const
    {
        QLocalSocket socket;
        socket.connectToServer(m_lab.value(QStringLiteral("haproxySocket")).toString());
        if (!socket.waitForConnected(5000))
            return QStringLiteral("no socket");
        socket.write("show stat\n");
        QByteArray text;
        while (socket.waitForReadyRead(5000))
            text += socket.readAll();
        text += socket.readAll();
        const QList<QByteArray> lines = text.split('\n');
        const int status = lines.first().split(',').indexOf("status");
        for (const QByteArray &line : lines) {
            const QList<QByteArray> fields = line.split(',');
            if (fields.size() > status && fields.at(1) == server.toLatin1())
                return QString::fromLatin1(fields.at(status));
        }
        return QStringLiteral("no server");
    }

    QList<QJsonObject> actions(const QString &id, const QString &prefix) const
    {
        HttpClient client(site(id).value(QStringLiteral("url")).toString(),
                          site(id).value(QStringLiteral("token")).toString().toLatin1());
        const QJsonArray all
            = client.get(QStringLiteral("/v1/actions?limit=1000")).json().value(QStringLiteral("actions")).toArray();
        QList<QJsonObject> found;
        for (const QJsonValue &value : all) {
            if (value.toObject().value(QStringLiteral("idempotencyKey")).toString().startsWith(prefix))
                found.append(value.toObject());
        }
        return found;
    }

    QString actionLog(const QString &id, const QString &actionId) const
    {
        HttpClient client(site(id).value(QStringLiteral("url")).toString(),
                          site(id).value(QStringLiteral("token")).toString().toLatin1());
        return client.get(QStringLiteral("/v1/actions/%1/log?limit=1000000").arg(actionId))
            .json()
            .value(QStringLiteral("text"))
            .toString();
    }

    std::unique_ptr<QProcess> console(const QStringList &arguments) const
    {
        auto process = std::make_unique<QProcess>();
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("HOME"), m_dir.filePath(QStringLiteral("home")));
        environment.insert(QStringLiteral("XDG_DATA_HOME"), m_dir.filePath(QStringLiteral("home/data")));
        environment.insert(QStringLiteral("XDG_CONFIG_HOME"), m_dir.filePath(QStringLiteral("home/config")));
        process->setProcessEnvironment(environment);
        process->setProcessChannelMode(QProcess::MergedChannels);
        process->start(QStringLiteral(HAVEN_CONSOLE_BINARY), arguments);
        return process;
    }

    QTemporaryDir m_dir;
    QString m_labDir;
    QJsonObject m_lab;
    bool m_started = false;
};

void TestRealLab::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
    if (!QFileInfo(QStringLiteral("/usr/sbin/haproxy")).isExecutable()
        || !QFileInfo(PostgresBin + QStringLiteral("/initdb")).isExecutable())
        QSKIP("the lab needs the Debian packages haproxy and postgresql (15): ./setup.sh deps installs them");
    m_labDir = m_dir.filePath(QStringLiteral("lab"));
    // As root the lab's PostgreSQL runs as the postgres user, which must be able to reach it.
    QFile::setPermissions(m_dir.path(),
                          QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | QFile::ExeGroup | QFile::ExeOther);
    QProcess lab;
    lab.setProcessChannelMode(QProcess::MergedChannels);
    lab.start(HooksDir + QStringLiteral("/lab/start-lab.sh"),
              {m_labDir, QStringLiteral("--agent"), QStringLiteral(HAVEN_AGENT_BINARY)});
    m_started = true;
    QVERIFY(lab.waitForFinished(240'000));
    const QByteArray said = lab.readAll();
    qInfo("%s", said.constData());
    QVERIFY2(lab.exitCode() == 0, said.constData());
    QFile file(m_labDir + QStringLiteral("/lab.json"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    m_lab = QJsonDocument::fromJson(file.readAll()).object();
    QVERIFY(!site(SiteB).value(QStringLiteral("url")).toString().isEmpty());
}

void TestRealLab::cleanupTestCase()
{
    if (!m_started)
        return;
    QProcess lab;
    lab.setProcessChannelMode(QProcess::MergedChannels);
    lab.start(HooksDir + QStringLiteral("/lab/stop-lab.sh"), {m_labDir});
    lab.waitForFinished(60'000);
    qInfo("%s", lab.readAll().constData());
}

void TestRealLab::hookRefusesWrongParameter_data()
{
    QTest::addColumn<QString>("script");
    QTest::addColumn<QString>("operation");
    QTest::addColumn<QByteArray>("parameters");
    QTest::addColumn<QString>("named");
    QTest::addRow("haproxy unknown group")
        << "haproxy.py"
        << "cut" << QByteArray(R"({"productGroup":"nope"})") << "parameter productGroup";
    QTest::addRow("haproxy bad mode") << "haproxy.py"
                                      << "cut" << QByteArray(R"({"productGroup":"retail","mode":"off"})")
                                      << "parameter mode";
    QTest::addRow("haproxy weight") << "haproxy.py"
                                    << "restore" << QByteArray(R"({"productGroup":"retail","weight":999})")
                                    << "parameter weight";
    QTest::addRow("postgres lag type") << "postgresql.py"
                                       << "wait" << QByteArray(R"({"productGroup":"retail","maxLagBytes":"x"})")
                                       << "parameter maxLagBytes";
    QTest::addRow("postgres unknown") << "postgresql.py"
                                      << "promote" << QByteArray(R"({"primary":true})") << "parameter primary";
    QTest::addRow("app group") << "appgroup.py"
                               << "restart" << QByteArray(R"({"productGroup":"payments"})") << "parameter productGroup";
    QTest::addRow("app required") << "appgroup.py"
                                  << "start" << QByteArray("{}") << "parameter productGroup";
}

void TestRealLab::hookRefusesWrongParameter()
{
    QFETCH(QString, script);
    QFETCH(QString, operation);
    QFETCH(QByteArray, parameters);
    QFETCH(QString, named);
    const QString before = haproxyStatus(SiteA);
    const HookRun run = hook(script, operation, hooksConfig(SiteA), QJsonDocument::fromJson(parameters).object());
    QVERIFY2(run.exitCode == 2 && run.output.contains(named.toUtf8()), run.output.constData());
    QCOMPARE(haproxyStatus(SiteA), before); // refused before touching anything
}

void TestRealLab::hookFailsClearlyWhenTargetIsDown_data()
{
    QTest::addColumn<QString>("script");
    QTest::addColumn<QString>("operation");
    QTest::addColumn<QString>("expected");
    QTest::addRow("haproxy socket missing") << "haproxy.py"
                                            << "cut"
                                            << "does not exist";
    QTest::addRow("database unreachable") << "postgresql.py"
                                          << "promote"
                                          << "is unreachable";
    QTest::addRow("replication unreachable") << "postgresql.py"
                                             << "wait"
                                             << "is unreachable";
}

void TestRealLab::hookFailsClearlyWhenTargetIsDown()
{
    QFETCH(QString, script);
    QFETCH(QString, operation);
    QFETCH(QString, expected);
    // Site A's configuration with HAProxy's socket gone and PostgreSQL on a port nobody listens on.
    QFile file(hooksConfig(SiteA));
    QVERIFY(file.open(QIODevice::ReadOnly));
    QJsonObject config = QJsonDocument::fromJson(file.readAll()).object();
    QJsonObject haproxy = config.value(QStringLiteral("haproxy")).toObject();
    haproxy.insert(QStringLiteral("socket"), m_dir.filePath(QStringLiteral("gone.sock")));
    config.insert(QStringLiteral("haproxy"), haproxy);
    QJsonObject postgres = config.value(QStringLiteral("postgresql")).toObject();
    postgres.insert(QStringLiteral("port"), 1); // privileged and unused: connection refused
    config.insert(QStringLiteral("postgresql"), postgres);
    QFile broken(m_dir.filePath(QStringLiteral("down.json")));
    QVERIFY(broken.open(QIODevice::WriteOnly));
    broken.write(QJsonDocument(config).toJson());
    broken.close();
    const HookRun run = hook(script, operation, broken.fileName(),
                             {{QStringLiteral("productGroup"), QStringLiteral("retail")}});
    QVERIFY2(run.exitCode == 3 && run.output.contains(expected.toUtf8()), run.output.constData());
    QVERIFY2(run.ms < 15'000, qPrintable(QStringLiteral("took %1 ms").arg(run.ms)));
}

void TestRealLab::switchoverAndRecoveryMoveRealTrafficAndData()
{
    // Committed rows at site A's primary before anything moves; none may be lost.
    bool ok = false;
    sql(SiteA, QStringLiteral("CREATE TABLE orders (id int PRIMARY KEY, note text)"), &ok);
    QVERIFY(ok);
    for (int batch = 0; batch < 5; ++batch) {
        sql(SiteA,
            QStringLiteral("INSERT INTO orders SELECT g, 'before the cut' FROM generate_series(%1, %2) g")
                .arg(batch * 100 + 1)
                .arg(batch * 100 + 100),
            &ok);
        QVERIFY(ok);
    }
    QVERIFY2(waitUntil([&] { return frontendAnswer() == SiteA; }, 30'000), "HAProxy does not answer from site A");

    const QString plan = HooksDir + QStringLiteral("/lab/lab-plan.json");
    QFile planFile(plan);
    QVERIFY(planFile.open(QIODevice::ReadOnly));
    const PlanFormat::ImportResult imported = PlanFormat::fromBytes(planFile.readAll());
    QVERIFY2(imported.ok(), qPrintable(imported.error));
    const QString fleet = m_labDir + QStringLiteral("/fleet.json");
    const QString database = m_dir.filePath(QStringLiteral("console.db"));
    const QStringList common{QStringLiteral("--headless"),
                             QStringLiteral("--environment"),
                             fleet,
                             QStringLiteral("--database"),
                             database,
                             QStringLiteral("--approve")};

    // A client keeps asking HAProxy who answers, all through the switchover.
    QStringList answers;
    const auto observe = [&] {
        const QString answer = frontendAnswer();
        const QString seen = answer.isEmpty() ? QStringLiteral("(no answer)") : answer;
        if (answers.isEmpty() || answers.constLast() != seen)
            answers.append(seen);
    };

    // The switchover, with the console killed once while the old primary is being fenced.
    std::unique_ptr<QProcess> run = console(QStringList{QStringLiteral("run")} + common
                                            + QStringList{QStringLiteral("--plan"), plan, QStringLiteral("--failed"),
                                                          SiteA, QStringLiteral("--emergency"), SiteB,
                                                          QStringLiteral("--confirm"), imported.plan->metadata.name});
    // Orders keep coming at site A until its database is fenced; every committed one must survive.
    QList<int> committed;
    int nextOrder = 2001;
    QByteArray output;
    QVERIFY2(waitUntil(
                 [&] {
        observe();
        bool written = false;
        sql(SiteA, QStringLiteral("INSERT INTO orders VALUES (%1, 'during the switchover')").arg(nextOrder), &written);
        if (written)
            committed.append(nextOrder);
        ++nextOrder;
        output += run->readAll();
        return output.contains("step 3") || run->state() == QProcess::NotRunning;
                 },
                 120'000, 100),
             output.constData());
    QVERIFY2(run->state() == QProcess::Running, output.constData());
    ::kill(pid_t(run->processId()), SIGKILL);
    QVERIFY(run->waitForFinished(5000));
    qInfo("killed the console at: %s", output.right(300).constData());

    // Resumed, it finishes the switchover.
    std::unique_ptr<QProcess> resume = console(QStringList{QStringLiteral("resume")} + common);
    QVERIFY(waitUntil(
        [&] {
        observe();
        return resume->state() == QProcess::NotRunning;
        },
        180'000, 100));
    observe();
    output = resume->readAll();
    QVERIFY2(resume->exitCode() == 0, output.constData());
    qInfo("the client saw, in order: %s", qPrintable(answers.join(QStringLiteral(" -> "))));
    QCOMPARE(answers.constFirst(), SiteA);
    QCOMPARE(answers.constLast(), SiteB);
    for (int i = 0; i < 10; ++i)
        QCOMPARE(frontendAnswer(), SiteB);
    QCOMPARE(sql(SiteB, QStringLiteral("SELECT pg_is_in_recovery()")), QStringLiteral("f"));
    sql(SiteB, QStringLiteral("INSERT INTO orders VALUES (1001, 'written at site B')"), &ok);
    QVERIFY2(ok, "site B's database does not accept writes after the switchover");

    // The measured RTO from the journal, the RPO from the replication wait's own log.
    QString id;
    QString error;
    // Read from a fresh store each time: the console writes the journal, the test only reads it.
    const auto journal = [&] {
        LocalStore store;
        if (store.open(database).mode != LocalStore::Mode::Persistent || store.journal().list().size() != 1)
            return std::optional<Execution>();
        id = store.journal().list().first().id;
        return Execution::replay(id, store.journal().loadEvents(id), &error);
    };
    std::optional<Execution> execution = journal();
    QVERIFY2(execution, qPrintable(error));
    const qint64 rtoMs = execution->rtoElapsedMs(QDateTime::currentMSecsSinceEpoch());
    const QList<QJsonObject> waits = actions(SiteA, QStringLiteral("%1/2/%2/").arg(id, SiteA));
    QCOMPARE(waits.size(), 1);
    const QString waitLog = actionLog(SiteA, waits.first().value(QStringLiteral("id")).toString());
    const QRegularExpressionMatch rpo = QRegularExpression(QStringLiteral("RPO at this point: (\\d+) bytes"))
                                            .match(waitLog);
    QVERIFY2(rpo.hasMatch(), qPrintable(waitLog));
    QCOMPARE(rpo.captured(1), QStringLiteral("0")); // the plan waits for zero lag before it fences
    qInfo("measured RTO of the lab switchover: %.1f s; RPO: %s bytes of WAL not yet replayed at the cut; %lld orders "
          "committed at site A during the switchover",
          rtoMs / 1000.0, qPrintable(rpo.captured(1)), qlonglong(committed.size()));

    // The recovery: A becomes the primary again, B streams from it, traffic is back at A.
    resume = console(QStringList{QStringLiteral("resume")} + common + QStringList{QStringLiteral("--recovery")});
    QVERIFY(resume->waitForFinished(240'000));
    output = resume->readAll();
    QVERIFY2(resume->exitCode() == 0, output.constData());
    QCOMPARE(sql(SiteA, QStringLiteral("SELECT pg_is_in_recovery()")), QStringLiteral("f"));
    QCOMPARE(sql(SiteB, QStringLiteral("SELECT pg_is_in_recovery()")), QStringLiteral("t"));
    QCOMPARE(sql(SiteA, QStringLiteral("SELECT application_name, state FROM pg_stat_replication")),
             QStringLiteral("site-b|streaming"));
    QCOMPARE(sql(SiteA, QStringLiteral("SELECT count(*) FROM orders WHERE id <= 500")), QStringLiteral("500"));
    QVERIFY(!committed.isEmpty());
    QCOMPARE(sql(SiteA, QStringLiteral("SELECT count(*) FROM orders WHERE id > 2000")),
             QString::number(committed.size()));
    QCOMPARE(sql(SiteA, QStringLiteral("SELECT note FROM orders WHERE id = 1001")),
             QStringLiteral("written at site B"));
    for (int i = 0; i < 10; ++i)
        QCOMPARE(frontendAnswer(), SiteA);
    QCOMPARE(haproxyStatus(SiteB).left(5), QStringLiteral("DRAIN"));

    // The agents' own records: each step ran once at each of its sites, and nothing else ran.
    execution = journal();
    QVERIFY2(execution, qPrintable(error));
    QCOMPARE(toString(execution->state()), toString(ExecutionState::Succeeded));
    // The execution report, built from the journal alone, carries the measured RTO and the RPO line.
    const QString report = ExecutionReport::html(*execution, QDateTime::currentMSecsSinceEpoch());
    QVERIFY(report.contains(QStringLiteral("Measured RTO: ") + ExecutionReport::durationText(rtoMs)));
    QVERIFY(report.contains(QStringLiteral("RPO at this point: 0 bytes")));
    int expected = 0;
    for (const PlanStep &step : imported.plan->steps) {
        for (const QString &target : resolveTargetSites(step.target, execution->ticket())) {
            const QList<QJsonObject> ran = actions(target, QStringLiteral("%1/%2/%3/").arg(id).arg(step.id).arg(target));
            QVERIFY2(ran.size() == 1,
                     qPrintable(QStringLiteral("step %1 at %2 ran %3 times").arg(step.id).arg(target).arg(ran.size())));
            QCOMPARE(ran.first().value(QStringLiteral("state")).toString(), QStringLiteral("succeeded"));
            ++expected;
        }
    }
    QCOMPARE(int(actions(SiteA, id).size() + actions(SiteB, id).size()), expected);
}

void TestRealLab::hookDoesNothingTwiceUnderOneKey()
{
    // Site B stands by (drained). Readying it under a key works; after it is drained again by hand,
    // the same key does nothing: the hook remembers it already did that work.
    const QJsonObject retail{{QStringLiteral("productGroup"), QStringLiteral("retail")}};
    QCOMPARE(haproxyStatus(SiteB).left(5), QStringLiteral("DRAIN"));
    HookRun run = hook(QStringLiteral("haproxy.py"), QStringLiteral("restore"), hooksConfig(SiteB), retail,
                       QStringLiteral("key-restore-b"));
    QVERIFY2(run.exitCode == 0, run.output.constData());
    QCOMPARE(haproxyStatus(SiteB), QStringLiteral("UP"));
    run = hook(QStringLiteral("haproxy.py"), QStringLiteral("cut"), hooksConfig(SiteB), retail);
    QVERIFY2(run.exitCode == 0, run.output.constData());
    run = hook(QStringLiteral("haproxy.py"), QStringLiteral("restore"), hooksConfig(SiteB), retail,
               QStringLiteral("key-restore-b"));
    QVERIFY2(run.exitCode == 0 && run.output.contains("nothing to do"), run.output.constData());
    QCOMPARE(haproxyStatus(SiteB).left(5), QStringLiteral("DRAIN"));

    // The same for a restart of the application group: the second run keeps the same processes.
    const auto pids = [&] {
        QStringList found;
        for (const QString &name : {QStringLiteral("api"), QStringLiteral("web")}) {
            QFile file(QFileInfo(hooksConfig(SiteB)).absolutePath() + QStringLiteral("/apps/retail-%1.pid").arg(name));
            found.append(file.open(QIODevice::ReadOnly) ? QString::fromLatin1(file.readAll()) : QString());
        }
        return found;
    };
    const QStringList before = pids();
    run = hook(QStringLiteral("appgroup.py"), QStringLiteral("restart"), hooksConfig(SiteB), retail,
               QStringLiteral("key-restart-b"));
    QVERIFY2(run.exitCode == 0, run.output.constData());
    const QStringList restarted = pids();
    QVERIFY(restarted != before && !restarted.contains(QString()));
    run = hook(QStringLiteral("appgroup.py"), QStringLiteral("restart"), hooksConfig(SiteB), retail,
               QStringLiteral("key-restart-b"));
    QVERIFY2(run.exitCode == 0 && run.output.contains("nothing to do"), run.output.constData());
    QCOMPARE(pids(), restarted);
}

QTEST_GUILESS_MAIN(TestRealLab)
#include "tst_reallab.moc"
