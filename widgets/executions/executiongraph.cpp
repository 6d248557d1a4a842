// SPDX-License-Identifier: GPL-3.0-or-later
#include "executiongraph.h"

#include "editing/plans/plandocument.h"
#include "executiontext.h"
#include "models/plans/planlayout.h"
#include "widgets/common/statuscolors.h"
#include "widgets/plans/plangraphscene.h"

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
constexpr double BoxWidth = 340;
constexpr double BoxHeight = 150;
constexpr double ScaleX = BoxWidth / StepNodeItem::Width;
constexpr double ScaleY = BoxHeight / StepNodeItem::Height;
constexpr double MaxZoom = 1.4;

QColor mixed(const QColor &a, const QColor &b, double t)
{
    return QColor::fromRgbF(float(a.redF() * (1 - t) + b.redF() * t), float(a.greenF() * (1 - t) + b.greenF() * t),
                            float(a.blueF() * (1 - t) + b.blueF() * t));
}

} // namespace

// --- items ----------------------------------------------------------------------------------

class ExecutionGraphScene;

class RunStepItem final : public QGraphicsItem
{
public:
    enum { Type = UserType + 601 };
    RunStepItem(ExecutionGraphScene &scene, StepId id);
    int type() const override { return Type; }
    StepId stepId() const { return m_id; }
    QRectF boundingRect() const override { return QRectF(-14, -14, BoxWidth + 28, BoxHeight + 28); }
    QPainterPath shape() const override
    {
        QPainterPath path;
        path.addRoundedRect(QRectF(0, 0, BoxWidth, BoxHeight), 10, 10);
        return path;
    }
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;
    QPointF inputPort() const { return mapToScene(QPointF(0, BoxHeight / 2)); }
    QPointF outputPort() const { return mapToScene(QPointF(BoxWidth, BoxHeight / 2)); }
    void refresh(); // tooltip; the paint reads the execution itself

private:
    ExecutionGraphScene &m_scene;
    StepId m_id;
};

class RunEdgeItem final : public QGraphicsItem
{
public:
    enum { Type = UserType + 602 };
    RunEdgeItem(ExecutionGraphScene &scene, const PlanEdge &edge);
    int type() const override { return Type; }
    const PlanEdge &edge() const { return m_edge; }
    QRectF boundingRect() const override { return m_path.boundingRect().adjusted(-12, -12, 12, 12); }
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;
    void updatePath();

private:
    ExecutionGraphScene &m_scene;
    PlanEdge m_edge;
    QPainterPath m_path;
};

class ExecutionGraphScene final : public QGraphicsScene
{
public:
    explicit ExecutionGraphScene(QObject *parent)
        : QGraphicsScene(parent)
    { }

    const Execution *execution = nullptr;
    PlanPhase phase = PlanPhase::Switchover;
    // The widget's palette as it is (QGraphicsScene::setPalette would resolve it against the
    // application's, losing a dark palette the wall set on a parent).
    QPalette colors;
    bool pulse = false;
    std::function<qint64()> now = [] { return QDateTime::currentMSecsSinceEpoch(); };
    QHash<StepId, RunStepItem *> nodes;
    QList<RunEdgeItem *> edges;

    ColorScheme scheme() const { return StatusColors::schemeFor(colors); }

    std::optional<ExecutionGraph::StepView> describe(StepId id) const;

    void clearItems()
    {
        clear(); // deletes the items
        nodes.clear();
        edges.clear();
    }

    void build()
    {
        clearItems();
        if (!execution)
            return;
        const PlanData &plan = execution->plan();
        const QList<const PlanStep *> steps = plan.stepsOf(phase);
        QHash<StepId, QPointF> positions;
        for (const PlanStep *step : steps)
            positions.insert(step->id, QPointF(step->position.x() * ScaleX, step->position.y() * ScaleY));
        if (overlaps(positions)) {
            // A plan saved without a layout (imported, generated): lay it out here, not in the file.
            PlanLayout::Options options;
            options.nodeWidth = BoxWidth;
            options.nodeHeight = BoxHeight;
            options.layerGap = 90;
            options.nodeGap = 36;
            const PlanLayout::Result layout = PlanLayout::layout(plan, options);
            for (const PlanStep *step : steps)
                positions.insert(step->id, layout.positions.value(step->id));
        }
        for (const PlanStep *step : steps) {
            auto *item = new RunStepItem(*this, step->id);
            item->setPos(positions.value(step->id));
            addItem(item);
            nodes.insert(step->id, item);
        }
        for (const PlanEdge &edge : plan.edges) {
            if (!nodes.contains(edge.from) || !nodes.contains(edge.to))
                continue;
            auto *item = new RunEdgeItem(*this, edge);
            addItem(item);
            edges.append(item);
        }
        for (RunStepItem *item : std::as_const(nodes))
            item->refresh();
        setSceneRect(itemsBoundingRect().adjusted(-30, -30, 30, 30));
    }

    static bool overlaps(const QHash<StepId, QPointF> &positions)
    {
        const QList<QPointF> points = positions.values();
        for (qsizetype i = 0; i < points.size(); ++i) {
            for (qsizetype j = i + 1; j < points.size(); ++j) {
                if (std::abs(points[i].x() - points[j].x()) < BoxWidth - 1
                    && std::abs(points[i].y() - points[j].y()) < BoxHeight - 1)
                    return true;
            }
        }
        return false;
    }

    void updateStep(StepId id)
    {
        RunStepItem *item = nodes.value(id);
        if (!item)
            return;
        item->refresh();
        item->update();
        for (RunEdgeItem *edge : std::as_const(edges)) {
            if (edge->edge().from == id || edge->edge().to == id)
                edge->update();
        }
    }

protected:
    void drawBackground(QPainter *painter, const QRectF &rect) override
    {
        painter->fillRect(rect, colors.color(QPalette::Window));
    }
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

RunStepItem::RunStepItem(ExecutionGraphScene &scene, StepId id)
    : m_scene(scene)
    , m_id(id)
{
    setFlag(ItemIsSelectable);
    setZValue(1);
}

void RunStepItem::refresh()
{
    const std::optional<ExecutionGraph::StepView> view = m_scene.describe(m_id);
    if (!view)
        return;
    QStringList tip{view->name,
                    view->stateText + (view->timeText.isEmpty() ? QString() : QStringLiteral(" · ") + view->timeText),
                    view->detailText};
    if (!view->message.isEmpty())
        tip.append(view->message);
    setToolTip(tip.join(QLatin1Char('\n')));
}

void RunStepItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget)
{
    Q_UNUSED(widget);
    const std::optional<ExecutionGraph::StepView> view = m_scene.describe(m_id);
    if (!view)
        return;
    const QPalette &palette = m_scene.colors;
    const ColorScheme scheme = m_scene.scheme();
    const bool selected = option->state & QStyle::State_Selected;
    const QRectF box(0, 0, BoxWidth, BoxHeight);
    painter->setRenderHint(QPainter::Antialiasing);

    if (selected) {
        painter->setPen(QPen(palette.color(QPalette::Highlight), 5));
        painter->setBrush(Qt::NoBrush);
        painter->drawRoundedRect(box.adjusted(-10, -10, 10, 10), 16, 16);
    }
    if (view->pulsing) {
        // Amber ring that breathes: the one box that waits for a person catches the eye.
        const QColor ring = scheme == ColorScheme::Dark ? QColor(0xff, 0xd1, 0x66) : QColor(0xa0, 0x5a, 0x00);
        painter->setPen(QPen(ring, m_scene.pulse ? 8 : 3));
        painter->setBrush(Qt::NoBrush);
        painter->drawRoundedRect(box.adjusted(-5, -5, 5, 5), 13, 13);
    }

    const QColor border = scheme == ColorScheme::Dark ? mixed(view->fill, Qt::white, 0.35)
                                                      : mixed(view->fill, Qt::black, 0.3);
    painter->setPen(QPen(border, 1.5));
    painter->setBrush(view->fill);
    painter->drawRoundedRect(box, 10, 10);
    if (view->hatched) {
        QColor hatch = view->text;
        hatch.setAlpha(60);
        QBrush brush(hatch, Qt::BDiagPattern);
        brush.setTransform(QTransform::fromScale(3, 3)); // hatching coarse enough to see from afar
        painter->setPen(Qt::NoPen);
        painter->setBrush(brush);
        painter->drawRoundedRect(box, 10, 10);
    }

    const double lod = option->levelOfDetailFromTransform(painter->worldTransform());
    if (lod < 0.15)
        return;
    const double pad = 14;
    const double width = BoxWidth - 2 * pad;
    // The name on up to two lines; the state and its clock big enough to read across the room.
    QFont font = painter->font();
    font.setPixelSize(23);
    font.setBold(true);
    QFontMetricsF metrics(font);
    painter->setFont(font);
    painter->setPen(view->text);
    const double line = metrics.height();
    QString name = view->name;
    QString second;
    if (metrics.horizontalAdvance(name) > width) {
        // Break at the last space that fits; the rest goes to the second line, elided.
        qsizetype cut = name.size();
        while (cut > 0 && metrics.horizontalAdvance(name.left(cut)) > width)
            cut = name.lastIndexOf(QLatin1Char(' '), cut - 1);
        if (cut <= 0)
            cut = name.size() / 2;
        second = name.mid(cut).trimmed();
        name = name.left(cut);
    }
    painter->drawText(QRectF(pad, 6, width, line), Qt::AlignLeft | Qt::AlignVCenter,
                      metrics.elidedText(name, Qt::ElideRight, width));
    if (!second.isEmpty())
        painter->drawText(QRectF(pad, 6 + line, width, line), Qt::AlignLeft | Qt::AlignVCenter,
                          metrics.elidedText(second, Qt::ElideRight, width));

    font.setPixelSize(24);
    metrics = QFontMetricsF(font);
    painter->setFont(font);
    const double stateTop = 62;
    const double timeWidth = view->timeText.isEmpty() ? 0 : metrics.horizontalAdvance(view->timeText) + 10;
    painter->drawText(QRectF(pad, stateTop, width - timeWidth, 32), Qt::AlignLeft | Qt::AlignVCenter,
                      metrics.elidedText(view->stateText, Qt::ElideRight, width - timeWidth));
    if (!view->timeText.isEmpty())
        painter->drawText(QRectF(pad, stateTop, width, 32), Qt::AlignRight | Qt::AlignVCenter, view->timeText);

    QColor dim = view->text;
    dim.setAlphaF(0.85f);
    font.setBold(false);
    font.setPixelSize(16);
    metrics = QFontMetricsF(font);
    painter->setFont(font);
    painter->setPen(dim);
    painter->drawText(QRectF(pad, 98, width, 22), Qt::AlignLeft | Qt::AlignVCenter,
                      metrics.elidedText(view->detailText, Qt::ElideRight, width));
    if (!view->message.isEmpty()) {
        font.setItalic(true);
        metrics = QFontMetricsF(font);
        painter->setFont(font);
        painter->drawText(QRectF(pad, 121, width, 22), Qt::AlignLeft | Qt::AlignVCenter,
                          metrics.elidedText(view->message, Qt::ElideRight, width));
    }
}

RunEdgeItem::RunEdgeItem(ExecutionGraphScene &scene, const PlanEdge &edge)
    : m_scene(scene)
    , m_edge(edge)
{
    setZValue(0);
    updatePath();
}

void RunEdgeItem::updatePath()
{
    const RunStepItem *from = m_scene.nodes.value(m_edge.from);
    const RunStepItem *to = m_scene.nodes.value(m_edge.to);
    if (!from || !to)
        return;
    prepareGeometryChange();
    const QPointF a = from->outputPort();
    const QPointF b = to->inputPort() - QPointF(4, 0);
    const double dx = std::max(40.0, std::abs(b.x() - a.x()) / 2);
    QPainterPath path(a);
    path.cubicTo(a + QPointF(dx, 0), b - QPointF(dx, 0), b);
    m_path = path;
}

void RunEdgeItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget)
{
    Q_UNUSED(option);
    Q_UNUSED(widget);
    const Execution *execution = m_scene.execution;
    const StepRun *from = execution ? execution->stepRun(m_edge.from) : nullptr;
    const ColorScheme scheme = m_scene.scheme();
    // The way the run has come is coloured; the way ahead stays grey.
    QColor color = m_scene.colors.color(QPalette::Mid);
    double width = 3;
    if (from && from->state != StepRunState::NotSelected && isDone(from->state)) {
        color = StatusColors::style(from->state, scheme).fill;
        width = 4;
    } else if (from && from->state == StepRunState::Running) {
        color = StatusColors::style(StepRunState::Running, scheme).fill;
    }
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(QPen(color, width, Qt::SolidLine, Qt::RoundCap));
    painter->setBrush(Qt::NoBrush);
    painter->drawPath(m_path);

    const QPointF tip = m_path.pointAtPercent(1);
    const double angle = m_path.angleAtPercent(1) * M_PI / 180;
    const QPointF direction(std::cos(angle), -std::sin(angle));
    const QPointF normal(-direction.y(), direction.x());
    const double size = 16;
    painter->setPen(Qt::NoPen);
    painter->setBrush(color);
    painter->drawPolygon(
        QPolygonF{tip, tip - direction * size + normal * size * 0.5, tip - direction * size - normal * size * 0.5});
}

// --- ExecutionGraph -------------------------------------------------------------------------

ExecutionGraph::ExecutionGraph(QWidget *parent)
    : QWidget(parent)
    , m_scene(new ExecutionGraphScene(this))
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
    for (QGraphicsItem *item : m_scene->selectedItems()) {
        if (item->type() == RunStepItem::Type)
            return static_cast<RunStepItem *>(item)->stepId();
    }
    return InvalidStepId;
}

void ExecutionGraph::selectStep(StepId step)
{
    const Execution *execution = m_scene->execution;
    const PlanStep *planStep = execution ? execution->plan().step(step) : nullptr;
    if (planStep && planStep->phase != m_scene->phase)
        showPhase(planStep->phase);
    const QSignalBlocker blocker(m_scene);
    m_scene->clearSelection();
    if (RunStepItem *item = m_scene->nodes.value(step))
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
    return m_scene->nodes.value(step);
}

int ExecutionGraph::stepCount() const
{
    return int(m_scene->nodes.size());
}

int ExecutionGraph::edgeCount() const
{
    return int(m_scene->edges.size());
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
    m_scene->updateStep(step);
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
        m_scene->colors = palette();
        m_scene->update();
    }
}

void ExecutionGraph::rebuild()
{
    ++m_rebuilds;
    const StepId selected = selectedStep();
    {
        const QSignalBlocker blocker(m_scene);
        m_scene->colors = palette();
        m_scene->build();
        if (RunStepItem *item = m_scene->nodes.value(selected))
            item->setSelected(true);
    }
    if (m_scene->nodes.isEmpty()) {
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
    for (RunStepItem *item : std::as_const(m_scene->nodes)) {
        const StepRun *run = m_scene->execution->stepRun(item->stepId());
        if (!run)
            continue;
        if (run->state == StepRunState::AwaitingApproval
            || ((run->state == StepRunState::Running || run->state == StepRunState::Waiting) && m_ticks % 2 == 0))
            item->update();
    }
}

} // namespace Haven
