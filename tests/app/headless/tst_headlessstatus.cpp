// SPDX-License-Identifier: GPL-3.0-or-later
// `haven --headless status` as a script would run it, against real agents.
#include "agentprocess.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Haven::Test;

class TestHeadlessStatus final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void allSitesAnswer();
    void unreachableSiteGivesExitCode3();
    void noEnvironmentIsAUsageError();

private:
    struct Run
    {
        int exitCode = -1;
        QString output;
    };
    Run haven(const QStringList &arguments, const QString &dataDir);
    QString writeFleet(const QString &path, const QList<AgentProcess *> &agents, const QStringList &ids);
};

TestHeadlessStatus::Run TestHeadlessStatus::haven(const QStringList &arguments, const QString &dataDir)
{
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    // The console's own files (database, secrets) go to a scratch home, never the user's.
    environment.insert(QStringLiteral("HOME"), dataDir);
    environment.insert(QStringLiteral("XDG_DATA_HOME"), dataDir + QStringLiteral("/data"));
    environment.insert(QStringLiteral("XDG_CONFIG_HOME"), dataDir + QStringLiteral("/config"));
    environment.remove(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"));
    environment.remove(QStringLiteral("DISPLAY")); // --headless needs no display
    process.setProcessEnvironment(environment);
    // Only standard output: what a script parses. Diagnostics go to standard error.
    process.setProcessChannelMode(QProcess::SeparateChannels);
    process.start(QStringLiteral(HAVEN_CONSOLE_BINARY), arguments);
    if (!process.waitForFinished(60'000))
        process.kill();
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            QString::fromUtf8(process.readAllStandardOutput())};
}

QString TestHeadlessStatus::writeFleet(const QString &path, const QList<AgentProcess *> &agents, const QStringList &ids)
{
    QJsonArray sites;
    for (qsizetype i = 0; i < agents.size(); ++i) {
        sites.append(QJsonObject{{QStringLiteral("id"), ids.at(i)},
                                 {QStringLiteral("url"), agents.at(i)->url()},
                                 {QStringLiteral("token"), QString::fromLatin1(agents.at(i)->token())}});
    }
    QFile file(path);
    file.open(QIODevice::WriteOnly);
    file.write(QJsonDocument(QJsonObject{{QStringLiteral("format"), QStringLiteral("haven-fleet")},
                                         {QStringLiteral("version"), 1},
                                         {QStringLiteral("sites"), sites}})
                   .toJson());
    return path;
}

void TestHeadlessStatus::allSitesAnswer()
{
    QTemporaryDir dir;
    AgentProcess sha(dir.filePath(QStringLiteral("sha")));
    AgentProcess hzc(dir.filePath(QStringLiteral("hzc")));
    AgentProcess::Options options;
    options.profile = AgentProcess::demoProfile(QStringLiteral("sha"));
    QVERIFY(sha.start(options));
    options.profile = AgentProcess::demoProfile(QStringLiteral("hzc"));
    QVERIFY(hzc.start(options));
    const QString fleet = writeFleet(dir.filePath(QStringLiteral("fleet.json")), {&sha, &hzc},
                                     {QStringLiteral("sha"), QStringLiteral("hzc")});

    const Run text = haven({QStringLiteral("--headless"), QStringLiteral("status"), QStringLiteral("--environment"),
                            fleet},
                           dir.filePath(QStringLiteral("home")));
    QVERIFY2(text.exitCode == 0, qPrintable(text.output));
    QVERIFY2(text.output.contains(QStringLiteral("Shanghai A")), qPrintable(text.output));
    QVERIFY2(text.output.contains(QStringLiteral("Hangzhou C")), qPrintable(text.output));
    QCOMPARE(text.output.count(QStringLiteral("online")), 2);

    const Run json = haven({QStringLiteral("--headless"), QStringLiteral("status"), QStringLiteral("--json"),
                            QStringLiteral("--environment"), fleet},
                           dir.filePath(QStringLiteral("home")));
    QCOMPARE(json.exitCode, 0);
    const QJsonArray sites
        = QJsonDocument::fromJson(json.output.toUtf8()).object().value(QStringLiteral("sites")).toArray();
    QCOMPARE(sites.size(), 2);
    QCOMPARE(sites.at(0).toObject().value(QStringLiteral("components")).toInt(), 50);
    QCOMPARE(sites.at(1).toObject().value(QStringLiteral("reachability")).toString(), QStringLiteral("online"));
    // The token came from the file and was used, but it is never printed.
    QVERIFY(!json.output.contains(QString::fromLatin1(sha.token())));
}

void TestHeadlessStatus::unreachableSiteGivesExitCode3()
{
    QTemporaryDir dir;
    AgentProcess sha(dir.filePath(QStringLiteral("sha")));
    AgentProcess shb(dir.filePath(QStringLiteral("shb")));
    AgentProcess::Options options;
    QVERIFY(sha.start(options));
    options.profile = AgentProcess::demoProfile(QStringLiteral("shb"));
    QVERIFY(shb.start(options));
    const QString fleet = writeFleet(dir.filePath(QStringLiteral("fleet.json")), {&sha, &shb},
                                     {QStringLiteral("sha"), QStringLiteral("shb")});
    shb.kill();
    const Run run = haven({QStringLiteral("--headless"), QStringLiteral("status"), QStringLiteral("--environment"),
                           fleet},
                          dir.filePath(QStringLiteral("home")));
    QCOMPARE(run.exitCode, 3);
    QVERIFY2(run.output.contains(QStringLiteral("unreachable")), qPrintable(run.output));
    QVERIFY2(run.output.contains(QStringLiteral("online")), qPrintable(run.output));
}

void TestHeadlessStatus::noEnvironmentIsAUsageError()
{
    QTemporaryDir dir;
    const Run run = haven({QStringLiteral("--headless"), QStringLiteral("status"), QStringLiteral("--database"),
                           dir.filePath(QStringLiteral("empty.db"))},
                          dir.filePath(QStringLiteral("home")));
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.output.contains(QStringLiteral("No sites are configured")), qPrintable(run.output));
}

QTEST_GUILESS_MAIN(TestHeadlessStatus)
#include "tst_headlessstatus.moc"
