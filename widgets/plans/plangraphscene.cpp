// SPDX-License-Identifier: GPL-3.0-or-later
#include "plangraphscene.h"

#include "editing/plans/plancommands.h"
#include "editing/plans/plandocument.h"
#include "models/plans/planformat.h"
#include "models/plans/planlayout.h"
#include "widgets/common/statuscolors.h"

#include <QClipboard>
#include <QGraphicsSceneDragDropEvent>
#include <QGuiApplication>
#include <QJsonDocument>
#include <QMimeData>
#include <QTimer>
#include <QUndoStack>

#include <cmath>

namespace Haven {

namespace {

QPointF rounded(const QPointF &p)
{
    return QPointF(std::round(p.x()), std::round(p.y()));
}

} // namespace

PlanGraphScene::PlanGraphScene(PlanDocument &document, QObject *parent)
    : GraphScene(document.plan().graph(), parent)
    , m_document(document)
    , m_feedbackTimer(new QTimer(this))
{
    m_feedbackTimer->setSingleShot(true);
    m_feedbackTimer->setInterval(3500);
    connect(m_feedbackTimer, &QTimer::timeout, this, [this] {
        delete m_feedbackItem;
        m_feedbackItem = nullptr;
    });

    setGridVisible(true);
    setNodeFilter([this](NodeId id) { return m_document.plan().step(id).phase == m_phase; });
    const Plan &plan = document.plan();
    connect(&plan, &Plan::metadataChanged, this, [this] {
        if (!m_document.plan().phases().contains(m_phase))
            setPhase(PlanPhase::Switchover);
    });
    connect(&document, &PlanDocument::validationChanged, this, &GraphScene::refreshAll);
    connect(this, &GraphScene::selectedNodesChanged, this, &PlanGraphScene::selectedStepsChanged);
    setNodePainter(QString(StepNodeKind), std::make_unique<StepNodePainter>(document)); // builds the items
}

PlanGraphScene::~PlanGraphScene()
{
    // Items reach back into the scene while being destroyed: drop them first.
    const QSignalBlocker blocker(this);
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

QList<PlanEdge> PlanGraphScene::selectedEdges() const
{
    QList<PlanEdge> edges;
    for (const EdgeKey &key : GraphScene::selectedEdges())
        edges.append({key.from, key.to});
    return edges;
}

void PlanGraphScene::selectAllSteps()
{
    QList<StepId> all;
    for (const GraphNodeItem *node : nodeItems())
        all.append(node->nodeId());
    selectSteps(all);
}

EdgeStyle PlanGraphScene::edgeStyle(const GraphEdge &edge, bool selected) const
{
    // A dependency with a finding is red and dashed; selected, it keeps the dashes.
    EdgeStyle style = GraphScene::edgeStyle(edge, false);
    style.targetGap = StepNodeItem::PortRadius + 1;
    if (!m_document.issuesOf(PlanEdge{edge.from, edge.to}).isEmpty()) {
        style.color = StatusColors::style(ComponentStatus::Critical, StatusColors::schemeFor(colors())).fill;
        style.penStyle = Qt::DashLine;
        style.width = 2.2;
    }
    if (selected) {
        style.color = colors().color(QPalette::Highlight);
        style.width = 3;
    }
    return style;
}

QString PlanGraphScene::edgeToolTip(const GraphEdge &edge) const
{
    const QList<PlanIssue> issues = m_document.issuesOf(PlanEdge{edge.from, edge.to});
    const PlanStep from = m_document.plan().step(edge.from);
    const PlanStep to = m_document.plan().step(edge.to);
    QString tip = tr("\"%1\" runs after \"%2\" has finished").arg(to.name, from.name);
    if (!issues.isEmpty())
        tip += QLatin1Char('\n') + StepNodePainter::issueText(issues);
    return tip;
}

template<typename Command>
const Command *PlanGraphScene::pushKept(Command *command)
{
    QUndoStack *stack = m_document.undoStack();
    const int before = stack->count();
    m_document.push(command);
    return stack->count() > before && stack->command(stack->count() - 1) == command ? command : nullptr;
}

void PlanGraphScene::moveNodes(const QMap<NodeId, QPointF> &from, const QMap<NodeId, QPointF> &to, int dragNumber)
{
    m_document.push(new MoveStepsCommand(m_document.plan(), from, to, dragNumber));
}

bool PlanGraphScene::connectionAllowed(NodeId from, NodeId to) const
{
    return m_document.plan().connectionPossible(from, to);
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
        const StepNodeItem *target = nodeItem(to);
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

} // namespace Haven
