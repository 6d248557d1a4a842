// SPDX-License-Identifier: GPL-3.0-or-later
// Scheduled inspections at the agent (issue 11): 1,000 checks x 3 sites at a 1-minute schedule.
// Three real simulated agents each get one task of 1,000 catalog checks the simulated site
// answers itself; minute_seconds = 1 makes a schedule minute one second, so the run is
// accelerated 60 times. Prints per site: CPU while scheduling (and that figure divided by the
// acceleration, for a real 1-minute schedule), resident memory, and the cost of recording a result.
//   inspections [seconds=20]

#include "agentprocess.h"
#include "agenttest.h"
#include "benchsupport.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QThread>

#include <unistd.h>

using namespace Haven;
using namespace Haven::Bench;
using namespace Haven::Test;

namespace {

constexpr int Sites = 3;
constexpr int Checks = 1000;
constexpr int Acceleration = 60; // a schedule minute lasts one second

double processCpuSeconds(qint64 pid)
{
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return 0;
    const QList<QByteArray> fields = stat.readAll().split(')').last().trimmed().split(' ');
    // After the command: state is field 3, utime 14 and stime 15 (1-based), so 11 and 12 here.
    return double(fields.value(11).toLongLong() + fields.value(12).toLongLong()) / double(sysconf(_SC_CLK_TCK));
}

double residentMiB(qint64 pid)
{
    QFile status(QStringLiteral("/proc/%1/status").arg(pid));
    if (!status.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').first().toDouble() / 1024.0;
    }
    return 0;
}

double metric(const HttpClient &client, const QString &name)
{
    const QString page = QString::fromUtf8(client.get(QStringLiteral("/metrics")).body);
    double sum = 0;
    for (const QString &line : page.split(QLatin1Char('\n'))) {
        if (line.startsWith(name) && (line.at(name.size()) == u' ' || line.at(name.size()) == u'{'))
            sum += line.section(QLatin1Char(' '), -1).toDouble();
    }
    return sum;
}

QJsonObject task()
{
    static const QStringList kinds{QStringLiteral("disk_space"), QStringLiteral("memory_use"),
                                   QStringLiteral("load_average"), QStringLiteral("process_up")};
    QJsonArray checks;
    for (int i = 0; i < Checks; ++i)
        checks.append(QJsonObject{{QStringLiteral("id"), QStringLiteral("c%1").arg(i)},
                                  {QStringLiteral("kind"), QStringLiteral("catalog")},
                                  {QStringLiteral("catalog"), kinds.at(i % kinds.size())}});
    return {{QStringLiteral("id"), QStringLiteral("bench")},
            {QStringLiteral("schedule"), QJsonObject{{QStringLiteral("everyMinutes"), 1}}},
            {QStringLiteral("concurrency"), 16},
            {QStringLiteral("checks"), checks}};
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QTextStream out(stdout);
    const int seconds = argc > 1 ? QString::fromLocal8Bit(argv[1]).toInt() : 20;
    initCurl();
    QTemporaryDir root;
    std::vector<std::unique_ptr<AgentProcess>> agents;
    const QStringList sites{QStringLiteral("sha"), QStringLiteral("shb"), QStringLiteral("hzc")};
    for (int i = 0; i < Sites; ++i) {
        QDir(root.path()).mkdir(sites.at(i));
        auto agent = std::make_unique<AgentProcess>(root.filePath(sites.at(i)));
        AgentProcess::Options options;
        options.speed = 1;
        const QString profile = AgentProcess::demoProfile(sites.at(i));
        options.profile = QFile::exists(profile) ? profile : AgentProcess::demoProfile(QStringLiteral("sha"));
        options.maxBodyBytes = 4 * 1024 * 1024;
        options.extraIni = QStringLiteral("[inspections]\nminute_seconds = 1\n");
        if (!agent->start(options)) {
            out << "cannot start an agent: " << agent->output() << '\n';
            return 1;
        }
        agents.push_back(std::move(agent));
    }
    const QByteArray body = QJsonDocument(task()).toJson(QJsonDocument::Compact);
    QList<double> cpuBefore;
    for (const auto &agent : agents) {
        const HttpClient client(agent->url(), agent->token());
        const HttpResult put = client.request("PUT", QStringLiteral("/v1/inspection-tasks/bench"), body,
                                              {"Content-Type: application/json"});
        if (put.status != 200) {
            out << "PUT failed: " << put.status << ' ' << put.body << '\n';
            return 1;
        }
        cpuBefore.append(processCpuSeconds(agent->pid()));
    }
    QThread::sleep(uint(seconds));
    for (int i = 0; i < Sites; ++i) {
        const auto &agent = agents.at(size_t(i));
        const HttpClient client(agent->url(), agent->token());
        const double cpu = processCpuSeconds(agent->pid()) - cpuBefore.at(i);
        const double results = metric(client, QStringLiteral("haven_agent_inspection_results_total"));
        const double writeSeconds = metric(client, QStringLiteral("haven_agent_inspection_write_seconds_total"));
        const double runs = metric(client, QStringLiteral("haven_agent_inspection_runs_total"));
        const QString site = sites.at(i);
        printFigure(out, QStringLiteral("agent_cpu_percent_accelerated_%1").arg(site), 100.0 * cpu / seconds, "%");
        printFigure(out, QStringLiteral("agent_cpu_percent_at_1min_%1").arg(site), 100.0 * cpu / seconds / Acceleration,
                    "%");
        printFigure(out, QStringLiteral("agent_rss_%1").arg(site), residentMiB(agent->pid()), "MiB");
        printFigure(out, QStringLiteral("task_runs_recorded_%1").arg(site), runs, "runs");
        printFigure(out, QStringLiteral("result_write_cost_%1").arg(site),
                    results > 0 ? 1e6 * writeSeconds / results : 0, "us/result");
    }
    return 0;
}
