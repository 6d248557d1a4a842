// SPDX-License-Identifier: GPL-3.0-or-later
#include "httpserver.h"
#include "requestparser.h"

#include "protocol/protocol.h"

#include <QJsonDocument>
#include <QSslSocket>
#include <QTimer>

namespace Haven {

namespace {

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 100:
        return "Continue";
    case 200:
        return "OK";
    case 201:
        return "Created";
    case 202:
        return "Accepted";
    case 204:
        return "No Content";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 408:
        return "Request Timeout";
    case 409:
        return "Conflict";
    case 411:
        return "Length Required";
    case 413:
        return "Content Too Large";
    case 415:
        return "Unsupported Media Type";
    case 422:
        return "Unprocessable Content";
    case 431:
        return "Request Header Fields Too Large";
    case 500:
        return "Internal Server Error";
    case 501:
        return "Not Implemented";
    case 503:
        return "Service Unavailable";
    case 505:
        return "HTTP Version Not Supported";
    default:
        return "Status";
    }
}

} // namespace

HttpResponse HttpResponse::json(int status, const QJsonObject &object)
{
    HttpResponse response;
    response.status = status;
    response.body = QJsonDocument(object).toJson(QJsonDocument::Compact);
    return response;
}

HttpResponse HttpResponse::error(int status, const QString &code, const QString &message)
{
    return json(status, errorBody(code, message));
}

HttpResponse HttpResponse::text(int status, const QByteArray &contentType, const QByteArray &body)
{
    HttpResponse response;
    response.status = status;
    response.contentType = contentType;
    response.body = body;
    return response;
}

// One client connection: reads requests one at a time, answers them in order.
class HttpConnection final : public QObject
{
public:
    HttpConnection(HttpServer *server, QTcpSocket *socket)
        : QObject(server)
        , m_server(server)
        , m_socket(socket)
        , m_timer(new QTimer(this))
    {
        m_socket->setParent(this);
        m_timer->setSingleShot(true);
        connect(m_timer, &QTimer::timeout, this, &HttpConnection::onTimeout);
        connect(m_socket, &QTcpSocket::readyRead, this, &HttpConnection::onReadyRead);
        connect(m_socket, &QTcpSocket::disconnected, this, &HttpConnection::close);
        connect(m_socket, &QAbstractSocket::errorOccurred, this, [this](QAbstractSocket::SocketError error) {
            if (error != QAbstractSocket::RemoteHostClosedError || m_state != State::Handling)
                close();
        });
        // The first request must arrive whole within the request timeout, handshake included.
        m_timer->start(m_server->limits().requestTimeoutMs);
    }

    void respond(quint64 serial, const HttpResponse &response)
    {
        if (serial != m_serial || m_state != State::Handling)
            return;
        write(response);
        Q_EMIT m_server->requestFinished(response.status);
        if (m_closeAfterResponse) {
            finish();
            return;
        }
        m_state = State::Headers;
        m_timer->start(m_server->limits().idleTimeoutMs);
        if (!m_buffer.isEmpty() || m_socket->bytesAvailable() > 0)
            QTimer::singleShot(0, this, &HttpConnection::onReadyRead);
    }

    bool isPending(quint64 serial) const { return serial == m_serial && m_state == State::Handling; }

    void close()
    {
        if (m_state == State::Closed)
            return;
        m_state = State::Closed;
        m_timer->stop();
        m_socket->abort();
        m_server->forget(this);
        deleteLater();
    }

private:
    enum class State { Headers, Body, Handling, Closed };

    void onReadyRead()
    {
        if (m_state == State::Closed)
            return;
        const qint64 limit = m_server->limits().maxHeaderBytes + m_server->limits().maxBodyBytes + 1;
        m_buffer += m_socket->read(std::max<qint64>(0, limit - m_buffer.size()));
        if (m_state == State::Handling)
            return; // the next request waits until this one is answered
        if (m_state == State::Headers && !m_buffer.isEmpty() && !m_requestTimerRunning) {
            m_requestTimerRunning = true;
            m_timer->start(m_server->limits().requestTimeoutMs);
        }
        if (m_state == State::Headers && !parseHeaders())
            return;
        if (m_state == State::Body) {
            if (m_buffer.size() < m_contentLength)
                return;
            m_request.body = m_buffer.left(m_contentLength);
            m_buffer.remove(0, m_contentLength);
            m_state = State::Handling;
            m_timer->start(m_server->limits().holdLimitMs);
            m_requestTimerRunning = false;
            ++m_serial;
            m_server->dispatch(m_request, HttpResponder(this, m_serial));
        }
    }

    // Returns true when the headers are complete and valid (state moves to Body).
    bool parseHeaders()
    {
        const qsizetype end = findRequestHeadEnd(m_buffer);
        if (end < 0) {
            if (hasBareLineFeed(m_buffer))
                reject(400, QStringLiteral("bad_request"),
                       QStringLiteral("a line ends with a bare LF; HTTP needs CRLF"));
            else if (m_buffer.size() > m_server->limits().maxHeaderBytes)
                reject(431, QStringLiteral("header_too_large"),
                       QStringLiteral("request headers exceed %1 bytes").arg(m_server->limits().maxHeaderBytes));
            return false;
        }
        auto parsed = parseRequestHead(QByteArrayView(m_buffer).first(end), m_server->limits());
        m_buffer.remove(0, end + 4);
        if (auto *error = std::get_if<RequestError>(&parsed)) {
            reject(error->status, error->code, error->message);
            return false;
        }
        RequestHead &head = std::get<RequestHead>(parsed);
        m_request = std::move(head.request);
        m_request.peer = m_socket->peerAddress();
        m_closeAfterResponse = head.closeAfterResponse;
        m_contentLength = head.contentLength;
        if (head.expectContinue)
            m_socket->write("HTTP/1.1 100 Continue\r\n\r\n");
        m_state = State::Body;
        return true;
    }

    void reject(int status, const QString &code, const QString &message)
    {
        m_closeAfterResponse = true;
        m_state = State::Handling;
        ++m_serial;
        respond(m_serial, HttpResponse::error(status, code, message));
    }

    void write(const HttpResponse &response)
    {
        QByteArray head = "HTTP/1.1 " + QByteArray::number(response.status) + ' ' + reasonPhrase(response.status)
                          + "\r\nContent-Type: " + response.contentType + "\r\nContent-Length: "
                          + QByteArray::number(response.body.size()) + "\r\nCache-Control: no-store"
                          + (m_closeAfterResponse ? "\r\nConnection: close" : "\r\nConnection: keep-alive");
        for (const auto &[name, value] : response.headers)
            head += "\r\n" + name + ": " + value;
        head += "\r\n\r\n";
        m_socket->write(head + response.body);
    }

    void finish()
    {
        m_state = State::Closed;
        m_timer->stop();
        m_server->forget(this);
        if (m_socket->bytesToWrite() == 0 && m_socket->state() != QAbstractSocket::ConnectedState) {
            deleteLater();
            return;
        }
        // Let the answer leave before the socket goes; abort if the client never reads it.
        connect(m_socket, &QTcpSocket::disconnected, this, &QObject::deleteLater);
        QTimer::singleShot(5000, this, &QObject::deleteLater);
        m_socket->disconnectFromHost();
    }

    void onTimeout()
    {
        switch (m_state) {
        case State::Headers:
            if (!m_requestTimerRunning && m_buffer.isEmpty() && m_serial > 0) {
                close(); // idle keep-alive connection
                return;
            }
            [[fallthrough]];
        case State::Body:
            reject(408, QStringLiteral("request_timeout"),
                   QStringLiteral("the request did not arrive within %1 ms").arg(m_server->limits().requestTimeoutMs));
            return;
        case State::Handling: // nobody answered within the hold limit
        case State::Closed:
            close();
            return;
        }
    }

    HttpServer *m_server;
    QTcpSocket *m_socket;
    QTimer *m_timer;
    QByteArray m_buffer;
    HttpRequest m_request;
    qint64 m_contentLength = 0;
    quint64 m_serial = 0;
    State m_state = State::Headers;
    bool m_closeAfterResponse = false;
    bool m_requestTimerRunning = false;
};

HttpResponder::HttpResponder(HttpConnection *connection, quint64 serial)
    : m_connection(connection)
    , m_serial(serial)
{ }

void HttpResponder::respond(const HttpResponse &response) const
{
    if (m_connection)
        m_connection->respond(m_serial, response);
}

bool HttpResponder::isPending() const
{
    return m_connection && m_connection->isPending(m_serial);
}

void HttpResponder::drop() const
{
    if (isPending())
        m_connection->close();
}

HttpServer::HttpServer(HttpLimits limits, QObject *parent)
    : QTcpServer(parent)
    , m_limits(limits)
{
    // Qt pauses accepting after an accept() error (no descriptors left): try again shortly
    // instead of staying deaf while the process looks alive.
    connect(this, &QTcpServer::acceptError, this,
            [this] { QTimer::singleShot(1000, this, &QTcpServer::resumeAccepting); });
}

HttpServer::~HttpServer()
{
    const QList<HttpConnection *> connections = m_connections;
    for (HttpConnection *connection : connections)
        connection->close();
}

void HttpServer::setTls(const QList<QSslCertificate> &chain, const QSslKey &key)
{
    m_chain = chain;
    m_certificate = chain.value(0);
    m_key = key;
}

void HttpServer::incomingConnection(qintptr descriptor)
{
    QTcpSocket *socket = nullptr;
    if (tlsEnabled()) {
        auto *tls = new QSslSocket;
        tls->setLocalCertificateChain(m_chain);
        tls->setPrivateKey(m_key);
        tls->setPeerVerifyMode(QSslSocket::VerifyNone); // clients authenticate with a token
        socket = tls;
    } else {
        socket = new QTcpSocket;
    }
    if (!socket->setSocketDescriptor(descriptor)) {
        delete socket;
        return;
    }
    if (m_connections.size() >= m_limits.maxConnections) {
        // Over the limit: refuse at once (no answer could be written on a TLS socket yet).
        socket->abort();
        socket->deleteLater();
        return;
    }
    auto *connection = new HttpConnection(this, socket);
    m_connections.append(connection);
    if (auto *tls = qobject_cast<QSslSocket *>(socket)) {
        connect(tls, &QSslSocket::sslErrors, connection, &HttpConnection::close);
        tls->startServerEncryption();
    }
}

void HttpServer::dispatch(const HttpRequest &request, const HttpResponder &responder)
{
    if (m_handler)
        m_handler(request, responder);
    else
        responder.respond(HttpResponse::error(503, QStringLiteral("unavailable"), QStringLiteral("no handler")));
}

void HttpServer::forget(HttpConnection *connection)
{
    m_connections.removeOne(connection);
}

} // namespace Haven
