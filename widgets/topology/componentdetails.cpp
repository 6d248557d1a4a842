// SPDX-License-Identifier: GPL-3.0-or-later
#include "componentdetails.h"

#include "models/store/metrichistory.h"
#include "models/topology/displaynames.h"
#include "widgets/common/statusbadge.h"
#include "widgets/common/statuscolors.h"

#include <QButtonGroup>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QScrollArea>
#include <QToolButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace Haven {

namespace {

const QStringList plottedMetrics{QStringLiteral("cpu"), QStringLiteral("memory"), QStringLiteral("latencyMs"),
                                 QStringLiteral("capacity")};

constexpr int SiteRole = Qt::UserRole;
constexpr int ComponentRole = Qt::UserRole + 1;

QString formatNumber(double value)
{
    return QString::number(value, 'f', std::abs(value) >= 100 ? 0 : 1);
}

} // namespace

ComponentDetails::ComponentDetails(const FleetTopology &topology, const MetricHistory &history, QWidget *parent)
    : QWidget(parent)
    , m_topology(topology)
    , m_history(history)
{
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    outer->addWidget(scroll);
    auto *content = new QWidget(scroll);
    scroll->setWidget(content);
    auto *layout = new QVBoxLayout(content);

    auto *header = new QHBoxLayout;
    m_title = new QLabel(content);
    m_title->setObjectName(QStringLiteral("title"));
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.3);
    m_title->setFont(titleFont);
    m_title->setWordWrap(true);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_badge = new StatusBadge(content);
    header->addWidget(m_title, 1);
    header->addWidget(m_badge, 0, Qt::AlignTop);
    layout->addLayout(header);
    m_subtitle = new QLabel(content);
    m_subtitle->setObjectName(QStringLiteral("subtitle"));
    layout->addWidget(m_subtitle);

    auto *factsBox = new QGroupBox(tr("Facts"), content);
    m_facts = new QFormLayout(factsBox);
    m_facts->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    layout->addWidget(factsBox);

    m_alertsBox = new QGroupBox(tr("Active alerts"), content);
    auto *alertsLayout = new QVBoxLayout(m_alertsBox);
    m_alerts = new QTreeWidget(m_alertsBox);
    m_alerts->setObjectName(QStringLiteral("alerts"));
    m_alerts->setRootIsDecorated(false);
    m_alerts->setHeaderLabels({tr("Severity"), tr("Message"), tr("Since")});
    m_alerts->header()->setSectionResizeMode(1, QHeaderView::Stretch);
    m_alerts->header()->setStretchLastSection(false);
    m_alerts->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_alerts->header()->setSectionResizeMode(2, QHeaderView::ResizeToContents);
    m_alerts->setMaximumHeight(m_alerts->fontMetrics().height() * 8);
    alertsLayout->addWidget(m_alerts);
    layout->addWidget(m_alertsBox);

    m_dependenciesBox = new QGroupBox(tr("Dependencies"), content);
    auto *deps = new QGridLayout(m_dependenciesBox);
    deps->addWidget(new QLabel(tr("Depends on (start first)"), m_dependenciesBox), 0, 0);
    deps->addWidget(new QLabel(tr("Needed by"), m_dependenciesBox), 0, 1);
    m_dependsOn = new QListWidget(m_dependenciesBox);
    m_dependsOn->setObjectName(QStringLiteral("dependsOn"));
    m_neededBy = new QListWidget(m_dependenciesBox);
    m_neededBy->setObjectName(QStringLiteral("neededBy"));
    for (QListWidget *list : {m_dependsOn, m_neededBy}) {
        list->setMaximumHeight(list->fontMetrics().height() * 5);
        connect(list, &QListWidget::itemActivated, this, &ComponentDetails::onDependencyActivated);
    }
    deps->addWidget(m_dependsOn, 1, 0);
    deps->addWidget(m_neededBy, 1, 1);
    layout->addWidget(m_dependenciesBox);

    m_trendsBox = new QGroupBox(tr("Trends"), content);
    auto *trends = new QVBoxLayout(m_trendsBox);
    m_windowButtons = new QWidget(m_trendsBox);
    auto *buttons = new QHBoxLayout(m_windowButtons);
    buttons->setContentsMargins(0, 0, 0, 0);
    buttons->addStretch();
    auto *group = new QButtonGroup(m_windowButtons);
    const std::pair<MetricPlot::Window, QString> windows[] = {
        {MetricPlot::Window::Minutes15, tr("15 min")},
        {MetricPlot::Window::Hours6, tr("6 h")},
        {MetricPlot::Window::Hours24, tr("24 h")},
        {MetricPlot::Window::Days30, tr("30 d")},
    };
    for (const auto &[w, text] : windows) {
        auto *button = new QToolButton(m_windowButtons);
        button->setText(text);
        button->setCheckable(true);
        button->setChecked(w == m_window);
        button->setObjectName(QStringLiteral("window-%1").arg(int(w)));
        group->addButton(button, int(w));
        buttons->addWidget(button);
    }
    connect(group, &QButtonGroup::idClicked, this, [this](int id) { setWindow(MetricPlot::Window(id)); });
    trends->addWidget(m_windowButtons);
    m_plotArea = new QWidget(m_trendsBox);
    new QGridLayout(m_plotArea);
    m_plotArea->layout()->setContentsMargins(0, 0, 0, 0);
    trends->addWidget(m_plotArea);
    layout->addWidget(m_trendsBox);
    layout->addStretch();

    connect(&topology, &FleetTopology::componentsChanged, this, &ComponentDetails::onComponentsChanged);
    connect(&topology, &FleetTopology::componentsInserted, this, &ComponentDetails::refresh);
    connect(&topology, &FleetTopology::componentsRemoved, this, &ComponentDetails::refresh);
    connect(&topology, &FleetTopology::sitesReset, this, &ComponentDetails::refresh);
    connect(&topology, &FleetTopology::siteChanged, this, [this](const QString &siteId) {
        if (siteId == m_siteId)
            refresh();
    });
    clear();
}

ComponentDetails::~ComponentDetails() = default;

QString ComponentDetails::metricName(const QString &metric)
{
    if (metric == QLatin1StringView("cpu"))
        return tr("CPU");
    if (metric == QLatin1StringView("memory"))
        return tr("Memory");
    if (metric == QLatin1StringView("latencyMs"))
        return tr("Latency");
    if (metric == QLatin1StringView("capacity"))
        return tr("Capacity");
    if (metric == QLatin1StringView("qps"))
        return tr("Requests");
    if (metric == QLatin1StringView("lagSeconds"))
        return tr("Replication lag");
    return metric;
}

QString ComponentDetails::metricUnit(const QString &metric)
{
    if (metric == QLatin1StringView("latencyMs"))
        return tr("ms");
    if (metric == QLatin1StringView("qps"))
        return tr("/s");
    if (metric == QLatin1StringView("lagSeconds"))
        return tr("s");
    if (metric == QLatin1StringView("cpu") || metric == QLatin1StringView("memory")
        || metric == QLatin1StringView("capacity"))
        return QStringLiteral("%");
    return {};
}

void ComponentDetails::showComponent(const QString &siteId, const QString &componentId)
{
    m_siteId = siteId;
    m_componentId = componentId;
    m_linkId.clear();
    refresh();
}

void ComponentDetails::showLink(const QString &siteId, const QString &linkId)
{
    m_siteId = siteId;
    m_componentId.clear();
    m_linkId = linkId;
    refresh();
}

void ComponentDetails::clear()
{
    m_siteId.clear();
    m_componentId.clear();
    m_linkId.clear();
    refresh();
}

void ComponentDetails::setThresholds(double cpuCeiling, double capacityWatermark, double maxLagSeconds)
{
    m_cpuCeiling = cpuCeiling;
    m_capacityWatermark = capacityWatermark;
    m_maxLag = maxLagSeconds;
    m_plotKeys.clear(); // rebuild the plots with the new lines
    refresh();
}

void ComponentDetails::setWindow(MetricPlot::Window window)
{
    m_window = window;
    if (auto *button = m_windowButtons->findChild<QToolButton *>(QStringLiteral("window-%1").arg(int(window))))
        button->setChecked(true);
    for (MetricPlot *plot : std::as_const(m_plots))
        plot->setWindow(window);
}

QList<MetricPlot *> ComponentDetails::plots() const
{
    return m_plots;
}

void ComponentDetails::refresh()
{
    if (!m_linkId.isEmpty())
        refreshLink();
    else
        refreshComponent();
}

void ComponentDetails::refreshComponent()
{
    m_alertsBox->setVisible(!m_componentId.isEmpty());
    m_dependenciesBox->setVisible(!m_componentId.isEmpty());
    m_badge->setText({});
    const SiteState *site = m_topology.site(m_siteId);
    const int row = m_topology.rowOf(m_siteId, m_componentId);
    if (m_componentId.isEmpty() || !site || row < 0) {
        m_title->setText(m_componentId.isEmpty() ? tr("Nothing selected")
                                                 : tr("%1 is no longer reported").arg(m_componentId));
        m_subtitle->setText(m_componentId.isEmpty() ? tr("Click a component or a replication link on the dashboard.")
                                                    : tr("Its site stopped reporting it; the last trends stay below."));
        m_badge->setStatus(ComponentStatus::Unknown);
        m_badge->setVisible(!m_componentId.isEmpty());
        setFacts({});
        m_alerts->clear();
        m_dependsOn->clear();
        m_neededBy->clear();
        if (m_componentId.isEmpty())
            setPlots({}, {});
        m_trendsBox->setVisible(!m_plots.isEmpty());
        return;
    }
    const Component &c = m_topology.component(row);
    m_title->setText(c.name.isEmpty() ? c.id : c.name);
    m_subtitle->setText(QStringLiteral("%1 · %2 · %3").arg(site->displayName(), DisplayNames::layer(c.layer), c.kind));
    m_badge->setVisible(true);
    m_badge->setStatus(c.status);

    QList<Fact> facts{
        {QStringLiteral("id"), tr("Id"), c.id},
        {QStringLiteral("site"), tr("Site"), site->displayName()},
        {QStringLiteral("layer"), tr("Layer"), DisplayNames::layer(c.layer)},
        {QStringLiteral("kind"), tr("Kind"), c.kind},
        {QStringLiteral("productGroup"), tr("Product group"), c.productGroup.isEmpty() ? tr("shared") : c.productGroup},
        {QStringLiteral("host"), tr("Host"), c.host},
        {QStringLiteral("status"), tr("Status"), StatusColors::label(c.status)},
    };
    const qint64 age = site->dataAgeSeconds(QDateTime::currentDateTimeUtc());
    if (site->reachability != Reachability::Online || site->fromCache || age > 60)
        facts << Fact{QStringLiteral("dataAge"), tr("Data"),
                      age < 0 ? tr("none yet")
                              : tr("%1 s old (%2)").arg(age).arg(DisplayNames::reachability(site->reachability))};
    for (auto it = c.metrics.cbegin(); it != c.metrics.cend(); ++it) {
        const QString unit = metricUnit(it.key());
        facts << Fact{QStringLiteral("metric-") + it.key(), metricName(it.key()),
                      unit.isEmpty() ? formatNumber(it.value())
                                     : tr("%1 %2", "value and unit").arg(formatNumber(it.value()), unit)};
    }
    setFacts(facts);

    // Alerts, the newest first.
    m_alerts->clear();
    QList<Alert> alerts = c.alerts;
    std::sort(alerts.begin(), alerts.end(), [](const Alert &a, const Alert &b) { return a.since > b.since; });
    const ColorScheme scheme = StatusColors::schemeFor(palette());
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (const Alert &a : std::as_const(alerts)) {
        const bool critical = a.severity == QLatin1StringView("critical");
        const StatusStyle style = StatusColors::style(critical ? ComponentStatus::Critical : ComponentStatus::Warning,
                                                      scheme);
        const qint64 minutes = a.since.isValid() ? a.since.secsTo(now) / 60 : -1;
        auto *item = new QTreeWidgetItem(m_alerts);
        item->setText(0, style.symbol + QLatin1Char(' ')
                             + (critical ? DisplayNames::status(ComponentStatus::Critical)
                                         : DisplayNames::status(ComponentStatus::Warning)));
        item->setBackground(0, style.fill);
        item->setForeground(0, style.text);
        item->setText(1, a.message);
        item->setToolTip(1, a.message);
        item->setText(2, a.since.isValid() ? tr("%1 (%2 min ago)")
                                                 .arg(a.since.toLocalTime().toString(QStringLiteral("MM-dd hh:mm:ss")))
                                                 .arg(std::max<qint64>(0, minutes))
                                           : QString());
    }
    if (alerts.isEmpty()) {
        auto *item = new QTreeWidgetItem(m_alerts);
        item->setText(1, tr("No active alerts"));
        item->setFlags(Qt::NoItemFlags);
    }
    m_alertsBox->setTitle(tr("Active alerts (%1)").arg(alerts.size()));

    // Dependencies inside the site.
    m_dependsOn->clear();
    m_neededBy->clear();
    const auto addItem = [&](QListWidget *list, const QString &id) {
        const int r = m_topology.rowOf(m_siteId, id);
        auto *item = new QListWidgetItem(list);
        if (r >= 0) {
            const Component &other = m_topology.component(r);
            const StatusStyle style = StatusColors::style(other.status, scheme);
            item->setText(style.symbol + QLatin1Char(' ') + (other.name.isEmpty() ? other.id : other.name));
            item->setToolTip(
                tr("%1 · %2 · %3").arg(other.id, DisplayNames::layer(other.layer), StatusColors::label(other.status)));
        } else {
            item->setText(tr("%1 (not reported)").arg(id));
        }
        item->setData(SiteRole, m_siteId);
        item->setData(ComponentRole, id);
    };
    for (const Dependency &d : site->dependencies) {
        if (d.from == c.id)
            addItem(m_dependsOn, d.to);
        if (d.to == c.id)
            addItem(m_neededBy, d.from);
    }
    for (QListWidget *list : {m_dependsOn, m_neededBy}) {
        if (list->count() == 0) {
            auto *item = new QListWidgetItem(tr("none"), list);
            item->setFlags(Qt::NoItemFlags);
        }
    }

    QStringList metrics;
    for (const QString &m : plottedMetrics) {
        if (c.metrics.contains(m) || m_history.contains(MetricHistory::seriesKey(m_siteId, c.id, m)))
            metrics << m;
    }
    setPlots(metrics, c.id);
    m_trendsBox->setVisible(!m_plots.isEmpty());
}

void ComponentDetails::refreshLink()
{
    m_alertsBox->setVisible(false);
    m_dependenciesBox->setVisible(false);
    const SiteState *site = m_topology.site(m_siteId);
    const ReplicationLink *link = nullptr;
    if (site) {
        for (const ReplicationLink &l : site->replication) {
            if (l.id == m_linkId)
                link = &l;
        }
    }
    if (!link) {
        m_title->setText(tr("%1 is no longer reported").arg(m_linkId));
        m_subtitle->setText(tr("Its site stopped reporting it; the last trends stay below."));
        m_badge->setStatus(ComponentStatus::Unknown);
        setFacts({});
        setPlots({QStringLiteral("lagSeconds")}, QStringLiteral("link:") + m_linkId);
        return;
    }
    const auto siteName = [this](const QString &id) {
        const SiteState *s = m_topology.site(id);
        return s ? s->displayName() : id;
    };
    const auto componentName = [this](const QString &siteId, const QString &id) {
        const int row = m_topology.rowOf(siteId, id);
        return row >= 0 && !m_topology.component(row).name.isEmpty() ? m_topology.component(row).name : id;
    };
    QString state;
    ComponentStatus status = ComponentStatus::Ok;
    switch (link->state) {
    case ReplicationState::Healthy:
        state = tr("healthy");
        break;
    case ReplicationState::Lagging:
        state = tr("lagging");
        status = ComponentStatus::Warning;
        break;
    case ReplicationState::Broken:
        state = tr("broken");
        status = ComponentStatus::Critical;
        break;
    }
    m_title->setText(tr("Replication link %1").arg(link->id));
    m_subtitle->setText(tr("%1 \u2192 %2").arg(siteName(link->fromSite), siteName(link->toSite)));
    m_badge->setVisible(true);
    m_badge->setStatus(status);
    m_badge->setText(state);
    setFacts({
        {QStringLiteral("from"), tr("From (primary)"),
         tr("%1 · %2").arg(siteName(link->fromSite), componentName(link->fromSite, link->fromComponent))},
        {QStringLiteral("to"), tr("To (standby)"),
         tr("%1 · %2").arg(siteName(link->toSite), componentName(link->toSite, link->toComponent))},
        {QStringLiteral("role"), tr("Role of %1").arg(site->displayName()),
         link->role == ReplicationRole::Primary ? tr("primary") : tr("standby")},
        {QStringLiteral("lag"), tr("Lag"), tr("%1 s").arg(formatNumber(link->lagSeconds))},
        {QStringLiteral("state"), tr("State"), state},
    });
    setPlots({QStringLiteral("lagSeconds")}, QStringLiteral("link:") + link->id);
    m_trendsBox->setVisible(true);
}

void ComponentDetails::setFacts(const QList<Fact> &facts)
{
    // Reuse the rows: a live update changes texts, not widgets.
    while (m_facts->rowCount() > facts.size())
        m_facts->removeRow(m_facts->rowCount() - 1);
    for (qsizetype i = 0; i < facts.size(); ++i) {
        const Fact &f = facts.at(i);
        if (i >= m_facts->rowCount()) {
            auto *value = new QLabel(m_facts->parentWidget());
            value->setTextInteractionFlags(Qt::TextSelectableByMouse);
            value->setWordWrap(true);
            m_facts->addRow(new QLabel(m_facts->parentWidget()), value);
        }
        auto *label = qobject_cast<QLabel *>(m_facts->itemAt(int(i), QFormLayout::LabelRole)->widget());
        auto *value = qobject_cast<QLabel *>(m_facts->itemAt(int(i), QFormLayout::FieldRole)->widget());
        label->setText(f.label);
        value->setText(f.value);
        value->setObjectName(QStringLiteral("fact-") + f.key);
    }
}

void ComponentDetails::setPlots(const QStringList &metrics, const QString &seriesComponent)
{
    QStringList keys;
    for (const QString &m : metrics)
        keys << MetricHistory::seriesKey(m_siteId, seriesComponent, m);
    if (keys == m_plotKeys)
        return;
    m_plotKeys = keys;
    qDeleteAll(m_plots);
    m_plots.clear();
    auto *grid = static_cast<QGridLayout *>(m_plotArea->layout());
    for (qsizetype i = 0; i < metrics.size(); ++i) {
        const QString &m = metrics.at(i);
        auto *plot = new MetricPlot(m_history, m_plotArea);
        plot->setObjectName(QStringLiteral("plot-") + m);
        plot->setWindowButtonsVisible(false);
        plot->setTitle(metricName(m));
        plot->setUnit(metricUnit(m));
        plot->setSeries({keys.at(i)}, {metricName(m)});
        if (m == QLatin1StringView("cpu"))
            plot->setThreshold(m_cpuCeiling, tr("ceiling %1 %").arg(m_cpuCeiling));
        else if (m == QLatin1StringView("capacity"))
            plot->setThreshold(m_capacityWatermark, tr("watermark %1 %").arg(m_capacityWatermark));
        else if (m == QLatin1StringView("lagSeconds"))
            plot->setThreshold(m_maxLag, tr("limit %1 s").arg(m_maxLag));
        plot->setWindow(m_window);
        grid->addWidget(plot, int(i / 2), int(i % 2));
        m_plots << plot;
    }
}

void ComponentDetails::onComponentsChanged(const QList<int> &rows)
{
    if (m_componentId.isEmpty())
        return;
    const int row = m_topology.rowOf(m_siteId, m_componentId);
    if (rows.contains(row))
        refresh();
}

void ComponentDetails::onDependencyActivated(QListWidgetItem *item)
{
    const QString component = item->data(ComponentRole).toString();
    if (component.isEmpty())
        return;
    Q_EMIT componentActivated(item->data(SiteRole).toString(), component);
}

} // namespace Haven
