// SPDX-License-Identifier: GPL-3.0-or-later
#include "httpclient.h"

#include <QJsonDocument>

#include <curl/curl.h>

namespace Haven::Test {

namespace {

size_t collect(char *data, size_t size, size_t count, void *target)
{
    static_cast<QByteArray *>(target)->append(data, qsizetype(size * count));
    return size * count;
}

} // namespace

QJsonObject HttpResult::json() const
{
    return QJsonDocument::fromJson(body).object();
}

QString HttpResult::errorCode() const
{
    return json().value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString();
}

HttpClient::HttpClient(QString baseUrl, QByteArray token)
    : m_baseUrl(std::move(baseUrl))
    , m_token(std::move(token))
{ }

HttpResult HttpClient::get(const QString &path) const
{
    return request("GET", path, {});
}

HttpResult HttpClient::post(const QString &path, const QJsonObject &body) const
{
    return request("POST", path, QJsonDocument(body).toJson(QJsonDocument::Compact), {"Content-Type: application/json"});
}

HttpResult HttpClient::request(const QByteArray &method, const QString &path, const QByteArray &body,
                               const QList<QByteArray> &headers) const
{
    HttpResult result;
    CURL *curl = curl_easy_init();
    const QByteArray url = (m_baseUrl + path).toUtf8();
    curl_slist *list = nullptr;
    if (!m_token.isEmpty()) {
        const QByteArray authorization = "Authorization: Bearer " + m_token;
        list = curl_slist_append(list, authorization.constData());
    }
    for (const QByteArray &header : headers)
        list = curl_slist_append(list, header.constData());
    list = curl_slist_append(list, "Expect:");
    curl_easy_setopt(curl, CURLOPT_URL, url.constData());
    curl_easy_setopt(curl, CURLOPT_CUSTOMREQUEST, method.constData());
    curl_easy_setopt(curl, CURLOPT_HTTPHEADER, list);
    curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, m_timeoutMs);
    curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, collect);
    curl_easy_setopt(curl, CURLOPT_WRITEDATA, &result.body);
    curl_easy_setopt(curl, CURLOPT_HEADERFUNCTION, collect);
    curl_easy_setopt(curl, CURLOPT_HEADERDATA, &result.headers);
    if (method == "POST" || !body.isEmpty()) {
        curl_easy_setopt(curl, CURLOPT_POSTFIELDS, body.constData());
        curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(body.size()));
    }
    if (method == "GET" && body.isEmpty())
        curl_easy_setopt(curl, CURLOPT_HTTPGET, 1L);
    const QByteArray pin = m_pin.toUtf8();
    const QByteArray caFile = m_caFile.toUtf8();
    if (!caFile.isEmpty())
        curl_easy_setopt(curl, CURLOPT_CAINFO, caFile.constData());
    if (!pin.isEmpty())
        curl_easy_setopt(curl, CURLOPT_PINNEDPUBLICKEY, pin.constData());
    if (!pin.isEmpty() && caFile.isEmpty()) {
        // Trust comes from the pin alone: the chain is self-signed, the key is what matters.
        curl_easy_setopt(curl, CURLOPT_SSL_VERIFYPEER, 0L);
        curl_easy_setopt(curl, CURLOPT_SSL_VERIFYHOST, 0L);
    }
    char error[CURL_ERROR_SIZE] = {};
    curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, error);
    result.curlCode = curl_easy_perform(curl);
    if (result.curlCode != CURLE_OK)
        result.error = QString::fromUtf8(error[0] ? error : curl_easy_strerror(CURLcode(result.curlCode)));
    curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &result.status);
    curl_easy_getinfo(curl, CURLINFO_TOTAL_TIME, &result.seconds);
    curl_slist_free_all(list);
    curl_easy_cleanup(curl);
    return result;
}

} // namespace Haven::Test
