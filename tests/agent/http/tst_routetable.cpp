// SPDX-License-Identifier: GPL-3.0-or-later
// The agent's route table: which route a request reaches, what it captures, the methods a
// known path allows (405 + Allow), and the capabilities it lists for GET /v1/site.
#include "agent/http/routetable.h"

#include <QTest>

using namespace Haven;

namespace {

RouteHandler named(QString *called, const QString &name)
{
    return [called, name](const HttpRequest &, const HttpResponder &, const RouteCaptures &) { *called = name; };
}

} // namespace

class TestRouteTable final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void match_data();
    void match();
    void capabilities();
    void tokenAndDarkFlags_data();
    void tokenAndDarkFlags();

private:
    RouteTable m_table;
    QString m_called;
};

void TestRouteTable::init()
{
    m_table = RouteTable();
    Route live;
    live.method = "GET";
    live.pattern = QStringLiteral("/v1/live");
    live.handler = named(&m_called, QStringLiteral("live"));
    live.needsToken = false;
    live.answersWhileDark = true;
    m_table.add(live);
    m_table.add("GET", QStringLiteral("/v1/topology"), QStringLiteral("topology"),
                named(&m_called, QStringLiteral("topology")));
    m_table.add("GET", QStringLiteral("/v1/actions"), QStringLiteral("actions"),
                named(&m_called, QStringLiteral("list")));
    m_table.add("POST", QStringLiteral("/v1/actions"), QStringLiteral("actions"),
                named(&m_called, QStringLiteral("start")));
    m_table.add("GET", QStringLiteral("/v1/actions/{id}"), QStringLiteral("actions"),
                named(&m_called, QStringLiteral("read")));
    m_table.add("GET", QStringLiteral("/v1/actions/{id}/log"), QStringLiteral("actions"),
                named(&m_called, QStringLiteral("log")));
    m_table.add("POST", QStringLiteral("/v1/actions/{id}/cancel"), QStringLiteral("actions"),
                named(&m_called, QStringLiteral("cancel")));
    Route revert;
    revert.method = "POST";
    revert.pattern = QStringLiteral("/v1/faults/{id}/revert");
    revert.capability = QStringLiteral("faults");
    revert.handler = named(&m_called, QStringLiteral("revert"));
    revert.answersWhileDark = true;
    revert.role = AgentRole::Drill;
    m_table.add(revert);
    m_table.add("GET", QStringLiteral("/metrics"), QStringLiteral("metrics"),
                named(&m_called, QStringLiteral("metrics")));
    m_table.add("GET", QStringLiteral("/v1/sites/{site}/links/{link}"), {}, named(&m_called, QStringLiteral("link")));
}

void TestRouteTable::match_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("handler"); // empty: none
    QTest::addColumn<QByteArray>("allowed");
    QTest::addColumn<QStringList>("captures"); // name=value

    QTest::addRow("literal") << QByteArray("GET") << "/v1/topology"
                             << "topology" << QByteArray("GET") << QStringList();
    QTest::addRow("same path, GET") << QByteArray("GET") << "/v1/actions"
                                    << "list" << QByteArray("GET, POST") << QStringList();
    QTest::addRow("same path, POST") << QByteArray("POST") << "/v1/actions"
                                     << "start" << QByteArray("GET, POST") << QStringList();
    QTest::addRow("wrong method: 405") << QByteArray("DELETE") << "/v1/actions"
                                       << "" << QByteArray("GET, POST") << QStringList();
    QTest::addRow("capture") << QByteArray("GET") << "/v1/actions/a-17"
                             << "read" << QByteArray("GET") << QStringList{QStringLiteral("id=a-17")};
    QTest::addRow("capture, then literal") << QByteArray("GET") << "/v1/actions/a-17/log"
                                           << "log" << QByteArray("GET") << QStringList{QStringLiteral("id=a-17")};
    QTest::addRow("capture, wrong method") << QByteArray("GET") << "/v1/actions/a-17/cancel"
                                           << "" << QByteArray("POST") << QStringList();
    QTest::addRow("two captures") << QByteArray("GET") << "/v1/sites/dc-east/links/db>west"
                                  << "link" << QByteArray("GET")
                                  << QStringList{QStringLiteral("link=db>west"), QStringLiteral("site=dc-east")};
    QTest::addRow("unknown: 404") << QByteArray("GET") << "/v1/nothing"
                                  << "" << QByteArray() << QStringList();
    QTest::addRow("too deep") << QByteArray("GET") << "/v1/actions/a-17/log/more"
                              << "" << QByteArray() << QStringList();
    QTest::addRow("empty capture") << QByteArray("GET") << "/v1/actions/"
                                   << "" << QByteArray() << QStringList();
    QTest::addRow("literal differs") << QByteArray("GET") << "/v1/actions/a-17/logs"
                                     << "" << QByteArray() << QStringList();
    QTest::addRow("prefix only") << QByteArray("GET") << "/v1"
                                 << "" << QByteArray() << QStringList();
    QTest::addRow("root") << QByteArray("GET") << "/"
                          << "" << QByteArray() << QStringList();
    QTest::addRow("no slash") << QByteArray("GET") << "metrics"
                              << "" << QByteArray() << QStringList();
    QTest::addRow("outside /v1") << QByteArray("GET") << "/metrics"
                                 << "metrics" << QByteArray("GET") << QStringList();
}

void TestRouteTable::match()
{
    QFETCH(QByteArray, method);
    QFETCH(QString, path);
    QFETCH(QString, handler);
    QFETCH(QByteArray, allowed);
    QFETCH(QStringList, captures);

    const RouteTable::Match found = m_table.match(method, path);
    QCOMPARE(found.allowed, allowed);
    QCOMPARE(found.route != nullptr, !handler.isEmpty());
    QStringList captured;
    for (auto it = found.captures.cbegin(); it != found.captures.cend(); ++it)
        captured.append(it.key() + QLatin1Char('=') + it.value());
    captured.sort();
    QCOMPARE(captured, captures);
    if (found.route) {
        m_called.clear();
        found.route->handler({}, {}, found.captures);
        QCOMPARE(m_called, handler);
    }
}

void TestRouteTable::capabilities()
{
    QCOMPARE(m_table.capabilities(), (QStringList{QStringLiteral("topology"), QStringLiteral("actions"),
                                                  QStringLiteral("faults"), QStringLiteral("metrics")}));
    m_table.add("POST", QStringLiteral("/v1/inspections"), QStringLiteral("inspections"), {});
    QCOMPARE(m_table.capabilities().last(), QStringLiteral("inspections"));
    QCOMPARE(m_table.routes().size(), 11);
}

void TestRouteTable::tokenAndDarkFlags_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("path");
    QTest::addColumn<bool>("needsToken");
    QTest::addColumn<bool>("answersWhileDark");
    QTest::addColumn<QString>("role");

    QTest::addRow("live") << QByteArray("GET") << "/v1/live" << false << true << "viewer";
    // 405 without a token, as the path is open to anyone.
    QTest::addRow("live, wrong method") << QByteArray("POST") << "/v1/live" << false << true << QString();
    QTest::addRow("topology") << QByteArray("GET") << "/v1/topology" << true << false << "viewer";
    QTest::addRow("revert") << QByteArray("POST") << "/v1/faults/f-1/revert" << true << true << "drill";
    // Nobody learns without a token which paths exist; a dark site holds them.
    QTest::addRow("unknown") << QByteArray("GET") << "/v1/nothing" << true << false << QString();
}

void TestRouteTable::tokenAndDarkFlags()
{
    QFETCH(QByteArray, method);
    QFETCH(QString, path);
    QFETCH(bool, needsToken);
    QFETCH(bool, answersWhileDark);
    QFETCH(QString, role);

    const RouteTable::Match found = m_table.match(method, path);
    QCOMPARE(found.needsToken, needsToken);
    QCOMPARE(found.answersWhileDark, answersWhileDark);
    // An unlabelled GET needs viewer; an unlabelled mutating route would need admin.
    QCOMPARE(found.route ? toString(found.route->neededRole()) : QString(), role);
}

QTEST_GUILESS_MAIN(TestRouteTable)
#include "tst_routetable.moc"
