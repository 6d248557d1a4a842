// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// One run of a drill as the console keeps it: the design it ran, its faults and their state at
// the agents, what was measured (RTO per product group, RPO per replication link), the verdicts
// and the events in order. Written to the local store on every change, so a console that was
// killed finds it again (and marks it interrupted).

#include "blastradius.h"
#include "drill.h"

#include <QJsonObject>

#include <optional>

namespace Haven {

enum class DrillRunState {
    Running,     // faults being injected or in effect
    Halting,     // a halt condition tripped or a person stopped it: reverting every fault
    Halted,      // ended by a halt condition
    Stopped,     // ended by a person or a kill switch
    Completed,   // every fault ended on its own and the rehearsed plan settled
    Interrupted, // the console stopped while it ran; the faults' true state is read from the agents
    Failed       // nothing could be injected
};
QString toString(DrillRunState state);
std::optional<DrillRunState> drillRunStateFromString(QStringView text);
bool isFinal(DrillRunState state);

struct InjectedFault
{
    ResolvedFault fault;
    QString key;     // the idempotency key sent with it
    QString faultId; // empty until the agent answered
    std::optional<FaultState> state;
    QString message; // the agent's endReason, or why the injection failed
    qint64 injectedMs = 0;
    qint64 expiresMs = 0;
    qint64 endedMs = 0;
    bool revertRequested = false;
    bool revertConfirmed = false; // the agent checked that the fault's effect is gone
    int remainingSeconds = 0;     // to the deadline, as the agent last said

    bool ended() const;
};

struct GroupRto
{
    QString group;
    double baselineShare = 0; // what the fleet served before the fault
    qint64 measuredMs = -1;   // fault → served again; -1 while not measured
};

struct LinkRpo
{
    QString linkId;
    QString fromSite;
    QString toSite;
    double seconds = 0; // the data written at the failed end and not applied at the other, as time
};

struct Expectation
{
    QString text; // "sha payments fails", "shb database stays healthy"
    bool held = false;
};

struct DrillEvent
{
    qint64 timeMs = 0;
    QString kind; // start, inject, fault, plan, halt, revert, stop, end, interrupted, measure
    QString text;
    QString user; // who did it, for people's commands
};

struct DrillRunRecord
{
    QString id;
    Drill drill;
    DrillRunState state = DrillRunState::Running;
    QString startedBy;
    qint64 startedMs = 0;
    qint64 firstFaultMs = 0;  // the first fault landed
    qint64 haltTrippedMs = 0; // a halt condition became true (or STOP was pressed)
    qint64 revertedMs = 0;    // every fault's revert was accepted by its agent
    qint64 endedMs = 0;
    QString reason; // why it ended (halt reason, who stopped it, ...)
    QString executionId;
    QList<InjectedFault> faults;
    QList<GroupRto> rto;
    QList<LinkRpo> rpo;
    QStringList componentsSeenFailing; // "site/component", for the expected outcome
    QList<Expectation> expectations;   // judged when the run ends
    QJsonObject preflight;             // the blast radius and checks as shown before the start
    QList<DrillEvent> events;

    // Measured against the drill's objectives; nullopt when there is no objective or measure.
    std::optional<bool> rtoMet() const;
    std::optional<bool> rpoMet() const;
    qint64 worstRtoMs() const; // -1 when nothing was measured
    double worstRpoSeconds() const;

    QJsonObject toJson() const; // without events (they have their own rows)
    static std::optional<DrillRunRecord> fromJson(const QJsonObject &json, QString *error);
};

} // namespace Haven
