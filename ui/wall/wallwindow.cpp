// SPDX-License-Identifier: GPL-3.0-or-later
#include "wallwindow.h"

#include "app/executions/executionengine.h"
#include "app/fleet/modecontroller.h"
#include "models/topology/alertmodel.h"
#include "models/topology/fleettopology.h"
#include "models/topology/sitelistmodel.h"
#include "models/topology/switchoverreadiness.h"
#include "ui/shell/theme.h"
#include "widgets/common/statuscolors.h"
#include "widgets/topology/readinesspanel.h"
#include "widgets/topology/topologyscene.h"
#include "widgets/topology/topologyview.h"

#include <QDateTime>
#include <QFontInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QStackedWidget>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace Haven {

namespace {

// Alert rows in their severity colour: red and amber read from across the room.
class AlertRowDelegate final : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override
    {
        QStyledItemDelegate::initStyleOption(option, index);
        if (index.column() != AlertModel::SeverityColumn)
            return;
        const StatusStyle style = StatusColors::style(ComponentStatus(index.data(AlertModel::SeverityRole).toInt()),
                                                      ColorScheme::Dark);
        option->backgroundBrush = style.fill;
        option->palette.setColor(QPalette::Text, style.text);
        option->text = style.symbol + QLatin1Char(' ') + option->text;
        option->font.setBold(true);
    }
};

} // namespace

WallWindow::WallWindow(const FleetTopology &topology, ExecutionEngine &engine, const ModeController &mode,
                       const ReadinessThresholds &thresholds, QWidget *executionView, const Options &options,
                       QWidget *parent)
    : QWidget(parent)
    , m_topology(topology)
    , m_engine(engine)
    , m_mode(mode)
    , m_thresholds(thresholds)
    , m_options(options)
    , m_title(new QLabel(this))
    , m_clock(new QLabel(this))
    , m_dataAge(new QLabel(this))
    , m_banner(new QLabel(this))
    , m_viewName(new QLabel(this))
    , m_views(new QStackedWidget(this))
    , m_executionView(executionView)
    , m_rotation(new QTimer(this))
    , m_clockTimer(new QTimer(this))
{
    setWindowTitle(tr("Haven — wall"));
    setPalette(Theme::palette(ColorScheme::Dark));
    setAutoFillBackground(true);
    setCursor(Qt::BlankCursor); // nobody points at a wall

    m_title->setText(tr("Haven"));
    m_banner->setWordWrap(true);
    m_banner->setAutoFillBackground(true);
    m_banner->setMargin(12);
    m_banner->hide();
    m_clock->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    m_dataAge->setAlignment(Qt::AlignRight | Qt::AlignVCenter);

    auto *top = new QHBoxLayout;
    top->setContentsMargins(24, 12, 24, 12);
    top->addWidget(m_title);
    top->addSpacing(24);
    top->addWidget(m_viewName);
    top->addStretch();
    top->addWidget(m_dataAge);
    top->addSpacing(48);
    top->addWidget(m_clock);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addLayout(top);
    layout->addWidget(m_banner);
    layout->addWidget(m_views, 1);
    // The wall is as big as its screen, whatever its content would like.
    layout->setSizeConstraint(QLayout::SetNoConstraint);

    for (const QString &view : m_options.views) {
        if (view == QLatin1StringView("dashboard")) {
            m_views->addWidget(buildDashboard());
            m_viewIds.append(view);
        } else if (view == QLatin1StringView("alerts")) {
            m_views->addWidget(buildAlerts());
            m_viewIds.append(view);
        } else if (view == QLatin1StringView("execution") && !m_executionInRotation) {
            m_executionInRotation = true;
            m_views->addWidget(m_executionView);
            m_viewIds.append(view);
        }
    }
    if (m_viewIds.isEmpty() || m_viewIds == QStringList{QStringLiteral("execution")}) {
        m_views->insertWidget(0, buildDashboard());
        m_viewIds.prepend(QStringLiteral("dashboard"));
    }
    // The switchover dashboard is always there for a run, listed or not.
    if (!m_executionInRotation) {
        m_views->addWidget(m_executionView);
        m_viewIds.append(QStringLiteral("execution"));
    }
    connect(&engine, &ExecutionEngine::executionAdded, this, &WallWindow::followExecutions);
    connect(&engine, &ExecutionEngine::executionSettled, this, &WallWindow::followExecutions);

    connect(m_rotation, &QTimer::timeout, this, &WallWindow::rotate);
    if (m_viewIds.size() > 1 && m_options.rotateSeconds > 0)
        m_rotation->start(m_options.rotateSeconds * 1000);
    followExecutions();
    connect(m_clockTimer, &QTimer::timeout, this, &WallWindow::tick);
    m_clockTimer->start(1000);
    connect(&mode, &ModeController::bannerChanged, this, &WallWindow::tick);
    showView(m_viewIds.first());
    tick();
}

WallWindow::~WallWindow() = default;

QStringList WallWindow::knownViews()
{
    return {QStringLiteral("dashboard"), QStringLiteral("alerts"), QStringLiteral("execution")};
}

QWidget *WallWindow::buildDashboard()
{
    auto *page = new QWidget(this);
    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(16, 8, 16, 16);
    m_readiness = new ReadinessTracker(m_topology, this);
    m_readiness->setThresholds(m_thresholds);
    m_readinessPanel = new ReadinessPanel(page);
    m_readinessPanel->setTracker(m_readiness);
    m_readinessPanel->setWallMode(true);
    m_scene = new TopologyScene(m_topology, this);
    m_scene->setWatermarkThreshold(m_thresholds.capacityWatermark);
    m_topologyView = new TopologyView(page);
    m_topologyView->setTopologyScene(m_scene);
    m_topologyView->setColorScheme(ColorScheme::Dark);
    m_topologyView->setInteractive(false);
    layout->addWidget(m_readinessPanel);
    layout->addWidget(m_topologyView, 1);
    // The picture grows as sites report: keep all of it on the wall.
    connect(&m_topology, &FleetTopology::sitesReset, m_topologyView, &TopologyView::zoomToFit, Qt::QueuedConnection);
    connect(&m_topology, &FleetTopology::componentsInserted, m_topologyView, &TopologyView::zoomToFit,
            Qt::QueuedConnection);
    return page;
}

QWidget *WallWindow::buildAlerts()
{
    auto *page = new QWidget(this);
    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(24, 8, 24, 24);
    m_alerts = new AlertModel(m_topology, this);
    m_alertSummary = new QLabel(page);
    m_alertTable = new QTableView(page);
    m_alertTable->setModel(m_alerts);
    m_alertTable->setItemDelegate(new AlertRowDelegate(m_alertTable));
    m_alertTable->verticalHeader()->hide();
    m_alertTable->setShowGrid(false);
    m_alertTable->setFocusPolicy(Qt::NoFocus);
    m_alertTable->setSelectionMode(QAbstractItemView::NoSelection);
    m_alertTable->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_alertTable->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_alertTable->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_alertTable->horizontalHeader()->setSectionResizeMode(AlertModel::MessageColumn, QHeaderView::Stretch);
    layout->addWidget(m_alertSummary);
    layout->addWidget(m_alertTable, 1);
    connect(m_alerts, &AlertModel::countsChanged, this, [this] {
        const int total = m_alerts->rowCount();
        m_alertSummary->setText(
            total == 0 ? tr("No active alerts")
                       : tr("%n active alert(s), %1 critical", nullptr, total).arg(m_alerts->criticalCount()));
    });
    Q_EMIT m_alerts->countsChanged();
    return page;
}

QString WallWindow::currentView() const
{
    const int index = m_views->currentIndex();
    return index >= 0 && index < m_viewIds.size() ? m_viewIds.at(index) : QString();
}

void WallWindow::showView(const QString &name)
{
    const qsizetype index = m_viewIds.indexOf(name);
    if (index < 0)
        return;
    m_views->setCurrentIndex(int(index));
    m_viewName->setText(name == QLatin1StringView("alerts")      ? tr("Alerts")
                        : name == QLatin1StringView("execution") ? tr("Switchover dashboard")
                                                                 : tr("DR runtime dashboard"));
    if (name == QLatin1StringView("dashboard") && m_topologyView)
        m_topologyView->zoomToFit();
}

void WallWindow::rotate()
{
    if (m_viewIds.size() < 2)
        return;
    // The switchover dashboard takes its turn only when asked for or when there is a run.
    const bool executionShows = m_executionInRotation || m_engine.hasActiveExecution();
    int index = m_views->currentIndex();
    for (qsizetype step = 0; step < m_viewIds.size(); ++step) {
        index = int((index + 1) % m_viewIds.size());
        const QString &id = m_viewIds.at(index);
        if ((id != QLatin1StringView("execution") || executionShows) && id != QLatin1StringView("drill"))
            break;
    }
    showView(m_viewIds.at(index));
}

void WallWindow::setDrillView(QWidget *view, std::function<bool()> active)
{
    m_drillView = view;
    m_drillActive = std::move(active);
    m_views->addWidget(view);
    m_viewIds.append(QStringLiteral("drill"));
    followDrill();
}

void WallWindow::followDrill()
{
    if (!m_drillView)
        return;
    // A running drill outranks the plan it rehearses: its view holds the plan's graph too.
    const bool active = m_drillActive();
    if (active && !m_pinnedToDrill) {
        m_pinnedToDrill = true;
        m_rotation->stop();
        showView(QStringLiteral("drill"));
    } else if (!active && m_pinnedToDrill) {
        m_pinnedToDrill = false;
        if (m_viewIds.size() > 1 && m_options.rotateSeconds > 0)
            m_rotation->start(m_options.rotateSeconds * 1000);
    }
}

void WallWindow::followExecutions()
{
    if (m_pinnedToDrill)
        return;
    const bool active = m_engine.hasActiveExecution();
    if (active) {
        // A run in progress is what the room watches: it stays up until it ends.
        m_pinnedToExecution = true;
        m_rotation->stop();
        if (currentView() != QLatin1StringView("execution"))
            showView(QStringLiteral("execution"));
    } else if (m_pinnedToExecution) {
        // Ended: its outcome stays for one rotation period, then the views rotate again.
        m_pinnedToExecution = false;
        if (m_viewIds.size() > 1 && m_options.rotateSeconds > 0)
            m_rotation->start(m_options.rotateSeconds * 1000);
    }
}

void WallWindow::applyFonts()
{
    const int bodyPixels = Theme::wallPixelSize(height());
    QFont body = font();
    body.setPixelSize(bodyPixels);
    QFont heading = body;
    heading.setBold(true);
    heading.setPixelSize(bodyPixels * 4 / 3);
    m_title->setFont(heading);
    m_clock->setFont(heading);
    m_viewName->setFont(body);
    m_dataAge->setFont(body);
    QFont banner = body;
    banner.setBold(true);
    m_banner->setFont(banner);
    if (m_alertTable) {
        m_alertTable->setFont(body);
        m_alertTable->horizontalHeader()->setFont(body);
        m_alertTable->verticalHeader()->setDefaultSectionSize(bodyPixels * 9 / 5);
        m_alertSummary->setFont(heading);
    }
    m_executionView->setFont(body);
    if (m_readinessPanel) {
        // The panel scales its own type up in wall mode.
        QFont panel = body;
        panel.setPixelSize(bodyPixels / 2);
        m_readinessPanel->setFont(panel);
    }
}

void WallWindow::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    applyFonts();
    if (m_topologyView)
        m_topologyView->zoomToFit();
}

void WallWindow::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    applyFonts();
    if (m_topologyView)
        QTimer::singleShot(0, m_topologyView, &TopologyView::zoomToFit);
}

void WallWindow::tick()
{
    const QDateTime now = QDateTime::currentDateTime();
    m_clock->setText(now.toString(QStringLiteral("HH:mm:ss")));
    followDrill();
    followExecutions(); // also catches a run resumed or settled while no signal reached the wall

    // The oldest data on the wall decides what the room is looking at.
    qint64 oldest = -1;
    const FleetTopology &topology = m_topology;
    for (const QString &id : topology.siteIds())
        oldest = std::max(oldest, topology.site(id)->dataAgeSeconds(now.toUTC()));
    m_dataAge->setText(oldest < 0 ? tr("no data yet") : tr("data %1 old").arg(SiteListModel::formatAge(oldest)));

    const ModeController &mode = m_mode;
    m_banner->setVisible(mode.isDegraded());
    if (mode.isDegraded()) {
        const StatusStyle style = StatusColors::style(mode.severity() == ModeController::Severity::Critical
                                                          ? ComponentStatus::Critical
                                                          : ComponentStatus::Warning,
                                                      ColorScheme::Dark);
        QPalette p = m_banner->palette();
        p.setColor(QPalette::Window, style.fill);
        p.setColor(QPalette::WindowText, style.text);
        m_banner->setPalette(p);
        m_banner->setText(style.symbol + QLatin1Char(' ') + mode.bannerText());
    }
}

} // namespace Haven
