// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Inspection wire types of protocol v1 (docs/agent-protocol.md, "Inspections"): a check as the
// agent runs it, a task that groups checks under a schedule, and the record of one task run.
// Shared by the agent, which runs them, and the console, which edits and reports them.

#include <QDateTime>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QMap>
#include <QString>
#include <QTime>

#include <optional>

namespace Haven {

enum class InspectionKind { Catalog, Script, Http, HttpSteps };
// Nagios plugin convention: the exit code of a script is the status.
enum class InspectionStatus { Ok = 0, Warning = 1, Critical = 2, Unknown = 3 };
enum class InspectionSeverity { Warning, Critical };
enum class InspectionHardState { Ok, SoftProblem, HardProblem };
enum class InspectionTrigger { Schedule, Manual };

QString toString(InspectionKind kind);
QString toString(InspectionStatus status);
QString toString(InspectionSeverity severity);
QString toString(InspectionHardState state);
QString toString(InspectionTrigger trigger);
std::optional<InspectionKind> inspectionKindFromString(QStringView text);
std::optional<InspectionStatus> inspectionStatusFromString(QStringView text);
std::optional<InspectionSeverity> inspectionSeverityFromString(QStringView text);
std::optional<InspectionHardState> inspectionHardStateFromString(QStringView text);
std::optional<InspectionTrigger> inspectionTriggerFromString(QStringView text);

// 0 ok, 1 warning, 2 critical; anything else (3, a crash, 127) is unknown.
InspectionStatus inspectionStatusFromExitCode(int exitCode);
InspectionStatus toStatus(InspectionSeverity severity);
// The worse of two statuses: critical > warning > unknown > ok.
InspectionStatus worse(InspectionStatus a, InspectionStatus b);

// Ids of checks and tasks: 1 to 64 of [A-Za-z0-9._-], so they are safe in paths and file names.
bool isInspectionId(const QString &id);

// "$.data.items[0].state": a JSON path of member names and array indexes; nullopt when the
// path does not lead anywhere in document, or *error when the path itself is not well formed.
std::optional<QJsonValue> jsonPathValue(const QJsonValue &document, const QString &path, QString *error = nullptr);

struct ProbeRequest
{
    QString url; // may hold ${name} and ${secret:NAME} references
    QString method = QStringLiteral("GET");
    QMap<QString, QString> headers;
    QString body;

    QJsonObject toJson() const;
};

// A value taken from one step's answer for the steps that follow: ${name}.
struct ProbeExtract
{
    QString name;
    QString from; // "json" (a JSON path), "regex" (group 1, else the whole match), "header", "cookie"
    QString path; // the JSON path, the pattern, the header or the cookie name

    QJsonObject toJson() const;
};

struct JsonCondition
{
    QString path;
    QString op; // == != < <= > >= contains
    QJsonValue value;

    QJsonObject toJson() const;
};

// Every condition given must hold; an empty set checks the status only (200 to 399).
struct ProbeConditions
{
    QList<int> status; // empty: any of 200..399
    QString bodyContains;
    QString bodyRegex;
    QList<JsonCondition> json;
    std::optional<int> maxResponseMs;
    std::optional<int> minCertificateDays; // https only

    QJsonObject toJson() const;
};

struct ProbeStep
{
    ProbeRequest request;
    QList<ProbeExtract> extract;
    ProbeConditions conditions;

    QJsonObject toJson() const;
};

// One check as the agent runs it (docs/inspections.md).
struct InspectionCheck
{
    static constexpr int MaxTimeoutSeconds = 3600;
    static constexpr int MaxSteps = 10;

    QString id;
    QString name;
    InspectionKind kind = InspectionKind::Catalog;
    QString target; // free text (site, group, layer, component or host id), echoed in results
    InspectionSeverity severity = InspectionSeverity::Critical;
    int timeoutSeconds = 30;
    // catalog
    QString catalog;
    QJsonObject parameters;
    // script: free-form text, refused unless the agent's configuration allows it
    QString interpreter; // "shell" or "python"
    QString script;
    // http (one step) and http-steps; cookies are kept from one step to the next
    QList<ProbeStep> steps;
    bool insecureTls = false;
    QString caFile; // a PEM file on the agent's host

    QJsonObject toJson() const;
    // Checks every field; *error names the first bad one ("checks[2].steps[0].request.url: ...").
    static std::optional<InspectionCheck> fromJson(const QJsonObject &json, QString *error, const QString &path = {});
};

struct InspectionCheckResult
{
    QString checkId;
    QString target;
    InspectionStatus status = InspectionStatus::Unknown;
    InspectionHardState hardState = InspectionHardState::Ok;
    bool flapping = false;
    QString summary;      // one line for lists and reports
    QJsonObject evidence; // what the check measured (a script's JSON line, the HTTP details)
    QString output;       // what a person reads to check the status: output, HTTP exchange; capped
    qint64 durationMs = 0;

    QJsonObject toJson() const;
    static std::optional<InspectionCheckResult> fromJson(const QJsonObject &json, QString *error,
                                                         const QString &path = {});
};

// Either every N minutes (from the task's arrival, aligned to the minute) or a 5-field cron
// expression in the agent's local time.
struct InspectionSchedule
{
    int everyMinutes = 0;
    QString cron;

    // The first time after `after` that the schedule fires.
    QDateTime nextAfter(const QDateTime &after) const;
    QJsonObject toJson() const;
    static std::optional<InspectionSchedule> fromJson(const QJsonObject &json, QString *error, const QString &path = {});
};

// Local time of day; from > to spans midnight ("22:00" to "06:00").
struct InspectionWindow
{
    QTime from;
    QTime to;

    bool contains(const QTime &time) const;
    QJsonObject toJson() const;
    static std::optional<InspectionWindow> fromJson(const QJsonObject &json, QString *error, const QString &path = {});
};

struct InspectionTask
{
    static constexpr int MaxChecks = 2000;

    QString id;
    QString name;
    qint64 revision = 1;
    QList<InspectionCheck> checks;
    InspectionSchedule schedule;
    std::optional<InspectionWindow> window;
    int concurrency = 4;        // 1..16 checks of this task at once
    int softFailures = 3;       // consecutive problems before a problem is hard
    int recoveries = 1;         // consecutive ok results before a hard problem clears
    double flapThreshold = 0.3; // share of state changes over the last 21 results
    bool enabled = true;

    QJsonObject toJson() const;
    static std::optional<InspectionTask> fromJson(const QJsonObject &json, QString *error);
};

struct InspectionRunRecord
{
    QString runId;
    QString taskId;
    qint64 taskRevision = 0;
    quint64 sequence = 0; // grows by one per run recorded at this agent, never reused
    QDateTime started;
    QDateTime finished; // null while the run goes on
    InspectionTrigger trigger = InspectionTrigger::Schedule;
    QList<InspectionCheckResult> results;

    QJsonObject toJson() const;
    static std::optional<InspectionRunRecord> fromJson(const QJsonObject &json, QString *error,
                                                       const QString &path = {});
};

} // namespace Haven
