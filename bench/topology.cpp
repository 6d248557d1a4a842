// SPDX-License-Identifier: GPL-3.0-or-later
// Runtime dashboard under load: 10,000 components on 100 sites and 2,000 replication links,
// offscreen. Prints "figure_name value unit" lines:
//   fps while panning at fit and at three zoom levels (median of N frames grabbed from the view),
//   the time the scene takes to apply a status change of every component (median of runs).
// Targets: >= 30 fps, <= 16 ms per full update.
#include "benchsupport.h"
#include "models/topology/fleettopology.h"
#include "widgets/topology/topologyscene.h"
#include "widgets/topology/topologyview.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QImage>
#include <QPainter>
#include <QTextStream>

#include <algorithm>

using namespace Haven;
using Haven::Bench::median;
using Haven::Bench::threadCpuMs;

namespace {

constexpr int Sites = 100;
constexpr int ComponentsPerSite = 100;
constexpr int LinksPerSite = 20; // 2,000 links

constexpr Layer Layers[] = {Layer::Business, Layer::Middleware, Layer::Storage, Layer::Database, Layer::Physical};
const QString Groups[] = {QStringLiteral("payments"), QStringLiteral("accounts"), QStringLiteral("trading")};

QString siteId(int s)
{
    return QStringLiteral("s%1").arg(s, 3, 10, QLatin1Char('0'));
}

TopologySnapshot snapshot(int s, int wave)
{
    TopologySnapshot snap;
    snap.siteId = siteId(s);
    snap.epoch = QStringLiteral("bench");
    snap.revision = quint64(wave + 1);
    for (int i = 0; i < ComponentsPerSite; ++i) {
        Component c;
        c.id = snap.siteId + QStringLiteral("-c%1").arg(i);
        c.name = QStringLiteral("Component %1 of site %2").arg(i).arg(s);
        c.layer = Layers[i % 5];
        c.productGroup = Groups[i % 3];
        c.host = c.id + QStringLiteral(".example");
        const int k = (i + s + wave) % 40;
        c.status = k == 0   ? ComponentStatus::Critical
                   : k == 1 ? ComponentStatus::Warning
                   : k == 2 ? ComponentStatus::Down
                            : ComponentStatus::Ok;
        if (wave % 2 == 1) // every component changes in odd waves
            c.status = c.status == ComponentStatus::Ok ? ComponentStatus::Warning : ComponentStatus::Ok;
        c.metrics.insert(QStringLiteral("cpu"), 30 + (i % 50));
        if (c.layer == Layer::Storage || c.layer == Layer::Database)
            c.metrics.insert(QStringLiteral("capacity"), 40 + (i * 7 + s) % 55);
        snap.components.append(c);
    }
    // Each site is the primary of 20 links: 10 to its right neighbour, 10 to the site after it.
    for (int l = 0; l < LinksPerSite; ++l) {
        const int peer = (s + 1 + l % 2) % Sites;
        ReplicationLink link;
        link.id = QStringLiteral("%1-%2-%3").arg(siteId(s)).arg(siteId(peer)).arg(l);
        link.fromSite = siteId(s);
        link.fromComponent = snap.siteId + QStringLiteral("-c%1").arg(3 + 5 * (l % 20)); // database tiles
        link.toSite = siteId(peer);
        link.toComponent = siteId(peer) + QStringLiteral("-c%1").arg(3 + 5 * (l % 20));
        link.lagSeconds = (l * 13 + s) % 30 / 3.0;
        link.state = (l + s) % 17 == 0 ? ReplicationState::Lagging : ReplicationState::Healthy;
        snap.replication.append(link);
    }
    return snap;
}

void print(const char *name, double value, const char *unit)
{
    QTextStream out(stdout);
    Bench::printFigure(out, name, value, unit);
}

// One frame as the screen gets it: the viewport's paint event (QGraphicsView::render() takes
// another path, which saves the painter around every item and ignores the view's optimisations).
void paintFrame(TopologyView &view, QImage *target)
{
    view.viewport()->render(target, QPoint(), QRegion(), QWidget::DrawChildren);
}

} // namespace

int main(int argc, char *argv[])
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const int frames = argc > 1 ? QString::fromLocal8Bit(argv[1]).toInt() : 30;

    FleetTopology topology;
    QList<SiteState> sites;
    for (int s = 0; s < Sites; ++s) {
        SiteState state;
        state.id = siteId(s);
        state.name = QStringLiteral("Site %1").arg(s);
        state.region = QStringLiteral("region-%1").arg(s / 25);
        state.city = QStringLiteral("city-%1").arg(s / 5);
        state.reachability = Reachability::Online;
        sites.append(state);
    }
    topology.setSites(sites);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (int s = 0; s < Sites; ++s)
        topology.applySnapshot(siteId(s), snapshot(s, 0), now, s % 23 == 0);

    QElapsedTimer build;
    build.start();
    TopologyScene scene(topology);
    print("scene_build_ms", build.nsecsElapsed() / 1e6, "ms");
    if (argc > 2 && QByteArrayView(argv[2]) == "bsp") // for comparison with the NoIndex default
        scene.setItemIndexMethod(QGraphicsScene::BspTreeIndex);
    print("scene_components", scene.componentItemCount(), "items");
    print("scene_links", scene.linkItemCount(), "items");

    TopologyView view;
    view.resize(1920, 1080);
    view.setTopologyScene(&scene);
    view.setColorScheme(ColorScheme::Dark);
    view.show();
    QApplication::processEvents();

    const auto measure = [&](const char *name, double zoom) {
        view.zoomToFit();
        if (zoom > 0) {
            view.resetTransform();
            view.scale(zoom, zoom);
            view.centerOn(scene.contentRect().center());
        }
        QList<double> ms;
        QList<double> cpu;
        QImage target(view.viewport()->size(), QImage::Format_ARGB32_Premultiplied);
        for (int f = 0; f < frames; ++f) {
            // Pan a little each frame (zoom around the cursor in between), then render.
            const QPointF center = view.mapToScene(view.viewport()->rect().center());
            view.centerOn(center + QPointF((f % 2 ? 40 : -35) / view.zoom(), (f % 3 ? 12 : -14) / view.zoom()));
            if (f % 5 == 4)
                view.zoomBy(f % 10 == 4 ? 1.05 : 1 / 1.05);
            QElapsedTimer timer;
            timer.start();
            const double cpuStart = threadCpuMs();
            target.fill(Qt::black);
            paintFrame(view, &target);
            ms.append(timer.nsecsElapsed() / 1e6);
            cpu.append(threadCpuMs() - cpuStart);
        }
        print(name, 1000.0 / median(ms), "fps");
        // What the frame rate would be with a core to itself (the machine is shared).
        print(QByteArray(QByteArray(name) + "_by_cpu_time").constData(), 1000.0 / median(cpu), "fps");
    };
    measure("fps_fit", 0);
    measure("fps_zoom_0_25", 0.25);
    measure("fps_zoom_0_7", 0.7);
    measure("fps_zoom_2", 2.0);

    // A status wave: every component changes; measured until the scene has processed it (all
    // signals are direct), and then with one frame on top.
    view.zoomToFit();
    QList<double> apply;
    QList<double> applyCpu;
    QList<double> applyAndPaint;
    QImage target(view.viewport()->size(), QImage::Format_ARGB32_Premultiplied);
    QList<QList<TopologySnapshot>> waves;
    for (int w = 1; w <= 6; ++w) {
        QList<TopologySnapshot> wave;
        for (int s = 0; s < Sites; ++s)
            wave.append(snapshot(s, w));
        waves.append(wave);
    }
    const int layoutsBefore = scene.layoutCount();
    for (const QList<TopologySnapshot> &wave : std::as_const(waves)) {
        QElapsedTimer timer;
        timer.start();
        const double cpuStart = threadCpuMs();
        for (const TopologySnapshot &snap : wave)
            topology.applySnapshot(snap.siteId, snap, now, false);
        apply.append(timer.nsecsElapsed() / 1e6);
        applyCpu.append(threadCpuMs() - cpuStart);
        paintFrame(view, &target);
        applyAndPaint.append(timer.nsecsElapsed() / 1e6);
    }
    // The same waves on a model nobody watches: what the model itself costs.
    FleetTopology bare;
    bare.setSites(sites);
    for (int s = 0; s < Sites; ++s)
        bare.applySnapshot(siteId(s), snapshot(s, 0), now, false);
    QList<double> modelOnly;
    for (const QList<TopologySnapshot> &wave : std::as_const(waves)) {
        QElapsedTimer timer;
        timer.start();
        for (const TopologySnapshot &snap : wave)
            bare.applySnapshot(snap.siteId, snap, now, false);
        modelOnly.append(timer.nsecsElapsed() / 1e6);
    }
    print("model_only_update_ms", median(modelOnly), "ms");
    print("full_status_update_ms", median(apply), "ms");
    print("full_status_update_cpu_ms", median(applyCpu), "ms");
    print("full_status_update_and_frame_ms", median(applyAndPaint), "ms");
    print("layouts_during_updates", scene.layoutCount() - layoutsBefore, "layouts");
    return 0;
}
