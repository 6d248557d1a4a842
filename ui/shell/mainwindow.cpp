// SPDX-License-Identifier: GPL-3.0-or-later
#include "mainwindow.h"

#include "app/fleet/modecontroller.h"
#include "models/topology/fleettopology.h"
#include "widgets/common/statuscolors.h"

#include <QAction>
#include <QApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QStackedWidget>
#include <QStatusBar>
#include <QVBoxLayout>

namespace Haven {

MainWindow::MainWindow(const FleetTopology &topology, const ModeController &mode, QWidget *parent)
    : QMainWindow(parent)
    , m_topology(topology)
    , m_mode(mode)
    , m_navigator([this](const QString &id) { return showPage(id); })
    , m_banner(new QLabel(this))
    , m_navigation(new QListWidget(this))
    , m_pages(new QStackedWidget(this))
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

    connect(&mode, &ModeController::bannerChanged, this, &MainWindow::updateBanner);
    connect(&topology, &FleetTopology::siteChanged, this, &MainWindow::updateStatusBar);
    connect(&topology, &FleetTopology::sitesReset, this, &MainWindow::updateStatusBar);
    updateBanner();
    updateStatusBar();
}

MainWindow::~MainWindow()
{
    // The pages go while the navigator their features call is still there.
    delete centralWidget();
}

void MainWindow::addPage(const QString &id, const QString &title, QWidget *page)
{
    if (m_pageIds.contains(id)) {
        qWarning("MainWindow: page \"%s\" added twice, the later one is ignored", qPrintable(id));
        delete page;
        return;
    }
    m_pageIds.append(id);
    m_navigation->addItem(title);
    m_pages->addWidget(page);
    // The first page is the one the console opens on.
    if (m_pageIds.size() == 1)
        m_navigation->setCurrentRow(0);
}

void MainWindow::addAction(const QString &menuId, const QString &menuTitle, QAction *action)
{
    QMenu *&menu = m_menus[menuId];
    if (!menu)
        menu = menuBar()->addMenu(menuTitle);
    action->setParent(menu);
    menu->addAction(action);
}

void MainWindow::addDestination(const QString &name, std::function<void(const QString &id)> go)
{
    m_navigator.addDestination(name, std::move(go));
}

void MainWindow::showStatusMessage(const QString &message)
{
    statusBar()->showMessage(message, 10'000);
}

bool MainWindow::showPage(const QString &id)
{
    const int index = int(m_pageIds.indexOf(id));
    if (index < 0)
        return false;
    m_navigation->setCurrentRow(index);
    return true;
}

QWidget *MainWindow::page(const QString &id) const
{
    const int index = int(m_pageIds.indexOf(id));
    return index < 0 ? nullptr : m_pages->widget(index);
}

QString MainWindow::currentPageId() const
{
    return m_pageIds.value(m_pages->currentIndex());
}

void MainWindow::updateBanner()
{
    m_banner->setVisible(m_mode.isDegraded());
    if (!m_mode.isDegraded())
        return;
    const ComponentStatus look = m_mode.severity() == ModeController::Severity::Critical ? ComponentStatus::Critical
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
    m_banner->setText(style.symbol + QLatin1Char(' ') + m_mode.bannerText());
}

void MainWindow::updateStatusBar()
{
    int online = 0;
    for (const QString &id : m_topology.siteIds()) {
        const Reachability r = m_topology.site(id)->reachability;
        online += (r == Reachability::Online || r == Reachability::Slow) ? 1 : 0;
    }
    m_statusSummary->setText(tr("%1 of %2 sites answering · %3 components")
                                 .arg(online)
                                 .arg(m_topology.siteCount())
                                 .arg(m_topology.componentCount()));
}

} // namespace Haven
