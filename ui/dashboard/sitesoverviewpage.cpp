// SPDX-License-Identifier: GPL-3.0-or-later
#include "sitesoverviewpage.h"

#include "models/topology/componentmodel.h"
#include "models/topology/fleettopology.h"
#include "models/topology/sitelistmodel.h"
#include "widgets/common/statuscolors.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QSortFilterProxyModel>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace Haven {

namespace {

// Paints the status and reachability cells in their status colour with its symbol, so a
// state reads without relying on colour alone.
class StatusCellDelegate final : public QStyledItemDelegate
{
public:
    StatusCellDelegate(int statusRole, bool reachability, QObject *parent)
        : QStyledItemDelegate(parent)
        , m_statusRole(statusRole)
        , m_reachability(reachability)
    { }

    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override
    {
        QStyledItemDelegate::initStyleOption(option, index);
        const ColorScheme scheme = StatusColors::schemeFor(option->palette);
        ComponentStatus status = ComponentStatus(index.data(m_statusRole).toInt());
        if (m_reachability) {
            switch (Reachability(index.data(m_statusRole).toInt())) {
            case Reachability::Online:
                status = ComponentStatus::Ok;
                break;
            case Reachability::Slow:
                status = ComponentStatus::Warning;
                break;
            case Reachability::Unreachable:
                status = ComponentStatus::Down;
                break;
            case Reachability::Unknown:
                status = ComponentStatus::Unknown;
                break;
            }
        }
        const StatusStyle style = StatusColors::style(status, scheme);
        option->backgroundBrush = style.fill;
        option->palette.setColor(QPalette::Text, style.text);
        option->palette.setColor(QPalette::HighlightedText, style.text);
        option->text = style.symbol + QLatin1Char(' ') + option->text;
        option->font.setBold(status != ComponentStatus::Ok);
    }

private:
    int m_statusRole;
    bool m_reachability;
};

QTableView *makeTable(QAbstractItemModel *model, QWidget *parent)
{
    auto *view = new QTableView(parent);
    view->setModel(model);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->setAlternatingRowColors(true);
    view->verticalHeader()->hide();
    view->horizontalHeader()->setHighlightSections(false);
    view->horizontalHeader()->setStretchLastSection(true);
    view->setWordWrap(false);
    return view;
}

} // namespace

SitesOverviewPage::SitesOverviewPage(const FleetTopology &topology, QWidget *parent)
    : QWidget(parent)
    , m_sites(new SiteListModel(topology, this))
    , m_components(new ComponentModel(topology, this))
    , m_filter(new QSortFilterProxyModel(this))
    , m_siteTable(makeTable(m_sites, this))
    , m_componentTable(nullptr)
    , m_search(new QLineEdit(this))
{
    auto *layout = new QVBoxLayout(this);

    auto *sitesTitle = new QLabel(tr("Sites"), this);
    QFont titleFont = sitesTitle->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.4);
    titleFont.setBold(true);
    sitesTitle->setFont(titleFont);
    m_siteTable->setItemDelegateForColumn(SiteListModel::ReachabilityColumn,
                                          new StatusCellDelegate(SiteListModel::ReachabilityRole, true, m_siteTable));
    m_siteTable->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_siteTable->horizontalHeader()->setSectionResizeMode(SiteListModel::ProblemColumn, QHeaderView::Stretch);
    m_siteTable->setMaximumHeight(260);

    auto *componentsTitle = new QLabel(tr("Components"), this);
    componentsTitle->setFont(titleFont);
    m_search->setPlaceholderText(tr("Search components by site, name, kind, product group or host"));
    m_search->setClearButtonEnabled(true);
    m_filter->setSourceModel(m_components);
    m_filter->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_filter->setFilterKeyColumn(-1);
    connect(m_search, &QLineEdit::textChanged, m_filter, &QSortFilterProxyModel::setFilterFixedString);
    m_componentTable = makeTable(m_filter, this);
    m_componentTable->setSortingEnabled(true);
    m_componentTable->sortByColumn(ComponentModel::SiteColumn, Qt::AscendingOrder);
    m_componentTable->setItemDelegateForColumn(ComponentModel::StatusColumn,
                                               new StatusCellDelegate(ComponentModel::StatusRole, false,
                                                                      m_componentTable));
    m_componentTable->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_componentTable->setColumnWidth(ComponentModel::NameColumn, 300);

    layout->addWidget(sitesTitle);
    layout->addWidget(m_siteTable);
    auto *componentsHeader = new QHBoxLayout;
    componentsHeader->addWidget(componentsTitle);
    componentsHeader->addStretch();
    componentsHeader->addWidget(m_search, 1);
    layout->addLayout(componentsHeader);
    layout->addWidget(m_componentTable, 1);

    // The data age column counts up between updates.
    auto *ages = new QTimer(this);
    connect(ages, &QTimer::timeout, m_sites, &SiteListModel::refreshAges);
    ages->start(1000);
}

SitesOverviewPage::~SitesOverviewPage() = default;

} // namespace Haven
