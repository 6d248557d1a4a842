// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "topologyscene.h"
#include "widgets/common/statuscolors.h"

#include <QGraphicsView>
#include <QPointer>

namespace Haven {

// Shows a TopologyScene: pan (left drag on empty space, middle drag), wheel zoom around the
// cursor, keys + - 0 F, search and filters. Stays fitted to the whole fleet until the operator
// zooms or pans, so a wall screen needs no clicks.
class TopologyView final : public QGraphicsView
{
    Q_OBJECT
public:
    explicit TopologyView(QWidget *parent = nullptr);
    ~TopologyView() override;

    void setTopologyScene(TopologyScene *scene);
    TopologyScene *topologyScene() const { return m_scene; }

    void zoomToFit();
    void zoomIn();
    void zoomOut();
    void zoomBy(double factor);
    void resetZoom(); // one scene unit per pixel
    double zoom() const;
    bool isFitted() const { return m_fitted; }

    // Highlights matches (name, id or host) and centres on the first; returns how many matched.
    int setSearchText(const QString &text);
    void setFilter(const TopologyFilter &filter);
    void setColorScheme(ColorScheme scheme);

Q_SIGNALS:
    void componentActivated(const QString &siteId, const QString &componentId);
    void linkActivated(const QString &linkId);
    void zoomChanged(double zoom);

protected:
    void wheelEvent(QWheelEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void activateAt(const QPoint &pos);

    QPointer<TopologyScene> m_scene;
    bool m_fitted = true;
    bool m_panning = false;
    bool m_dragged = false;
    QPoint m_pressPos;
    QPoint m_lastPos;
};

} // namespace Haven
