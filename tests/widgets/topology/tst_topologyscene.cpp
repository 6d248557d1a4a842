// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/topology/fleettopology.h"
#include "widgets/topology/topologyscene.h"
#include "widgets/topology/topologyview.h"

#include <QDir>
#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QPainter>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Haven;

Q_DECLARE_METATYPE(Haven::ComponentStatus)
Q_DECLARE_METATYPE(Haven::TopologyFilter)

namespace {

Component component(const QString &id, Layer layer, ComponentStatus status = ComponentStatus::Ok,
                    const QString &group = {}, const QString &host = {})
{
    Component c;
    c.id = id;
    c.name = QStringLiteral("Name of ") + id;
    c.layer = layer;
    c.status = status;
    c.productGroup = group;
    c.host = host;
    c.metrics.insert(QStringLiteral("cpu"), 20);
    return c;
}

SiteState site(const QString &id, const QString &region, const QString &city)
{
    SiteState s;
    s.id = id;
    s.name = id.toUpper();
    s.region = region;
    s.city = city;
    s.reachability = Reachability::Online;
    return s;
}

ReplicationLink link(const QString &id, const QString &fromSite, const QString &toSite, ReplicationRole role,
                     ReplicationState state = ReplicationState::Healthy, double lag = 0.5)
{
    ReplicationLink l;
    l.id = id;
    l.fromSite = fromSite;
    l.fromComponent = fromSite + QStringLiteral("-db");
    l.toSite = toSite;
    l.toComponent = toSite + QStringLiteral("-db");
    l.role = role;
    l.state = state;
    l.lagSeconds = lag;
    return l;
}

// Three sites, listed out of group order: a (east/Shanghai), c (east/Hangzhou), b (east/Shanghai).
// Each has an app (business, payments), a cache (middleware, accounts) and a db (database, payments).
void fill(FleetTopology &topology)
{
    topology.setSites({site(QStringLiteral("a"), QStringLiteral("east"), QStringLiteral("Shanghai")),
                       site(QStringLiteral("c"), QStringLiteral("east"), QStringLiteral("Hangzhou")),
                       site(QStringLiteral("b"), QStringLiteral("east"), QStringLiteral("Shanghai"))});
    for (const QString &s : topology.siteIds()) {
        TopologySnapshot snap;
        snap.siteId = s;
        snap.epoch = QStringLiteral("e1");
        snap.revision = 1;
        snap.components = {component(s + QStringLiteral("-app"), Layer::Business, ComponentStatus::Ok,
                                     QStringLiteral("payments"), s + QStringLiteral("-host-1")),
                           component(s + QStringLiteral("-cache"), Layer::Middleware, ComponentStatus::Ok,
                                     QStringLiteral("accounts"), s + QStringLiteral("-host-2")),
                           component(s + QStringLiteral("-db"), Layer::Database, ComponentStatus::Ok,
                                     QStringLiteral("payments"), s + QStringLiteral("-host-3"))};
        snap.traffic = {{QStringLiteral("payments"), 50}};
        topology.applySnapshot(s, snap, QDateTime::currentDateTimeUtc(), false);
    }
}

TopologyChanges changes(const FleetTopology &topology, const QString &siteId)
{
    TopologyChanges c;
    c.siteId = siteId;
    c.epoch = topology.site(siteId)->epoch;
    c.since = topology.site(siteId)->revision;
    c.revision = c.since + 1;
    return c;
}

// One demo profile (agent/profiles/demo/*.json) as the agent would report it.
bool loadProfile(const QString &path, SiteState *site, TopologySnapshot *snapshot)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return false;
    const QJsonObject profile = QJsonDocument::fromJson(file.readAll()).object();
    const QJsonObject info = profile.value(QStringLiteral("site")).toObject();
    site->id = info.value(QStringLiteral("id")).toString();
    site->name = info.value(QStringLiteral("name")).toString();
    site->region = info.value(QStringLiteral("region")).toString();
    site->city = info.value(QStringLiteral("city")).toString();
    site->reachability = Reachability::Online;
    snapshot->siteId = site->id;
    snapshot->epoch = QStringLiteral("demo");
    snapshot->revision = 1;
    const QJsonArray components = profile.value(QStringLiteral("components")).toArray();
    for (const QJsonValue &value : components) {
        QJsonObject json = value.toObject();
        json.insert(QStringLiteral("status"), QStringLiteral("ok"));
        QString error;
        const std::optional<Component> c = Component::fromJson(json, &error);
        if (!c) {
            qWarning() << error;
            return false;
        }
        snapshot->components.append(*c);
    }
    const QJsonArray links = profile.value(QStringLiteral("replication")).toArray();
    for (const QJsonValue &value : links) {
        const QJsonObject json = value.toObject();
        ReplicationLink l;
        l.id = json.value(QStringLiteral("id")).toString();
        const bool primary = json.value(QStringLiteral("role")).toString() == QLatin1StringView("primary");
        const QString here = json.value(QStringLiteral("component")).toString();
        const QString peerSite = json.value(QStringLiteral("peerSite")).toString();
        const QString peer = json.value(QStringLiteral("peerComponent")).toString();
        l.role = primary ? ReplicationRole::Primary : ReplicationRole::Standby;
        l.fromSite = primary ? site->id : peerSite;
        l.fromComponent = primary ? here : peer;
        l.toSite = primary ? peerSite : site->id;
        l.toComponent = primary ? peer : here;
        l.lagSeconds = json.value(QStringLiteral("lagSeconds")).toDouble();
        snapshot->replication.append(l);
    }
    const QJsonObject traffic = profile.value(QStringLiteral("traffic")).toObject();
    for (auto it = traffic.begin(); it != traffic.end(); ++it)
        snapshot->traffic.insert(it.key(), it.value().toDouble());
    return true;
}

} // namespace

class TestTopologyScene final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void sceneReflectsTheModel();
    void sitesAreGroupedByRegionAndCity();
    void statusChangeUpdatesOnlyThatItem_data();
    void statusChangeUpdatesOnlyThatItem();
    void insertedAndRemovedComponents();
    void staleSiteIsMarked_data();
    void staleSiteIsMarked();
    void linksAreDeduplicated();
    void cellSummaryCountsProblems();
    void filtersDimNonMatchingTiles_data();
    void filtersDimNonMatchingTiles();
    void searchFindsByNameIdAndHost_data();
    void searchFindsByNameIdAndHost();
    void clickActivatesComponentAndKeysZoom();
    void rendersTheDemoSites();
};

void TestTopologyScene::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestTopologyScene::sceneReflectsTheModel()
{
    FleetTopology topology;
    fill(topology);
    TopologyScene scene(topology);
    QCOMPARE(scene.componentItemCount(), 9);
    QCOMPARE(scene.componentItems().size(), 9);
    for (const QString &s : topology.siteIds()) {
        QVERIFY(scene.siteHeaderItem(s));
        QVERIFY(scene.cellItem(s, Layer::Physical));
        for (const Component &c : topology.components(s)) {
            ComponentTileItem *tile = scene.componentItem(s, c.id);
            QVERIFY(tile);
            QCOMPARE(tile->siteId(), s);
            QCOMPARE(int(tile->layer()), int(c.layer));
        }
    }
    QVERIFY(!scene.componentItem(QStringLiteral("a"), QStringLiteral("nope")));
    // Tiles of one layer share a row; tiles of different layers do not.
    const double appY = scene.componentItem(QStringLiteral("a"), QStringLiteral("a-app"))->y();
    QCOMPARE(scene.componentItem(QStringLiteral("b"), QStringLiteral("b-app"))->y(), appY);
    QVERIFY(scene.componentItem(QStringLiteral("a"), QStringLiteral("a-db"))->y() > appY);
    QVERIFY(scene.contentRect().contains(scene.itemsBoundingRect().adjusted(1, 1, -1, -1)));
}

void TestTopologyScene::sitesAreGroupedByRegionAndCity()
{
    FleetTopology topology;
    fill(topology);
    TopologyScene scene(topology);
    QCOMPARE(scene.siteOrder(), (QStringList{QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c")}));
    const double ax = scene.siteHeaderItem(QStringLiteral("a"))->boundingRect().x();
    const double bx = scene.siteHeaderItem(QStringLiteral("b"))->boundingRect().x();
    const double cx = scene.siteHeaderItem(QStringLiteral("c"))->boundingRect().x();
    QVERIFY(ax < bx);
    QVERIFY(bx < cx);
    // Another city starts after a wider gap than the one between sites of the same city.
    QVERIFY(cx - bx > bx - ax);
}

void TestTopologyScene::statusChangeUpdatesOnlyThatItem_data()
{
    QTest::addColumn<ComponentStatus>("status");
    QTest::addRow("warning") << ComponentStatus::Warning;
    QTest::addRow("critical") << ComponentStatus::Critical;
    QTest::addRow("down") << ComponentStatus::Down;
    QTest::addRow("unknown") << ComponentStatus::Unknown;
}

void TestTopologyScene::statusChangeUpdatesOnlyThatItem()
{
    QFETCH(ComponentStatus, status);
    FleetTopology topology;
    fill(topology);
    TopologyScene scene(topology);
    const QList<ComponentTileItem *> before = scene.componentItems();
    const int layouts = scene.layoutCount();
    ComponentTileItem *db = scene.componentItem(QStringLiteral("b"), QStringLiteral("b-db"));
    ComponentTileItem *app = scene.componentItem(QStringLiteral("b"), QStringLiteral("b-app"));
    const QPointF dbPos = db->pos();

    TopologyChanges c = changes(topology, QStringLiteral("b"));
    Component changed = topology.components(QStringLiteral("b")).at(2);
    QCOMPARE(changed.id, QStringLiteral("b-db"));
    changed.status = status;
    changed.alerts = {Alert{QStringLiteral("x"), QStringLiteral("critical"), QStringLiteral("disk"), {}}};
    c.components = {changed};
    QVERIFY(topology.applyChanges(QStringLiteral("b"), c, QDateTime::currentDateTimeUtc()));

    QCOMPARE(scene.componentItems(), before); // same items, none rebuilt
    QCOMPARE(scene.layoutCount(), layouts);
    QCOMPARE(scene.componentItem(QStringLiteral("b"), QStringLiteral("b-db")), db);
    QCOMPARE(int(db->status()), int(status));
    QCOMPARE(db->alertCount(), 1);
    QCOMPARE(db->pos(), dbPos);
    QCOMPARE(int(app->status()), int(ComponentStatus::Ok));
    QCOMPARE(int(scene.componentItem(QStringLiteral("a"), QStringLiteral("a-db"))->status()), int(ComponentStatus::Ok));
    const LayerCellItem::Summary &summary = scene.cellItem(QStringLiteral("b"), Layer::Database)->summary();
    QCOMPARE(summary.problems, 1);
    QCOMPARE(summary.alerts, 1);
    QCOMPARE(int(summary.worst), int(status));
    QCOMPARE(scene.cellItem(QStringLiteral("a"), Layer::Database)->summary().problems, 0);
}

void TestTopologyScene::insertedAndRemovedComponents()
{
    FleetTopology topology;
    fill(topology);
    TopologyScene scene(topology);
    ComponentTileItem *app = scene.componentItem(QStringLiteral("a"), QStringLiteral("a-app"));
    ComponentTileItem *cApp = scene.componentItem(QStringLiteral("c"), QStringLiteral("c-app"));

    TopologyChanges add = changes(topology, QStringLiteral("a"));
    for (int i = 0; i < 7; ++i) // more than a row: the business row grows for every site
        add.components.append(component(QStringLiteral("a-app%1").arg(i), Layer::Business));
    const double dbY = scene.componentItem(QStringLiteral("c"), QStringLiteral("c-db"))->y();
    QVERIFY(topology.applyChanges(QStringLiteral("a"), add, QDateTime::currentDateTimeUtc()));
    QCOMPARE(scene.componentItemCount(), 16);
    QVERIFY(scene.componentItem(QStringLiteral("a"), QStringLiteral("a-app6")));
    QCOMPARE(scene.componentItem(QStringLiteral("a"), QStringLiteral("a-app")), app);
    QCOMPARE(scene.componentItem(QStringLiteral("c"), QStringLiteral("c-app")), cApp);
    QVERIFY(scene.componentItem(QStringLiteral("c"), QStringLiteral("c-db"))->y() > dbY);
    QCOMPARE(scene.cellItem(QStringLiteral("a"), Layer::Business)->summary().total, 8);

    TopologyChanges remove = changes(topology, QStringLiteral("a"));
    remove.removedComponents = {QStringLiteral("a-app3"), QStringLiteral("a-cache")};
    QVERIFY(topology.applyChanges(QStringLiteral("a"), remove, QDateTime::currentDateTimeUtc()));
    QCOMPARE(scene.componentItemCount(), 14);
    QVERIFY(!scene.componentItem(QStringLiteral("a"), QStringLiteral("a-app3")));
    QVERIFY(!scene.componentItem(QStringLiteral("a"), QStringLiteral("a-cache")));
    QCOMPARE(scene.componentItem(QStringLiteral("a"), QStringLiteral("a-app")), app);
    QCOMPARE(scene.cellItem(QStringLiteral("a"), Layer::Middleware)->summary().total, 0);
    int tiles = 0;
    for (QGraphicsItem *item : scene.items())
        tiles += qgraphicsitem_cast<ComponentTileItem *>(item) ? 1 : 0;
    QCOMPARE(tiles, 14);

    // A site that leaves the environment takes its items along.
    topology.setSites({site(QStringLiteral("a"), QStringLiteral("east"), QStringLiteral("Shanghai")),
                       site(QStringLiteral("b"), QStringLiteral("east"), QStringLiteral("Shanghai"))});
    QCOMPARE(scene.componentItemCount(), 11);
    QVERIFY(!scene.siteHeaderItem(QStringLiteral("c")));
    QCOMPARE(scene.componentItem(QStringLiteral("a"), QStringLiteral("a-app")), app);
}

void TestTopologyScene::staleSiteIsMarked_data()
{
    QTest::addColumn<bool>("fromCache");
    QTest::addColumn<bool>("unreachable");
    QTest::addColumn<bool>("stale");
    QTest::addRow("fresh") << false << false << false;
    QTest::addRow("cached") << true << false << true;
    QTest::addRow("unreachable") << false << true << true;
}

void TestTopologyScene::staleSiteIsMarked()
{
    QFETCH(bool, fromCache);
    QFETCH(bool, unreachable);
    QFETCH(bool, stale);
    FleetTopology topology;
    fill(topology);
    TopologyScene scene(topology);
    const QString b = QStringLiteral("b");
    topology.applySnapshot(b, topology.snapshot(b), QDateTime::currentDateTimeUtc().addSecs(-12 * 60 - 5), fromCache);
    if (unreachable)
        topology.setReachability(b, Reachability::Unreachable, QStringLiteral("timeout"), {});
    QCOMPARE(scene.isSiteStale(b), stale);
    QCOMPARE(scene.siteShadeItem(b)->isVisible(), stale);
    QCOMPARE(scene.dataAgeText(b), stale ? QStringLiteral("12 min old") : QString());
    QVERIFY(!scene.siteShadeItem(QStringLiteral("a"))->isVisible());
    // The shade covers the whole column and lies above the tiles.
    ComponentTileItem *tile = scene.componentItem(b, QStringLiteral("b-db"));
    QVERIFY(scene.siteShadeItem(b)->sceneBoundingRect().contains(tile->sceneBoundingRect()));
    QVERIFY(scene.siteShadeItem(b)->zValue() > tile->zValue());

    topology.applySnapshot(b, topology.snapshot(b), QDateTime::currentDateTimeUtc(), false);
    topology.setReachability(b, Reachability::Online, {}, QDateTime::currentDateTimeUtc());
    QVERIFY(!scene.siteShadeItem(b)->isVisible());
}

void TestTopologyScene::linksAreDeduplicated()
{
    FleetTopology topology;
    fill(topology);
    TopologyScene scene(topology);
    QCOMPARE(scene.linkItemCount(), 0);

    const auto report = [&](const QString &siteId, const QList<ReplicationLink> &links) {
        TopologyChanges c = changes(topology, siteId);
        c.replication = links;
        QVERIFY(topology.applyChanges(siteId, c, QDateTime::currentDateTimeUtc()));
    };
    // Both ends report a->b; a alone reports a->c.
    report(QStringLiteral("a"),
           {link(QStringLiteral("ab"), QStringLiteral("a"), QStringLiteral("b"), ReplicationRole::Primary),
            link(QStringLiteral("ac"), QStringLiteral("a"), QStringLiteral("c"), ReplicationRole::Primary)});
    report(QStringLiteral("b"), {link(QStringLiteral("ab"), QStringLiteral("a"), QStringLiteral("b"),
                                      ReplicationRole::Standby, ReplicationState::Lagging, 12)});
    QCOMPARE(scene.linkItemCount(), 2);
    ReplicationLinkItem *ab = scene.linkItem(QStringLiteral("ab"));
    QVERIFY(ab);
    QCOMPARE(int(ab->state()), int(ReplicationState::Lagging)); // the worse report wins
    QCOMPARE(ab->lagSeconds(), 12.0);
    // The arrow runs from a's database cell to b's, at the height of the db tiles.
    const QRectF from = scene.cellItem(QStringLiteral("a"), Layer::Database)->sceneBoundingRect();
    const QRectF to = scene.cellItem(QStringLiteral("b"), Layer::Database)->sceneBoundingRect();
    const double y = scene.componentItem(QStringLiteral("a"), QStringLiteral("a-db"))->sceneBoundingRect().center().y();
    QVERIFY(ab->shape().boundingRect().left() >= from.right() - 8);
    QVERIFY(ab->shape().boundingRect().right() <= to.left() + 8);
    QVERIFY(std::abs(ab->shape().boundingRect().center().y() - y) < 20);

    // A status change elsewhere leaves the link item alone; a link that nobody reports goes.
    report(QStringLiteral("b"), {link(QStringLiteral("ab"), QStringLiteral("a"), QStringLiteral("b"),
                                      ReplicationRole::Standby, ReplicationState::Broken, 300)});
    QCOMPARE(scene.linkItem(QStringLiteral("ab")), ab);
    QCOMPARE(int(ab->state()), int(ReplicationState::Broken));
    TopologyChanges drop = changes(topology, QStringLiteral("a"));
    drop.removedReplication = {QStringLiteral("ac")};
    QVERIFY(topology.applyChanges(QStringLiteral("a"), drop, QDateTime::currentDateTimeUtc()));
    QCOMPARE(scene.linkItemCount(), 1);
    QVERIFY(!scene.linkItem(QStringLiteral("ac")));
}

void TestTopologyScene::cellSummaryCountsProblems()
{
    FleetTopology topology;
    fill(topology);
    TopologyScene scene(topology);
    TopologyChanges c = changes(topology, QStringLiteral("c"));
    Component db = component(QStringLiteral("c-db2"), Layer::Database, ComponentStatus::Down);
    db.metrics.insert(QStringLiteral("capacity"), 91);
    Component db3 = component(QStringLiteral("c-db3"), Layer::Database, ComponentStatus::Warning);
    db3.metrics.insert(QStringLiteral("capacity"), 40);
    c.components = {db, db3};
    QVERIFY(topology.applyChanges(QStringLiteral("c"), c, QDateTime::currentDateTimeUtc()));
    const LayerCellItem::Summary &s = scene.cellItem(QStringLiteral("c"), Layer::Database)->summary();
    QCOMPARE(s.total, 3);
    QCOMPARE(s.problems, 2);
    QCOMPARE(s.critical, 1);
    QCOMPARE(s.warning, 1);
    QCOMPARE(int(s.worst), int(ComponentStatus::Down));
    QCOMPARE(s.capacity, 91.0);
    QCOMPARE(scene.componentItem(QStringLiteral("c"), QStringLiteral("c-db2"))->capacity(), 91.0);
    QCOMPARE(scene.componentItem(QStringLiteral("c"), QStringLiteral("c-db"))->capacity(), -1.0);
}

void TestTopologyScene::filtersDimNonMatchingTiles_data()
{
    QTest::addColumn<TopologyFilter>("filter");
    QTest::addColumn<QStringList>("visible"); // suffixes of the tiles left undimmed in every site

    QTest::addRow("none") << TopologyFilter{}
                          << QStringList{QStringLiteral("app"), QStringLiteral("cache"), QStringLiteral("db")};
    QTest::addRow("payments") << TopologyFilter{{QStringLiteral("payments")}, {}, {}}
                              << QStringList{QStringLiteral("app"), QStringLiteral("db")};
    QTest::addRow("middleware") << TopologyFilter{{}, {Layer::Middleware}, {}} << QStringList{QStringLiteral("cache")};
    QTest::addRow("payments databases") << TopologyFilter{{QStringLiteral("payments")}, {Layer::Database}, {}}
                                        << QStringList{QStringLiteral("db")};
    QTest::addRow("critical") << TopologyFilter{{}, {}, {ComponentStatus::Critical}} << QStringList{};
    QTest::addRow("ok") << TopologyFilter{{}, {}, {ComponentStatus::Ok}}
                        << QStringList{QStringLiteral("app"), QStringLiteral("cache"), QStringLiteral("db")};
}

void TestTopologyScene::filtersDimNonMatchingTiles()
{
    QFETCH(TopologyFilter, filter);
    QFETCH(QStringList, visible);
    FleetTopology topology;
    fill(topology);
    TopologyScene scene(topology);
    TopologyView view;
    view.setTopologyScene(&scene);
    view.setFilter(filter);
    for (const QString &s : topology.siteIds()) {
        for (const QString &suffix : {QStringLiteral("app"), QStringLiteral("cache"), QStringLiteral("db")}) {
            const ComponentTileItem *tile = scene.componentItem(s, s + QLatin1Char('-') + suffix);
            QVERIFY(tile);
            QCOMPARE(tile->isDimmed(), !visible.contains(suffix));
        }
    }
    // A tile that starts to match a status filter lights up.
    if (filter.statuses == QSet<ComponentStatus>{ComponentStatus::Critical}) {
        TopologyChanges c = changes(topology, QStringLiteral("a"));
        c.components = {component(QStringLiteral("a-db"), Layer::Database, ComponentStatus::Critical)};
        QVERIFY(topology.applyChanges(QStringLiteral("a"), c, QDateTime::currentDateTimeUtc()));
        QVERIFY(!scene.componentItem(QStringLiteral("a"), QStringLiteral("a-db"))->isDimmed());
        QVERIFY(scene.componentItem(QStringLiteral("b"), QStringLiteral("b-db"))->isDimmed());
    }
}

void TestTopologyScene::searchFindsByNameIdAndHost_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("expected"); // site/component
    QTest::addRow("empty") << QString() << QStringList{};
    QTest::addRow("id") << QStringLiteral("b-cache") << QStringList{QStringLiteral("b/b-cache")};
    QTest::addRow("name, any case") << QStringLiteral("NAME OF c-d") << QStringList{QStringLiteral("c/c-db")};
    QTest::addRow("host") << QStringLiteral("a-host-3") << QStringList{QStringLiteral("a/a-db")};
    QTest::addRow("several, display order")
        << QStringLiteral("-app")
        << QStringList{QStringLiteral("a/a-app"), QStringLiteral("b/b-app"), QStringLiteral("c/c-app")};
    QTest::addRow("nothing") << QStringLiteral("zzz") << QStringList{};
}

void TestTopologyScene::searchFindsByNameIdAndHost()
{
    QFETCH(QString, text);
    QFETCH(QStringList, expected);
    FleetTopology topology;
    fill(topology);
    TopologyScene scene(topology);
    TopologyView view;
    view.resize(800, 600);
    view.setTopologyScene(&scene);
    QCOMPARE(view.setSearchText(text), int(expected.size()));
    QStringList found;
    for (const ComponentTileItem *tile : scene.searchMatches())
        found.append(tile->siteId() + QLatin1Char('/') + tile->componentId());
    QCOMPARE(found, expected);
    if (!expected.isEmpty()) { // the view centres on the first match
        const ComponentTileItem *first = scene.componentItem(expected.first().section(QLatin1Char('/'), 0, 0),
                                                             expected.first().section(QLatin1Char('/'), 1));
        QVERIFY(view.mapToScene(view.viewport()->rect()).boundingRect().contains(first->sceneBoundingRect().center()));
        QVERIFY(first->isHighlighted());
    }
    view.setSearchText({});
    QVERIFY(scene.searchMatches().isEmpty());
}

void TestTopologyScene::clickActivatesComponentAndKeysZoom()
{
    FleetTopology topology;
    fill(topology);
    TopologyScene scene(topology);
    TopologyView view;
    view.resize(1200, 800);
    view.setTopologyScene(&scene);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QVERIFY(view.isFitted());

    QSignalSpy activated(&view, &TopologyView::componentActivated);
    const ComponentTileItem *tile = scene.componentItem(QStringLiteral("b"), QStringLiteral("b-cache"));
    const QPoint at = view.mapFromScene(tile->sceneBoundingRect().center());
    QTest::mouseClick(view.viewport(), Qt::LeftButton, {}, at);
    QCOMPARE(activated.size(), 1);
    QCOMPARE(activated.at(0).at(0).toString(), QStringLiteral("b"));
    QCOMPARE(activated.at(0).at(1).toString(), QStringLiteral("b-cache"));
    // A click on empty space activates nothing.
    QTest::mouseClick(view.viewport(), Qt::LeftButton, {}, view.mapFromScene(QPointF(2, 2)));
    QCOMPARE(activated.size(), 1);

    const double fitted = view.zoom();
    QTest::keyClick(&view, Qt::Key_Plus);
    QVERIFY(view.zoom() > fitted);
    QVERIFY(!view.isFitted());
    QTest::keyClick(&view, Qt::Key_Minus);
    QTest::keyClick(&view, Qt::Key_Minus);
    QVERIFY(view.zoom() < fitted);
    QTest::keyClick(&view, Qt::Key_0);
    QCOMPARE(view.zoom(), 1.0);
    QTest::keyClick(&view, Qt::Key_F);
    QVERIFY(view.isFitted());
    QCOMPARE(view.zoom(), fitted);
}

// The three demo sites, with a few problems, rendered at 1920×1080 in both schemes: look at them.
// HAVEN_SCREENSHOT_DIR keeps the images; otherwise they go to a temporary directory.
void TestTopologyScene::rendersTheDemoSites()
{
    FleetTopology topology;
    QList<SiteState> sites;
    QList<TopologySnapshot> snapshots;
    for (const QString &id : {QStringLiteral("sha"), QStringLiteral("shb"), QStringLiteral("hzc")}) {
        SiteState s;
        TopologySnapshot snap;
        QVERIFY(loadProfile(QStringLiteral(HAVEN_PROFILES_DIR "/demo/") + id + QStringLiteral(".json"), &s, &snap));
        sites.append(s);
        snapshots.append(snap);
    }
    topology.setSites(sites);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (const TopologySnapshot &snap : std::as_const(snapshots))
        topology.applySnapshot(snap.siteId, snap, now, false);
    for (const SiteState &s : std::as_const(sites))
        topology.setReachability(s.id, Reachability::Online, {}, now);

    // Problems an operator must see from across the room.
    TopologySnapshot sha = topology.snapshot(QStringLiteral("sha"));
    for (Component &c : sha.components) {
        if (c.id == QLatin1StringView("sha-pay-mysql-01")) {
            c.status = ComponentStatus::Critical;
            c.metrics.insert(QStringLiteral("capacity"), 86);
            c.alerts = {Alert{QStringLiteral("a1"), QStringLiteral("critical"), QStringLiteral("capacity above 80%"),
                              now},
                        Alert{QStringLiteral("a2"), QStringLiteral("warning"), QStringLiteral("slow queries"), now}};
        } else if (c.id == QLatin1StringView("sha-kafka-02")) {
            c.status = ComponentStatus::Warning;
            c.alerts = {Alert{QStringLiteral("a3"), QStringLiteral("warning"), QStringLiteral("consumer lag"), now}};
        }
    }
    for (ReplicationLink &l : sha.replication) {
        if (l.id == QLatin1StringView("pay-mysql-01.sha-shb")) {
            l.state = ReplicationState::Lagging;
            l.lagSeconds = 42;
        }
    }
    topology.applySnapshot(QStringLiteral("sha"), sha, now, false);
    TopologySnapshot hzc = topology.snapshot(QStringLiteral("hzc"));
    topology.applySnapshot(QStringLiteral("hzc"), hzc, now.addSecs(-12 * 60), true);
    topology.setReachability(QStringLiteral("hzc"), Reachability::Unreachable, QStringLiteral("timeout"), {});

    TopologyScene scene(topology);
    QCOMPARE(scene.componentItemCount(), 150);
    QCOMPARE(scene.linkItemCount(), 10); // 15 reports, 10 distinct links
    QVERIFY(scene.isSiteStale(QStringLiteral("hzc")));

    QTemporaryDir temp;
    const QByteArray dirEnv = qgetenv("HAVEN_SCREENSHOT_DIR");
    const QString dir = dirEnv.isEmpty() ? temp.path() : QString::fromLocal8Bit(dirEnv);
    QDir().mkpath(dir);
    for (ColorScheme scheme : {ColorScheme::Dark, ColorScheme::Light}) {
        TopologyView view;
        view.setTopologyScene(&scene);
        view.setColorScheme(scheme);
        view.setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
        view.setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
        view.resize(1920, 1080);
        view.zoomToFit();
        const QImage image = view.grab().toImage();
        QCOMPARE(image.size(), QSize(1920, 1080));
        const QString name = scheme == ColorScheme::Dark ? QStringLiteral("topology-demo-dark.png")
                                                         : QStringLiteral("topology-demo-light.png");
        QVERIFY(image.save(dir + QLatin1Char('/') + name));
        // The critical tile is drawn in the critical colour.
        const ComponentTileItem *critical = scene.componentItem(QStringLiteral("sha"),
                                                                QStringLiteral("sha-pay-mysql-01"));
        const QPoint p = view.mapFromScene(
            QPointF(critical->sceneBoundingRect().left() + 4 + 3, critical->sceneBoundingRect().center().y()));
        QCOMPARE(image.pixelColor(p), scene.style().fill(ComponentStatus::Critical));
        // Zoomed in: names and metrics.
        view.resetTransform();
        view.scale(2, 2);
        view.centerOn(critical);
        QVERIFY(view.grab().toImage().save(dir + QLatin1Char('/') + QStringLiteral("zoomed-") + name));
    }
}

QTEST_MAIN(TestTopologyScene)
#include "tst_topologyscene.moc"
