// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// One running drill. It injects the faults at their offsets (each with an idempotency key and
// the run's id), starts the rehearsed plan's execution when the first fault lands, checks the halt
// conditions on every feed change and on a timer, and on a trip or a stop sends every revert at
// once and pauses the execution. It measures RTO per product group from the feed and RPO per
// replication link at fault time, and writes the record on every change.

#include "models/drills/drillrunrecord.h"
#include "models/drills/haltcheck.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QSet>

class QTimer;

namespace Haven {

class DrillService;
struct Operator;

class DrillRunner final : public QObject
{
    Q_OBJECT
public:
    DrillRunner(DrillService &service, DrillRunRecord record, BlastRadius radius, QObject *parent = nullptr);
    ~DrillRunner() override;

    void start(const Operator &who);
    // Ends the run: every fault reverted, the execution paused. halted: by a halt condition.
    void halt(const QString &reason, bool byCondition, const QString &user = {});

    const DrillRunRecord &record() const { return m_record; }
    const BlastRadius &radius() const { return m_radius; }
    // The halt conditions' live values, in the drill's order.
    const QList<HaltReading> &readings() const { return m_readings; }
    qint64 elapsedMs() const;

Q_SIGNALS:
    void changed();
    void ended(Haven::DrillRunState state);

private:
    void inject(int index);
    void injected(int index, const FaultRecord &fault);
    void revert(int index);
    void evaluate();
    void measure(qint64 now);
    void pollFaults();
    void updateFault(int index, const FaultRecord &fault);
    void startPlan();
    void checkFinished();
    void finish(DrillRunState state, const QString &reason);
    void captureRpo();
    void judgeExpectations();
    void record(const QString &kind, const QString &text, const QString &user = {});
    void save();

    DrillService &m_service;
    DrillRunRecord m_record;
    BlastRadius m_radius;
    QList<HaltReading> m_readings;
    QList<DrillEvent> m_unsaved; // events not written yet
    QHash<int, qint64> m_sentMs; // fault index -> when its inject or revert request went out
    QSet<int> m_polling;         // faults whose state is being read
    QSet<QString> m_impacted;    // product groups seen served below their baseline since the fault
    QList<QTimer *> m_startTimers;
    QTimer *m_evaluateTimer;
    QTimer *m_pollTimer;
    QElapsedTimer m_clock;
    qint64 m_confirmDeadlineMs = 0;
    QString m_operator;
    bool m_finishing = false;
};

} // namespace Haven
