// SPDX-License-Identifier: GPL-3.0-or-later
// What the agent refuses to start with: tokens in clear text over the network, a private key
// other accounts can read.
#include "agent/site/agentconfig.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

using namespace Haven;

class TestAgentConfig : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void listening_data();
    void listening();
    void privateKeyModes_data();
    void privateKeyModes();
    void privateKeyOfAnotherAccount();

private:
    // A valid configuration with the given [agent] listen address and [tls] section.
    QString write(const QString &listen, bool tls);

    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestAgentConfig::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    const QString key = m_dir->filePath(QStringLiteral("key.pem"));
    QVERIFY(QFile::copy(QStringLiteral(HAVEN_TEST_DATA_DIR "/tls/key.pem"), key));
    QVERIFY(QFile::setPermissions(key, QFileDevice::ReadOwner | QFileDevice::WriteOwner));
}

QString TestAgentConfig::write(const QString &listen, bool tls)
{
    QString ini = QStringLiteral("[agent]\nlisten_address = %1\ndata_dir = data\n\n").arg(listen);
    if (tls)
        ini += QStringLiteral("[tls]\ncertificate = " HAVEN_TEST_DATA_DIR "/tls/cert.pem\nprivate_key = key.pem\n\n");
    ini += QStringLiteral("[auth]\ntoken_sha256 = %1\n\n[backend]\ntype = simulated\nprofile = sha.json\n")
               .arg(QString(64, QLatin1Char('a')));
    const QString path = m_dir->filePath(QStringLiteral("agent.conf"));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return {};
    file.write(ini.toUtf8());
    return path;
}

void TestAgentConfig::listening_data()
{
    QTest::addColumn<QString>("address");
    QTest::addColumn<bool>("tls");
    QTest::addColumn<QString>("refusal"); // empty: accepted
    QTest::addRow("loopback, plain") << QStringLiteral("127.0.0.1") << false << QString();
    QTest::addRow("IPv6 loopback, plain") << QStringLiteral("::1") << false << QString();
    QTest::addRow("any address, plain") << QStringLiteral("0.0.0.0") << false << QStringLiteral("clear text");
    QTest::addRow("LAN address, plain") << QStringLiteral("10.1.2.3") << false << QStringLiteral("clear text");
    QTest::addRow("any address, TLS") << QStringLiteral("0.0.0.0") << true << QString();
}

void TestAgentConfig::listening()
{
    QFETCH(QString, address);
    QFETCH(bool, tls);
    QFETCH(QString, refusal);
    QString error;
    const std::optional<AgentConfig> config = AgentConfig::load(write(address, tls), &error);
    if (refusal.isEmpty()) {
        QVERIFY2(config, qPrintable(error));
        QCOMPARE(config->listenAddress.toString(), address);
    } else {
        QVERIFY(!config);
        QVERIFY2(error.contains(refusal) && error.contains(address), qPrintable(error));
    }
}

void TestAgentConfig::privateKeyModes_data()
{
    QTest::addColumn<int>("mode");
    QTest::addColumn<bool>("accepted");
    QTest::addRow("0600") << int(QFileDevice::ReadOwner | QFileDevice::WriteOwner) << true;
    QTest::addRow("0400") << int(QFileDevice::ReadOwner) << true;
    QTest::addRow("0640") << int(QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadGroup) << false;
    QTest::addRow("0644") << int(QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadGroup
                                 | QFileDevice::ReadOther)
                          << false;
}

void TestAgentConfig::privateKeyModes()
{
    QFETCH(int, mode);
    QFETCH(bool, accepted);
    QVERIFY(QFile::setPermissions(m_dir->filePath(QStringLiteral("key.pem")), QFileDevice::Permissions(mode)));
    QString error;
    const std::optional<AgentConfig> config = AgentConfig::load(write(QStringLiteral("127.0.0.1"), true), &error);
    QCOMPARE(config.has_value(), accepted);
    if (!accepted)
        QVERIFY2(error.contains(QLatin1StringView("chmod 600")), qPrintable(error));
}

void TestAgentConfig::privateKeyOfAnotherAccount()
{
    if (geteuid() != 0)
        QSKIP("giving a file to another account needs root");
    const QByteArray key = QFile::encodeName(m_dir->filePath(QStringLiteral("key.pem")));
    QCOMPARE(::chown(key.constData(), 65534, 65534), 0); // nobody
    QString error;
    QVERIFY(!AgentConfig::load(write(QStringLiteral("127.0.0.1"), true), &error));
    QVERIFY2(error.contains(QLatin1StringView("another account")), qPrintable(error));
}

QTEST_APPLESS_MAIN(TestAgentConfig)
#include "tst_agentconfig.moc"
