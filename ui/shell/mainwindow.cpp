// SPDX-License-Identifier: GPL-3.0-or-later
#include "mainwindow.h"

#include "app/executions/executionengine.h"
#include "app/fleet/modecontroller.h"
#include "app/session/consolesession.h"
#include "models/topology/componentmodel.h"
#include "models/topology/fleettopology.h"
#include "models/topology/sitelistmodel.h"
#include "ui/dashboard/dashboardpage.h"
#include "ui/environment/environmentpage.h"
#include "ui/executions/executionpage.h"
#include "ui/executions/ticketdialog.h"
#include "ui/plans/plancenterpage.h"
#include "widgets/common/statuscolors.h"

#include <QApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenuBar>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
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

MainWindow::MainWindow(ConsoleSession &session, QWidget *parent)
    : QMainWindow(parent)
    , m_session(session)
    , m_banner(new QLabel(this))
    , m_navigation(new QListWidget(this))
    , m_pages(new QStackedWidget(this))
    , m_sites(new SiteListModel(session.topology(), this))
    , m_components(new ComponentModel(session.topology(), this))
    , m_filter(new QSortFilterProxyModel(this))
    , m_statusSummary(new QLabel(this))
{
    setWindowTitle(tr("Haven — disaster recovery console"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/haven.svg")));
    resize(1440, 900);

    m_banner->setWordWrap(true);
    m_banner->setMargin(10);
    m_banner->setAutoFillBackground(true);
    m_banner->hide();
    m_navigation->setFixedWidth(200);
    m_navigation->setFrameShape(QFrame::NoFrame);
    QFont navigationFont = m_navigation->font();
    navigationFont.setPointSizeF(navigationFont.pointSizeF() * 1.2);
    m_navigation->setFont(navigationFont);
    m_navigation->setSpacing(4);
    connect(m_navigation, &QListWidget::currentRowChanged, m_pages, &QStackedWidget::setCurrentIndex);

    auto *central = new QWidget(this);
    auto *columns = new QHBoxLayout;
    columns->setContentsMargins(0, 0, 0, 0);
    columns->addWidget(m_navigation);
    columns->addWidget(m_pages, 1);
    auto *rows = new QVBoxLayout(central);
    rows->setContentsMargins(0, 0, 0, 0);
    rows->setSpacing(0);
    rows->addWidget(m_banner);
    rows->addLayout(columns, 1);
    setCentralWidget(central);
    statusBar()->addPermanentWidget(m_statusSummary);

    m_dashboard = new DashboardPage(session, this);
    m_dashboard->setDarkTheme(StatusColors::schemeFor(palette()) == ColorScheme::Dark);
    addPage(tr("Dashboard"), m_dashboard);
    m_overview = buildOverview();
    addPage(tr("Sites"), m_overview);
    auto *plans = new PlanCenterPage(session.plans(), this);
    plans->setCatalog(session.topology().catalog());
    connect(&session.topology(), &FleetTopology::catalogChanged, plans,
            [plans, &session] { plans->setCatalog(session.topology().catalog()); });
    addPage(tr("Plan center"), plans);
    connect(plans, &PlanCenterPage::runRequested, this, [this](const QString &planId) { openTicket(planId); });
    m_executionPage = new ExecutionPage(session.executions(), ExecutionPage::Mode::Console, this);
    m_executionPageIndex = addPage(tr("Switchover"), m_executionPage);
    m_environmentPage = new EnvironmentPage(session.environment(), session.secrets(), this);
    addPage(tr("Environment"), m_environmentPage);
    // What the page saved goes to the session; what the session changes by itself (an import,
    // the demo) goes back to the page. The page's own saves do not come back and reset it.
    connect(m_environmentPage, &EnvironmentPage::environmentChanged, this, [this](const Environment &environment) {
        m_savingEnvironment = true;
        m_session.setEnvironment(environment);
        m_savingEnvironment = false;
    });
    connect(m_environmentPage, &EnvironmentPage::tokenChanged, &session, &ConsoleSession::reconnect);
    connect(&session, &ConsoleSession::environmentChanged, this, [this] {
        if (!m_savingEnvironment)
            m_environmentPage->setEnvironment(m_session.environment());
    });
    showPage(0);

    QMenu *execution = menuBar()->addMenu(tr("&Execution"));
    QAction *newTicket = execution->addAction(tr("New ticket…"));
    newTicket->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R));
    newTicket->setStatusTip(tr("Fill in an execution ticket to run an effective plan."));
    connect(newTicket, &QAction::triggered, this, [this] { openTicket(); });
    execution->addSeparator();
    QAction *secondApprover = execution->addAction(tr("Require a second approver"));
    secondApprover->setCheckable(true);
    secondApprover->setChecked(session.executions().settings().requireSecondApproval);
    secondApprover->setStatusTip(tr("Production: a ticket can only start once a second person approved it. "
                                    "Changes are recorded in the audit log."));
    connect(secondApprover, &QAction::toggled, this,
            [this](bool required) { m_session.setRequireSecondApproval(required, Operator::current()); });

    connect(&session.mode(), &ModeController::bannerChanged, this, &MainWindow::updateBanner);
    connect(&session.topology(), &FleetTopology::siteChanged, this, &MainWindow::updateStatusBar);
    auto *ages = new QTimer(this);
    connect(ages, &QTimer::timeout, m_sites, &SiteListModel::refreshAges);
    ages->start(1000);
    updateBanner();
    updateStatusBar();
}

MainWindow::~MainWindow() = default;

int MainWindow::addPage(const QString &title, QWidget *page)
{
    m_navigation->addItem(title);
    return m_pages->addWidget(page);
}

void MainWindow::showPage(int index)
{
    m_navigation->setCurrentRow(index);
}

TicketDialog *MainWindow::openTicket(const QString &planId)
{
    auto *dialog = new TicketDialog(m_session, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    if (!planId.isEmpty())
        dialog->selectPlan(planId);
    connect(dialog, &TicketDialog::executionStarted, this, &MainWindow::showExecution);
    dialog->open();
    return dialog;
}

void MainWindow::showExecution(const QString &id)
{
    m_executionPage->showExecution(id);
    showPage(m_executionPageIndex);
}

QWidget *MainWindow::buildOverview()
{
    auto *page = new QWidget(this);
    auto *layout = new QVBoxLayout(page);

    auto *sitesTitle = new QLabel(tr("Sites"), page);
    QFont titleFont = sitesTitle->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.4);
    titleFont.setBold(true);
    sitesTitle->setFont(titleFont);
    QTableView *sites = makeTable(m_sites, page);
    sites->setItemDelegateForColumn(SiteListModel::ReachabilityColumn,
                                    new StatusCellDelegate(SiteListModel::ReachabilityRole, true, sites));
    sites->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    sites->horizontalHeader()->setSectionResizeMode(SiteListModel::ProblemColumn, QHeaderView::Stretch);
    sites->setMaximumHeight(260);

    auto *componentsTitle = new QLabel(tr("Components"), page);
    componentsTitle->setFont(titleFont);
    auto *search = new QLineEdit(page);
    search->setPlaceholderText(tr("Search components by site, name, kind, product group or host"));
    search->setClearButtonEnabled(true);
    m_filter->setSourceModel(m_components);
    m_filter->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_filter->setFilterKeyColumn(-1);
    connect(search, &QLineEdit::textChanged, m_filter, &QSortFilterProxyModel::setFilterFixedString);
    QTableView *components = makeTable(m_filter, page);
    components->setSortingEnabled(true);
    components->sortByColumn(ComponentModel::SiteColumn, Qt::AscendingOrder);
    components->setItemDelegateForColumn(ComponentModel::StatusColumn,
                                         new StatusCellDelegate(ComponentModel::StatusRole, false, components));
    components->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    components->setColumnWidth(ComponentModel::NameColumn, 300);

    layout->addWidget(sitesTitle);
    layout->addWidget(sites);
    auto *componentsHeader = new QHBoxLayout;
    componentsHeader->addWidget(componentsTitle);
    componentsHeader->addStretch();
    componentsHeader->addWidget(search, 1);
    layout->addLayout(componentsHeader);
    layout->addWidget(components, 1);
    return page;
}

void MainWindow::updateBanner()
{
    const ModeController &mode = m_session.mode();
    m_banner->setVisible(mode.isDegraded());
    if (!mode.isDegraded())
        return;
    const ComponentStatus look = mode.severity() == ModeController::Severity::Critical ? ComponentStatus::Critical
                                                                                       : ComponentStatus::Warning;
    const StatusStyle style = StatusColors::style(look, StatusColors::schemeFor(palette()));
    QPalette bannerPalette = m_banner->palette();
    bannerPalette.setColor(QPalette::Window, style.fill);
    bannerPalette.setColor(QPalette::WindowText, style.text);
    m_banner->setPalette(bannerPalette);
    QFont font = m_banner->font();
    font.setBold(true);
    font.setPointSizeF(QApplication::font().pointSizeF() * 1.15);
    m_banner->setFont(font);
    m_banner->setText(style.symbol + QLatin1Char(' ') + mode.bannerText());
}

void MainWindow::updateStatusBar()
{
    const FleetTopology &topology = m_session.topology();
    int online = 0;
    for (const QString &id : topology.siteIds()) {
        const Reachability r = topology.site(id)->reachability;
        online += (r == Reachability::Online || r == Reachability::Slow) ? 1 : 0;
    }
    m_statusSummary->setText(tr("%1 of %2 sites answering · %3 components")
                                 .arg(online)
                                 .arg(topology.siteCount())
                                 .arg(topology.componentCount()));
}

} // namespace Haven
