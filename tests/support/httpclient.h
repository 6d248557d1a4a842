// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace Haven::Test {

struct HttpResult
{
    long status = 0;  // 0 when no HTTP answer came
    int curlCode = 0; // CURLE_OK, CURLE_OPERATION_TIMEDOUT, ...
    QString error;    // curl's message when curlCode != 0
    QByteArray body;
    QByteArray headers;
    double seconds = 0;

    QJsonObject json() const;
    QString errorCode() const; // error.code of the agent's error shape
};

// A blocking libcurl client for tests only (the console's client is asynchronous).
class HttpClient final
{
public:
    HttpClient(QString baseUrl, QByteArray token = {});

    void setToken(const QByteArray &token) { m_token = token; }
    void setPin(const QString &pin) { m_pin = pin; }
    void setCaFile(const QString &caFile) { m_caFile = caFile; }
    void setTimeoutMs(long timeoutMs) { m_timeoutMs = timeoutMs; }

    HttpResult get(const QString &path) const;
    HttpResult post(const QString &path, const QJsonObject &body) const;
    HttpResult request(const QByteArray &method, const QString &path, const QByteArray &body,
                       const QList<QByteArray> &headers = {}) const;

private:
    QString m_baseUrl;
    QByteArray m_token;
    QString m_pin;
    QString m_caFile;
    long m_timeoutMs = 10'000;
};

} // namespace Haven::Test
