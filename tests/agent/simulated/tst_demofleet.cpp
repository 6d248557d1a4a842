// SPDX-License-Identifier: GPL-3.0-or-later
// `haven-agent --demo-fleet DIR --check`: three simulated sites start, answer, and leave a
// private fleet file that a console can connect with.

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

class TestDemoFleet final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void checkStartsThreeSites();
};

void TestDemoFleet::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestDemoFleet::checkStartsThreeSites()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString fleetDir = dir.filePath(QStringLiteral("fleet"));
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(QStringLiteral(HAVEN_AGENT_BINARY),
                  {QStringLiteral("--demo-fleet"), fleetDir, QStringLiteral("--check"), QStringLiteral("--speed"),
                   QStringLiteral("10")});
    QVERIFY(process.waitForStarted(5000));
    const bool finished = process.waitForFinished(60'000);
    const QString output = QString::fromUtf8(process.readAll());
    if (!finished)
        process.kill();
    QVERIFY2(finished, qPrintable(output));
    QCOMPARE(process.exitStatus(), QProcess::NormalExit);
    QVERIFY2(process.exitCode() == 0, qPrintable(output));

    const QString fleetPath = QDir(fleetDir).filePath(QStringLiteral("fleet.json"));
    struct stat info = {};
    QCOMPARE(::stat(QFile::encodeName(fleetPath).constData(), &info), 0);
    QCOMPARE(info.st_mode & 0777, mode_t(0600)); // it holds the tokens

    QFile file(fleetPath);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &error);
    QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
    const QJsonArray sites = document.object().value(QStringLiteral("sites")).toArray();
    QCOMPARE(sites.size(), 3);
    QSet<QString> ids;
    QSet<QString> urls;
    QSet<QString> tokens;
    for (const QJsonValue &value : sites) {
        const QJsonObject site = value.toObject();
        const QString id = site.value(QStringLiteral("id")).toString();
        const QString url = site.value(QStringLiteral("url")).toString();
        QVERIFY(!id.isEmpty());
        QVERIFY2(url.startsWith(QLatin1StringView("https://127.0.0.1:")), qPrintable(url));
        QVERIFY(site.value(QStringLiteral("token")).toString().size() >= 16);
        QVERIFY2(site.value(QStringLiteral("pin")).toString().startsWith(QLatin1StringView("sha256//")),
                 qPrintable(site.value(QStringLiteral("pin")).toString()));
        QVERIFY2(output.contains(id), qPrintable(output)); // every site reported in the output
        QVERIFY2(!output.contains(QStringLiteral("NOT ANSWERING")), qPrintable(output));
        ids.insert(id);
        urls.insert(url);
        tokens.insert(site.value(QStringLiteral("token")).toString());
    }
    QCOMPARE(ids.size(), 3);
    QCOMPARE(urls.size(), 3);
    QCOMPARE(tokens.size(), 3); // a token per site
    // The tokens are in the fleet file only, not on the terminal.
    for (const QString &token : std::as_const(tokens))
        QVERIFY(!output.contains(token));
}

QTEST_GUILESS_MAIN(TestDemoFleet)
#include "tst_demofleet.moc"
