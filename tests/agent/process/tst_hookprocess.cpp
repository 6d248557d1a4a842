// SPDX-License-Identifier: GPL-3.0-or-later
// The one runner of hooks and inspection scripts: what it hands the process, what it keeps of
// the output, and that nothing the process started outlives it.
#include "agent/process/hookprocess.h"
#include "processtest.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Haven;
using Haven::Test::processAlive;
using Haven::Test::readPid;

namespace {

HookProcess::Options shell(const QString &script)
{
    HookProcess::Options options;
    options.program = QStringLiteral("/bin/sh");
    options.arguments = {QStringLiteral("-c"), script};
    options.timeout = std::chrono::seconds(20);
    return options;
}

// Runs it to its end; finished() must come exactly once and never from inside start().
HookProcess::Result run(HookProcess &process)
{
    QSignalSpy spy(&process, &HookProcess::finished);
    process.start();
    if (!spy.isEmpty()) {
        qWarning("finished() came from inside start()");
        return {};
    }
    if (!spy.wait(30000))
        qWarning("no finished() in 30 s");
    QTest::qWait(50);
    if (spy.size() != 1)
        qWarning("finished() came %d times", int(spy.size()));
    return spy.isEmpty() ? HookProcess::Result{} : spy.at(0).at(0).value<HookProcess::Result>();
}

HookProcess::Result run(const HookProcess::Options &options)
{
    HookProcess process(options);
    return run(process);
}

} // namespace

class TestHookProcess : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void stdinJson();
    void scrubbedEnvironment();
    void exitCodes_data();
    void exitCodes();
    void outputCap();
    void stopAtCap();
    void separateChannels();
    void timeoutKillsGroup();
    void childrenKilledAfterNormalExit();
    void cancel();
    void cancelBeforeStart();
    void failedToStart();

private:
    QTemporaryDir m_dir;
};

void TestHookProcess::stdinJson()
{
    HookProcess::Options options = shell(QStringLiteral("cat"));
    options.input = QJsonDocument(QJsonObject{{QStringLiteral("percent"), 80}}).toJson(QJsonDocument::Compact);
    const HookProcess::Result result = run(options);
    QVERIFY(result.succeeded());
    QCOMPARE(result.output, QByteArray(R"({"percent":80})"));
    QCOMPARE(result.describe(), QStringLiteral("exit code 0"));

    // No input: stdin is /dev/null, so a hook that reads it does not hang.
    QCOMPARE(run(shell(QStringLiteral("cat; echo done"))).output, QByteArray("done\n"));
}

void TestHookProcess::scrubbedEnvironment()
{
    qputenv("CREDENTIALS_DIRECTORY", "/run/credentials/haven-agent.service");
    qputenv("HAVEN_AGENT_TOKEN", "secret-token");
    qputenv("LC_TIME", "C.UTF-8");
    HookProcess::Options options = shell(QStringLiteral("env"));
    options.environment = {{QStringLiteral("HAVEN_SITE_ID"), QStringLiteral("dc-east")}};
    const HookProcess::Result result = run(options);
    QVERIFY(result.succeeded());
    const QList<QByteArray> lines = result.output.split('\n');
    QStringList names;
    for (const QByteArray &line : lines) {
        if (const qsizetype equals = line.indexOf('='); equals > 0)
            names.append(QString::fromUtf8(line.left(equals)));
    }
    QVERIFY2(lines.contains("HAVEN_SITE_ID=dc-east"), result.output.constData());
    QVERIFY(lines.contains("LC_TIME=C.UTF-8"));
    QVERIFY(names.contains(QStringLiteral("PATH")));
    QVERIFY2(!result.output.contains("secret-token"), result.output.constData());
    QVERIFY(!names.contains(QStringLiteral("CREDENTIALS_DIRECTORY")));
    const QStringList allowed{QStringLiteral("PATH"), QStringLiteral("LANG"), QStringLiteral("HOME"),
                              QStringLiteral("TMPDIR"), QStringLiteral("HAVEN_SITE_ID"),
                              // the shell sets these itself
                              QStringLiteral("PWD"), QStringLiteral("SHLVL"), QStringLiteral("_")};
    for (const QString &name : std::as_const(names))
        QVERIFY2(allowed.contains(name) || name.startsWith(QStringLiteral("LC_")), qPrintable(name));
}

void TestHookProcess::exitCodes_data()
{
    QTest::addColumn<QString>("script");
    QTest::addColumn<HookProcess::Outcome>("outcome");
    QTest::addColumn<QString>("description");
    QTest::addRow("success") << QStringLiteral("exit 0") << HookProcess::Outcome::Exited
                             << QStringLiteral("exit code 0");
    QTest::addRow("failure") << QStringLiteral("exit 3") << HookProcess::Outcome::Exited
                             << QStringLiteral("exit code 3");
    QTest::addRow("crash") << QStringLiteral("kill -9 $$") << HookProcess::Outcome::Crashed
                           << QStringLiteral("killed by signal 9");
}

void TestHookProcess::exitCodes()
{
    QFETCH(QString, script);
    QFETCH(HookProcess::Outcome, outcome);
    QFETCH(QString, description);
    const HookProcess::Result result = run(shell(script));
    QVERIFY(result.outcome == outcome);
    QCOMPARE(result.describe(), description);
    QCOMPARE(result.succeeded(), description == QStringLiteral("exit code 0"));
}

void TestHookProcess::outputCap()
{
    HookProcess::Options options = shell(QStringLiteral("head -c 100000 /dev/zero | tr '\\0' a; echo tail >&2"));
    options.outputCap = 1000;
    QByteArray streamed;
    HookProcess process(options);
    connect(&process, &HookProcess::outputReceived, this, [&streamed](const QByteArray &chunk) { streamed += chunk; });
    const HookProcess::Result result = run(process);
    QVERIFY(result.succeeded());
    QCOMPARE(result.output, QByteArray(1000, 'a'));
    QCOMPARE(result.outputBytes, qint64(100005));
    QVERIFY(result.truncated());
    QCOMPARE(streamed.size(), 100005); // the stream is not cut: an action's log has its own limit
}

void TestHookProcess::stopAtCap()
{
    HookProcess::Options options = shell(QStringLiteral("yes"));
    options.outputCap = 1000;
    options.stopAtCap = true;
    QElapsedTimer clock;
    clock.start();
    const HookProcess::Result result = run(options);
    QVERIFY(result.outcome == HookProcess::Outcome::OutputLimit);
    QCOMPARE(result.describe(), QStringLiteral("printed more than 1000 bytes"));
    QCOMPARE(result.output.size(), 1000);
    QVERIFY2(clock.elapsed() < 10000, qPrintable(QString::number(clock.elapsed())));
}

void TestHookProcess::separateChannels()
{
    HookProcess::Options options = shell(QStringLiteral("echo report; echo problem >&2; exit 1"));
    options.mergeChannels = false;
    const HookProcess::Result result = run(options);
    QCOMPARE(result.output, QByteArray("report\n"));
    QCOMPARE(result.errorOutput, QByteArray("problem\n"));
    QCOMPARE(result.describe(), QStringLiteral("exit code 1"));
}

void TestHookProcess::timeoutKillsGroup()
{
    const QString pidFile = m_dir.filePath(QStringLiteral("timeout.pid"));
    HookProcess::Options options = shell(
        QStringLiteral("sleep 60 >/dev/null 2>&1 & echo $! > '%1'; trap '' TERM; sleep 60").arg(pidFile));
    options.timeout = std::chrono::milliseconds(500);
    QElapsedTimer clock;
    clock.start();
    const HookProcess::Result result = run(options);
    QVERIFY(result.outcome == HookProcess::Outcome::TimedOut);
    QCOMPARE(result.describe(), QStringLiteral("timed out after 0.5 s"));
    // The hook ignores SIGTERM: SIGKILL two seconds later ends it.
    QVERIFY2(clock.elapsed() < 6000, qPrintable(QString::number(clock.elapsed())));
    const qint64 child = readPid(pidFile);
    QVERIFY(child > 0);
    QTRY_VERIFY_WITH_TIMEOUT(!processAlive(child), 5000);
}

void TestHookProcess::childrenKilledAfterNormalExit()
{
    const QString pidFile = m_dir.filePath(QStringLiteral("left.pid"));
    const HookProcess::Result result = run(
        shell(QStringLiteral("sleep 60 >/dev/null 2>&1 & echo $! > '%1'; exit 0").arg(pidFile)));
    QVERIFY(result.succeeded());
    const qint64 child = readPid(pidFile);
    QVERIFY(child > 0);
    QTRY_VERIFY_WITH_TIMEOUT(!processAlive(child), 5000);
}

void TestHookProcess::cancel()
{
    const QString pidFile = m_dir.filePath(QStringLiteral("cancel.pid"));
    HookProcess process(shell(QStringLiteral("echo $$ > '%1'; sleep 60").arg(pidFile)));
    QSignalSpy spy(&process, &HookProcess::finished);
    process.start();
    QTRY_VERIFY_WITH_TIMEOUT(readPid(pidFile) > 0, 5000);
    process.cancel(QStringLiteral("cancelled by the test"));
    QVERIFY(spy.isEmpty());
    QVERIFY(spy.wait(5000));
    const auto result = spy.at(0).at(0).value<HookProcess::Result>();
    QVERIFY(result.outcome == HookProcess::Outcome::Cancelled);
    QCOMPARE(result.describe(), QStringLiteral("cancelled by the test"));
    QVERIFY(!processAlive(readPid(pidFile)));
}

void TestHookProcess::cancelBeforeStart()
{
    const QString marker = m_dir.filePath(QStringLiteral("ran"));
    HookProcess process(shell(QStringLiteral("touch '%1'").arg(marker)));
    QSignalSpy spy(&process, &HookProcess::finished);
    process.cancel(QStringLiteral("not needed"));
    process.start();
    QVERIFY(spy.wait(5000));
    QVERIFY(spy.at(0).at(0).value<HookProcess::Result>().outcome == HookProcess::Outcome::Cancelled);
    QTest::qWait(200);
    QVERIFY(!QFile::exists(marker));
}

void TestHookProcess::failedToStart()
{
    HookProcess::Options options;
    options.program = m_dir.filePath(QStringLiteral("no-such-hook"));
    const HookProcess::Result result = run(options);
    QVERIFY(result.outcome == HookProcess::Outcome::FailedToStart);
    QVERIFY2(result.describe().startsWith(QStringLiteral("could not start %1: ").arg(options.program)),
             qPrintable(result.describe()));
}

QTEST_GUILESS_MAIN(TestHookProcess)
#include "tst_hookprocess.moc"
