// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "protocol/inspections.h"

#include <QObject>
#include <QSet>

class QTextStream;
class QTimer;

namespace Haven {

class ConsoleSession;
class InspectionService;

// `haven --headless inspect --task ID` runs a task now at every site it concerns, waits for the
// agents' runs and prints each report; `--rule ID` runs one rule now at the sites of its target.
// The exit code is the worst status, as monitoring systems expect (Nagios): 0 ok, 1 warning,
// 2 critical, 3 unknown (also: a site that did not answer in time); 64 for a usage error.
class HeadlessInspect final : public QObject
{
    Q_OBJECT
public:
    enum ExitCode { Ok = 0, Warning = 1, Critical = 2, Unknown = 3, UsageError = 64 };

    struct Options
    {
        QString taskId;
        QString ruleId;
        QString file;                // rules and tasks to import first (docs/inspection-format.md)
        int readyTimeoutMs = 30'000; // for the sites to answer first
        int runTimeoutMs = 300'000;  // for every run to be collected
    };

    HeadlessInspect(ConsoleSession &session, QTextStream &out, QObject *parent = nullptr);
    ~HeadlessInspect() override;

    // Call before the session follows its agents; finished(exitCode) follows from the event loop.
    void run(const Options &options);
    InspectionService &service() { return *m_service; }

Q_SIGNALS:
    void finished(int exitCode);

private:
    void sitesReady();
    void runTask();
    void runRule();
    void collected();
    void finish(int code, const QString &message = {});
    void note(InspectionStatus status);

    ConsoleSession &m_session;
    QTextStream &m_out;
    InspectionService *m_service;
    Options m_options;
    QTimer *m_readyTimer;
    QTimer *m_deadline;
    QDateTime m_requested;
    QSet<QString> m_waiting; // sites whose run has not arrived yet
    InspectionStatus m_worst = InspectionStatus::Ok;
    bool m_started = false;
    bool m_finished = false;
};

} // namespace Haven
