// SPDX-License-Identifier: GPL-3.0-or-later
// The agent's own records: log sizes and offsets count bytes of UTF-8, whatever the text.
#include "agent/site/agentstore.h"

#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Haven;

class TestAgentStore final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void logOffsetsAreBytes();
    void keysSurviveReopening();
};

static ActionRecord action(const QString &id, const QString &key)
{
    ActionRecord a;
    a.id = id;
    a.idempotencyKey = key;
    a.operation = QStringLiteral("traffic.cut");
    a.state = ActionState::Running;
    a.created = QDateTime::currentDateTimeUtc();
    return a;
}

void TestAgentStore::logOffsetsAreBytes()
{
    QTemporaryDir dir;
    AgentStore store;
    QVERIFY(store.open(dir.filePath(QStringLiteral("agent.db"))));
    QVERIFY(store.insertAction(action(QStringLiteral("a1"), QStringLiteral("k1"))));
    const QByteArray first = QStringLiteral("切断流量 payments\n").toUtf8(); // 4 CJK characters: 12 bytes
    const QByteArray second = "done\n";
    QVERIFY(store.appendLog(QStringLiteral("a1"), first));
    QVERIFY(store.appendLog(QStringLiteral("a1"), second));
    QCOMPARE(store.action(QStringLiteral("a1"))->logSize, qint64(first.size() + second.size()));
    // Reading from the byte offset after the first chunk gives exactly the second.
    QCOMPARE(store.log(QStringLiteral("a1"), first.size(), 1024), second);
    QCOMPARE(store.log(QStringLiteral("a1"), 0, first.size()), first);
    QVERIFY(store.log(QStringLiteral("a1"), first.size() + second.size(), 1024).isEmpty());
}

void TestAgentStore::keysSurviveReopening()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("agent.db"));
    {
        AgentStore store;
        QVERIFY(store.open(path));
        QVERIFY(store.insertAction(action(QStringLiteral("a1"), QStringLiteral("ticket-7/step-3"))));
        // The same key never makes a second action.
        QVERIFY(!store.insertAction(action(QStringLiteral("a2"), QStringLiteral("ticket-7/step-3"))));
    }
    AgentStore store;
    QVERIFY(store.open(path));
    const std::optional<ActionRecord> found = store.actionByKey(QStringLiteral("ticket-7/step-3"));
    QVERIFY(found);
    QCOMPARE(found->id, QStringLiteral("a1"));
    QCOMPARE(store.unfinishedActions().size(), 1);
}

QTEST_GUILESS_MAIN(TestAgentStore)
#include "tst_agentstore.moc"
