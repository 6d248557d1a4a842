// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/fleet/demofleetlauncher.h"

#include <QFile>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Haven;

namespace {
// A stand-in for haven-agent: records its arguments, then waits to be stopped.
bool writeFakeAgent(const QString &path, const QByteArray &body)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return false;
    file.write("#!/bin/sh\n" + body);
    file.close();
    return file.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
}
} // namespace

class TestDemoFleetLauncher final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void findsAgentInSearchDirs();
    void findsAgentOnPath();
    void ignoresNonExecutables();
    void startsAndStops();
    void reportsExitCode();
    void killsAgentIgnoringTerminate();
    void reportsMissingProgram();

private:
    QTemporaryDir m_dir;
    QByteArray m_savedPath;
};

void TestDemoFleetLauncher::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
    m_savedPath = qgetenv("PATH");
}

void TestDemoFleetLauncher::init()
{
    qputenv("PATH", m_savedPath);
}

void TestDemoFleetLauncher::findsAgentInSearchDirs()
{
    const QString first = m_dir.filePath(QStringLiteral("first"));
    const QString second = m_dir.filePath(QStringLiteral("second"));
    QVERIFY(QDir().mkpath(first));
    QVERIFY(QDir().mkpath(second));
    QVERIFY(writeFakeAgent(second + QStringLiteral("/haven-agent"), "exit 0\n"));

    QCOMPARE(DemoFleetLauncher::findAgent({first, second}), second + QStringLiteral("/haven-agent"));
    QVERIFY(writeFakeAgent(first + QStringLiteral("/haven-agent"), "exit 0\n"));
    QCOMPARE(DemoFleetLauncher::findAgent({first, second}), first + QStringLiteral("/haven-agent"));
}

void TestDemoFleetLauncher::findsAgentOnPath()
{
    const QString bin = m_dir.filePath(QStringLiteral("bin"));
    QVERIFY(QDir().mkpath(bin));
    QVERIFY(writeFakeAgent(bin + QStringLiteral("/haven-agent"), "exit 0\n"));
    qputenv("PATH", QFile::encodeName(bin));
    QCOMPARE(DemoFleetLauncher::findAgent({m_dir.filePath(QStringLiteral("nowhere"))}),
             bin + QStringLiteral("/haven-agent"));
    qputenv("PATH", QFile::encodeName(m_dir.filePath(QStringLiteral("nowhere"))));
    QCOMPARE(DemoFleetLauncher::findAgent({}), QString());
}

void TestDemoFleetLauncher::ignoresNonExecutables()
{
    const QString dir = m_dir.filePath(QStringLiteral("plain"));
    QVERIFY(QDir().mkpath(dir));
    QFile file(dir + QStringLiteral("/haven-agent"));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.close();
    qputenv("PATH", QFile::encodeName(m_dir.filePath(QStringLiteral("nowhere"))));
    QCOMPARE(DemoFleetLauncher::findAgent({dir}), QString());
}

void TestDemoFleetLauncher::startsAndStops()
{
    const QString agent = m_dir.filePath(QStringLiteral("waiting-agent"));
    const QString argsFile = m_dir.filePath(QStringLiteral("args"));
    QVERIFY(writeFakeAgent(agent, "echo \"$@\" > '" + QFile::encodeName(argsFile)
                                      + "'\n"
                                        "trap 'exit 0' TERM\n"
                                        "while :; do sleep 0.1; done\n"));
    const QString fleetDir = m_dir.filePath(QStringLiteral("fleet/nested"));

    DemoFleetLauncher launcher;
    QSignalSpy finished(&launcher, &DemoFleetLauncher::finished);
    QVERIFY(launcher.start(agent, fleetDir));
    QVERIFY(QFileInfo(fleetDir).isDir());
    QTRY_VERIFY(QFile::exists(argsFile));
    QVERIFY(launcher.isRunning());

    launcher.stop();
    QVERIFY(finished.wait(5000));
    QCOMPARE(finished.first().first().toInt(), 0);
    QVERIFY(!launcher.isRunning());

    QFile args(argsFile);
    QVERIFY(args.open(QIODevice::ReadOnly));
    QCOMPARE(args.readAll().trimmed(), "--demo-fleet " + QFile::encodeName(fleetDir));
}

void TestDemoFleetLauncher::reportsExitCode()
{
    const QString agent = m_dir.filePath(QStringLiteral("failing-agent"));
    QVERIFY(writeFakeAgent(agent, "exit 3\n"));
    DemoFleetLauncher launcher;
    QSignalSpy finished(&launcher, &DemoFleetLauncher::finished);
    QVERIFY(launcher.start(agent, m_dir.filePath(QStringLiteral("fleet"))));
    QVERIFY(finished.wait(5000));
    QCOMPARE(finished.first().first().toInt(), 3);
    QVERIFY(launcher.errorString().contains(QLatin1String("3")));
}

void TestDemoFleetLauncher::killsAgentIgnoringTerminate()
{
    const QString agent = m_dir.filePath(QStringLiteral("stubborn-agent"));
    QVERIFY(writeFakeAgent(agent, "trap '' TERM\nwhile :; do sleep 0.1; done\n"));
    DemoFleetLauncher launcher;
    launcher.setStopTimeout(200);
    QSignalSpy finished(&launcher, &DemoFleetLauncher::finished);
    QVERIFY(launcher.start(agent, m_dir.filePath(QStringLiteral("fleet"))));
    QTRY_VERIFY(launcher.isRunning());
    QTest::qWait(200); // let the shell install its trap
    launcher.stop();
    QVERIFY(finished.wait(5000));
    QCOMPARE(finished.first().first().toInt(), 0); // stopped on request, even if by force
}

void TestDemoFleetLauncher::reportsMissingProgram()
{
    DemoFleetLauncher launcher;
    QSignalSpy finished(&launcher, &DemoFleetLauncher::finished);
    QVERIFY(launcher.start(m_dir.filePath(QStringLiteral("no-such-agent")), m_dir.filePath(QStringLiteral("fleet"))));
    QCOMPARE(finished.count(), 0); // never from inside start()
    QVERIFY(finished.wait(5000));
    QCOMPARE(finished.first().first().toInt(), 127);
    QVERIFY(launcher.errorString().contains(QLatin1String("no-such-agent")));
}

QTEST_GUILESS_MAIN(TestDemoFleetLauncher)
#include "tst_demofleetlauncher.moc"
