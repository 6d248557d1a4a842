// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QHostAddress>
#include <QJsonObject>
#include <QPointer>
#include <QSslCertificate>
#include <QSslKey>
#include <QTcpServer>
#include <QUrlQuery>

#include <functional>

class QTcpSocket;
class QTimer;

namespace Haven {

class HttpConnection;

struct HttpRequest
{
    QByteArray method;
    QString path; // percent-decoded, without the query
    QUrlQuery query;
    QHash<QByteArray, QByteArray> headers; // names in lower case
    QByteArray body;
    QHostAddress peer;

    QByteArray header(const QByteArray &lowerCaseName) const { return headers.value(lowerCaseName); }
};

struct HttpResponse
{
    int status = 200;
    QByteArray contentType = "application/json";
    QByteArray body;
    QList<std::pair<QByteArray, QByteArray>> headers;

    HttpResponse &addHeader(const QByteArray &name, const QByteArray &value)
    {
        headers.append(std::make_pair(name, value));
        return *this;
    }

    static HttpResponse json(int status, const QJsonObject &object);
    static HttpResponse error(int status, const QString &code, const QString &message);
    static HttpResponse text(int status, const QByteArray &contentType, const QByteArray &body);
};

// A handle to answer one request, now or later (long-poll). Cheap to copy; answering a
// request whose client has gone is a no-op. Dropping every copy without answering keeps
// the connection open and silent until the server's hold limit closes it.
class HttpResponder final
{
public:
    HttpResponder() = default;
    void respond(const HttpResponse &response) const;
    bool isPending() const;
    // Closes the connection without an answer, as a site that went away would.
    void drop() const;

private:
    friend class HttpConnection;
    HttpResponder(HttpConnection *connection, quint64 serial);

    QPointer<HttpConnection> m_connection;
    quint64 m_serial = 0;
};

struct HttpLimits
{
    qint64 maxHeaderBytes = 16 * 1024;
    qint64 maxBodyBytes = 1024 * 1024;
    int requestTimeoutMs = 10'000; // from the first byte (or the connection) to a whole request
    int idleTimeoutMs = 60'000;    // a kept-alive connection with nothing to do
    int holdLimitMs = 3'900'000;   // a request nobody answers; above the longest inspection (1 h)
    int maxConnections = 1024;
};

// HTTP/1.1 over TCP or TLS with keep-alive, Content-Length bodies only, and strict limits.
// Every malformed or oversized request gets a JSON error in the agent's one error shape.
class HttpServer final : public QTcpServer
{
    Q_OBJECT
public:
    using Handler = std::function<void(const HttpRequest &, const HttpResponder &)>;

    explicit HttpServer(HttpLimits limits, QObject *parent = nullptr);
    ~HttpServer() override;

    void setHandler(Handler handler) { m_handler = std::move(handler); }
    // The agent's certificate first, then any intermediates up to the private CA.
    void setTls(const QList<QSslCertificate> &chain, const QSslKey &key);
    bool tlsEnabled() const { return !m_certificate.isNull(); }
    const HttpLimits &limits() const { return m_limits; }
    int connectionCount() const { return int(m_connections.size()); }

Q_SIGNALS:
    void requestFinished(int status);

protected:
    void incomingConnection(qintptr descriptor) override;

private:
    friend class HttpConnection;
    void dispatch(const HttpRequest &request, const HttpResponder &responder);
    void forget(HttpConnection *connection);

    HttpLimits m_limits;
    Handler m_handler;
    QSslCertificate m_certificate;
    QList<QSslCertificate> m_chain;
    QSslKey m_key;
    QList<HttpConnection *> m_connections;
};

} // namespace Haven
