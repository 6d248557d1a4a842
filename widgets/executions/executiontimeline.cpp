// SPDX-License-Identifier: GPL-3.0-or-later
#include "executiontimeline.h"

#include "editing/plans/plandocument.h"
#include "executiontext.h"
#include "widgets/common/statuscolors.h"

#include <QDateTime>
#include <QEvent>
#include <QFontInfo>
#include <QTimer>
#include <QVBoxLayout>

#include "widgets/common/qcustomplotinclude.h"

#include <algorithm>

namespace Haven {

namespace {

constexpr double BarHalfHeight = 0.32;
constexpr double X = 60.0; // the x axis is in seconds (a time ticker labels it m:ss); bars are kept in minutes
constexpr int MaxLabelLength = 32;

double minutesBetween(qint64 fromMs, qint64 toMs)
{
    return double(toMs - fromMs) / 60000.0;
}

// The steps that get a row, top to bottom: phase by phase, then as they stand on the canvas
// (left to right, top to bottom), which is close to the order they run in.
bool hasStarted(const StepRun &run)
{
    return run.firstStartMs > 0 || run.state == StepRunState::AwaitingApproval || run.state == StepRunState::Waiting
           || run.state == StepRunState::Skipped || run.state == StepRunState::Cancelled
           || run.state == StepRunState::Failed;
}

QList<StepId> rowOrder(const Execution &execution, bool startedOnly)
{
    QList<StepId> rows;
    for (PlanPhase phase : phasesOf(execution.plan().metadata.kind)) {
        // The recovery gets its rows once it has begun: until then they would only be empty.
        if (phase == PlanPhase::Recovery && execution.phase() != PlanPhase::Recovery)
            break;
        QList<const PlanStep *> steps = execution.plan().stepsOf(phase);
        std::stable_sort(steps.begin(), steps.end(), [](const PlanStep *a, const PlanStep *b) {
            if (a->position.x() != b->position.x())
                return a->position.x() < b->position.x();
            return a->position.y() < b->position.y();
        });
        for (const PlanStep *step : steps) {
            const StepRun *run = execution.stepRun(step->id);
            if (run && run->state != StepRunState::NotSelected && (!startedOnly || hasStarted(*run)))
                rows.append(step->id);
        }
    }
    return rows;
}

struct Span
{
    qint64 start = 0;
    qint64 end = 0;
};

Span spanOf(const QList<SiteRun> &sites, int attempt)
{
    Span span;
    for (const SiteRun &site : sites) {
        if (attempt > 0 && site.attempt != attempt)
            continue;
        if (site.dispatchedMs > 0 && (span.start == 0 || site.dispatchedMs < span.start))
            span.start = site.dispatchedMs;
        span.end = std::max({span.end, site.finishedMs, site.dispatchedMs});
    }
    return span;
}

} // namespace

struct ExecutionTimeline::Plot
{
    QCustomPlot *widget = nullptr;
    QSharedPointer<QCPAxisTickerText> rowTicker;
    QList<QCPItemRect *> rects;
    QList<QCPItemText *> labels;
    QCPItemStraightLine *objective = nullptr;
    QCPItemText *objectiveText = nullptr;
    QCPItemStraightLine *switchoverEnd = nullptr;
    QCPItemText *switchoverEndText = nullptr;
    QCPItemStraightLine *now = nullptr;
    QCPItemStraightLine *phaseLine = nullptr;
    QCPItemText *phaseText = nullptr;
    QCPItemText *empty = nullptr;
    double objectiveMinutes = 0;
    double switchoverEndMinutes = 0;
};

ExecutionTimeline::ExecutionTimeline(QWidget *parent)
    : QWidget(parent)
    , m_plot(std::make_unique<Plot>())
    , m_now([] { return QDateTime::currentMSecsSinceEpoch(); })
    , m_timer(new QTimer(this))
    , m_soon(new QTimer(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    QCustomPlot *plot = new QCustomPlot(this);
    m_plot->widget = plot;
    plot->setMinimumHeight(120);
    plot->setInteraction(QCP::iRangeDrag, false);
    m_plot->rowTicker = QSharedPointer<QCPAxisTickerText>::create();
    plot->yAxis->setTicker(m_plot->rowTicker);
    plot->yAxis->setRangeReversed(true);
    plot->yAxis->setSubTicks(false);
    plot->yAxis->grid()->setVisible(false);
    auto ticker = QSharedPointer<QCPAxisTickerTime>::create();
    ticker->setTimeFormat(QStringLiteral("%m:%s"));
    ticker->setTickCount(8);
    plot->xAxis->setTicker(ticker);
    plot->xAxis->setLabel(tr("time since the start (min:s)"));
    plot->legend->setVisible(false);

    m_plot->objective = new QCPItemStraightLine(plot);
    m_plot->objectiveText = new QCPItemText(plot);
    m_plot->switchoverEnd = new QCPItemStraightLine(plot);
    m_plot->switchoverEndText = new QCPItemText(plot);
    for (QCPItemText *text : {m_plot->objectiveText, m_plot->switchoverEndText}) {
        text->position->setTypeX(QCPItemPosition::ptPlotCoords);
        text->position->setTypeY(QCPItemPosition::ptAxisRectRatio);
        text->setClipToAxisRect(true);
        text->setPadding(QMargins(4, 2, 4, 2));
    }
    m_plot->now = new QCPItemStraightLine(plot);
    m_plot->phaseLine = new QCPItemStraightLine(plot);
    m_plot->phaseText = new QCPItemText(plot);
    m_plot->phaseText->position->setTypeX(QCPItemPosition::ptAxisRectRatio);
    m_plot->phaseText->position->setTypeY(QCPItemPosition::ptPlotCoords);
    m_plot->phaseText->setPositionAlignment(Qt::AlignRight | Qt::AlignTop);
    m_plot->phaseText->setText(PlanText::phase(PlanPhase::Recovery));
    m_plot->empty = new QCPItemText(plot);
    m_plot->empty->position->setType(QCPItemPosition::ptAxisRectRatio);
    m_plot->empty->position->setCoords(0.5, 0.5);
    layout->addWidget(plot, 1);

    m_timer->setInterval(1000);
    connect(m_timer, &QTimer::timeout, this, [this] {
        // Only a run in progress moves; a hidden plot catches up in showEvent.
        if (isVisible() && m_execution && m_execution->startedMs() != 0 && !isFinal(m_execution->state()))
            refresh();
    });
    m_timer->start();
    m_soon->setSingleShot(true);
    m_soon->setInterval(150);
    connect(m_soon, &QTimer::timeout, this, &ExecutionTimeline::refresh);

    applyColors();
    refresh();
}

ExecutionTimeline::~ExecutionTimeline() = default;

void ExecutionTimeline::setExecution(const Execution *execution)
{
    m_execution = execution;
    refresh();
}

void ExecutionTimeline::setStartedRowsOnly(bool startedOnly)
{
    m_startedRowsOnly = startedOnly;
    refresh();
}

void ExecutionTimeline::setClock(std::function<qint64()> now)
{
    m_now = std::move(now);
    refresh();
}

double ExecutionTimeline::objectiveMinutes() const
{
    return m_plot->objectiveMinutes;
}

double ExecutionTimeline::switchoverEndMinutes() const
{
    return m_plot->switchoverEndMinutes;
}

double ExecutionTimeline::axisMaximumMinutes() const
{
    return m_plot->widget->xAxis->range().upper / X;
}

QSize ExecutionTimeline::sizeHint() const
{
    const int line = fontMetrics().height();
    return {line * 40, line * 14};
}

QSize ExecutionTimeline::minimumSizeHint() const
{
    const int line = fontMetrics().height();
    return {line * 16, line * 7};
}

void ExecutionTimeline::updateStep(StepId step)
{
    Q_UNUSED(step);
    scheduleRefresh();
}

void ExecutionTimeline::updateExecution()
{
    scheduleRefresh();
}

void ExecutionTimeline::scheduleRefresh()
{
    if (!m_soon->isActive())
        m_soon->start();
}

void ExecutionTimeline::refresh()
{
    ++m_refreshes;
    m_soon->stop();
    QCustomPlot *plot = m_plot->widget;
    const ColorScheme scheme = StatusColors::schemeFor(palette());
    const qint64 now = m_now();
    m_bars.clear();
    m_rowLabels.clear();
    m_rowSteps.clear();

    const Execution *execution = m_execution;
    const qint64 started = execution ? execution->startedMs() : 0;
    // A run that ended stops the clock for every bar it left open.
    const qint64 end = execution && execution->finishedMs() != 0 ? execution->finishedMs() : now;
    if (execution)
        m_rowSteps = rowOrder(*execution, m_startedRowsOnly);

    QVector<double> ticks;
    QVector<QString> tickLabels;
    int firstRecoveryRow = -1;
    QList<std::pair<int, QString>> durations; // row, text
    QList<double> durationX;
    for (int row = 0; row < m_rowSteps.size(); ++row) {
        const StepId id = m_rowSteps.at(row);
        const PlanStep *step = execution->plan().step(id);
        const StepRun *run = execution->stepRun(id);
        QString name = step->name.isEmpty() ? step->operation : step->name;
        if (name.size() > MaxLabelLength)
            name = name.left(MaxLabelLength - 1) + QStringLiteral("…");
        m_rowLabels.append(name);
        ticks.append(row);
        tickLabels.append(name);
        if (firstRecoveryRow < 0 && step->phase == PlanPhase::Recovery)
            firstRecoveryRow = row;
        if (started == 0 || run->firstStartMs == 0)
            continue;

        auto addBar = [&](int attempt, qint64 from, qint64 to, StepRunState state) {
            if (from <= 0 || to < from)
                return;
            Bar bar;
            bar.step = id;
            bar.row = row;
            bar.attempt = attempt;
            bar.startMinutes = minutesBetween(started, from);
            bar.endMinutes = minutesBetween(started, to);
            bar.state = state;
            bar.color = StatusColors::style(state, scheme).fill;
            m_bars.append(bar);
        };
        // Earlier attempts: each failed, or there would not have been another.
        QList<int> attempts;
        for (const SiteRun &site : run->history) {
            if (!attempts.contains(site.attempt))
                attempts.append(site.attempt);
        }
        qint64 last = run->firstStartMs;
        for (int attempt : std::as_const(attempts)) {
            const Span span = spanOf(run->history, attempt);
            addBar(attempt, span.start, span.end, StepRunState::Failed);
            last = std::max(last, span.end);
        }
        // The current attempt.
        Span current = spanOf(run->sites, 0);
        if (current.start == 0)
            current.start = attempts.isEmpty() ? run->firstStartMs : last;
        switch (run->state) {
        case StepRunState::Running:
            addBar(run->attempt, current.start, end, StepRunState::Running);
            last = end;
            break;
        case StepRunState::Waiting:
            addBar(run->attempt, current.start, std::max(current.start, current.end), StepRunState::Failed);
            addBar(run->attempt + 1, std::max(current.start, current.end), end, StepRunState::Waiting);
            last = end;
            break;
        case StepRunState::Succeeded:
        case StepRunState::Failed:
        case StepRunState::Skipped:
        case StepRunState::Cancelled: {
            const qint64 to = run->finishedMs != 0 ? run->finishedMs : std::max(current.end, current.start);
            addBar(run->attempt, current.start, to, run->state);
            last = to;
            break;
        }
        case StepRunState::Pending:
        case StepRunState::AwaitingApproval:
        case StepRunState::NotSelected:
            // Retried and not yet dispatched again: the failed attempt stays visible.
            if (!run->sites.isEmpty()) {
                addBar(run->attempt, current.start, std::max(current.start, current.end), StepRunState::Failed);
                last = std::max(current.start, current.end);
            }
            break;
        }
        QString text = ExecutionText::clock(last - run->firstStartMs);
        if (run->attempt > 1)
            text += QLatin1Char(' ') + tr("· attempt %1").arg(run->attempt);
        durations.append({row, text});
        durationX.append(minutesBetween(started, last));
    }
    m_plot->rowTicker->setTicks(ticks, tickLabels);

    // The x axis: the whole run so far, the objective, and room for the labels on the right.
    const double elapsed = started == 0 ? 0 : minutesBetween(started, end);
    m_plot->objectiveMinutes = execution ? execution->plan().metadata.rtoSeconds / 60.0 : 0;
    m_plot->switchoverEndMinutes = execution && started != 0 && execution->switchoverFinishedMs() != 0
                                       ? minutesBetween(started, execution->switchoverFinishedMs())
                                       : 0;
    const double upper = std::max({1.0, elapsed, m_plot->objectiveMinutes * 1.05}) * 1.15;
    plot->xAxis->setRange(0, upper * X);
    plot->yAxis->setRange(-0.6, std::max<double>(1, m_rowSteps.size()) - 0.4);
    // Many steps in a short plot: the names shrink to their row rather than run into each other.
    const int rowPixels = plot->axisRect()->height() / std::max<int>(1, int(m_rowSteps.size()));
    QFont rowFont = font();
    rowFont.setPixelSize(std::clamp(rowPixels * 4 / 5, 8, std::max(8, QFontInfo(font()).pixelSize())));
    plot->yAxis->setTickLabelFont(rowFont);

    // Bars: pooled items, reused from refresh to refresh.
    const double minimumWidth = upper * 0.004; // a two-second step still shows
    while (m_plot->rects.size() < m_bars.size()) {
        auto *rect = new QCPItemRect(plot);
        rect->setLayer(QStringLiteral("main"));
        m_plot->rects.append(rect);
    }
    for (qsizetype i = 0; i < m_plot->rects.size(); ++i) {
        QCPItemRect *rect = m_plot->rects.at(i);
        rect->setVisible(i < m_bars.size());
        if (i >= m_bars.size())
            continue;
        const Bar &bar = m_bars.at(i);
        const double right = std::max(bar.endMinutes, bar.startMinutes + minimumWidth);
        rect->topLeft->setCoords(bar.startMinutes * X, bar.row - BarHalfHeight);
        rect->bottomRight->setCoords(right * X, bar.row + BarHalfHeight);
        const StatusStyle style = StatusColors::style(bar.state, scheme);
        const bool earlier = bar.attempt < execution->stepRun(bar.step)->attempt && bar.state == StepRunState::Failed;
        QColor fill = style.fill;
        if (earlier)
            fill.setAlpha(150);
        rect->setBrush(StatusColors::isHatched(bar.state) ? QBrush(fill, Qt::BDiagPattern) : QBrush(fill));
        rect->setPen(QPen(fill.darker(scheme == ColorScheme::Dark ? 60 : 130), 1));
    }
    while (m_plot->labels.size() < durations.size()) {
        auto *label = new QCPItemText(plot);
        label->setPositionAlignment(Qt::AlignLeft | Qt::AlignVCenter);
        label->setPadding(QMargins(6, 0, 0, 0));
        m_plot->labels.append(label);
    }
    const QColor text = palette().color(QPalette::Text);
    for (qsizetype i = 0; i < m_plot->labels.size(); ++i) {
        QCPItemText *label = m_plot->labels.at(i);
        label->setVisible(i < durations.size());
        if (i >= durations.size())
            continue;
        label->position->setCoords(durationX.at(i) * X, durations.at(i).first);
        label->setText(durations.at(i).second);
        label->setColor(text);
        label->setFont(rowFont);
    }

    const bool hasObjective = m_plot->objectiveMinutes > 0;
    m_plot->objective->setVisible(hasObjective);
    m_plot->objectiveText->setVisible(hasObjective);
    if (hasObjective) {
        m_plot->objective->point1->setCoords(m_plot->objectiveMinutes * X, 0);
        m_plot->objective->point2->setCoords(m_plot->objectiveMinutes * X, 1);
        m_plot->objectiveText->position->setCoords(m_plot->objectiveMinutes * X, 0);
        m_plot->objectiveText->setPositionAlignment(Qt::AlignRight | Qt::AlignTop);
        m_plot->objectiveText->setText(
            tr("RTO objective %1").arg(ExecutionText::clock(qint64(m_plot->objectiveMinutes * 60000))));
    }
    const bool switchedOver = m_plot->switchoverEndMinutes > 0;
    m_plot->switchoverEnd->setVisible(switchedOver);
    m_plot->switchoverEndText->setVisible(switchedOver);
    if (switchedOver) {
        m_plot->switchoverEnd->point1->setCoords(m_plot->switchoverEndMinutes * X, 0);
        m_plot->switchoverEnd->point2->setCoords(m_plot->switchoverEndMinutes * X, 1);
        m_plot->switchoverEndText->position->setCoords(m_plot->switchoverEndMinutes * X, 1);
        m_plot->switchoverEndText->setPositionAlignment(Qt::AlignLeft | Qt::AlignBottom);
        m_plot->switchoverEndText->setText(
            tr("Switched over %1").arg(ExecutionText::clock(qint64(m_plot->switchoverEndMinutes * 60000))));
    }
    const bool running = execution && started != 0 && execution->finishedMs() == 0;
    m_plot->now->setVisible(running);
    if (running) {
        m_plot->now->point1->setCoords(elapsed * X, 0);
        m_plot->now->point2->setCoords(elapsed * X, 1);
    }
    const bool twoPhases = firstRecoveryRow > 0;
    m_plot->phaseLine->setVisible(twoPhases);
    m_plot->phaseText->setVisible(twoPhases);
    if (twoPhases) {
        m_plot->phaseLine->point1->setCoords(0, firstRecoveryRow - 0.5);
        m_plot->phaseLine->point2->setCoords(1, firstRecoveryRow - 0.5);
        m_plot->phaseText->position->setCoords(0.995, firstRecoveryRow - 0.5);
    }
    m_plot->empty->setVisible(!execution || started == 0);
    m_plot->empty->setText(!execution ? tr("No execution selected") : tr("Not started yet"));
    plot->replot(QCustomPlot::rpQueuedReplot);
}

void ExecutionTimeline::applyColors()
{
    const ColorScheme scheme = StatusColors::schemeFor(palette());
    const QColor background = palette().color(QPalette::Base);
    const QColor text = palette().color(QPalette::Text);
    QColor grid = text;
    grid.setAlpha(45);
    QCustomPlot *plot = m_plot->widget;
    plot->setBackground(background);
    plot->axisRect()->setBackground(background);
    QFont small = font();
    small.setPixelSize(std::max(8, QFontInfo(font()).pixelSize() * 9 / 10));
    for (QCPAxis *axis : plot->axisRect()->axes()) {
        axis->setBasePen(QPen(text));
        axis->setTickPen(QPen(text));
        axis->setSubTickPen(QPen(text));
        axis->setTickLabelColor(text);
        axis->setLabelColor(text);
        axis->setTickLabelFont(font());
        axis->setLabelFont(small);
        axis->grid()->setPen(QPen(grid, 0, Qt::DotLine));
    }
    const QColor objective = StatusColors::style(StepRunState::Failed, scheme).fill;
    m_plot->objective->setPen(QPen(objective, 2.5, Qt::DashLine));
    m_plot->objectiveText->setColor(scheme == ColorScheme::Dark ? objective.lighter(140) : objective);
    m_plot->objectiveText->setFont(small);
    const QColor done = StatusColors::style(StepRunState::Succeeded, scheme).fill;
    m_plot->switchoverEnd->setPen(QPen(done, 2.5, Qt::DashDotLine));
    m_plot->switchoverEndText->setColor(done);
    m_plot->switchoverEndText->setFont(small);
    QColor nowColor = text;
    nowColor.setAlpha(110);
    m_plot->now->setPen(QPen(nowColor, 1.5));
    m_plot->phaseLine->setPen(QPen(palette().color(QPalette::Mid), 1.5, Qt::DashLine));
    m_plot->phaseText->setColor(text);
    m_plot->phaseText->setFont(small);
    m_plot->empty->setColor(text);
    m_plot->empty->setFont(font());
    plot->replot(QCustomPlot::rpQueuedReplot);
}

void ExecutionTimeline::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::FontChange) {
        applyColors();
        refresh();
    }
}

void ExecutionTimeline::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    refresh();
}

} // namespace Haven
