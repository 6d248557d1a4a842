// SPDX-License-Identifier: GPL-3.0-or-later
#include "executiongraph.h"

#include "editing/plans/plandocument.h"
#include "executiontext.h"
#include "models/graph/graphmodel.h"
#include "models/plans/planlayout.h"
#include "widgets/common/statuscolors.h"
#include "widgets/graph/graphscene.h"
#include "widgets/graph/runstatepainter.h"
#include "widgets/graph/stepnodepainter.h"

#include <QButtonGroup>
#include <QDateTime>
#include <QEvent>
#include <QFontMetricsF>
#include <QGraphicsItem>
#include <QGraphicsScene>
#include <QGraphicsSimpleTextItem>
#include <QGraphicsView>
#include <QHBoxLayout>
#include <QLabel>
#include <QPainter>
#include <QStyleOptionGraphicsItem>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace Haven {

namespace {

// Boxes are bigger than the editor's (more text, read from across the room); the plan's canvas
// positions are scaled by the same factors, so a plan laid out without overlaps stays so.
constexpr double ScaleX = RunStatePainter::Width / StepNodePainter::Width;
constexpr double ScaleY = RunStatePainter::Height / StepNodePainter::Height;
constexpr double MaxZoom = 1.4;

} // namespace

// --- the scene -------------------------------------------------------------------------------

// The read-only use of the graph scene: the shown phase's steps as nodes of its own graph model
// (at the editor's positions scaled to the bigger boxes), painted by their run state.
class ExecutionGraphScene final : public GraphScene
{
public:
    ExecutionGraphScene(GraphModel &model, QObject *parent)
        : GraphScene(model, parent)
        , m_graph(model)
    {
        setReadOnly(true);
        auto view = [this](NodeId id) -> std::optional<RunStateView> {
            const std::optional<ExecutionGraph::StepView> step = describe(id);
            return step ? std::optional<RunStateView>(*step) : std::nullopt;
        };
        setNodePainter(QString(StepNodeKind), std::make_unique<RunStatePainter>(view, [this] { return pulse; }));
    }

    const Execution *execution = nullptr;
    PlanPhase phase = PlanPhase::Switchover;
    bool pulse = false;
    std::function<qint64()> now = [] { return QDateTime::currentMSecsSinceEpoch(); };

    ColorScheme scheme() const { return StatusColors::schemeFor(colors()); }
    std::optional<ExecutionGraph::StepView> describe(StepId id) const;

    // The graph of the shown phase; the scene rebuilds its items from the model's reset.
    void build()
    {
        QList<GraphNode> nodes;
        QList<GraphEdge> edges;
        if (execution) {
            const PlanData &plan = execution->plan();
            const QList<const PlanStep *> steps = plan.stepsOf(phase);
            QHash<StepId, QPointF> positions;
            for (const PlanStep *step : steps)
                positions.insert(step->id, QPointF(step->position.x() * ScaleX, step->position.y() * ScaleY));
            if (overlaps(positions)) {
                // A plan saved without a layout (imported, generated): lay it out here, not in the file.
                PlanLayout::Options options;
                options.nodeWidth = RunStatePainter::Width;
                options.nodeHeight = RunStatePainter::Height;
                options.layerGap = 90;
                options.nodeGap = 36;
                const PlanLayout::Result layout = PlanLayout::layout(plan, options);
                for (const PlanStep *step : steps)
                    positions.insert(step->id, layout.positions.value(step->id));
            }
            for (const PlanStep *step : steps)
                nodes.append({step->id, StepNodeKind, positions.value(step->id)});
            for (const PlanEdge &edge : plan.edges)
                edges.append({edge.from, edge.to, {}, {}});
        }
        m_graph.reset(nodes, edges);
        setSceneRect(itemsBoundingRect().adjusted(-30, -30, 30, 30));
    }

    static bool overlaps(const QHash<StepId, QPointF> &positions)
    {
        const QList<QPointF> points = positions.values();
        for (qsizetype i = 0; i < points.size(); ++i) {
            for (qsizetype j = i + 1; j < points.size(); ++j) {
                if (std::abs(points[i].x() - points[j].x()) < RunStatePainter::Width - 1
                    && std::abs(points[i].y() - points[j].y()) < RunStatePainter::Height - 1)
                    return true;
            }
        }
        return false;
    }

    // The way the run has come is coloured; the way ahead stays grey.
    EdgeStyle edgeStyle(const GraphEdge &edge, bool selected) const override
    {
        Q_UNUSED(selected);
        const StepRun *from = execution ? execution->stepRun(edge.from) : nullptr;
        EdgeStyle style;
        style.color = colors().color(QPalette::Mid);
        style.width = 3;
        style.arrowSize = 16;
        style.targetGap = 4;
        style.minimumBend = 40;
        if (from && from->state != StepRunState::NotSelected && isDone(from->state)) {
            style.color = StatusColors::style(from->state, scheme()).fill;
            style.width = 4;
        } else if (from && from->state == StepRunState::Running) {
            style.color = StatusColors::style(StepRunState::Running, scheme()).fill;
        }
        return style;
    }

private:
    GraphModel &m_graph;
};

std::optional<ExecutionGraph::StepView> ExecutionGraphScene::describe(StepId id) const
{
    if (!execution)
        return std::nullopt;
    const PlanStep *step = execution->plan().step(id);
    const StepRun *run = execution->stepRun(id);
    if (!step || !run)
        return std::nullopt;
    const qint64 nowMs = now();
    const StatusStyle style = StatusColors::style(run->state, scheme());
    ExecutionGraph::StepView view;
    view.state = run->state;
    view.fill = style.fill;
    view.text = style.text;
    view.hatched = StatusColors::isHatched(run->state);
    view.pulsing = run->state == StepRunState::AwaitingApproval;
    view.name = step->name.isEmpty() ? step->operation : step->name;

    QString stateText = style.symbol + QLatin1Char(' ') + ExecutionText::stepState(run->state);
    const int attempts = std::max(1, step->retry.attempts);
    const bool showsAttempt = run->state == StepRunState::Running || run->state == StepRunState::Failed
                              || run->state == StepRunState::Waiting || run->state == StepRunState::Succeeded;
    if (showsAttempt && run->attempt > 0 && (attempts > 1 || run->attempt > 1))
        stateText += QLatin1Char(' ')
                     + ExecutionGraph::tr("%1/%2").arg(run->attempt).arg(std::max(attempts, run->attempt));
    view.stateText = stateText;

    // The execution's end stops the clock of a step it left running.
    const qint64 end = run->finishedMs != 0           ? run->finishedMs
                       : execution->finishedMs() != 0 ? execution->finishedMs()
                                                      : nowMs;
    if (run->state == StepRunState::Waiting && run->retryAtMs > 0)
        view.timeText = ExecutionGraph::tr("in %1").arg(ExecutionText::clock(run->retryAtMs - nowMs));
    else if (run->firstStartMs > 0)
        view.timeText = ExecutionText::clock(end - run->firstStartMs);

    for (const SiteRun &site : run->sites) {
        if (!view.sites.contains(site.site))
            view.sites.append(site.site);
    }
    if (view.sites.isEmpty())
        view.sites = resolveTargetSites(step->target, execution->ticket());
    view.detailText = step->operation;
    if (!view.sites.isEmpty())
        view.detailText += QStringLiteral(" · ") + view.sites.join(QStringLiteral(", "));

    if (run->state == StepRunState::Skipped)
        view.message = run->skipReason.isEmpty() ? ExecutionGraph::tr("Skipped by an operator")
                                                 : ExecutionGraph::tr("Skipped: %1").arg(run->skipReason);
    else if (run->state == StepRunState::AwaitingApproval && run->message.isEmpty())
        view.message = step->approvalPrompt.isEmpty() ? ExecutionGraph::tr("Needs an operator's approval")
                                                      : step->approvalPrompt;
    else if (!run->message.isEmpty())
        view.message = run->message;
    else if (!run->approvedBy.isEmpty())
        view.message = ExecutionGraph::tr("Approved by %1").arg(run->approvedBy);
    return view;
}

// --- ExecutionGraph -------------------------------------------------------------------------

ExecutionGraph::ExecutionGraph(QWidget *parent)
    : QWidget(parent)
    , m_graph(new GraphModel(this))
    , m_scene(new ExecutionGraphScene(*m_graph, this))
    , m_view(new QGraphicsView(this))
    , m_title(new QLabel(this))
    , m_buttons(new QWidget(this))
    , m_phaseGroup(new QButtonGroup(this))
    , m_switchoverButton(new QToolButton(m_buttons))
    , m_recoveryButton(new QToolButton(m_buttons))
    , m_timer(new QTimer(this))
{
    m_view->setScene(m_scene);
    m_view->setFrameShape(QFrame::NoFrame);
    m_view->setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
    m_view->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_view->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_view->setViewportUpdateMode(QGraphicsView::MinimalViewportUpdate);

    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    auto *buttons = new QHBoxLayout(m_buttons);
    buttons->setContentsMargins(0, 0, 0, 0);
    buttons->setSpacing(0);
    for (QToolButton *button : {m_switchoverButton, m_recoveryButton}) {
        button->setCheckable(true);
        button->setAutoRaise(true);
        buttons->addWidget(button);
    }
    m_phaseGroup->addButton(m_switchoverButton, int(PlanPhase::Switchover));
    m_phaseGroup->addButton(m_recoveryButton, int(PlanPhase::Recovery));
    connect(m_phaseGroup, &QButtonGroup::idClicked, this, [this](int id) { showPhase(PlanPhase(id)); });

    auto *header = new QHBoxLayout;
    header->setContentsMargins(0, 0, 0, 0);
    header->addWidget(m_title);
    header->addStretch();
    header->addWidget(m_buttons);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addLayout(header);
    layout->addWidget(m_view, 1);

    connect(m_scene, &QGraphicsScene::selectionChanged, this, [this] { Q_EMIT stepSelected(selectedStep()); });
    // Half a second: the approval ring pulses; running clocks move every other tick.
    m_timer->setInterval(500);
    connect(m_timer, &QTimer::timeout, this, &ExecutionGraph::tick);
    m_timer->start();
    rebuild();
}

ExecutionGraph::~ExecutionGraph()
{
    // Deleting the selected items would report a selection change to a half-destroyed owner.
    disconnect(m_scene, nullptr, this, nullptr);
    // The scene mirrors m_graph and must go first (children are deleted in creation order).
    delete m_scene;
}

void ExecutionGraph::setExecution(const Execution *execution)
{
    m_scene->execution = execution;
    m_follow = true;
    if (execution)
        m_scene->phase = execution->phase();
    rebuild();
}

const Execution *ExecutionGraph::execution() const
{
    return m_scene->execution;
}

PlanPhase ExecutionGraph::phase() const
{
    return m_scene->phase;
}

void ExecutionGraph::showPhase(PlanPhase phase)
{
    const Execution *execution = m_scene->execution;
    m_follow = !execution || phase == execution->phase();
    if (phase == m_scene->phase) {
        updatePhaseButtons();
        return;
    }
    m_scene->phase = phase;
    rebuild();
    Q_EMIT phaseShown(phase);
}

StepId ExecutionGraph::selectedStep() const
{
    const QList<NodeId> selected = m_scene->selectedNodes();
    return selected.isEmpty() ? InvalidStepId : selected.first();
}

void ExecutionGraph::selectStep(StepId step)
{
    const Execution *execution = m_scene->execution;
    const PlanStep *planStep = execution ? execution->plan().step(step) : nullptr;
    if (planStep && planStep->phase != m_scene->phase)
        showPhase(planStep->phase);
    const QSignalBlocker blocker(m_scene);
    m_scene->clearSelection();
    if (GraphNodeItem *item = m_scene->nodeItem(step))
        item->setSelected(true);
    Q_EMIT stepSelected(selectedStep());
}

void ExecutionGraph::setWallMode(bool wall)
{
    m_wall = wall;
    m_view->setInteractive(!wall);
    updatePhaseButtons();
}

void ExecutionGraph::setClock(std::function<qint64()> now)
{
    m_scene->now = std::move(now);
    m_scene->update();
}

std::optional<ExecutionGraph::StepView> ExecutionGraph::stepView(StepId step) const
{
    return m_scene->describe(step);
}

QGraphicsScene *ExecutionGraph::scene() const
{
    return m_scene;
}

QGraphicsItem *ExecutionGraph::stepItem(StepId step) const
{
    return m_scene->nodeItem(step);
}

int ExecutionGraph::stepCount() const
{
    return m_scene->nodeCount();
}

int ExecutionGraph::edgeCount() const
{
    return m_scene->edgeCount();
}

QSize ExecutionGraph::sizeHint() const
{
    const int line = fontMetrics().height();
    return {line * 50, line * 22};
}

QSize ExecutionGraph::minimumSizeHint() const
{
    const int line = fontMetrics().height();
    return {line * 16, line * 8};
}

void ExecutionGraph::updateStep(StepId step)
{
    m_scene->refreshNode(step);
    updatePhaseButtons();
}

void ExecutionGraph::updateExecution()
{
    const Execution *execution = m_scene->execution;
    if (execution && m_follow && execution->phase() != m_scene->phase) {
        m_scene->phase = execution->phase();
        rebuild();
        Q_EMIT phaseShown(m_scene->phase);
        return;
    }
    updatePhaseButtons();
}

void ExecutionGraph::zoomToFit()
{
    const QRectF rect = m_scene->sceneRect();
    const QSize area = m_view->viewport()->size();
    if (rect.isEmpty() || area.isEmpty())
        return;
    const double scale = std::min({area.width() / rect.width(), area.height() / rect.height(), MaxZoom});
    m_view->setTransform(QTransform::fromScale(scale, scale));
    m_view->centerOn(rect.center());
}

void ExecutionGraph::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    zoomToFit();
}

void ExecutionGraph::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    zoomToFit();
}

void ExecutionGraph::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange) {
        m_scene->setColors(palette());
    }
}

void ExecutionGraph::rebuild()
{
    ++m_rebuilds;
    const StepId selected = selectedStep();
    {
        const QSignalBlocker blocker(m_scene);
        m_scene->setColors(palette());
        m_scene->build();
        if (GraphNodeItem *item = m_scene->nodeItem(selected))
            item->setSelected(true);
    }
    if (m_scene->nodeCount() == 0) {
        auto *empty = new QGraphicsSimpleTextItem(m_scene->execution ? tr("This phase has no steps.")
                                                                     : tr("No execution selected."));
        QFont font = empty->font();
        font.setPixelSize(28);
        empty->setFont(font);
        empty->setBrush(palette().color(QPalette::WindowText));
        m_scene->addItem(empty);
        m_scene->setSceneRect(empty->boundingRect().adjusted(-40, -40, 40, 40));
    }
    if (selected != InvalidStepId && selectedStep() != selected)
        Q_EMIT stepSelected(selectedStep());
    updatePhaseButtons();
    zoomToFit();
}

void ExecutionGraph::updatePhaseButtons()
{
    const Execution *execution = m_scene->execution;
    const bool twoPhases = execution && phasesOf(execution->plan().metadata.kind).size() > 1;
    m_buttons->setVisible(twoPhases && !m_wall);
    QString title = execution ? PlanText::phase(m_scene->phase) : QString();
    if (execution && !m_follow)
        title = tr("%1 (the run is in %2)").arg(title, PlanText::phase(execution->phase()));
    m_title->setText(title);
    if (!execution)
        return;
    for (QToolButton *button : {m_switchoverButton, m_recoveryButton}) {
        const PlanPhase phase = button == m_switchoverButton ? PlanPhase::Switchover : PlanPhase::Recovery;
        int done = 0;
        int total = 0;
        for (StepId id : execution->stepsOf(phase)) {
            const StepRun *run = execution->stepRun(id);
            if (!run || run->state == StepRunState::NotSelected)
                continue;
            ++total;
            done += isDone(run->state) ? 1 : 0;
        }
        button->setText(tr("%1 %2/%3").arg(PlanText::phase(phase)).arg(done).arg(total));
        button->setChecked(phase == m_scene->phase);
    }
}

void ExecutionGraph::tick()
{
    if (!isVisible() || !m_scene->execution)
        return;
    ++m_ticks;
    m_scene->pulse = !m_scene->pulse;
    for (GraphNodeItem *item : m_scene->nodeItems()) {
        const StepRun *run = m_scene->execution->stepRun(item->nodeId());
        if (!run)
            continue;
        if (run->state == StepRunState::AwaitingApproval
            || ((run->state == StepRunState::Running || run->state == StepRunState::Waiting) && m_ticks % 2 == 0))
            item->update();
    }
}

} // namespace Haven
