// SPDX-License-Identifier: GPL-3.0-or-later
#include "agent/http/requestparser.h"

#include <QTest>

using namespace Haven;

class TestRequestParser : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void accepts();
    void refuses_data();
    void refuses();
    void findsTheEndOfTheHead();
};

void TestRequestParser::accepts()
{
    const QByteArray head = "POST /v1/actions%2Fx?since=3&wait=5 HTTP/1.1\r\n"
                            "Host: 127.0.0.1:7443\r\n"
                            "Content-Length: 12\r\n"
                            "Accept: text/plain\r\n"
                            "accept:\t*/*  \r\n"
                            "Expect: 100-continue\r\n"
                            "Connection: close";
    const auto parsed = parseRequestHead(head, HttpLimits());
    const auto *accepted = std::get_if<RequestHead>(&parsed);
    QVERIFY(accepted);
    QCOMPARE(accepted->request.method, QByteArray("POST"));
    QCOMPARE(accepted->request.path, QStringLiteral("/v1/actions/x"));
    QCOMPARE(accepted->request.query.queryItemValue(QStringLiteral("wait")), QStringLiteral("5"));
    QCOMPARE(accepted->contentLength, 12);
    // A repeated list header is joined in order (RFC 9110 5.3); its value is trimmed.
    QCOMPARE(accepted->request.header("accept"), QByteArray("text/plain, */*"));
    QVERIFY(accepted->expectContinue);
    QVERIFY(accepted->closeAfterResponse);

    const auto http10 = parseRequestHead("GET / HTTP/1.0", HttpLimits());
    QVERIFY(std::get_if<RequestHead>(&http10));
    QVERIFY(std::get<RequestHead>(http10).closeAfterResponse); // no Host needed, closes by default
}

void TestRequestParser::refuses_data()
{
    QTest::addColumn<QByteArray>("head");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("message"); // a part of the message

    const QByteArray get = "GET / HTTP/1.1\r\nHost: t";
    QTest::addRow("duplicate Host") << QByteArray(get + "\r\nHost: u") << 400
                                    << QStringLiteral("host header appears twice");
    QTest::addRow("duplicate Content-Length") << QByteArray(get + "\r\nContent-Length: 1\r\nContent-Length: 1") << 400
                                              << QStringLiteral("content-length header appears twice");
    QTest::addRow("duplicate Authorization, other case")
        << QByteArray(get + "\r\nAuthorization: Bearer a\r\nauthorization: Bearer a") << 400
        << QStringLiteral("authorization header appears twice");
    QTest::addRow("space before colon") << QByteArray(get + "\r\nX-A : 1") << 400 << QStringLiteral("before a header");
    QTest::addRow("obs-fold") << QByteArray(get + "\r\nX-A: 1\r\n\t2") << 400 << QStringLiteral("obs-fold");
    QTest::addRow("bare LF") << QByteArray("GET / HTTP/1.1\nHost: t") << 400 << QStringLiteral("bare LF");
    QTest::addRow("bare CR") << QByteArray(get + "\r\nX-A: 1\r2") << 400 << QStringLiteral("bare CR");
    QTest::addRow("missing Host") << QByteArray("GET / HTTP/1.1") << 400 << QStringLiteral("Host");
    QTest::addRow("empty header name") << QByteArray(get + "\r\n: 1") << 400 << QStringLiteral("header name");
    QTest::addRow("method not a token") << QByteArray("G(T / HTTP/1.1\r\nHost: t") << 400 << QStringLiteral("method");
    QTest::addRow("two spaces") << QByteArray("GET  / HTTP/1.1\r\nHost: t") << 400 << QStringLiteral("request line");
    QTest::addRow("NUL in the path") << QByteArray("GET /a%00b HTTP/1.1\r\nHost: t") << 400 << QStringLiteral("NUL");
    QTest::addRow("Content-Length in hex")
        << QByteArray(get + "\r\nContent-Length: 0x10") << 400 << QStringLiteral("Content-Length");
    QTest::addRow("Content-Length overflowing")
        << QByteArray(get + "\r\nContent-Length: 99999999999999999999999") << 400 << QStringLiteral("Content-Length");
    QTest::addRow("Content-Length over the cap")
        << QByteArray(get + "\r\nContent-Length: 1048577") << 413 << QStringLiteral("limit");
    QTest::addRow("Transfer-Encoding") << QByteArray(get + "\r\nTransfer-Encoding: chunked") << 501
                                       << QStringLiteral("chunked");
    QTest::addRow("too many header lines")
        << QByteArray(get + QByteArray("\r\nX-A: 1").repeated(101)) << 431 << QStringLiteral("header lines");
}

void TestRequestParser::refuses()
{
    QFETCH(QByteArray, head);
    QFETCH(int, status);
    QFETCH(QString, message);
    const auto parsed = parseRequestHead(head, HttpLimits());
    const auto *error = std::get_if<RequestError>(&parsed);
    QVERIFY(error);
    QCOMPARE(error->status, status);
    QVERIFY2(error->message.contains(message, Qt::CaseInsensitive), qPrintable(error->message));
}

void TestRequestParser::findsTheEndOfTheHead()
{
    QCOMPARE(findRequestHeadEnd("GET / HTTP/1.1\r\nHost: t\r\n\r\nbody"), 23);
    QCOMPARE(findRequestHeadEnd("GET / HTTP/1.1\r\nHost: t\r\n"), -1);
    QVERIFY(hasBareLineFeed("GET / HTTP/1.1\n"));
    QVERIFY(!hasBareLineFeed("GET / HTTP/1.1\r\n"));
}

QTEST_APPLESS_MAIN(TestRequestParser)
#include "tst_requestparser.moc"
