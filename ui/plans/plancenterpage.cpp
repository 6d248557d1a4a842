// SPDX-License-Identifier: GPL-3.0-or-later
#include "plancenterpage.h"

#include "app/plans/planlibrary.h"
#include "editing/plans/plandocument.h"
#include "planeditorpage.h"

#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStackedWidget>
#include <QStandardItemModel>
#include <QTableView>
#include <QToolBar>
#include <QToolButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace Haven {

namespace {

constexpr int IdRole = Qt::UserRole + 1;
constexpr int StateRole = Qt::UserRole + 2;

enum Column {
    NameColumn,
    KindColumn,
    StateColumn,
    VersionColumn,
    RtoColumn,
    RpoColumn,
    StepsColumn,
    UpdatedColumn,
    ColumnCount
};

} // namespace

PlanCenterPage::PlanCenterPage(PlanLibrary &library, QWidget *parent)
    : QWidget(parent)
    , m_library(library)
    , m_operator(Operator::current())
    , m_stack(new QStackedWidget(this))
    , m_table(new QTableView)
    , m_model(new QStandardItemModel(this))
    , m_message(new QLabel)
    , m_editor(new PlanEditorPage)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_stack);
    m_stack->addWidget(buildListPage());
    m_stack->addWidget(m_editor);
    connect(m_editor, &PlanEditorPage::closeRequested, this, &PlanCenterPage::closeEditor);
    connect(m_editor, &PlanEditorPage::saveRequested, this, [this] {
        bool ok = false;
        const QString comment = QInputDialog::getText(this, tr("Save plan"), tr("What changed in this version?"),
                                                      QLineEdit::Normal, QString(), &ok);
        if (ok)
            saveEditedPlan(comment);
    });
    connect(&m_library, &PlanLibrary::plansChanged, this, &PlanCenterPage::reload);
    reload();
}

PlanCenterPage::~PlanCenterPage() = default;

QWidget *PlanCenterPage::buildListPage()
{
    auto *page = new QWidget;
    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(8, 8, 8, 8);
    auto *title = new QLabel(tr("Plan center"), page);
    QFont font = title->font();
    font.setPointSizeF(font.pointSizeF() * 1.5);
    font.setBold(true);
    title->setFont(font);
    layout->addWidget(title);

    auto *toolbar = new QToolBar(page);
    toolbar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    auto *createMenu = new QMenu(toolbar);
    for (PlanKind kind : {PlanKind::DisasterRecovery, PlanKind::Emergency, PlanKind::Drill}) {
        connect(createMenu->addAction(tr("Blank %1").arg(PlanText::kind(kind))), &QAction::triggered, this,
                [this, kind] { openPlan(createBlank(kind)); });
    }
    createMenu->addSeparator();
    for (const PlanTemplates::Template &entry : PlanTemplates::all()) {
        QAction *action = createMenu->addAction(tr("From template: %1").arg(entry.name));
        action->setToolTip(entry.description);
        const PlanTemplates::Architecture architecture = entry.architecture;
        connect(action, &QAction::triggered, this, [this, architecture] { openPlan(createFromTemplate(architecture)); });
    }
    auto *create = new QToolButton(toolbar);
    create->setText(tr("New plan"));
    create->setMenu(createMenu);
    create->setPopupMode(QToolButton::InstantPopup);
    toolbar->addWidget(create);
    m_open = toolbar->addAction(tr("Open"));
    connect(m_open, &QAction::triggered, this, [this] { openPlan(selectedPlanId()); });
    m_clone = toolbar->addAction(tr("Clone"));
    connect(m_clone, &QAction::triggered, this, [this] {
        const QString id = clonePlan(selectedPlanId());
        if (!id.isEmpty())
            selectPlan(id);
    });
    m_delete = toolbar->addAction(tr("Delete…"));
    connect(m_delete, &QAction::triggered, this, [this] { deletePlan(selectedPlanId()); });
    auto *stateMenu = new QMenu(toolbar);
    for (PlanState state : {PlanState::Draft, PlanState::Effective, PlanState::Disabled}) {
        connect(stateMenu->addAction(PlanText::state(state)), &QAction::triggered, this,
                [this, state] { changeState(selectedPlanId(), state); });
    }
    m_state = toolbar->addAction(tr("Change state"));
    m_state->setMenu(stateMenu);
    if (auto *button = qobject_cast<QToolButton *>(toolbar->widgetForAction(m_state)))
        button->setPopupMode(QToolButton::InstantPopup);
    m_history = toolbar->addAction(tr("History"));
    connect(m_history, &QAction::triggered, this, [this] { showHistory(selectedPlanId()); });
    toolbar->addSeparator();
    m_run = toolbar->addAction(tr("Run plan…"));
    m_run->setToolTip(tr("Fill in an execution ticket for the selected plan (effective plans only)."));
    connect(m_run, &QAction::triggered, this, [this] {
        if (!selectedPlanId().isEmpty())
            Q_EMIT runRequested(selectedPlanId());
    });
    toolbar->addSeparator();
    QAction *import = toolbar->addAction(tr("Import…"));
    connect(import, &QAction::triggered, this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Import plan"), QString(),
                                                          tr("Haven plans (*.json);;All files (*)"));
        if (path.isEmpty())
            return;
        QString error;
        const QString id = importFile(path, &error);
        if (id.isEmpty())
            QMessageBox::warning(this, tr("Import plan"), error);
        else if (!error.isEmpty())
            QMessageBox::information(this, tr("Import plan"), error);
    });
    m_export = toolbar->addAction(tr("Export…"));
    connect(m_export, &QAction::triggered, this, [this] {
        const QString id = selectedPlanId();
        const std::optional<PlanData> plan = m_library.plan(id);
        if (!plan)
            return;
        const QString path = QFileDialog::getSaveFileName(this, tr("Export plan"),
                                                          plan->metadata.name + QStringLiteral(".json"),
                                                          tr("Haven plans (*.json)"));
        QString error;
        if (!path.isEmpty() && !exportPlan(id, path, &error))
            QMessageBox::warning(this, tr("Export plan"), error);
    });
    layout->addWidget(toolbar);

    m_model->setColumnCount(ColumnCount);
    m_model->setHorizontalHeaderLabels(
        {tr("Name"), tr("Kind"), tr("State"), tr("Version"), tr("RTO"), tr("RPO"), tr("Steps"), tr("Updated")});
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(NameColumn, Qt::AscendingOrder);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(NameColumn, QHeaderView::Stretch);
    layout->addWidget(m_table, 1);
    connect(m_table, &QTableView::doubleClicked, this, [this] { openPlan(selectedPlanId()); });
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, &PlanCenterPage::updateActions);

    m_message->setWordWrap(true);
    layout->addWidget(m_message);
    return page;
}

void PlanCenterPage::setCatalog(const QList<OperationSpec> &catalog)
{
    m_catalog = catalog;
    m_library.setCatalog(catalog);
    m_editor->setCatalog(catalog);
}

void PlanCenterPage::reload()
{
    const QString selected = selectedPlanId();
    m_model->removeRows(0, m_model->rowCount());
    m_table->setSortingEnabled(false);
    for (const PlanSummary &summary : m_library.plans()) {
        const std::optional<PlanData> plan = m_library.plan(summary.id);
        QList<QStandardItem *> row;
        for (int column = 0; column < ColumnCount; ++column)
            row.append(new QStandardItem);
        row[NameColumn]->setText(summary.name);
        row[NameColumn]->setData(summary.id, IdRole);
        row[KindColumn]->setText(PlanText::kind(summary.kind));
        row[StateColumn]->setText(PlanText::state(summary.state));
        row[StateColumn]->setData(int(summary.state), StateRole);
        row[VersionColumn]->setData(summary.version, Qt::DisplayRole);
        if (plan) {
            row[RtoColumn]->setText(PlanText::duration(plan->metadata.rtoSeconds));
            row[RpoColumn]->setText(PlanText::duration(plan->metadata.rpoSeconds));
            row[StepsColumn]->setData(int(plan->steps.size()), Qt::DisplayRole);
            row[NameColumn]->setToolTip(plan->metadata.description);
        } else {
            row[NameColumn]->setToolTip(tr("The cached copy of this plan cannot be read."));
        }
        row[UpdatedColumn]->setText(QLocale().toString(summary.updated.toLocalTime(), QLocale::ShortFormat));
        if (summary.state == PlanState::Effective) {
            QFont font = row[StateColumn]->font();
            font.setBold(true);
            row[StateColumn]->setFont(font);
        }
        m_model->appendRow(row);
    }
    m_table->setSortingEnabled(true);
    m_table->resizeColumnsToContents();
    m_table->horizontalHeader()->setSectionResizeMode(NameColumn, QHeaderView::Stretch);
    if (!selected.isEmpty())
        selectPlan(selected);
    updateActions();
    Q_EMIT plansChanged();
}

QStringList PlanCenterPage::planIds() const
{
    QStringList ids;
    for (int row = 0; row < m_model->rowCount(); ++row)
        ids.append(m_model->item(row, NameColumn)->data(IdRole).toString());
    return ids;
}

QString PlanCenterPage::selectedPlanId() const
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows(NameColumn);
    return rows.isEmpty() ? QString() : rows.constFirst().data(IdRole).toString();
}

void PlanCenterPage::selectPlan(const QString &planId)
{
    for (int row = 0; row < m_model->rowCount(); ++row) {
        if (m_model->item(row, NameColumn)->data(IdRole).toString() == planId) {
            m_table->selectRow(row);
            return;
        }
    }
}

void PlanCenterPage::updateActions()
{
    const bool any = !selectedPlanId().isEmpty();
    for (QAction *action : {m_open, m_clone, m_delete, m_state, m_history, m_export}) {
        if (action)
            action->setEnabled(any);
    }
    // Only an effective plan can run.
    const QModelIndexList rows = m_table->selectionModel()->selectedRows(StateColumn);
    const bool effective = any && !rows.isEmpty()
                           && rows.constFirst().data(StateRole).toInt() == int(PlanState::Effective);
    if (m_run)
        m_run->setEnabled(effective);
}

void PlanCenterPage::showMessage(const QString &message)
{
    m_lastMessage = message;
    m_message->setText(message);
}

QString PlanCenterPage::report(const PlanLibrary::Outcome &outcome)
{
    showMessage(outcome.message);
    if (!outcome)
        return {};
    selectPlan(outcome.planId);
    return outcome.planId;
}

QString PlanCenterPage::createBlank(PlanKind kind)
{
    return report(m_library.createBlank(kind, tr("New %1").arg(PlanText::kind(kind)), m_operator));
}

QString PlanCenterPage::createFromTemplate(PlanTemplates::Architecture architecture)
{
    return report(m_library.createFromTemplate(architecture, m_operator));
}

QString PlanCenterPage::clonePlan(const QString &planId)
{
    return report(m_library.clonePlan(planId, m_operator));
}

bool PlanCenterPage::deletePlan(const QString &planId, bool confirm)
{
    const std::optional<PlanData> plan = m_library.plan(planId);
    if (!plan)
        return false;
    if (confirm) {
        const int versionCount = int(m_library.versions(planId).size());
        QMessageBox box(QMessageBox::Warning, tr("Delete plan"), tr("Delete the plan \"%1\"?").arg(plan->metadata.name),
                        QMessageBox::NoButton, this);
        box.setInformativeText(tr("This cannot be undone: the plan and its %n saved version(s) are removed from "
                                  "this console. Export it first if you may need it again.",
                                  nullptr, versionCount));
        QPushButton *remove = box.addButton(tr("Delete plan"), QMessageBox::DestructiveRole);
        QPushButton *keep = box.addButton(tr("Keep"), QMessageBox::RejectRole);
        box.setDefaultButton(keep);
        box.exec();
        if (box.clickedButton() != remove)
            return false;
    }
    // The person confirmed this plan by its name (or the caller did): the library checks it.
    const PlanLibrary::Outcome outcome = m_library.deletePlan(planId, plan->metadata.name, m_operator);
    if (outcome && m_editingId == planId)
        closeEditor();
    showMessage(outcome.message);
    return outcome.ok;
}

bool PlanCenterPage::changeState(const QString &planId, PlanState state, QString *why, bool interactive)
{
    const PlanLibrary::Outcome outcome = m_library.changeState(planId, state, m_operator);
    showMessage(outcome.message);
    if (!outcome) {
        if (why)
            *why = outcome.message;
        if (interactive)
            QMessageBox::warning(this, tr("Change state"), outcome.message);
    }
    return outcome.ok;
}

bool PlanCenterPage::isEditing() const
{
    return m_stack->currentWidget() == m_editor;
}

void PlanCenterPage::openPlan(const QString &planId)
{
    const std::optional<PlanData> plan = m_library.plan(planId);
    if (!plan)
        return;
    m_editingId = planId;
    m_editor->openPlan(*plan);
    m_stack->setCurrentWidget(m_editor);
}

void PlanCenterPage::closeEditor()
{
    if (m_editor->document().isDirty() && isVisible()) {
        const auto answer = QMessageBox::question(this, tr("Unsaved changes"),
                                                  tr("\"%1\" has unsaved changes. Save them as a new version?")
                                                      .arg(m_editor->document().plan().name()),
                                                  QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel,
                                                  QMessageBox::Save);
        if (answer == QMessageBox::Cancel)
            return;
        if (answer == QMessageBox::Save && !saveEditedPlan(QString()))
            return;
    }
    m_editingId.clear();
    m_stack->setCurrentIndex(0);
    reload();
}

bool PlanCenterPage::saveEditedPlan(const QString &comment)
{
    if (m_editingId.isEmpty())
        return false;
    PlanDocument &document = m_editor->document();
    PlanData plan = document.plan().data();
    plan.metadata.id = m_editingId;
    document.validateNow(); // the editor lists the findings the library may demote the plan for
    const PlanLibrary::Outcome outcome = m_library.saveVersion(plan, comment, m_operator);
    showMessage(outcome.message);
    if (!outcome) {
        if (isVisible())
            QMessageBox::warning(this, tr("Save plan"), outcome.message);
        return false;
    }
    document.markSaved();
    return true;
}

QString PlanCenterPage::importFile(const QString &path, QString *error)
{
    const PlanLibrary::Outcome outcome = m_library.importFile(path, m_operator);
    if (error)
        *error = outcome ? outcome.warning : outcome.message;
    return report(outcome);
}

bool PlanCenterPage::exportPlan(const QString &planId, const QString &path, QString *error)
{
    const PlanLibrary::Outcome outcome = m_library.exportPlan(planId, path);
    if (!outcome && error)
        *error = outcome.message;
    showMessage(outcome.message);
    return outcome.ok;
}

QList<PlanVersion> PlanCenterPage::versions(const QString &planId) const
{
    return m_library.versions(planId);
}

QStringList PlanCenterPage::differences(const QString &planId, int fromVersion, int toVersion) const
{
    return m_library.differences(planId, fromVersion, toVersion);
}

void PlanCenterPage::showHistory(const QString &planId)
{
    const std::optional<PlanData> plan = m_library.plan(planId);
    if (!plan)
        return;
    const QList<PlanVersion> history = versions(planId);
    QDialog dialog(this);
    dialog.setWindowTitle(tr("History of \"%1\"").arg(plan->metadata.name));
    dialog.resize(760, 560);
    auto *layout = new QVBoxLayout(&dialog);
    auto *list = new QTreeWidget(&dialog);
    list->setHeaderLabels({tr("Version"), tr("Author"), tr("Time"), tr("Comment")});
    list->setRootIsDecorated(false);
    for (auto it = history.crbegin(); it != history.crend(); ++it) {
        new QTreeWidgetItem(list, {QString::number(it->number), it->author,
                                   QLocale().toString(it->time.toLocalTime(), QLocale::ShortFormat), it->comment});
    }
    list->resizeColumnToContents(0);
    list->resizeColumnToContents(2);
    layout->addWidget(list, 1);

    auto *pick = new QHBoxLayout;
    auto *from = new QComboBox(&dialog);
    auto *to = new QComboBox(&dialog);
    for (QComboBox *combo : {from, to}) {
        combo->addItem(tr("Working copy"), 0);
        for (auto it = history.crbegin(); it != history.crend(); ++it)
            combo->addItem(tr("Version %1").arg(it->number), it->number);
    }
    if (from->count() > 1)
        from->setCurrentIndex(from->count() > 2 ? 2 : 1);
    pick->addWidget(new QLabel(tr("Differences from"), &dialog));
    pick->addWidget(from);
    pick->addWidget(new QLabel(tr("to"), &dialog));
    pick->addWidget(to);
    pick->addStretch(1);
    layout->addLayout(pick);
    auto *text = new QPlainTextEdit(&dialog);
    text->setReadOnly(true);
    layout->addWidget(text, 1);
    auto update = [this, planId, from, to, text] {
        text->setPlainText(
            differences(planId, from->currentData().toInt(), to->currentData().toInt()).join(QLatin1Char('\n')));
    };
    connect(from, &QComboBox::currentIndexChanged, &dialog, update);
    connect(to, &QComboBox::currentIndexChanged, &dialog, update);
    update();
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, &dialog);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    layout->addWidget(buttons);
    dialog.exec();
}

} // namespace Haven
