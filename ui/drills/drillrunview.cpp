// SPDX-License-Identifier: GPL-3.0-or-later
#include "drillrunview.h"

#include "drillreport.h"
#include "drilltable.h"

#include "app/drills/drillrunner.h"
#include "app/drills/drillservice.h"
#include "app/executions/executionengine.h"
#include "widgets/common/statuscolors.h"
#include "widgets/executions/executiongraph.h"
#include "widgets/executions/executiontimeline.h"

#include <QDateTime>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QSplitter>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>

namespace Haven {

namespace {

ComponentStatus look(DrillRunState state)
{
    switch (state) {
    case DrillRunState::Running:
        return ComponentStatus::Warning;
    case DrillRunState::Halting:
    case DrillRunState::Halted:
        return ComponentStatus::Critical;
    case DrillRunState::Completed:
        return ComponentStatus::Ok;
    case DrillRunState::Stopped:
        return ComponentStatus::Warning;
    case DrillRunState::Interrupted:
    case DrillRunState::Failed:
        return ComponentStatus::Down;
    }
    return ComponentStatus::Unknown;
}

ComponentStatus look(const std::optional<FaultState> &state)
{
    if (!state)
        return ComponentStatus::Unknown;
    switch (*state) {
    case FaultState::Injecting:
    case FaultState::Active:
    case FaultState::Reverting:
        return ComponentStatus::Warning;
    case FaultState::Expired:
    case FaultState::Reverted:
        return ComponentStatus::Ok;
    case FaultState::Failed:
    case FaultState::RevertFailed:
        return ComponentStatus::Critical;
    case FaultState::Orphaned:
        return ComponentStatus::Down;
    }
    return ComponentStatus::Unknown;
}

QString clockText(qint64 ms)
{
    const qint64 seconds = std::max<qint64>(0, ms / 1000);
    return QStringLiteral("%1:%2").arg(seconds / 60, 2, 10, QLatin1Char('0')).arg(seconds % 60, 2, 10, QLatin1Char('0'));
}

void setCell(QTableWidget *table, int row, int column, const QString &text, const StatusStyle *style = nullptr)
{
    auto *item = new QTableWidgetItem(style ? style->symbol + QLatin1Char(' ') + text : text);
    if (style) {
        item->setBackground(style->fill);
        item->setForeground(style->text);
    }
    table->setItem(row, column, item);
}

} // namespace

DrillRunView::DrillRunView(DrillService &drills, ExecutionEngine &executions, Mode mode, QWidget *parent)
    : QWidget(parent)
    , m_drills(drills)
    , m_executions(executions)
    , m_mode(mode)
    , m_title(new QLabel(tr("No drill is running.")))
    , m_state(new QLabel)
    , m_clock(new QLabel(QStringLiteral("00:00")))
    , m_measures(new QLabel)
    , m_stop(new QPushButton(tr("STOP")))
    , m_faults(drillTable({tr("Fault"), tr("Site"), tr("Target"), tr("State"), tr("Time left")}, false))
    , m_halts(drillTable({tr("Halt condition"), tr("Live value"), tr("Status")}, false))
    , m_events(new QListWidget)
    , m_graph(new ExecutionGraph)
    , m_timeline(new ExecutionTimeline)
    , m_clockTimer(new QTimer(this))
{
    const double scale = mode == Mode::Wall ? 2.0 : 1.0;
    QFont big = font();
    big.setPointSizeF(big.pointSizeF() * 2.2 * scale);
    big.setBold(true);
    m_title->setFont(big);
    m_state->setFont(big);
    m_state->setMargin(6);
    QFont clockFont = big;
    clockFont.setPointSizeF(big.pointSizeF() * 1.6);
    clockFont.setFamily(QStringLiteral("DejaVu Sans Mono"));
    m_clock->setFont(clockFont);
    m_stop->setFont(big);
    m_stop->setMinimumSize(QSize(180, 72));
    m_stop->setStyleSheet(QStringLiteral("QPushButton { background: #c62828; color: white; border-radius: 8px; }"
                                         "QPushButton:disabled { background: #9e9e9e; color: #eeeeee; }"));
    m_stop->setToolTip(tr("Revert every fault of this drill now and pause the rehearsed plan."));
    m_stop->setVisible(mode == Mode::Console);
    connect(m_stop, &QPushButton::clicked, this, &DrillRunView::stop);
    m_graph->setWallMode(mode == Mode::Wall);
    m_timeline->setStartedRowsOnly(mode == Mode::Wall);
    if (mode == Mode::Wall) {
        QFont tableFont = font();
        tableFont.setPointSizeF(tableFont.pointSizeF() * 1.8);
        m_faults->setFont(tableFont);
        m_halts->setFont(tableFont);
        m_measures->setFont(tableFont);
    }

    auto *header = new QHBoxLayout;
    auto *titles = new QVBoxLayout;
    titles->addWidget(m_title);
    titles->addWidget(m_state);
    header->addLayout(titles, 1);
    header->addWidget(m_clock);
    header->addSpacing(24);
    header->addWidget(m_stop);

    auto *left = new QSplitter(Qt::Vertical);
    left->addWidget(m_faults);
    left->addWidget(m_halts);
    if (mode == Mode::Console)
        left->addWidget(m_events);
    auto *right = new QSplitter(Qt::Vertical);
    right->addWidget(m_graph);
    right->addWidget(m_timeline);
    auto *body = new QSplitter(Qt::Horizontal);
    body->addWidget(left);
    body->addWidget(right);
    body->setStretchFactor(0, 3);
    body->setStretchFactor(1, 2);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(header);
    layout->addWidget(m_measures);
    layout->addWidget(body, 1);
    m_measures->setWordWrap(true);

    connect(&drills, &DrillService::runChanged, this, [this](const QString &id) {
        if (id == m_runId)
            refresh();
    });
    connect(&executions, &ExecutionEngine::executionChanged, this, [this] { m_timeline->update(); });
    connect(&executions, &ExecutionEngine::stepChanged, m_graph,
            [this](const QString &, StepId step) { m_graph->updateStep(step); });
    m_clockTimer->setInterval(1000);
    connect(m_clockTimer, &QTimer::timeout, this, &DrillRunView::refreshClock);
    m_clockTimer->start();
    refresh();
}

DrillRunView::~DrillRunView() = default;

void DrillRunView::showRun(const QString &runId)
{
    m_runId = runId;
    refresh();
}

void DrillRunView::refresh()
{
    const DrillRunRecord *live = m_drills.run(m_runId);
    if (live)
        return fill(*live);
    if (const std::optional<DrillRunRecord> stored = m_runId.isEmpty() ? std::nullopt : m_drills.storedRun(m_runId))
        return fill(*stored);
    m_title->setText(tr("No drill is running."));
    m_state->clear();
    m_stop->setEnabled(false);
}

void DrillRunView::fill(const DrillRunRecord &run)
{
    const ColorScheme scheme = StatusColors::schemeFor(palette());
    m_title->setText(run.drill.name);
    const StatusStyle runStyle = StatusColors::style(look(run.state), scheme);
    m_state->setText(runStyle.symbol + QLatin1Char(' ') + DrillReport::stateText(run.state)
                     + (isFinal(run.state) && !run.reason.isEmpty() ? QStringLiteral(" — ") + run.reason : QString()));
    m_state->setWordWrap(true);
    m_state->setStyleSheet(QStringLiteral("background: %1; color: %2; border-radius: 6px;")
                               .arg(runStyle.fill.name(), runStyle.text.name()));
    m_stop->setEnabled(run.state == DrillRunState::Running);

    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    m_faults->setRowCount(int(run.faults.size()));
    for (int row = 0; row < run.faults.size(); ++row) {
        const InjectedFault &fault = run.faults.at(row);
        const StatusStyle style = StatusColors::style(look(fault.state), scheme);
        setCell(m_faults, row, 0, toString(fault.fault.kind));
        setCell(m_faults, row, 1, fault.fault.site);
        setCell(m_faults, row, 2, fault.fault.target.isEmpty() ? tr("whole site") : fault.fault.target);
        QString state = fault.state ? toString(*fault.state)
                                    : tr("waiting (starts at +%1 s)").arg(fault.fault.startSecond);
        if (fault.state == FaultState::Orphaned)
            state = tr("ORPHANED: may still be in effect");
        else if (fault.ended() && !fault.revertConfirmed && fault.state != FaultState::Failed)
            state += tr(" (revert not confirmed)");
        setCell(m_faults, row, 3, state, &style);
        const qint64 left = fault.expiresMs > 0 && !fault.ended() ? (fault.expiresMs - now) : -1;
        setCell(m_faults, row, 4, left >= 0 ? clockText(left) : QStringLiteral("—"));
    }

    const DrillRunner *runner = m_drills.runner(run.id);
    m_halts->setRowCount(int(run.drill.haltConditions.size()));
    for (int row = 0; row < run.drill.haltConditions.size(); ++row) {
        const HaltCondition &condition = run.drill.haltConditions.at(row);
        QString what = toString(condition.kind);
        if (!condition.subject.isEmpty())
            what += QLatin1Char(' ') + condition.subject;
        if (!condition.site.isEmpty())
            what += tr(" at %1").arg(condition.site);
        if (condition.kind != HaltKind::Signal && condition.kind != HaltKind::ComponentStatus)
            what += tr(" (bound %1)").arg(condition.bound);
        setCell(m_halts, row, 0, what);
        if (runner && row < runner->readings().size() && !isFinal(run.state)) {
            const HaltReading &reading = runner->readings().at(row);
            const StatusStyle style = StatusColors::style(reading.tripped ? ComponentStatus::Critical
                                                          : reading.known ? ComponentStatus::Ok
                                                                          : ComponentStatus::Unknown,
                                                          scheme);
            setCell(m_halts, row, 1, reading.value);
            setCell(m_halts, row, 2,
                    reading.tripped ? tr("TRIPPED")
                    : reading.known ? tr("healthy")
                                    : tr("no data"),
                    &style);
        } else {
            setCell(m_halts, row, 1, QStringLiteral("—"));
            setCell(m_halts, row, 2, tr("not watched"));
        }
    }

    QStringList measures;
    for (const GroupRto &group : run.rto)
        measures.append(group.measuredMs >= 0
                            ? tr("RTO %1: %2 s").arg(group.group).arg(group.measuredMs / 1000.0, 0, 'f', 1)
                            : tr("RTO %1: not served again yet").arg(group.group));
    if (!run.rpo.isEmpty())
        measures.append(
            tr("RPO (worst of %n link(s)): %1 s", nullptr, int(run.rpo.size())).arg(run.worstRpoSeconds(), 0, 'f', 1));
    if (run.drill.objectives.rtoSeconds > 0)
        measures.append(tr("RTO objective %1 s: %2")
                            .arg(run.drill.objectives.rtoSeconds)
                            .arg(DrillReport::verdictText(run.rtoMet())));
    if (run.drill.objectives.rpoSeconds > 0)
        measures.append(tr("RPO objective %1 s: %2")
                            .arg(run.drill.objectives.rpoSeconds)
                            .arg(DrillReport::verdictText(run.rpoMet())));
    m_measures->setText(measures.join(QStringLiteral("   ·   ")));

    if (m_events->count() != run.events.size()) {
        m_events->clear();
        for (const DrillEvent &event : run.events)
            m_events->addItem(QDateTime::fromMSecsSinceEpoch(event.timeMs).toString(QStringLiteral("HH:mm:ss.zzz  "))
                              + event.text
                              + (event.user.isEmpty() ? QString() : QStringLiteral("  (%1)").arg(event.user)));
        m_events->scrollToBottom();
    }
    const Execution *execution = run.executionId.isEmpty() ? nullptr : m_executions.execution(run.executionId);
    if (m_graph->execution() != execution) {
        m_graph->setExecution(execution);
        m_timeline->setExecution(execution);
    }
    m_graph->setVisible(execution);
    m_timeline->setVisible(execution);
    const qint64 end = run.endedMs > 0 ? run.endedMs : now;
    m_clock->setText(clockText(end - run.startedMs) + QStringLiteral(" / ")
                     + clockText(run.drill.plannedSeconds() * 1000LL));
}

void DrillRunView::refreshClock()
{
    // The clock, the time left and the halt conditions' live values move every second.
    const DrillRunRecord *live = m_drills.run(m_runId);
    if (live && !isFinal(live->state))
        refresh();
}

void DrillRunView::stop()
{
    bool ok = false;
    const QString reason = QInputDialog::getText(this, tr("Stop the drill"),
                                                 tr("Why? (recorded in the drill's report and the audit log)"),
                                                 QLineEdit::Normal, tr("stopped from the console"), &ok);
    if (ok)
        m_drills.stop(m_runId, Operator::current(), reason);
}

} // namespace Haven
