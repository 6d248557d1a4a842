// SPDX-License-Identifier: GPL-3.0-or-later
#include "planeditorpage.h"

#include "editing/plans/plandocument.h"
#include "widgets/common/statuscolors.h"
#include "widgets/plans/plangraphscene.h"
#include "widgets/plans/plangraphview.h"
#include "widgets/plans/planpalette.h"
#include "widgets/plans/planpropertypanel.h"

#include <QAction>
#include <QHeaderView>
#include <QLabel>
#include <QSplitter>
#include <QTabBar>
#include <QToolBar>
#include <QTreeWidget>
#include <QUndoStack>
#include <QVBoxLayout>

namespace Haven {

namespace {
constexpr int StepRole = Qt::UserRole + 1;
constexpr int PhaseRole = Qt::UserRole + 2;
} // namespace

PlanEditorPage::PlanEditorPage(QWidget *parent)
    : QWidget(parent)
    , m_document(new PlanDocument(this))
    , m_scene(new PlanGraphScene(*m_document, this))
    , m_view(new PlanGraphView(*m_scene))
    , m_palette(new PlanPalette)
    , m_properties(new PlanPropertyPanel(*m_document))
    , m_validation(new QTreeWidget)
    , m_phases(new QTabBar)
    , m_status(new QLabel)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);

    auto *toolbar = new QToolBar(this);
    toolbar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    QAction *back = toolbar->addAction(tr("← Plans"));
    back->setToolTip(tr("Back to the plan list"));
    connect(back, &QAction::triggered, this, &PlanEditorPage::closeRequested);
    toolbar->addSeparator();
    toolbar->addAction(m_view->undoAction());
    toolbar->addAction(m_view->redoAction());
    toolbar->addSeparator();
    toolbar->addAction(m_view->layoutAction());
    toolbar->addAction(m_view->fitAction());
    QAction *validate = toolbar->addAction(tr("Validate"));
    validate->setToolTip(tr("Check the plan against the operation catalog now"));
    connect(validate, &QAction::triggered, m_document, &PlanDocument::validateNow);
    toolbar->addSeparator();
    m_save = toolbar->addAction(tr("Save"));
    m_save->setShortcut(QKeySequence::Save);
    m_save->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_save->setToolTip(tr("Save the plan as a new version (Ctrl+S)"));
    addAction(m_save);
    connect(m_save, &QAction::triggered, this, &PlanEditorPage::saveRequested);
    toolbar->addSeparator();
    toolbar->addWidget(m_phases);
    m_phases->setDrawBase(false);
    m_phases->setExpanding(false);
    auto *spacer = new QWidget(toolbar);
    spacer->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    toolbar->addWidget(spacer);
    toolbar->addWidget(m_status);
    layout->addWidget(toolbar);

    auto *columns = new QSplitter(Qt::Horizontal);
    columns->addWidget(m_palette);
    columns->addWidget(m_view);
    columns->addWidget(m_properties);
    columns->setStretchFactor(0, 0);
    columns->setStretchFactor(1, 1);
    columns->setStretchFactor(2, 0);
    columns->setSizes({230, 900, 340});
    m_palette->setMinimumWidth(180);
    m_properties->setMinimumWidth(300);

    m_validation->setColumnCount(3);
    m_validation->setHeaderLabels({tr("Finding"), tr("Step"), tr("Message")});
    m_validation->setRootIsDecorated(false);
    m_validation->setAlternatingRowColors(true);
    m_validation->header()->setSectionResizeMode(2, QHeaderView::Stretch);
    m_validation->setColumnWidth(0, 110);
    m_validation->setColumnWidth(1, 220);

    auto *rows = new QSplitter(Qt::Vertical);
    rows->addWidget(columns);
    rows->addWidget(m_validation);
    rows->setStretchFactor(0, 1);
    rows->setStretchFactor(1, 0);
    rows->setSizes({760, 110});
    layout->addWidget(rows, 1);

    connect(m_phases, &QTabBar::currentChanged, this, [this](int index) {
        if (index >= 0)
            m_scene->setPhase(PlanPhase(m_phases->tabData(index).toInt()));
    });
    connect(m_scene, &PlanGraphScene::phaseChanged, this, [this](PlanPhase phase) {
        for (int i = 0; i < m_phases->count(); ++i) {
            if (PlanPhase(m_phases->tabData(i).toInt()) == phase && m_phases->currentIndex() != i)
                m_phases->setCurrentIndex(i);
        }
    });
    connect(&m_document->plan(), &Plan::metadataChanged, this, &PlanEditorPage::updatePhaseTabs);
    connect(&m_document->plan(), &Plan::modelReset, this, &PlanEditorPage::updatePhaseTabs);
    connect(m_scene, &PlanGraphScene::selectedStepsChanged, this, &PlanEditorPage::onSelectionChanged);
    connect(m_scene, &PlanGraphScene::feedback, this, [this](const QString &message) { m_status->setText(message); });
    connect(m_document, &PlanDocument::validationChanged, this, &PlanEditorPage::updateValidation);
    connect(m_document, &PlanDocument::dirtyChanged, this, &PlanEditorPage::updateStatus);
    connect(m_palette, &PlanPalette::operationActivated, this, [this](const QString &code) {
        const QPointF center = m_view->mapToScene(m_view->viewport()->rect().center());
        m_scene->addOperation(code, center - QPointF(StepNodeItem::Width / 2, StepNodeItem::Height / 2));
    });
    connect(m_validation, &QTreeWidget::itemClicked, this, [this](QTreeWidgetItem *item) {
        const StepId id = item->data(0, StepRole).toInt();
        if (id != InvalidStepId)
            revealStep(id);
        else
            setPhase(PlanPhase(item->data(0, PhaseRole).toInt()));
    });
    updatePhaseTabs();
    updateValidation();
}

PlanEditorPage::~PlanEditorPage()
{
    // The view and the panel refer to the scene, the scene to the document: in that order.
    // Nothing the document says while it goes may reach this half-destroyed page.
    m_document->disconnect(this);
    m_document->undoStack()->disconnect(this);
    m_scene->disconnect(this);
    delete m_view;
    delete m_properties;
    delete m_scene;
}

void PlanEditorPage::setCatalog(const QList<OperationSpec> &catalog)
{
    m_palette->setCatalog(catalog);
    m_document->setCatalog(catalog);
    m_properties->setStep(m_properties->step());
}

void PlanEditorPage::openPlan(const PlanData &plan)
{
    m_document->load(plan);
    m_scene->setPhase(PlanPhase::Switchover);
    updatePhaseTabs();
    m_properties->setStep(InvalidStepId);
    m_view->zoomToReadable();
    updateStatus();
}

void PlanEditorPage::setPhase(PlanPhase phase)
{
    m_scene->setPhase(phase);
}

void PlanEditorPage::revealStep(StepId id)
{
    const Plan &plan = m_document->plan();
    if (!plan.hasStep(id))
        return;
    m_scene->setPhase(plan.step(id).phase);
    m_scene->selectSteps({id});
    if (StepNodeItem *node = m_scene->nodeItem(id))
        m_view->centerOn(node);
}

void PlanEditorPage::updatePhaseTabs()
{
    const QList<PlanPhase> phases = m_document->plan().phases();
    const bool blocked = m_phases->blockSignals(true);
    while (m_phases->count() > 0)
        m_phases->removeTab(0);
    for (PlanPhase phase : phases) {
        const int index = m_phases->addTab(PlanText::phase(phase));
        m_phases->setTabData(index, int(phase));
        if (phase == m_scene->phase())
            m_phases->setCurrentIndex(index);
    }
    m_phases->blockSignals(blocked);
    m_phases->setVisible(phases.size() > 1);
}

void PlanEditorPage::onSelectionChanged()
{
    const QList<StepId> steps = m_scene->selectedSteps();
    m_properties->setStep(steps.size() == 1 ? steps.constFirst() : InvalidStepId);
}

void PlanEditorPage::updateValidation()
{
    m_validation->clear();
    const Plan &plan = m_document->plan();
    const ColorScheme scheme = StatusColors::schemeFor(QWidget::palette());
    for (const PlanIssue &issue : m_document->issues()) {
        const StepId id = issue.step != InvalidStepId ? issue.step
                          : issue.concernsEdge()      ? issue.edge.to
                                                 : (issue.steps.isEmpty() ? InvalidStepId : issue.steps.constFirst());
        const StatusStyle style = StatusColors::style(issue.isError() ? ComponentStatus::Critical
                                                                      : ComponentStatus::Warning,
                                                      scheme);
        QString where = PlanText::phase(issue.phase);
        if (id != InvalidStepId && plan.hasStep(id))
            where += QStringLiteral(" · ") + plan.step(id).name;
        auto *item = new QTreeWidgetItem(m_validation, {style.symbol + QLatin1Char(' ')
                                                            + (issue.isError() ? tr("Error") : tr("Warning")),
                                                        where, issue.message});
        item->setForeground(0, style.fill);
        item->setToolTip(2, issue.message);
        item->setData(0, StepRole, plan.hasStep(id) ? id : InvalidStepId);
        item->setData(0, PhaseRole, int(issue.phase));
    }
    if (m_document->issues().isEmpty()) {
        auto *item = new QTreeWidgetItem(m_validation,
                                         {tr("✔ Valid"), QString(),
                                          tr("No findings: the plan validates against the operation catalog.")});
        item->setData(0, StepRole, InvalidStepId);
        item->setData(0, PhaseRole, int(m_scene->phase()));
    }
    updateStatus();
}

void PlanEditorPage::updateStatus()
{
    const int errors = m_document->errorCount();
    const int warnings = m_document->warningCount();
    QString text = errors == 0 && warnings == 0 ? tr("✔ Valid")
                                                : tr("%n error(s)", nullptr, errors) + QStringLiteral(", ")
                                                      + tr("%n warning(s)", nullptr, warnings);
    if (m_document->isDirty())
        text += QStringLiteral(" · ") + tr("unsaved changes");
    m_status->setText(text);
}

} // namespace Haven
