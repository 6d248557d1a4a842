// SPDX-License-Identifier: GPL-3.0-or-later
#include "plangraphview.h"

#include "editing/plans/plandocument.h"
#include "plangraphscene.h"

#include <QAction>
#include <QMouseEvent>
#include <QPainter>
#include <QScrollBar>
#include <QUndoStack>
#include <QWheelEvent>

#include <cmath>

namespace Haven {

namespace {
constexpr double MinZoom = 0.1;
constexpr double MaxZoom = 3.0;
constexpr double ReadableZoom = 0.75;
constexpr QSize OverviewSize(220, 140);
} // namespace

PlanGraphView::PlanGraphView(PlanGraphScene &scene, QWidget *parent)
    : QGraphicsView(&scene, parent)
    , m_scene(scene)
{
    setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
    setDragMode(QGraphicsView::RubberBandDrag);
    setTransformationAnchor(QGraphicsView::AnchorUnderMouse);
    setViewportUpdateMode(QGraphicsView::BoundingRectViewportUpdate);
    setAcceptDrops(true);
    setFocusPolicy(Qt::StrongFocus);

    QUndoStack *stack = scene.document().undoStack();
    m_undo = stack->createUndoAction(this, tr("Undo"));
    m_undo->setShortcut(QKeySequence::Undo);
    m_redo = stack->createRedoAction(this, tr("Redo"));
    m_redo->setShortcuts({QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z), QKeySequence(Qt::CTRL | Qt::Key_Y)});
    for (QAction *action : {m_undo, m_redo}) {
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        addAction(action);
    }
    m_delete = addShortcut(tr("Delete"), QKeySequence::Delete);
    m_selectAll = addShortcut(tr("Select all"), QKeySequence::SelectAll);
    m_copy = addShortcut(tr("Copy"), QKeySequence::Copy);
    m_paste = addShortcut(tr("Paste"), QKeySequence::Paste);
    m_fit = addShortcut(tr("Fit to window"), QKeySequence(Qt::Key_F));
    m_layout = addShortcut(tr("Arrange automatically"), QKeySequence(Qt::Key_L));
    m_fit->setToolTip(tr("Zoom to show the whole phase (F)"));
    m_layout->setToolTip(tr("Arrange the steps in layers along their dependencies (L)"));
    connect(m_delete, &QAction::triggered, &scene, &PlanGraphScene::deleteSelection);
    connect(m_selectAll, &QAction::triggered, &scene, &PlanGraphScene::selectAllSteps);
    connect(m_copy, &QAction::triggered, &scene, &PlanGraphScene::copySelection);
    connect(m_paste, &QAction::triggered, &scene, &PlanGraphScene::paste);
    connect(m_fit, &QAction::triggered, this, &PlanGraphView::zoomToFit);
    connect(m_layout, &QAction::triggered, this, [this] {
        m_scene.autoLayout();
        zoomToFit();
    });
    connect(&scene, &PlanGraphScene::phaseChanged, this, &PlanGraphView::zoomToReadable);
    connect(&scene, &QGraphicsScene::changed, this, &PlanGraphView::updateSceneRect);

    m_overview = new PlanOverview(*this);
    connect(&scene, &QGraphicsScene::changed, m_overview, qOverload<>(&QWidget::update));
    placeOverview();
}

QAction *PlanGraphView::addShortcut(const QString &text, const QKeySequence &key)
{
    auto *action = new QAction(text, this);
    action->setShortcut(key);
    action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    addAction(action);
    return action;
}

double PlanGraphView::zoom() const
{
    return transform().m11();
}

void PlanGraphView::setZoom(double value)
{
    value = std::clamp(value, MinZoom, MaxZoom);
    const double factor = value / zoom();
    scale(factor, factor);
    m_overview->update();
}

void PlanGraphView::zoomToFit()
{
    const QRectF bounds = m_scene.itemsBoundingRect();
    if (bounds.isEmpty())
        return;
    const QRectF target = bounds.adjusted(-48, -48, 48, 48);
    updateSceneRect();
    fitInView(target, Qt::KeepAspectRatio);
    if (zoom() > 1.25)
        setZoom(1.25); // a small plan is not blown up to poster size
    centerOn(bounds.center());
    m_overview->update();
}

void PlanGraphView::zoomToReadable()
{
    const QRectF bounds = m_scene.itemsBoundingRect().adjusted(-48, -48, 48, 48);
    if (bounds.isEmpty())
        return;
    updateSceneRect();
    const QSizeF area = viewport()->size();
    const double fit = std::min(area.width() / bounds.width(), area.height() / bounds.height());
    setZoom(std::clamp(fit, ReadableZoom, 1.0));
    const QSizeF visible = area / zoom();
    // Entry steps are on the left: show the plan from its start.
    const double x = bounds.width() <= visible.width() ? bounds.center().x() : bounds.left() + visible.width() / 2;
    const double y = bounds.height() <= visible.height() ? bounds.center().y() : bounds.top() + visible.height() / 2;
    centerOn(QPointF(x, y));
    m_overview->update();
}

// The scrollable area: the steps plus room around them to drop and drag into. The scene's own
// rect only ever grows (and would keep the other phase's extent), so the view sets its own.
void PlanGraphView::updateSceneRect()
{
    const QRectF bounds = m_scene.itemsBoundingRect();
    const QSizeF room = QSizeF(viewport()->size()) / std::max(zoom(), MinZoom) / 2;
    const QRectF wanted = bounds.isEmpty()
                              ? QRectF(QPointF(-room.width(), -room.height()), room * 2)
                              : bounds.adjusted(-room.width(), -room.height(), room.width(), room.height());
    if (!sceneRect().contains(wanted) || sceneRect().width() > wanted.width() * 1.5
        || sceneRect().height() > wanted.height() * 1.5)
        setSceneRect(wanted);
}

void PlanGraphView::setOverviewVisible(bool visible)
{
    m_overview->setVisible(visible);
}

bool PlanGraphView::isOverviewVisible() const
{
    return m_overview->isVisible();
}

void PlanGraphView::wheelEvent(QWheelEvent *event)
{
    const double steps = event->angleDelta().y() / 120.0;
    if (steps == 0) {
        QGraphicsView::wheelEvent(event);
        return;
    }
    setZoom(zoom() * std::pow(1.15, steps));
    event->accept();
}

void PlanGraphView::mousePressEvent(QMouseEvent *event)
{
    if (event->button() == Qt::MiddleButton) {
        m_panning = true;
        m_panStart = event->position().toPoint();
        viewport()->setCursor(Qt::ClosedHandCursor);
        event->accept();
        return;
    }
    QGraphicsView::mousePressEvent(event);
}

void PlanGraphView::mouseMoveEvent(QMouseEvent *event)
{
    if (m_panning) {
        const QPoint delta = event->position().toPoint() - m_panStart;
        m_panStart = event->position().toPoint();
        horizontalScrollBar()->setValue(horizontalScrollBar()->value() - delta.x());
        verticalScrollBar()->setValue(verticalScrollBar()->value() - delta.y());
        event->accept();
        return;
    }
    QGraphicsView::mouseMoveEvent(event);
}

void PlanGraphView::mouseReleaseEvent(QMouseEvent *event)
{
    if (m_panning && event->button() == Qt::MiddleButton) {
        m_panning = false;
        viewport()->unsetCursor();
        event->accept();
        return;
    }
    QGraphicsView::mouseReleaseEvent(event);
}

void PlanGraphView::resizeEvent(QResizeEvent *event)
{
    QGraphicsView::resizeEvent(event);
    placeOverview();
}

void PlanGraphView::scrollContentsBy(int dx, int dy)
{
    QGraphicsView::scrollContentsBy(dx, dy);
    m_overview->update();
}

void PlanGraphView::placeOverview()
{
    m_overview->resize(OverviewSize);
    const QRect area = viewport()->geometry();
    m_overview->move(area.right() - OverviewSize.width() - 10, area.bottom() - OverviewSize.height() - 10);
    m_overview->raise();
}

// --- PlanOverview -----------------------------------------------------------------------------

PlanOverview::PlanOverview(PlanGraphView &view)
    : QWidget(&view)
    , m_view(view)
{
    setCursor(Qt::PointingHandCursor);
    setToolTip(tr("Overview: click or drag to move the view"));
}

QRectF PlanOverview::sourceRect() const
{
    return m_view.planScene().itemsBoundingRect().adjusted(-40, -40, 40, 40);
}

QTransform PlanOverview::toOverview() const
{
    const QRectF source = sourceRect();
    const QRectF target = QRectF(rect()).adjusted(4, 4, -4, -4);
    if (source.isEmpty())
        return {};
    const double scale = std::min(target.width() / source.width(), target.height() / source.height());
    const QPointF offset = target.center() - QPointF(source.center().x() * scale, source.center().y() * scale);
    return QTransform(scale, 0, 0, scale, offset.x(), offset.y());
}

void PlanOverview::paintEvent(QPaintEvent *event)
{
    Q_UNUSED(event);
    QPainter painter(this);
    const QPalette colors = palette();
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(QPen(colors.color(QPalette::Mid), 1));
    painter.setBrush(colors.color(QPalette::Base));
    painter.drawRoundedRect(QRectF(rect()).adjusted(0.5, 0.5, -0.5, -0.5), 6, 6);
    const QRectF source = sourceRect();
    if (source.isEmpty())
        return;
    const QTransform transform = toOverview();
    painter.save();
    painter.setTransform(transform, true);
    // Steps as blocks, edges as lines: at this size text would be noise.
    QColor edgeColor = colors.color(QPalette::Text);
    edgeColor.setAlphaF(0.4f);
    for (QGraphicsItem *item : m_view.planScene().items()) {
        if (item->type() == GraphEdgeItem::Type) {
            painter.setPen(QPen(edgeColor, 0));
            painter.setBrush(Qt::NoBrush);
            painter.drawPath(static_cast<GraphEdgeItem *>(item)->path());
        } else if (item->type() == GraphNodeItem::Type) {
            painter.setPen(Qt::NoPen);
            painter.setBrush(item->isSelected() ? colors.color(QPalette::Highlight) : colors.color(QPalette::Mid));
            painter.drawRect(QRectF(item->pos(), static_cast<GraphNodeItem *>(item)->size()));
        }
    }
    painter.restore();
    const QRectF visible = m_view.mapToScene(m_view.viewport()->rect()).boundingRect();
    painter.setPen(QPen(colors.color(QPalette::Highlight), 2));
    QColor shade = colors.color(QPalette::Highlight);
    shade.setAlphaF(0.12f);
    painter.setBrush(shade);
    painter.drawRect(transform.mapRect(visible).intersected(QRectF(rect()).adjusted(1, 1, -1, -1)));
}

void PlanOverview::centerViewAt(const QPointF &point)
{
    bool invertible = false;
    const QTransform back = toOverview().inverted(&invertible);
    if (invertible)
        m_view.centerOn(back.map(point));
    update();
}

void PlanOverview::mousePressEvent(QMouseEvent *event)
{
    centerViewAt(event->position());
}

void PlanOverview::mouseMoveEvent(QMouseEvent *event)
{
    if (event->buttons() & Qt::LeftButton)
        centerViewAt(event->position());
}

} // namespace Haven
