// SPDX-License-Identifier: GPL-3.0-or-later
#include "curlengine.h"

#include <QLoggingCategory>
#include <QSocketNotifier>
#include <QTimer>

#include <curl/curl.h>

#include <climits>
#include <mutex>

Q_LOGGING_CATEGORY(lcCurl, "haven.curl", QtWarningMsg)

namespace Haven {

namespace {

CURLM *multiOf(void *multi)
{
    return static_cast<CURLM *>(multi);
}

void initCurlOnce()
{
    static std::once_flag once;
    std::call_once(once, [] {
        if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK)
            qCCritical(lcCurl, "curl_global_init failed: no agent can be reached");
    });
}

} // namespace

struct CurlEngine::Transfer
{
    RequestId id = 0;
    CURL *easy = nullptr;
    bool attached = false; // added to the multi handle and not yet removed
    Done done;
    // libcurl keeps pointers to these until the transfer ends.
    QByteArray url;
    QByteArray method;
    QByteArray body;
    QByteArray pin;
    QByteArray caFile;
    QByteArray proxy; // "" disables the environment's proxies; kept alive for libcurl
    curl_slist *headers = nullptr;
    char errorBuffer[CURL_ERROR_SIZE] = {};

    QByteArray received;
    qint64 maxResponseBytes = 0;
    bool tooLarge = false;

    ~Transfer()
    {
        if (easy)
            curl_easy_cleanup(easy);
        curl_slist_free_all(headers);
    }
};

struct CurlEngine::Socket
{
    std::unique_ptr<QSocketNotifier> read;
    std::unique_ptr<QSocketNotifier> write;
};

struct CurlEngine::Completed
{
    Done done;
    CurlResponse response;
};

// libcurl's callbacks with libcurl's own types. They only touch notifiers, the timer and
// the transfer's buffer: calling back into libcurl from here is not allowed.
struct CurlCallbacks
{
    static int socket(CURL *, curl_socket_t socket, int what, void *engine, void *)
    {
        static_cast<CurlEngine *>(engine)->updateSocket(qintptr(socket), what);
        return 0;
    }

    static int timer(CURLM *, long timeoutMs, void *engine)
    {
        static_cast<CurlEngine *>(engine)->updateTimer(timeoutMs);
        return 0;
    }

    static size_t write(char *data, size_t size, size_t count, void *transferData)
    {
        auto *transfer = static_cast<CurlEngine::Transfer *>(transferData);
        const size_t bytes = size * count;
        if (transfer->received.size() + qint64(bytes) > transfer->maxResponseBytes) {
            transfer->tooLarge = true;
            return 0; // anything but bytes aborts the transfer with CURLE_WRITE_ERROR
        }
        transfer->received.append(data, qsizetype(bytes));
        return bytes;
    }
};

CurlEngine::CurlEngine(QObject *parent)
    : QObject(parent)
    , m_timer(new QTimer(this))
{
    initCurlOnce();
    m_timer->setSingleShot(true);
    connect(m_timer, &QTimer::timeout, this, [this] { socketAction(CURL_SOCKET_TIMEOUT, 0); });

    m_multi = curl_multi_init();
    CURLM *multi = multiOf(m_multi);
    curl_multi_setopt(multi, CURLMOPT_SOCKETFUNCTION, &CurlCallbacks::socket);
    curl_multi_setopt(multi, CURLMOPT_SOCKETDATA, this);
    curl_multi_setopt(multi, CURLMOPT_TIMERFUNCTION, &CurlCallbacks::timer);
    curl_multi_setopt(multi, CURLMOPT_TIMERDATA, this);
    // A few parallel connections per agent; further requests queue inside libcurl and reuse
    // them, so 200 requests to one site do not open 200 connections.
    curl_multi_setopt(multi, CURLMOPT_MAX_HOST_CONNECTIONS, MaxHostConnections);
    // The cache keeps idle connections of every site (a long-poll and a few calls each): with
    // fewer than the fleet's sites, each poll of 1,000 sites opened most connections anew.
    curl_multi_setopt(multi, CURLMOPT_MAXCONNECTS, 4096L);
}

CurlEngine::~CurlEngine()
{
    CURLM *multi = multiOf(m_multi);
    for (auto &[id, transfer] : m_transfers) {
        if (transfer->attached)
            curl_multi_remove_handle(multi, transfer->easy);
        transfer->attached = false;
    }
    m_transfers.clear();
    m_completed.clear();
    // Closing cached connections calls the socket and timer callbacks: the engine, its
    // timer and its notifiers must still exist here.
    curl_multi_cleanup(multi);
    m_multi = nullptr;
    m_sockets.clear();
}

CurlEngine::RequestId CurlEngine::start(const CurlRequest &request, Done done)
{
    auto transfer = std::make_unique<Transfer>();
    const RequestId id = m_nextId++;
    transfer->id = id;
    transfer->done = std::move(done);
    transfer->url = request.url.toUtf8();
    transfer->method = request.method;
    transfer->body = request.body;
    transfer->pin = request.pin.toUtf8();
    transfer->caFile = request.caFile.toUtf8();
    transfer->proxy = request.proxy.toUtf8();
    transfer->maxResponseBytes = std::max<qint64>(0, request.maxResponseBytes);
    transfer->easy = curl_easy_init();

    CURL *easy = transfer->easy;
    bool ok = easy != nullptr;
    if (ok) {
        curl_easy_setopt(easy, CURLOPT_URL, transfer->url.constData());
        curl_easy_setopt(easy, CURLOPT_PRIVATE, transfer.get());
        curl_easy_setopt(easy, CURLOPT_ERRORBUFFER, transfer->errorBuffer);
        curl_easy_setopt(easy, CURLOPT_NOSIGNAL, 1L);
        curl_easy_setopt(easy, CURLOPT_PROTOCOLS_STR, "http,https");
        curl_easy_setopt(easy, CURLOPT_FOLLOWLOCATION, 0L);
        curl_easy_setopt(easy, CURLOPT_WRITEFUNCTION, &CurlCallbacks::write);
        curl_easy_setopt(easy, CURLOPT_WRITEDATA, transfer.get());
        curl_easy_setopt(easy, CURLOPT_CONNECTTIMEOUT_MS, long(std::max(0, request.connectTimeoutMs)));
        curl_easy_setopt(easy, CURLOPT_TIMEOUT_MS, long(std::max(0, request.timeoutMs)));
        if (request.lowSpeedSeconds > 0) {
            curl_easy_setopt(easy, CURLOPT_LOW_SPEED_LIMIT, 1L);
            curl_easy_setopt(easy, CURLOPT_LOW_SPEED_TIME, long(request.lowSpeedSeconds));
        }
        // A declared Content-Length above the cap fails before any byte is stored; the write
        // callback catches bodies that do not declare their size.
        curl_easy_setopt(easy, CURLOPT_MAXFILESIZE_LARGE, curl_off_t(transfer->maxResponseBytes));
        curl_easy_setopt(easy, CURLOPT_TCP_KEEPALIVE, 1L);
        // The agent drops idle connections after 60 s; do not reuse one it may be closing.
        curl_easy_setopt(easy, CURLOPT_MAXAGE_CONN, 50L);

        // An empty string (not a null pointer) is what stops libcurl reading the proxy variables.
        curl_easy_setopt(easy, CURLOPT_PROXY, transfer->proxy.constData());
        curl_easy_setopt(easy, CURLOPT_SSLVERSION,
                         request.tls13Minimum ? CURL_SSLVERSION_TLSv1_3 : CURL_SSLVERSION_TLSv1_2);
        curl_easy_setopt(easy, CURLOPT_SSL_VERIFYPEER, 1L);
        curl_easy_setopt(easy, CURLOPT_SSL_VERIFYHOST, 2L);
        if (!transfer->caFile.isEmpty())
            curl_easy_setopt(easy, CURLOPT_CAINFO, transfer->caFile.constData());
        if (!transfer->pin.isEmpty()) {
            curl_easy_setopt(easy, CURLOPT_PINNEDPUBLICKEY, transfer->pin.constData());
            if (transfer->caFile.isEmpty()) {
                // Agents use self-signed certificates: no chain or host name can be verified,
                // so trust comes from the pinned key alone, which libcurl checks on every
                // handshake whether or not the peer is verified.
                curl_easy_setopt(easy, CURLOPT_SSL_VERIFYPEER, 0L);
                curl_easy_setopt(easy, CURLOPT_SSL_VERIFYHOST, 0L);
            }
        }

        for (const QByteArray &header : request.headers)
            transfer->headers = curl_slist_append(transfer->headers, header.constData());
        // No "Expect: 100-continue" round trip for small JSON bodies.
        transfer->headers = curl_slist_append(transfer->headers, "Expect:");
        curl_easy_setopt(easy, CURLOPT_HTTPHEADER, transfer->headers);

        if (transfer->method == "GET") {
            curl_easy_setopt(easy, CURLOPT_HTTPGET, 1L);
        } else {
            if (transfer->method != "POST")
                curl_easy_setopt(easy, CURLOPT_CUSTOMREQUEST, transfer->method.constData());
            curl_easy_setopt(easy, CURLOPT_POSTFIELDS, transfer->body.constData());
            curl_easy_setopt(easy, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(transfer->body.size()));
        }
        ok = curl_multi_add_handle(multiOf(m_multi), easy) == CURLM_OK;
    }
    if (!ok) {
        auto completed = std::make_unique<Completed>();
        completed->done = std::move(transfer->done);
        completed->response.curlCode = CURLE_FAILED_INIT;
        completed->response.curlError = QStringLiteral("libcurl could not set up the transfer");
        m_completed.emplace(id, std::move(completed));
        QMetaObject::invokeMethod(
            this, [this, id] { deliver(id); }, Qt::QueuedConnection);
        return id;
    }
    transfer->attached = true;
    m_transfers.emplace(id, std::move(transfer));
    return id;
}

void CurlEngine::cancel(RequestId id)
{
    if (const auto it = m_transfers.find(id); it != m_transfers.end())
        removeTransfer(it);
    m_completed.erase(id);
}

int CurlEngine::pendingCount() const
{
    return int(m_transfers.size() + m_completed.size());
}

void CurlEngine::removeTransfer(std::unordered_map<RequestId, std::unique_ptr<Transfer>>::iterator it)
{
    Transfer &transfer = *it->second;
    if (transfer.attached)
        curl_multi_remove_handle(multiOf(m_multi), transfer.easy);
    transfer.attached = false;
    m_transfers.erase(it);
}

void CurlEngine::updateSocket(qintptr socket, int what)
{
    if (what == CURL_POLL_REMOVE) {
        // At once, not deleteLater(): libcurl may hand out the same descriptor number for a new
        // connection before the event loop runs again. Unknown sockets are fine.
        m_sockets.erase(socket);
        return;
    }
    std::unique_ptr<Socket> &entry = m_sockets[socket];
    if (!entry)
        entry = std::make_unique<Socket>();
    const auto ensure = [this, socket](std::unique_ptr<QSocketNotifier> &notifier, QSocketNotifier::Type type,
                                       bool wanted, int eventMask) {
        if (!wanted) {
            if (notifier)
                notifier->setEnabled(false);
            return;
        }
        if (!notifier) {
            notifier = std::make_unique<QSocketNotifier>(socket, type, this);
            connect(notifier.get(), &QSocketNotifier::activated, this,
                    [this, eventMask](QSocketDescriptor descriptor) { socketAction(qintptr(descriptor), eventMask); });
        }
        notifier->setEnabled(true);
    };
    ensure(entry->read, QSocketNotifier::Read, what & CURL_POLL_IN, CURL_CSELECT_IN);
    ensure(entry->write, QSocketNotifier::Write, what & CURL_POLL_OUT, CURL_CSELECT_OUT);
}

void CurlEngine::updateTimer(long timeoutMs)
{
    if (timeoutMs < 0)
        m_timer->stop();
    else
        m_timer->start(int(std::min<long>(timeoutMs, INT_MAX)));
}

void CurlEngine::socketAction(qintptr socket, int eventMask)
{
    int running = 0;
    const CURLMcode code = curl_multi_socket_action(multiOf(m_multi), curl_socket_t(socket), eventMask, &running);
    if (code != CURLM_OK)
        qCWarning(lcCurl, "curl_multi_socket_action: %s", curl_multi_strerror(code));
    collectFinished();
}

void CurlEngine::collectFinished()
{
    CURLM *multi = multiOf(m_multi);
    int left = 0;
    while (CURLMsg *message = curl_multi_info_read(multi, &left)) {
        if (message->msg != CURLMSG_DONE)
            continue;
        // The message belongs to the handle: read it before removing the handle.
        CURL *easy = message->easy_handle;
        const CURLcode result = message->data.result;
        char *data = nullptr;
        curl_easy_getinfo(easy, CURLINFO_PRIVATE, &data);
        auto *transfer = reinterpret_cast<Transfer *>(data);
        curl_multi_remove_handle(multi, easy);
        if (transfer) {
            transfer->attached = false;
            finish(transfer, result);
        }
    }
}

void CurlEngine::finish(Transfer *transfer, int result)
{
    const auto it = m_transfers.find(transfer->id);
    if (it == m_transfers.end() || it->second.get() != transfer)
        return;
    auto completed = std::make_unique<Completed>();
    completed->done = std::move(transfer->done);
    CurlResponse &response = completed->response;
    CURL *easy = transfer->easy;
    response.curlCode = result;
    response.maxResponseBytes = transfer->maxResponseBytes;
    response.tooLarge = transfer->tooLarge || result == CURLE_FILESIZE_EXCEEDED;
    if (result != CURLE_OK)
        response.curlError = QString::fromUtf8(transfer->errorBuffer[0] ? transfer->errorBuffer
                                                                        : curl_easy_strerror(CURLcode(result)));
    curl_easy_getinfo(easy, CURLINFO_RESPONSE_CODE, &response.httpStatus);
    const char *contentType = nullptr;
    if (curl_easy_getinfo(easy, CURLINFO_CONTENT_TYPE, &contentType) == CURLE_OK && contentType)
        response.contentType = contentType;
    curl_easy_getinfo(easy, CURLINFO_NUM_CONNECTS, &response.connectionsOpened);
    curl_easy_getinfo(easy, CURLINFO_TOTAL_TIME, &response.seconds);
    response.body = std::move(transfer->received);
    m_connectionsOpened += response.connectionsOpened;

    const RequestId id = transfer->id;
    m_transfers.erase(it);
    m_completed.emplace(id, std::move(completed));
    // Queued: the owner may start, cancel or destroy things in its callback, which must not
    // happen inside curl_multi_socket_action.
    QMetaObject::invokeMethod(
        this, [this, id] { deliver(id); }, Qt::QueuedConnection);
}

void CurlEngine::deliver(RequestId id)
{
    const auto it = m_completed.find(id);
    if (it == m_completed.end())
        return; // cancelled meanwhile
    const std::unique_ptr<Completed> completed = std::move(it->second);
    m_completed.erase(it);
    if (completed->done)
        completed->done(completed->response);
}

} // namespace Haven
