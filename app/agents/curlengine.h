// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QString>

#include <functional>
#include <memory>
#include <unordered_map>

class QSocketNotifier;
class QTimer;

namespace Haven {

// One HTTP request as the engine sends it. Everything a transfer needs is copied in.
struct CurlRequest
{
    QByteArray method = "GET";
    QString url;
    QList<QByteArray> headers; // "Name: value"
    QByteArray body;           // sent with Content-Length when the method is not GET
    int timeoutMs = 30'000;    // the whole transfer, connect included; 0 = no limit
    int connectTimeoutMs = 3'000;
    int lowSpeedSeconds = 10; // abort when under 1 byte/s for this long; 0 = off
    qint64 maxResponseBytes = 64 << 20;
    QString pin;    // "sha256//..." for CURLOPT_PINNEDPUBLICKEY
    QString caFile; // PEM bundle for CURLOPT_CAINFO
    // Agents speak TLS 1.3; a chat service on the internet may need 1.2 as its floor.
    bool tls13Minimum = true;
    // Empty: straight to the host, whatever http_proxy/https_proxy/ALL_PROXY say, so that an
    // inherited variable never routes tokens through a host nobody chose. Else "http://host:port".
    QString proxy;
};

struct CurlResponse
{
    int curlCode = 0;      // a CURLcode; 0 (CURLE_OK) when an HTTP answer arrived whole
    QString curlError;     // libcurl's own words when curlCode != 0
    bool tooLarge = false; // aborted because the body passed maxResponseBytes
    qint64 maxResponseBytes = 0;
    long httpStatus = 0; // 0 when no HTTP answer came
    QByteArray contentType;
    QByteArray body;
    long connectionsOpened = 0; // new connections this transfer needed (0 = reused one)
    double seconds = 0;
};

// libcurl's multi interface driven by the Qt event loop. One engine serves the whole
// console so that every request shares one connection cache. Completions are delivered
// through a queued call on the engine's thread, never from inside start().
class CurlEngine final : public QObject
{
    Q_OBJECT
public:
    using RequestId = quint64;
    using Done = std::function<void(const CurlResponse &)>;

    explicit CurlEngine(QObject *parent = nullptr);
    ~CurlEngine() override;

    // Starts the transfer; done is called exactly once unless cancel(id) comes first.
    RequestId start(const CurlRequest &request, Done done);
    // Stops the transfer (or drops its undelivered answer); its callback is never called.
    void cancel(RequestId id);
    // Transfers running or with an answer still to deliver.
    int pendingCount() const;
    // Sum of the new connections all finished transfers needed: shows connection reuse.
    qint64 connectionsOpened() const { return m_connectionsOpened; }

    static constexpr long MaxHostConnections = 6;

private:
    struct Transfer;
    struct Socket;
    struct Completed;
    friend struct CurlCallbacks; // libcurl's C callbacks, typed with curl's own types in the .cpp

    void updateSocket(qintptr socket, int what);
    void updateTimer(long timeoutMs);
    void socketAction(qintptr socket, int eventMask);
    void collectFinished();
    void finish(Transfer *transfer, int result);
    void deliver(RequestId id);
    void removeTransfer(std::unordered_map<RequestId, std::unique_ptr<Transfer>>::iterator it);

    void *m_multi = nullptr; // CURLM*, kept out of this header so users need no curl headers
    QTimer *m_timer = nullptr;
    std::unordered_map<qintptr, std::unique_ptr<Socket>> m_sockets;
    std::unordered_map<RequestId, std::unique_ptr<Transfer>> m_transfers;
    std::unordered_map<RequestId, std::unique_ptr<Completed>> m_completed;
    RequestId m_nextId = 1;
    qint64 m_connectionsOpened = 0;
};

} // namespace Haven
