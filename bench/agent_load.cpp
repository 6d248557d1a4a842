// SPDX-License-Identifier: GPL-3.0-or-later
// Requests per second one client gets from a real haven-agent on loopback.
// Prints "figure_name value unit" lines; not run by ctest.

#include "agentprocess.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTextStream>

#include <curl/curl.h>

#include <algorithm>
#include <cstdio>

using Haven::Test::AgentProcess;

namespace {

size_t discard(char *, size_t size, size_t count, void *body)
{
    static_cast<QByteArray *>(body)->append(static_cast<qsizetype>(size * count), ' ');
    return size * count;
}

// One easy handle, reused, so the connection is kept alive as a console's would be.
class Client
{
public:
    Client(const AgentProcess &agent, bool tls)
        : m_curl(curl_easy_init())
        , m_base(agent.url().toUtf8())
        , m_pin(agent.pin().toUtf8())
    {
        const QByteArray authorization = "Authorization: Bearer " + agent.token();
        m_headers = curl_slist_append(m_headers, authorization.constData());
        m_headers = curl_slist_append(m_headers, "Content-Type: application/json");
        m_headers = curl_slist_append(m_headers, "Expect:");
        curl_easy_setopt(m_curl, CURLOPT_HTTPHEADER, m_headers);
        curl_easy_setopt(m_curl, CURLOPT_NOSIGNAL, 1L);
        curl_easy_setopt(m_curl, CURLOPT_TIMEOUT_MS, 10000L);
        curl_easy_setopt(m_curl, CURLOPT_WRITEFUNCTION, discard);
        curl_easy_setopt(m_curl, CURLOPT_WRITEDATA, &m_body);
        if (tls) {
            curl_easy_setopt(m_curl, CURLOPT_PINNEDPUBLICKEY, m_pin.constData());
            curl_easy_setopt(m_curl, CURLOPT_SSL_VERIFYPEER, 0L);
            curl_easy_setopt(m_curl, CURLOPT_SSL_VERIFYHOST, 0L);
        }
    }
    ~Client()
    {
        curl_slist_free_all(m_headers);
        curl_easy_cleanup(m_curl);
    }

    // Returns the HTTP status, 0 on a transport failure. bytes: the body's size.
    long request(const QByteArray &path, const QByteArray &postBody = {}, qsizetype *bytes = nullptr)
    {
        const QByteArray url = m_base + path;
        m_body.clear();
        curl_easy_setopt(m_curl, CURLOPT_URL, url.constData());
        if (postBody.isNull()) {
            curl_easy_setopt(m_curl, CURLOPT_HTTPGET, 1L);
        } else {
            curl_easy_setopt(m_curl, CURLOPT_POSTFIELDS, postBody.constData());
            curl_easy_setopt(m_curl, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(postBody.size()));
        }
        long status = 0;
        if (curl_easy_perform(m_curl) == CURLE_OK)
            curl_easy_getinfo(m_curl, CURLINFO_RESPONSE_CODE, &status);
        if (bytes)
            *bytes = m_body.size();
        return status;
    }

private:
    CURL *m_curl;
    curl_slist *m_headers = nullptr;
    QByteArray m_base;
    QByteArray m_pin;
    QByteArray m_body;
};

struct Run
{
    int requests = 0;
    int failures = 0;
    double seconds = 0;
    QList<double> latenciesMs;

    double perSecond() const { return seconds > 0 ? requests / seconds : 0; }
    double percentile(double p)
    {
        if (latenciesMs.isEmpty())
            return 0;
        std::sort(latenciesMs.begin(), latenciesMs.end());
        return latenciesMs.at(std::min<qsizetype>(latenciesMs.size() - 1, qsizetype(p * latenciesMs.size())));
    }
};

template<typename Request>
Run measure(double seconds, Request request)
{
    Run run;
    QElapsedTimer total;
    total.start();
    while (total.elapsed() < seconds * 1000) {
        QElapsedTimer one;
        one.start();
        const long status = request(run.requests);
        run.latenciesMs.append(one.nsecsElapsed() / 1e6);
        ++run.requests;
        if (status < 200 || status >= 300)
            ++run.failures;
    }
    run.seconds = total.nsecsElapsed() / 1e9;
    return run;
}

void print(QTextStream &out, const QString &name, double value, const QString &unit)
{
    out << name << ' ' << QString::number(value, 'f', value < 10 ? 2 : 0) << ' ' << unit << '\n' << Qt::flush;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Requests per second one client gets from haven-agent."));
    parser.addHelpOption();
    parser.addOption({QStringLiteral("seconds"), QStringLiteral("Seconds per measurement."), QStringLiteral("s"),
                      QStringLiteral("5")});
    parser.process(app);
    const double seconds = std::max(0.5, parser.value(QStringLiteral("seconds")).toDouble());
    QTextStream out(stdout);
    curl_global_init(CURL_GLOBAL_DEFAULT);

    for (const bool tls : {false, true}) {
        QTemporaryDir dir;
        AgentProcess agent(dir.path());
        AgentProcess::Options options;
        options.tls = tls;
        options.speed = 1;
        if (!agent.start(options)) {
            fprintf(stderr, "agent_load: the agent did not start\n");
            return 1;
        }
        Client client(agent, tls);
        const QString suffix = tls ? QStringLiteral("_tls") : QStringLiteral("_http");

        qsizetype topologyBytes = 0;
        client.request("/v1/topology", {}, &topologyBytes);
        Run reads = measure(seconds, [&](int) { return client.request("/v1/topology"); });
        print(out, QStringLiteral("topology_reads_per_second") + suffix, reads.perSecond(), QStringLiteral("req/s"));
        print(out, QStringLiteral("topology_read_median") + suffix, reads.percentile(0.5), QStringLiteral("ms"));
        print(out, QStringLiteral("topology_read_p99") + suffix, reads.percentile(0.99), QStringLiteral("ms"));
        print(out, QStringLiteral("topology_body") + suffix, topologyBytes / 1024.0, QStringLiteral("KiB"));

        Run feed = measure(seconds, [&](int) { return client.request("/v1/topology/changes?since=0&epoch=x"); });
        print(out, QStringLiteral("full_change_reads_per_second") + suffix, feed.perSecond(), QStringLiteral("req/s"));

        Run starts = measure(seconds, [&](int i) {
            const QJsonObject body{{QStringLiteral("operation"), QStringLiteral("wait.seconds")},
                                   {QStringLiteral("parameters"), QJsonObject{{QStringLiteral("seconds"), 1}}},
                                   {QStringLiteral("idempotencyKey"), QStringLiteral("bench-%1%2").arg(suffix).arg(i)}};
            return client.request("/v1/actions", QJsonDocument(body).toJson(QJsonDocument::Compact));
        });
        print(out, QStringLiteral("action_starts_per_second") + suffix, starts.perSecond(), QStringLiteral("req/s"));
        print(out, QStringLiteral("action_start_median") + suffix, starts.percentile(0.5), QStringLiteral("ms"));
        print(out, QStringLiteral("action_start_p99") + suffix, starts.percentile(0.99), QStringLiteral("ms"));
        print(out, QStringLiteral("failed_requests") + suffix, reads.failures + feed.failures + starts.failures,
              QStringLiteral("count"));
        agent.stop();
    }
    curl_global_cleanup();
    return 0;
}
