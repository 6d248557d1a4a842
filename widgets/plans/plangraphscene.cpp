// SPDX-License-Identifier: GPL-3.0-or-later
#include "plangraphscene.h"

#include "editing/plans/plancommands.h"
#include "editing/plans/plandocument.h"
#include "models/plans/planformat.h"
#include "models/plans/planlayout.h"
#include "widgets/common/statuscolors.h"

#include <QClipboard>
#include <QFontMetricsF>
#include <QGraphicsSceneDragDropEvent>
#include <QGraphicsSceneMouseEvent>
#include <QGuiApplication>
#include <QJsonDocument>
#include <QKeyEvent>
#include <QMimeData>
#include <QPainter>
#include <QStyleOptionGraphicsItem>
#include <QTimer>
#include <QUndoStack>

#include <cmath>

namespace Haven {

namespace {

constexpr double GridSize = 24;

// Okabe-Ito hues per layer, for the strip on the left of a step.
QColor layerColor(const OperationSpec *spec)
{
    if (!spec)
        return QColor(0x99, 0x99, 0x99);
    switch (spec->layer) {
    case Layer::Business:
        return QColor(0x00, 0x72, 0xB2);
    case Layer::Middleware:
        return QColor(0xCC, 0x79, 0xA7);
    case Layer::Storage:
        return QColor(0x00, 0x9E, 0x73);
    case Layer::Database:
        return QColor(0xE6, 0x9F, 0x00);
    case Layer::Physical:
        return QColor(0x56, 0xB4, 0xE9);
    }
    return {};
}

ColorScheme schemeOf(const QPalette &palette)
{
    return StatusColors::schemeFor(palette);
}

QPointF rounded(const QPointF &p)
{
    return QPointF(std::round(p.x()), std::round(p.y()));
}

QString issueText(const QList<PlanIssue> &issues)
{
    QStringList lines;
    for (const PlanIssue &issue : issues)
        lines.append((issue.isError() ? QStringLiteral("✖ ") : QStringLiteral("▲ ")) + issue.message);
    return lines.join(QLatin1Char('\n'));
}

// One badge on the bottom row of a step; returns its right edge.
double drawBadge(QPainter *painter, double x, double y, const QString &text, const QColor &fill, const QColor &color)
{
    const QFontMetricsF metrics(painter->font());
    const QRectF box(x, y, metrics.horizontalAdvance(text) + 12, metrics.height() + 4);
    painter->setPen(Qt::NoPen);
    painter->setBrush(fill);
    painter->drawRoundedRect(box, box.height() / 2, box.height() / 2);
    painter->setPen(color);
    painter->drawText(box, Qt::AlignCenter, text);
    return box.right() + 5;
}

} // namespace

// --- StepNodeItem -----------------------------------------------------------------------------

StepNodeItem::StepNodeItem(PlanGraphScene &scene, StepId id)
    : m_scene(scene)
    , m_id(id)
{
    setFlag(ItemIsSelectable);
    setAcceptHoverEvents(true);
    setZValue(1);
    refresh();
}

QRectF StepNodeItem::boundingRect() const
{
    const double m = PortRadius + 2;
    return QRectF(-m, -m, Width + 2 * m, Height + 2 * m);
}

void StepNodeItem::setConnectState(int state)
{
    if (state == m_connectState)
        return;
    m_connectState = state;
    update();
}

void StepNodeItem::refresh()
{
    const PlanStep step = m_scene.document().plan().step(m_id);
    setPos(step.position);
    const OperationSpec *spec = m_scene.document().operation(step.operation);
    QStringList tip{step.name.isEmpty() ? step.operation : step.name};
    if (spec && !spec->description.isEmpty())
        tip.append(spec->description);
    const QString issues = issueText(m_scene.document().issuesOf(m_id));
    if (!issues.isEmpty())
        tip.append(issues);
    setToolTip(tip.join(QLatin1Char('\n')));
    update();
}

void StepNodeItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget)
{
    Q_UNUSED(widget);
    const QPalette palette = m_scene.palette();
    const ColorScheme scheme = schemeOf(palette);
    const PlanDocument &document = m_scene.document();
    const PlanStep step = document.plan().step(m_id);
    const OperationSpec *spec = document.operation(step.operation);
    const QList<PlanIssue> issues = document.issuesOf(m_id);
    const bool hasError = std::any_of(issues.cbegin(), issues.cend(), [](const PlanIssue &i) { return i.isError(); });
    const StatusStyle errorStyle = StatusColors::style(ComponentStatus::Critical, scheme);
    const StatusStyle warningStyle = StatusColors::style(ComponentStatus::Warning, scheme);
    const bool selected = option->state & QStyle::State_Selected;
    const double lod = option->levelOfDetailFromTransform(painter->worldTransform());

    painter->setRenderHint(QPainter::Antialiasing);
    const QRectF box(0, 0, Width, Height);

    // Body, with the layer's colour as a strip on the left.
    QPen border(palette.color(QPalette::Mid), 1.2);
    if (hasError)
        border = QPen(errorStyle.fill, 2);
    if (m_connectState > 0)
        border = QPen(QColor(0x00, 0x9E, 0x73), 3);
    else if (m_connectState < 0)
        border = QPen(errorStyle.fill, 3, Qt::DashLine);
    if (selected)
        border = QPen(palette.color(QPalette::Highlight), 3);
    painter->setPen(border);
    painter->setBrush(palette.color(QPalette::Base));
    painter->drawRoundedRect(box, 8, 8);
    QPainterPath strip;
    strip.addRoundedRect(QRectF(0, 0, 14, Height), 8, 8);
    QPainterPath clip;
    clip.addRect(QRectF(0, 0, 7, Height));
    painter->setPen(Qt::NoPen);
    painter->setBrush(layerColor(spec));
    painter->drawPath(strip.intersected(clip));

    if (lod >= 0.35) {
        const QColor text = palette.color(QPalette::Text);
        QColor dim = text;
        dim.setAlphaF(0.68f);
        const double left = 16;
        const double markSpace = issues.isEmpty() ? 0 : 24;

        QFont font = painter->font();
        font.setPointSizeF(11.5);
        font.setBold(true);
        painter->setFont(font);
        QFontMetricsF metrics(font);
        const QString name = step.name.isEmpty() ? PlanGraphScene::tr("(unnamed step)") : step.name;
        painter->setPen(text);
        painter->drawText(QRectF(left, 6, Width - left - 8 - markSpace, metrics.height()),
                          Qt::AlignLeft | Qt::AlignVCenter,
                          metrics.elidedText(name, Qt::ElideRight, Width - left - 8 - markSpace));

        font.setBold(false);
        font.setPointSizeF(9.5);
        painter->setFont(font);
        metrics = QFontMetricsF(font);
        const QString operation = step.operation.isEmpty() ? PlanGraphScene::tr("no operation code") : step.operation;
        painter->setPen(dim);
        painter->drawText(QRectF(left, 30, Width - left - 8, metrics.height()), Qt::AlignLeft | Qt::AlignVCenter,
                          metrics.elidedText(operation, Qt::ElideRight, Width - left - 8));
        QString where = PlanText::target(step.target);
        if (!step.productGroup.isEmpty())
            where += QStringLiteral(" · ") + step.productGroup;
        painter->drawText(QRectF(left, 48, Width - left - 8, metrics.height()), Qt::AlignLeft | Qt::AlignVCenter,
                          metrics.elidedText(where, Qt::ElideRight, Width - left - 8));

        // Badges: approval gate, guard, retries, on-failure when not "stop".
        font.setPointSizeF(8.5);
        painter->setFont(font);
        QColor badgeFill = palette.color(QPalette::AlternateBase);
        double x = left;
        const double y = Height - 21;
        if (step.requiresApproval)
            x = drawBadge(painter, x, y, PlanGraphScene::tr("Approval"), QColor(0xE6, 0x9F, 0x00, 60), text);
        if (step.guard)
            x = drawBadge(painter, x, y, PlanGraphScene::tr("Guard"), QColor(0x00, 0x72, 0xB2, 50), text);
        if (step.retry.attempts > 1)
            x = drawBadge(painter, x, y, PlanGraphScene::tr("↻ ×%1").arg(step.retry.attempts), badgeFill, text);
        if (step.onFailure != OnFailure::Stop)
            x = drawBadge(painter, x, y,
                          step.onFailure == OnFailure::Pause ? PlanGraphScene::tr("Pause on failure")
                                                             : PlanGraphScene::tr("Continue on failure"),
                          badgeFill, text);

        // Validation mark: ✖ for errors, ▲ for warnings (shape as well as colour).
        if (!issues.isEmpty()) {
            const StatusStyle &mark = hasError ? errorStyle : warningStyle;
            const QRectF circle(Width - 26, 6, 20, 20);
            painter->setPen(Qt::NoPen);
            painter->setBrush(mark.fill);
            painter->drawEllipse(circle);
            font.setPointSizeF(9);
            font.setBold(true);
            painter->setFont(font);
            painter->setPen(mark.text);
            painter->drawText(circle, Qt::AlignCenter, hasError ? QStringLiteral("✖") : QStringLiteral("▲"));
        }
    }

    // Ports.
    painter->setPen(QPen(palette.color(QPalette::Dark), 1.5));
    painter->setBrush(palette.color(QPalette::Window));
    painter->drawEllipse(QPointF(0, Height / 2), PortRadius, PortRadius);
    painter->setBrush(palette.color(QPalette::Highlight));
    painter->drawEllipse(QPointF(Width, Height / 2), PortRadius, PortRadius);
}

// --- StepEdgeItem -----------------------------------------------------------------------------

StepEdgeItem::StepEdgeItem(PlanGraphScene &scene, const PlanEdge &edge)
    : m_scene(scene)
    , m_edge(edge)
{
    setFlag(ItemIsSelectable);
    setZValue(0);
    refresh();
}

void StepEdgeItem::updatePath()
{
    const StepNodeItem *from = m_scene.nodeItem(m_edge.from);
    const StepNodeItem *to = m_scene.nodeItem(m_edge.to);
    if (!from || !to)
        return;
    const QPointF a = from->outputPort();
    const QPointF b = to->inputPort() - QPointF(StepNodeItem::PortRadius + 1, 0);
    const double dx = std::max(48.0, std::abs(b.x() - a.x()) / 2);
    QPainterPath path(a);
    path.cubicTo(a + QPointF(dx, 0), b - QPointF(dx, 0), b);
    setPath(path);
}

void StepEdgeItem::refresh()
{
    const QList<PlanIssue> issues = m_scene.document().issuesOf(m_edge);
    m_error = !issues.isEmpty();
    const PlanStep from = m_scene.document().plan().step(m_edge.from);
    const PlanStep to = m_scene.document().plan().step(m_edge.to);
    QString tip = PlanGraphScene::tr("\"%1\" runs after \"%2\" has finished").arg(to.name, from.name);
    if (m_error)
        tip += QLatin1Char('\n') + issueText(issues);
    setToolTip(tip);
    updatePath();
    update();
}

QPainterPath StepEdgeItem::shape() const
{
    QPainterPathStroker stroker;
    stroker.setWidth(12);
    return stroker.createStroke(path());
}

void StepEdgeItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget)
{
    Q_UNUSED(widget);
    const QPalette palette = m_scene.palette();
    const bool selected = option->state & QStyle::State_Selected;
    QColor color = palette.color(QPalette::Text);
    color.setAlphaF(0.55f);
    double width = 1.8;
    Qt::PenStyle style = Qt::SolidLine;
    if (m_error) {
        color = StatusColors::style(ComponentStatus::Critical, StatusColors::schemeFor(palette)).fill;
        style = Qt::DashLine;
        width = 2.2;
    }
    if (selected) {
        color = palette.color(QPalette::Highlight);
        width = 3;
    }
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(QPen(color, width, style, Qt::RoundCap));
    painter->setBrush(Qt::NoBrush);
    painter->drawPath(path());

    // The arrowhead points along the curve's end tangent.
    const QPointF tip = path().pointAtPercent(1);
    const double angle = std::atan2(-std::sin(path().angleAtPercent(1) * M_PI / 180),
                                    std::cos(path().angleAtPercent(1) * M_PI / 180));
    const double size = 10;
    const QPointF left = tip - QPointF(std::cos(angle - 0.45) * size, std::sin(angle - 0.45) * size);
    const QPointF right = tip - QPointF(std::cos(angle + 0.45) * size, std::sin(angle + 0.45) * size);
    painter->setPen(Qt::NoPen);
    painter->setBrush(color);
    painter->drawPolygon(QPolygonF{tip, left, right});
}

// --- PlanGraphScene ---------------------------------------------------------------------------

PlanGraphScene::PlanGraphScene(PlanDocument &document, QObject *parent)
    : QGraphicsScene(parent)
    , m_document(document)
    , m_feedbackTimer(new QTimer(this))
{
    m_feedbackTimer->setSingleShot(true);
    m_feedbackTimer->setInterval(3500);
    connect(m_feedbackTimer, &QTimer::timeout, this, [this] {
        delete m_feedbackItem;
        m_feedbackItem = nullptr;
    });

    const Plan &plan = document.plan();
    connect(&plan, &Plan::stepAdded, this, [this](StepId id) {
        if (m_document.plan().step(id).phase == m_phase)
            addNode(id);
    });
    connect(&plan, &Plan::stepRemoved, this, &PlanGraphScene::removeNode);
    connect(&plan, &Plan::stepChanged, this, [this](StepId id) {
        const bool here = m_document.plan().step(id).phase == m_phase;
        if (here && !m_nodes.contains(id))
            addNode(id);
        else if (!here && m_nodes.contains(id))
            removeNode(id);
        else if (StepNodeItem *node = m_nodes.value(id)) {
            node->refresh();
            updateEdgesOf(id);
        }
    });
    connect(&plan, &Plan::stepMoved, this, [this](StepId id) {
        if (StepNodeItem *node = m_nodes.value(id)) {
            node->setPos(m_document.plan().step(id).position);
            updateEdgesOf(id);
        }
    });
    connect(&plan, &Plan::edgeAdded, this, &PlanGraphScene::addEdgeItem);
    connect(&plan, &Plan::edgeRemoved, this, &PlanGraphScene::removeEdgeItem);
    connect(&plan, &Plan::modelReset, this, &PlanGraphScene::rebuild);
    connect(&plan, &Plan::metadataChanged, this, [this] {
        if (!m_document.plan().phases().contains(m_phase))
            setPhase(PlanPhase::Switchover);
    });
    connect(&document, &PlanDocument::validationChanged, this, &PlanGraphScene::refreshValidation);
    connect(this, &QGraphicsScene::selectionChanged, this, &PlanGraphScene::selectedStepsChanged);
    rebuild();
}

PlanGraphScene::~PlanGraphScene()
{
    // Items reach back into the scene while being destroyed: drop them first.
    clear();
}

void PlanGraphScene::setPhase(PlanPhase phase)
{
    if (phase == m_phase)
        return;
    m_phase = phase;
    rebuild();
    Q_EMIT phaseChanged(phase);
}

void PlanGraphScene::rebuild()
{
    const bool blocked = blockSignals(true);
    m_edges.clear();
    m_nodes.clear();
    m_connectLine = nullptr;
    m_connectTarget = nullptr;
    m_connectFrom = InvalidStepId;
    m_feedbackItem = nullptr;
    m_moving = false;
    clear();
    blockSignals(blocked);
    const Plan &plan = m_document.plan();
    for (StepId id : plan.stepIds(m_phase))
        addNode(id);
    for (const PlanEdge &edge : plan.edges(m_phase))
        addEdgeItem(edge.from, edge.to);
    Q_EMIT selectedStepsChanged();
}

void PlanGraphScene::addNode(StepId id)
{
    if (m_nodes.contains(id))
        return;
    auto *node = new StepNodeItem(*this, id);
    addItem(node);
    m_nodes.insert(id, node);
    for (const PlanEdge &edge : m_document.plan().edgesOf(id))
        addEdgeItem(edge.from, edge.to);
}

void PlanGraphScene::removeNode(StepId id)
{
    StepNodeItem *node = m_nodes.take(id);
    if (!node)
        return;
    for (auto it = m_edges.begin(); it != m_edges.end();) {
        if (it.key().first == id || it.key().second == id) {
            delete it.value();
            it = m_edges.erase(it);
        } else {
            ++it;
        }
    }
    if (m_connectTarget == node)
        m_connectTarget = nullptr;
    if (m_connectFrom == id)
        endConnection({});
    m_dragFrom.remove(id);
    delete node;
}

void PlanGraphScene::addEdgeItem(StepId from, StepId to)
{
    if (m_edges.contains({from, to}) || !m_nodes.contains(from) || !m_nodes.contains(to))
        return;
    auto *edge = new StepEdgeItem(*this, {from, to});
    addItem(edge);
    m_edges.insert({from, to}, edge);
}

void PlanGraphScene::removeEdgeItem(StepId from, StepId to)
{
    delete m_edges.take({from, to});
}

void PlanGraphScene::updateEdgesOf(StepId id)
{
    for (auto it = m_edges.cbegin(); it != m_edges.cend(); ++it) {
        if (it.key().first == id || it.key().second == id)
            it.value()->updatePath();
    }
}

void PlanGraphScene::refreshValidation()
{
    for (StepNodeItem *node : std::as_const(m_nodes))
        node->refresh();
    for (StepEdgeItem *edge : std::as_const(m_edges))
        edge->refresh();
}

StepNodeItem *PlanGraphScene::nodeAt(const QPointF &scenePos) const
{
    for (QGraphicsItem *item : items(scenePos)) {
        if (item->type() == StepNodeItem::Type)
            return static_cast<StepNodeItem *>(item);
    }
    return nullptr;
}

PlanGraphScene::Port PlanGraphScene::portAt(const QPointF &scenePos) const
{
    const double reach = StepNodeItem::PortRadius + 5;
    for (QGraphicsItem *item : items(QRectF(scenePos - QPointF(reach, reach), QSizeF(2 * reach, 2 * reach)))) {
        if (item->type() != StepNodeItem::Type)
            continue;
        const auto *node = static_cast<StepNodeItem *>(item);
        if (QLineF(node->outputPort(), scenePos).length() <= reach)
            return {node->stepId(), true};
        if (QLineF(node->inputPort(), scenePos).length() <= reach)
            return {node->stepId(), false};
    }
    return {};
}

QList<StepId> PlanGraphScene::selectedSteps() const
{
    QList<StepId> steps;
    for (QGraphicsItem *item : selectedItems()) {
        if (item->type() == StepNodeItem::Type)
            steps.append(static_cast<StepNodeItem *>(item)->stepId());
    }
    std::sort(steps.begin(), steps.end());
    return steps;
}

QList<PlanEdge> PlanGraphScene::selectedEdges() const
{
    QList<PlanEdge> edges;
    for (QGraphicsItem *item : selectedItems()) {
        if (item->type() == StepEdgeItem::Type)
            edges.append(static_cast<StepEdgeItem *>(item)->edge());
    }
    std::sort(edges.begin(), edges.end());
    return edges;
}

void PlanGraphScene::selectSteps(const QList<StepId> &steps)
{
    const bool blocked = blockSignals(true);
    clearSelection();
    for (StepId id : steps) {
        if (StepNodeItem *node = m_nodes.value(id))
            node->setSelected(true);
    }
    blockSignals(blocked);
    Q_EMIT selectedStepsChanged();
}

void PlanGraphScene::selectAllSteps()
{
    selectSteps(m_nodes.keys());
}

template<typename Command>
const Command *PlanGraphScene::pushKept(Command *command)
{
    QUndoStack *stack = m_document.undoStack();
    const int before = stack->count();
    m_document.push(command);
    return stack->count() > before && stack->command(stack->count() - 1) == command ? command : nullptr;
}

StepId PlanGraphScene::addOperation(const QString &operationCode, const QPointF &scenePos)
{
    PlanStep step;
    step.phase = m_phase;
    step.operation = operationCode;
    const OperationSpec *spec = m_document.operation(operationCode);
    step.name = spec && !spec->name.isEmpty() ? spec->name : operationCode;
    step.position = rounded(scenePos);
    const auto *command = pushKept(new AddStepCommand(m_document.plan(), step));
    const StepId id = command ? command->stepId() : 0;
    if (id)
        selectSteps({id});
    return id;
}

bool PlanGraphScene::connectSteps(StepId from, StepId to, QString *why)
{
    Plan &plan = m_document.plan();
    if (!plan.connectionPossible(from, to)) {
        const QString problem = plan.connectionProblem(from, to);
        if (why)
            *why = problem;
        const StepNodeItem *target = m_nodes.value(to);
        showFeedback(tr("Cannot connect: %1").arg(problem),
                     target ? target->mapToScene(QPointF(0, StepNodeItem::Height + 8)) : QPointF());
        return false;
    }
    m_document.push(new AddEdgeCommand(plan, from, to));
    return true;
}

void PlanGraphScene::deleteSelection()
{
    const QList<StepId> steps = selectedSteps();
    const QList<PlanEdge> edges = selectedEdges();
    if (steps.isEmpty() && edges.isEmpty())
        return;
    m_document.push(new RemoveStepsCommand(m_document.plan(), steps, edges));
}

QByteArray PlanGraphScene::selectionBytes() const
{
    const QList<StepId> ids = selectedSteps();
    if (ids.isEmpty())
        return {};
    PlanData data;
    data.metadata.name = QStringLiteral("clipboard");
    data.metadata.kind = m_document.plan().kind();
    const Plan &plan = m_document.plan();
    for (StepId id : ids)
        data.steps.append(plan.step(id));
    for (const PlanEdge &edge : plan.edges(m_phase)) {
        if (ids.contains(edge.from) && ids.contains(edge.to))
            data.edges.append(edge);
    }
    return PlanFormat::toBytes(data);
}

void PlanGraphScene::copySelection() const
{
    const QByteArray bytes = selectionBytes();
    if (bytes.isEmpty())
        return;
    auto *mime = new QMimeData;
    mime->setData(QLatin1StringView(PlanStepsMimeType), bytes);
    mime->setText(QString::fromUtf8(bytes));
    QGuiApplication::clipboard()->setMimeData(mime);
}

QList<StepId> PlanGraphScene::pasteBytes(const QByteArray &bytes, const QPointF &offset)
{
    QJsonParseError parseError;
    const QJsonDocument json = QJsonDocument::fromJson(bytes, &parseError);
    if (parseError.error != QJsonParseError::NoError || !json.isObject())
        return {};
    QString error;
    const std::optional<PlanData> data = PlanFormat::fromJson(json.object(), &error);
    if (!data || data->steps.isEmpty()) {
        if (!error.isEmpty())
            showFeedback(tr("Cannot paste: %1").arg(error), {});
        return {};
    }
    const auto *command = pushKept(new PasteCommand(m_document.plan(), data->steps, data->edges, m_phase, offset));
    const QList<StepId> pasted = command ? command->pastedSteps() : QList<StepId>();
    selectSteps(pasted);
    return pasted;
}

bool PlanGraphScene::paste()
{
    const QMimeData *mime = QGuiApplication::clipboard()->mimeData();
    if (!mime)
        return false;
    QByteArray bytes = mime->data(QLatin1StringView(PlanStepsMimeType));
    if (bytes.isEmpty())
        bytes = mime->text().toUtf8();
    ++m_pasteCount;
    return !pasteBytes(bytes, QPointF(40, 40) * m_pasteCount).isEmpty();
}

void PlanGraphScene::autoLayout()
{
    PlanLayout::Options options;
    options.nodeWidth = StepNodeItem::Width;
    options.nodeHeight = StepNodeItem::Height;
    options.layerGap = 84;
    options.nodeGap = 36;
    const PlanLayout::Result result = PlanLayout::layout(m_document.plan().data(), options);
    QMap<StepId, QPointF> positions;
    for (auto it = result.positions.cbegin(); it != result.positions.cend(); ++it)
        positions.insert(it.key(), it.value());
    m_document.push(new AutoLayoutCommand(m_document.plan(), positions));
}

void PlanGraphScene::showFeedback(const QString &message, const QPointF &scenePos)
{
    m_feedbackText = message;
    Q_EMIT feedback(message);
    delete m_feedbackItem;
    const StatusStyle style = StatusColors::style(ComponentStatus::Critical, StatusColors::schemeFor(palette()));
    m_feedbackItem = new QGraphicsRectItem;
    auto *text = new QGraphicsSimpleTextItem(message, m_feedbackItem);
    QFont font = text->font();
    font.setPointSizeF(10);
    text->setFont(font);
    text->setBrush(style.text);
    text->setPos(8, 5);
    m_feedbackItem->setRect(text->boundingRect().adjusted(0, 0, 16, 10));
    m_feedbackItem->setBrush(style.fill);
    m_feedbackItem->setPen(Qt::NoPen);
    m_feedbackItem->setZValue(10);
    m_feedbackItem->setPos(scenePos);
    addItem(m_feedbackItem);
    m_feedbackTimer->start();
}

void PlanGraphScene::clearConnectHighlight()
{
    if (m_connectTarget)
        m_connectTarget->setConnectState(0);
    m_connectTarget = nullptr;
}

void PlanGraphScene::endConnection(const QPointF &scenePos)
{
    const StepId start = m_connectFrom;
    const bool fromOutput = m_connectFromOutput;
    m_connectFrom = InvalidStepId;
    delete m_connectLine;
    m_connectLine = nullptr;
    clearConnectHighlight();
    if (start == InvalidStepId || scenePos.isNull())
        return;
    StepNodeItem *target = nodeAt(scenePos);
    if (!target || target->stepId() == start)
        return;
    if (fromOutput)
        connectSteps(start, target->stepId());
    else
        connectSteps(target->stepId(), start);
}

void PlanGraphScene::mousePressEvent(QGraphicsSceneMouseEvent *event)
{
    if (event->button() == Qt::LeftButton) {
        const Port port = portAt(event->scenePos());
        if (port.step != InvalidStepId) {
            m_connectFrom = port.step;
            m_connectFromOutput = port.output;
            m_connectLine = new QGraphicsPathItem;
            m_connectLine->setPen(QPen(palette().color(QPalette::Highlight), 2, Qt::DashLine));
            m_connectLine->setZValue(5);
            addItem(m_connectLine);
            event->accept();
            return;
        }
    }
    QGraphicsScene::mousePressEvent(event);
    if (event->button() != Qt::LeftButton)
        return;
    StepNodeItem *node = nodeAt(event->scenePos());
    if (node && node->isSelected()) {
        m_moving = true;
        m_moved = false;
        ++m_dragNumber;
        m_dragStart = event->scenePos();
        m_dragFrom.clear();
        for (StepId id : selectedSteps())
            m_dragFrom.insert(id, m_document.plan().step(id).position);
        event->accept();
    }
}

void PlanGraphScene::mouseMoveEvent(QGraphicsSceneMouseEvent *event)
{
    if (m_connectFrom != InvalidStepId) {
        const StepNodeItem *start = m_nodes.value(m_connectFrom);
        if (!start)
            return;
        const QPointF a = m_connectFromOutput ? start->outputPort() : start->inputPort();
        const QPointF b = event->scenePos();
        const double dx = std::max(40.0, std::abs(b.x() - a.x()) / 2) * (m_connectFromOutput ? 1 : -1);
        QPainterPath path(a);
        path.cubicTo(a + QPointF(dx, 0), b - QPointF(dx, 0), b);
        m_connectLine->setPath(path);
        StepNodeItem *target = nodeAt(b);
        if (target != m_connectTarget) {
            clearConnectHighlight();
            if (target && target->stepId() != m_connectFrom) {
                const StepId from = m_connectFromOutput ? m_connectFrom : target->stepId();
                const StepId to = m_connectFromOutput ? target->stepId() : m_connectFrom;
                m_connectTarget = target;
                target->setConnectState(m_document.plan().connectionPossible(from, to) ? 1 : -1);
            }
        }
        return;
    }
    if (m_moving && (event->buttons() & Qt::LeftButton)) {
        const QPointF delta = rounded(event->scenePos() - m_dragStart);
        if (delta.isNull() && !m_moved)
            return; // a click's jitter is not a move: no command, no unsaved change
        m_moved = true;
        QMap<StepId, QPointF> to;
        for (auto it = m_dragFrom.cbegin(); it != m_dragFrom.cend(); ++it)
            to.insert(it.key(), it.value() + delta);
        m_document.push(new MoveStepsCommand(m_document.plan(), m_dragFrom, to, m_dragNumber));
        return;
    }
    QGraphicsScene::mouseMoveEvent(event);
}

void PlanGraphScene::mouseReleaseEvent(QGraphicsSceneMouseEvent *event)
{
    if (m_connectFrom != InvalidStepId) {
        endConnection(event->scenePos());
        return;
    }
    m_moving = false;
    QGraphicsScene::mouseReleaseEvent(event);
}

void PlanGraphScene::dragEnterEvent(QGraphicsSceneDragDropEvent *event)
{
    event->setAccepted(event->mimeData()->hasFormat(QLatin1StringView(OperationMimeType)));
}

void PlanGraphScene::dragMoveEvent(QGraphicsSceneDragDropEvent *event)
{
    event->setAccepted(event->mimeData()->hasFormat(QLatin1StringView(OperationMimeType)));
}

void PlanGraphScene::dropEvent(QGraphicsSceneDragDropEvent *event)
{
    const QString code = QString::fromUtf8(event->mimeData()->data(QLatin1StringView(OperationMimeType)));
    if (code.isEmpty()) {
        event->ignore();
        return;
    }
    addOperation(code, event->scenePos() - QPointF(StepNodeItem::Width / 2, StepNodeItem::Height / 2));
    event->setDropAction(Qt::CopyAction);
    event->accept();
}

void PlanGraphScene::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Delete || event->key() == Qt::Key_Backspace) {
        deleteSelection();
        event->accept();
        return;
    }
    QGraphicsScene::keyPressEvent(event);
}

void PlanGraphScene::drawBackground(QPainter *painter, const QRectF &rect)
{
    painter->fillRect(rect, palette().color(QPalette::Window));
    QColor dot = palette().color(QPalette::Text);
    dot.setAlphaF(0.16f);
    painter->setPen(QPen(dot, 2));
    const double left = std::floor(rect.left() / GridSize) * GridSize;
    const double top = std::floor(rect.top() / GridSize) * GridSize;
    if (rect.width() / GridSize * rect.height() / GridSize > 40000)
        return; // zoomed far out: dots would be noise
    QList<QPointF> points;
    for (double x = left; x < rect.right(); x += GridSize)
        for (double y = top; y < rect.bottom(); y += GridSize)
            points.append(QPointF(x, y));
    painter->drawPoints(points.constData(), int(points.size()));
}

} // namespace Haven
