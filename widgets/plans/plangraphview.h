// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The view on a PlanGraphScene: zoom with the wheel, pan with the middle button, rubber-band
// selection, zoom-to-fit, an overview of the whole phase in the corner, and the editor's
// keyboard shortcuts as actions (also for toolbars and menus).

#include <QGraphicsView>

class QAction;

namespace Haven {

class PlanGraphScene;
class PlanOverview;

class PlanGraphView final : public QGraphicsView
{
    Q_OBJECT
public:
    explicit PlanGraphView(PlanGraphScene &scene, QWidget *parent = nullptr);
    PlanGraphView(PlanGraphScene &&, QWidget * = nullptr) = delete;

    PlanGraphScene &planScene() const { return m_scene; }

    double zoom() const; // 1 = 100 %
    void setZoom(double zoom);
    void zoomToFit();
    // Opening a plan: fit when that stays readable, else show its beginning at a readable zoom
    // (the overview shows the rest).
    void zoomToReadable();

    void setOverviewVisible(bool visible);
    bool isOverviewVisible() const;
    PlanOverview *overview() const { return m_overview; }

    QAction *undoAction() const { return m_undo; }
    QAction *redoAction() const { return m_redo; }
    QAction *deleteAction() const { return m_delete; }
    QAction *selectAllAction() const { return m_selectAll; }
    QAction *copyAction() const { return m_copy; }
    QAction *pasteAction() const { return m_paste; }
    QAction *fitAction() const { return m_fit; }
    QAction *layoutAction() const { return m_layout; }

protected:
    void wheelEvent(QWheelEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void scrollContentsBy(int dx, int dy) override;

private:
    QAction *addShortcut(const QString &text, const QKeySequence &key);
    void placeOverview();
    void updateSceneRect();

    PlanGraphScene &m_scene;
    PlanOverview *m_overview;
    QAction *m_undo;
    QAction *m_redo;
    QAction *m_delete;
    QAction *m_selectAll;
    QAction *m_copy;
    QAction *m_paste;
    QAction *m_fit;
    QAction *m_layout;
    bool m_panning = false;
    QPoint m_panStart;
};

// The whole phase in miniature with the visible part framed; click or drag to move there.
class PlanOverview final : public QWidget
{
    Q_OBJECT
public:
    explicit PlanOverview(PlanGraphView &view);

protected:
    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;

private:
    QRectF sourceRect() const;
    QTransform toOverview() const;
    void centerViewAt(const QPointF &point);

    PlanGraphView &m_view;
};

} // namespace Haven
