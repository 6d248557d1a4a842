// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// A misbehaving HTTP server on 127.0.0.1 for client tests: it answers each request through a
// responder function, so a test can send malformed JSON, endless bodies or nothing at all.

#include <QFile>
#include <QHostAddress>
#include <QList>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

#include <functional>

namespace Haven::Test {

class FakeHttpServer final : public QObject
{
public:
    // Called once per complete request (head and Content-Length body) with the request line.
    using Responder = std::function<void(QTcpSocket *socket, const QByteArray &requestLine)>;

    explicit FakeHttpServer(Responder responder, QObject *parent = nullptr)
        : QObject(parent)
        , m_responder(std::move(responder))
    {
        m_server.listen(QHostAddress::LocalHost, 0);
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = m_server.nextPendingConnection()) {
                ++m_connections;
                socket->setParent(this);
                connect(socket, &QTcpSocket::readyRead, this, [this, socket] { readRequests(socket); });
                connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
                    m_buffers.remove(socket);
                    socket->deleteLater();
                });
            }
        });
    }

    QString url() const { return QStringLiteral("http://127.0.0.1:%1").arg(m_server.serverPort()); }
    int connections() const { return m_connections; }
    int requests() const { return m_requests; }

    static void answer(QTcpSocket *socket, int status, const QByteArray &contentType, const QByteArray &body)
    {
        socket->write("HTTP/1.1 " + QByteArray::number(status) + " X\r\nContent-Type: " + contentType
                      + "\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body);
    }

    // Sends head, then filler forever while the peer reads, never more than 1 MiB queued, so
    // only the client could grow without bound. bytesSent counts what went out.
    static void stream(QTcpSocket *socket, const QByteArray &head, qint64 *bytesSent)
    {
        socket->write(head);
        const bool chunked = head.contains("chunked");
        const QByteArray block(64 * 1024, 'x');
        const QByteArray chunk = chunked ? QByteArray::number(block.size(), 16) + "\r\n" + block + "\r\n" : block;
        const auto feed = [socket, chunk, bytesSent] {
            while (socket->state() == QAbstractSocket::ConnectedState && socket->bytesToWrite() < 1024 * 1024) {
                socket->write(chunk);
                *bytesSent += chunk.size();
            }
        };
        QObject::connect(socket, &QTcpSocket::bytesWritten, socket, feed);
        feed();
    }

private:
    void readRequests(QTcpSocket *socket)
    {
        QByteArray &buffer = m_buffers[socket];
        buffer += socket->readAll();
        for (;;) {
            const qsizetype end = buffer.indexOf("\r\n\r\n");
            if (end < 0)
                return;
            const QByteArray head = buffer.left(end);
            qsizetype length = 0;
            const QList<QByteArray> lines = head.split('\n');
            for (const QByteArray &line : lines) {
                if (line.toLower().startsWith("content-length:"))
                    length = line.mid(15).trimmed().toLongLong();
            }
            if (buffer.size() < end + 4 + length)
                return;
            buffer.remove(0, end + 4 + length);
            ++m_requests;
            m_responder(socket, lines.first().trimmed());
        }
    }

    QTcpServer m_server;
    Responder m_responder;
    QHash<QTcpSocket *, QByteArray> m_buffers;
    int m_connections = 0;
    int m_requests = 0;
};

// Resident memory of this process in KiB (Linux), 0 when unknown.
inline qint64 residentKiB()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return 0;
    const QList<QByteArray> lines = status.readAll().split('\n');
    for (const QByteArray &line : lines) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').first().toLongLong();
    }
    return 0;
}

} // namespace Haven::Test
