// SPDX-License-Identifier: GPL-3.0-or-later
#include "dashboardpage.h"

#include "models/topology/displaynames.h"
#include "models/topology/fleettopology.h"
#include "models/topology/switchoverreadiness.h"
#include "widgets/topology/componentdetails.h"
#include "widgets/topology/readinesspanel.h"
#include "widgets/topology/topologyitems.h"
#include "widgets/topology/topologyscene.h"
#include "widgets/topology/topologyview.h"

#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSplitter>
#include <QStackedWidget>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

#include <set>

namespace Haven {

DashboardPage::DashboardPage(const FleetTopology &topology, const MetricHistory &history,
                             const ReadinessThresholds &thresholds, QWidget *parent)
    : QWidget(parent)
    , m_topology(topology)
    , m_content(new QStackedWidget(this))
    , m_board(new QWidget(this))
    , m_scene(new TopologyScene(topology, this))
    , m_view(new TopologyView(this))
    , m_readiness(new ReadinessTracker(topology, this))
    , m_readinessPanel(new ReadinessPanel(this))
    , m_details(new ComponentDetails(topology, history, this))
    , m_detailsPane(new QWidget(this))
    , m_splitter(new QSplitter(Qt::Horizontal, this))
    , m_search(new QLineEdit(this))
    , m_productGroup(new QComboBox(this))
    , m_layer(new QComboBox(this))
    , m_problemsOnly(new QCheckBox(tr("Problems only"), this))
{
    m_view->setTopologyScene(m_scene);
    m_readinessPanel->setTracker(m_readiness);
    // One set of thresholds for the verdicts, the plots' lines and the watermark marks.
    m_readiness->setThresholds(thresholds);
    m_details->setThresholds(thresholds.cpuCeiling, thresholds.capacityWatermark, thresholds.maxLagSeconds);
    m_scene->setWatermarkThreshold(thresholds.capacityWatermark);

    m_search->setPlaceholderText(tr("Find a component by name, id or host"));
    m_search->setClearButtonEnabled(true);
    m_search->setMinimumWidth(280);
    m_layer->addItem(tr("All layers"), -1);
    for (Layer layer : {Layer::Business, Layer::Middleware, Layer::Storage, Layer::Database, Layer::Physical})
        m_layer->addItem(DisplayNames::layer(layer), int(layer));
    auto *fit = new QPushButton(tr("Zoom to fit"), this);
    fit->setToolTip(tr("Show every site (F)"));

    auto *filters = new QHBoxLayout;
    filters->addWidget(new QLabel(tr("Product group:"), this));
    filters->addWidget(m_productGroup);
    filters->addWidget(new QLabel(tr("Layer:"), this));
    filters->addWidget(m_layer);
    filters->addWidget(m_problemsOnly);
    filters->addStretch();
    filters->addWidget(m_search, 1);
    filters->addWidget(fit);

    auto *close = new QToolButton(m_detailsPane);
    close->setText(tr("Close"));
    close->setAutoRaise(true);
    auto *detailsLayout = new QVBoxLayout(m_detailsPane);
    detailsLayout->setContentsMargins(0, 0, 0, 0);
    auto *detailsHeader = new QHBoxLayout;
    detailsHeader->addStretch();
    detailsHeader->addWidget(close);
    detailsLayout->addLayout(detailsHeader);
    detailsLayout->addWidget(m_details, 1);
    m_detailsPane->hide();

    auto *left = new QWidget(this);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(m_readinessPanel);
    leftLayout->addWidget(m_view, 1);
    m_splitter->addWidget(left);
    m_splitter->addWidget(m_detailsPane);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 1);

    auto *boardLayout = new QVBoxLayout(m_board);
    boardLayout->setContentsMargins(0, 0, 0, 0);
    boardLayout->addLayout(filters);
    boardLayout->addWidget(m_splitter, 1);
    m_content->addWidget(m_board);
    m_content->addWidget(buildEmptyHint());
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_content);

    connect(m_search, &QLineEdit::textChanged, m_view, &TopologyView::setSearchText);
    connect(m_productGroup, &QComboBox::currentIndexChanged, this, &DashboardPage::applyFilter);
    connect(m_layer, &QComboBox::currentIndexChanged, this, &DashboardPage::applyFilter);
    connect(m_problemsOnly, &QCheckBox::toggled, this, &DashboardPage::applyFilter);
    connect(fit, &QPushButton::clicked, m_view, &TopologyView::zoomToFit);
    connect(close, &QToolButton::clicked, m_detailsPane, &QWidget::hide);
    connect(m_view, &TopologyView::componentActivated, this, [this](const QString &siteId, const QString &componentId) {
        m_details->showComponent(siteId, componentId);
        m_detailsPane->show();
    });
    connect(m_view, &TopologyView::linkActivated, this, [this](const QString &linkId) {
        // Both ends report a link under the same id; either site's view of it will do.
        for (const QString &siteId : m_topology.siteIds()) {
            for (const ReplicationLink &link : m_topology.site(siteId)->replication) {
                if (link.id == linkId) {
                    m_details->showLink(siteId, linkId);
                    m_detailsPane->show();
                    return;
                }
            }
        }
    });
    // A dependency clicked in the details panel: show it there and on the map.
    connect(m_details, &ComponentDetails::componentActivated, this,
            [this](const QString &siteId, const QString &componentId) {
        m_details->showComponent(siteId, componentId);
        if (ComponentTileItem *tile = m_scene->componentItem(siteId, componentId))
            m_view->centerOn(tile);
    });
    connect(&topology, &FleetTopology::sitesReset, this, &DashboardPage::refreshProductGroups);
    connect(&topology, &FleetTopology::componentsInserted, this, &DashboardPage::refreshProductGroups);
    connect(&topology, &FleetTopology::sitesReset, this, &DashboardPage::updateEmptyHint);
    connect(m_addSites, &QPushButton::clicked, this, &DashboardPage::addSitesRequested);
    connect(m_import, &QPushButton::clicked, this, &DashboardPage::importRequested);
    refreshProductGroups();
    updateEmptyHint();
    QTimer::singleShot(0, m_view, &TopologyView::zoomToFit);
}

DashboardPage::~DashboardPage() = default;

QWidget *DashboardPage::buildEmptyHint()
{
    m_emptyHint = new QWidget(this);
    auto *title = new QLabel(tr("No sites yet"), m_emptyHint);
    QFont titleFont = title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.6);
    titleFont.setBold(true);
    title->setFont(titleFont);
    auto *text = new QLabel(tr("The dashboard shows your sites once the console knows their agents. Add regions and "
                               "sites with their agents' addresses and tokens on the Environment page, or import an "
                               "environment or fleet file (haven-agent --demo-fleet writes one; "
                               "haven --environment FILE imports one at start)."),
                            m_emptyHint);
    text->setWordWrap(true);
    text->setMaximumWidth(640);
    m_addSites = new QPushButton(tr("Add sites…"), m_emptyHint);
    m_addSites->setToolTip(tr("Open the Environment page"));
    m_import = new QPushButton(tr("Import a file…"), m_emptyHint);
    m_import->setToolTip(tr("Read regions, sites and tokens from an environment or fleet file"));

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_addSites);
    buttons->addWidget(m_import);
    buttons->addStretch();
    auto *column = new QVBoxLayout;
    column->addWidget(title);
    column->addWidget(text);
    column->addLayout(buttons);
    auto *row = new QHBoxLayout;
    row->addStretch();
    row->addLayout(column);
    row->addStretch();
    auto *layout = new QVBoxLayout(m_emptyHint);
    layout->addStretch(1);
    layout->addLayout(row);
    layout->addStretch(2);
    return m_emptyHint;
}

bool DashboardPage::showsEmptyHint() const
{
    return m_content->currentWidget() == m_emptyHint;
}

void DashboardPage::updateEmptyHint()
{
    const bool empty = m_topology.siteCount() == 0;
    if (empty == showsEmptyHint())
        return;
    m_content->setCurrentWidget(empty ? m_emptyHint : m_board);
    // The map was laid out while hidden: fit it once it has its size.
    if (!empty)
        QTimer::singleShot(0, m_view, &TopologyView::zoomToFit);
}

void DashboardPage::addBanner(QWidget *banner)
{
    static_cast<QVBoxLayout *>(m_board->layout())->insertWidget(0, banner);
}

void DashboardPage::setDarkTheme(bool dark)
{
    m_view->setColorScheme(dark ? ColorScheme::Dark : ColorScheme::Light);
}

void DashboardPage::refreshProductGroups()
{
    std::set<QString> groups;
    const FleetTopology &topology = m_topology;
    for (int row = 0; row < topology.componentCount(); ++row) {
        if (!topology.component(row).productGroup.isEmpty())
            groups.insert(topology.component(row).productGroup);
    }
    const QString current = m_productGroup->currentData().toString();
    const QSignalBlocker blocker(m_productGroup);
    m_productGroup->clear();
    m_productGroup->addItem(tr("All"), QString());
    for (const QString &group : groups)
        m_productGroup->addItem(group, group);
    m_productGroup->setCurrentIndex(std::max(0, m_productGroup->findData(current)));
}

void DashboardPage::applyFilter()
{
    TopologyFilter filter;
    const QString group = m_productGroup->currentData().toString();
    if (!group.isEmpty())
        filter.productGroups.insert(group);
    const int layer = m_layer->currentData().toInt();
    if (layer >= 0)
        filter.layers.insert(Layer(layer));
    if (m_problemsOnly->isChecked())
        filter.statuses = {ComponentStatus::Warning, ComponentStatus::Critical, ComponentStatus::Down,
                           ComponentStatus::Unknown};
    m_view->setFilter(filter);
}

} // namespace Haven
