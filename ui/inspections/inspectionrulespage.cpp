// SPDX-License-Identifier: GPL-3.0-or-later
#include "inspectionrulespage.h"

#include "app/executions/executionengine.h"
#include "models/inspections/inspectiontext.h"
#include "widgets/common/statuscolors.h"

#include <QComboBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>

namespace Haven {

namespace {

ComponentStatus componentStatus(InspectionStatus status)
{
    switch (status) {
    case InspectionStatus::Ok:
        return ComponentStatus::Ok;
    case InspectionStatus::Warning:
        return ComponentStatus::Warning;
    case InspectionStatus::Critical:
        return ComponentStatus::Critical;
    case InspectionStatus::Unknown:
        return ComponentStatus::Unknown;
    }
    return ComponentStatus::Unknown;
}

} // namespace

InspectionRulesPage::InspectionRulesPage(InspectionService &service, QWidget *parent)
    : QWidget(parent)
    , m_service(service)
    , m_table(new QTableWidget(this))
    , m_id(new QLineEdit(this))
    , m_name(new QLineEdit(this))
    , m_targetKind(new QComboBox(this))
    , m_targetId(new QLineEdit(this))
    , m_timeout(new QSpinBox(this))
    , m_severity(new QComboBox(this))
    , m_hint(new QPlainTextEdit(this))
    , m_risk(new QLineEdit(this))
    , m_secrets(new QLineEdit(this))
    , m_check(new QPlainTextEdit(this))
    , m_problem(new QLabel(this))
    , m_save(new QPushButton(tr("Save rule"), this))
    , m_testSite(new QComboBox(this))
    , m_test(new QPushButton(tr("Test now"), this))
    , m_testStatus(new QLabel(this))
    , m_testOutput(new QPlainTextEdit(this))
    , m_message(new QLabel(this))
{
    m_table->setColumnCount(4);
    m_table->setHorizontalHeaderLabels({tr("Rule"), tr("Kind"), tr("Target"), tr("Origin")});
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    for (InspectionTargetKind kind :
         {InspectionTargetKind::Site, InspectionTargetKind::ProductGroup, InspectionTargetKind::Layer,
          InspectionTargetKind::Component, InspectionTargetKind::Host})
        m_targetKind->addItem(InspectionText::targetKind(kind), int(kind));
    m_severity->addItem(InspectionText::severity(InspectionSeverity::Critical), int(InspectionSeverity::Critical));
    m_severity->addItem(InspectionText::severity(InspectionSeverity::Warning), int(InspectionSeverity::Warning));
    m_timeout->setRange(1, InspectionCheck::MaxTimeoutSeconds);
    m_timeout->setSuffix(tr(" s"));
    m_targetId->setPlaceholderText(tr("empty: every site"));
    m_secrets->setPlaceholderText(tr("names of secrets the agents hold, comma-separated"));
    m_hint->setMaximumHeight(70);
    QFont mono(QStringLiteral("monospace"));
    mono.setStyleHint(QFont::Monospace);
    m_check->setFont(mono);
    m_testOutput->setFont(mono);
    m_testOutput->setReadOnly(true);
    m_testOutput->setMaximumHeight(120);
    m_problem->setWordWrap(true);
    m_problem->setStyleSheet(QStringLiteral("color: #c62828; font-weight: bold;"));
    m_testStatus->setWordWrap(true);
    QFont big = m_testStatus->font();
    big.setPointSizeF(big.pointSizeF() * 1.4);
    big.setBold(true);
    m_testStatus->setFont(big);
    m_message->setWordWrap(true);

    auto *newRule = new QPushButton(tr("New rule"), this);
    auto *importButton = new QPushButton(tr("Import…"), this);
    auto *exportButton = new QPushButton(tr("Export…"), this);
    auto *deleteButton = new QPushButton(tr("Delete"), this);
    auto *listButtons = new QHBoxLayout;
    for (QPushButton *button : {newRule, importButton, exportButton, deleteButton})
        listButtons->addWidget(button);
    listButtons->addStretch();
    auto *left = new QWidget(this);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addLayout(listButtons);
    leftLayout->addWidget(m_table, 1);
    leftLayout->addWidget(m_message);

    auto *target = new QHBoxLayout;
    target->addWidget(m_targetKind);
    target->addWidget(m_targetId, 1);
    auto *form = new QFormLayout;
    form->addRow(tr("Id"), m_id);
    form->addRow(tr("Name"), m_name);
    form->addRow(tr("Target"), target);
    form->addRow(tr("Timeout"), m_timeout);
    form->addRow(tr("Severity"), m_severity);
    form->addRow(tr("Governance hint"), m_hint);
    form->addRow(tr("Risk scenario"), m_risk);
    form->addRow(tr("Secrets"), m_secrets);
    form->addRow(tr("Check (JSON)"), m_check);
    auto *test = new QHBoxLayout;
    test->addWidget(m_save);
    test->addStretch();
    test->addWidget(new QLabel(tr("Site:"), this));
    test->addWidget(m_testSite);
    test->addWidget(m_test);
    auto *right = new QWidget(this);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->addLayout(form, 1);
    rightLayout->addWidget(m_problem);
    rightLayout->addLayout(test);
    rightLayout->addWidget(m_testStatus);
    rightLayout->addWidget(m_testOutput);

    auto *splitter = new QSplitter(this);
    splitter->addWidget(left);
    splitter->addWidget(right);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(splitter);

    connect(m_table, &QTableWidget::itemSelectionChanged, this, [this] {
        const QList<QTableWidgetItem *> selected = m_table->selectedItems();
        if (selected.isEmpty())
            return;
        if (const std::optional<InspectionRule> rule = m_service.rule(selected.first()->data(Qt::UserRole).toString()))
            show(*rule);
    });
    for (QLineEdit *edit : {m_id, m_name, m_targetId, m_risk, m_secrets})
        connect(edit, &QLineEdit::textChanged, this, &InspectionRulesPage::validate);
    for (QPlainTextEdit *edit : {m_hint, m_check})
        connect(edit, &QPlainTextEdit::textChanged, this, &InspectionRulesPage::validate);
    connect(m_targetKind, &QComboBox::currentIndexChanged, this, &InspectionRulesPage::validate);
    connect(m_severity, &QComboBox::currentIndexChanged, this, &InspectionRulesPage::validate);
    connect(m_timeout, &QSpinBox::valueChanged, this, &InspectionRulesPage::validate);
    connect(m_save, &QPushButton::clicked, this, &InspectionRulesPage::save);
    connect(m_test, &QPushButton::clicked, this, &InspectionRulesPage::testNow);
    connect(importButton, &QPushButton::clicked, this, &InspectionRulesPage::importFile);
    connect(exportButton, &QPushButton::clicked, this, &InspectionRulesPage::exportFile);
    connect(deleteButton, &QPushButton::clicked, this, &InspectionRulesPage::deleteRule);
    connect(newRule, &QPushButton::clicked, this, [this] {
        InspectionRule rule;
        rule.id = QStringLiteral("new-rule");
        rule.name = tr("New rule");
        rule.check.kind = InspectionKind::Http;
        ProbeStep step;
        step.request.url = QStringLiteral("http://127.0.0.1:8080/health");
        rule.check.steps = {step};
        m_table->clearSelection();
        show(rule);
    });
    connect(&m_service, &InspectionService::rulesChanged, this, &InspectionRulesPage::reload);
    reload();
    if (m_table->rowCount() > 0)
        m_table->selectRow(0);
}

void InspectionRulesPage::reload()
{
    const QString current = m_table->selectedItems().isEmpty()
                                ? QString()
                                : m_table->selectedItems().first()->data(Qt::UserRole).toString();
    const QList<InspectionRule> rules = m_service.rules();
    QSignalBlocker block(m_table);
    m_table->setRowCount(int(rules.size()));
    for (int row = 0; row < rules.size(); ++row) {
        const InspectionRule &rule = rules.at(row);
        auto *name = new QTableWidgetItem(rule.name);
        name->setData(Qt::UserRole, rule.id);
        name->setToolTip(rule.id);
        m_table->setItem(row, 0, name);
        m_table->setItem(row, 1, new QTableWidgetItem(InspectionText::kind(rule.check.kind)));
        m_table->setItem(row, 2, new QTableWidgetItem(InspectionText::target(rule.target)));
        m_table->setItem(row, 3, new QTableWidgetItem(rule.builtIn ? tr("Starter library") : tr("This console")));
        if (rule.id == current)
            m_table->selectRow(row);
    }
    const QString site = m_testSite->currentData().toString();
    m_testSite->clear();
    for (const QString &siteId : m_service.sitesOf(InspectionTarget{}))
        m_testSite->addItem(m_service.siteName(siteId), siteId);
    m_testSite->setCurrentIndex(std::max(0, m_testSite->findData(site)));
}

void InspectionRulesPage::selectRule(const QString &id)
{
    for (int row = 0; row < m_table->rowCount(); ++row) {
        if (m_table->item(row, 0)->data(Qt::UserRole).toString() == id)
            m_table->selectRow(row);
    }
}

void InspectionRulesPage::show(const InspectionRule &rule)
{
    QJsonObject body = rule.toJson().value(QStringLiteral("check")).toObject();
    m_id->setText(rule.id);
    m_name->setText(rule.name);
    m_targetKind->setCurrentIndex(m_targetKind->findData(int(rule.target.kind)));
    m_targetId->setText(rule.target.id);
    m_timeout->setValue(rule.timeoutSeconds);
    m_severity->setCurrentIndex(m_severity->findData(int(rule.severity)));
    m_hint->setPlainText(rule.governanceHint);
    m_risk->setText(rule.riskScenarioId);
    m_secrets->setText(rule.secrets.join(QStringLiteral(", ")));
    m_check->setPlainText(QString::fromUtf8(QJsonDocument(body).toJson(QJsonDocument::Indented)));
    m_testStatus->clear();
    m_testOutput->clear();
    validate();
}

std::optional<InspectionRule> InspectionRulesPage::editedRule(QString *error) const
{
    QJsonParseError parseError;
    const QJsonDocument check = QJsonDocument::fromJson(m_check->toPlainText().toUtf8(), &parseError);
    if (parseError.error != QJsonParseError::NoError || !check.isObject()) {
        *error = tr("check: not a JSON object (%1)").arg(parseError.errorString());
        return std::nullopt;
    }
    QJsonObject target{{QStringLiteral("kind"), toString(InspectionTargetKind(m_targetKind->currentData().toInt()))}};
    if (!m_targetId->text().trimmed().isEmpty())
        target.insert(QStringLiteral("id"), m_targetId->text().trimmed());
    QJsonArray secrets;
    for (const QString &name : m_secrets->text().split(QLatin1Char(','), Qt::SkipEmptyParts))
        secrets.append(name.trimmed());
    const QJsonObject json{{QStringLiteral("id"), m_id->text().trimmed()},
                           {QStringLiteral("name"), m_name->text().trimmed()},
                           {QStringLiteral("target"), target},
                           {QStringLiteral("timeoutSeconds"), m_timeout->value()},
                           {QStringLiteral("severity"), toString(InspectionSeverity(m_severity->currentData().toInt()))},
                           {QStringLiteral("governanceHint"), m_hint->toPlainText().trimmed()},
                           {QStringLiteral("riskScenario"), m_risk->text().trimmed()},
                           {QStringLiteral("secrets"), secrets},
                           {QStringLiteral("check"), check.object()}};
    return InspectionRule::fromJson(json, error);
}

void InspectionRulesPage::validate()
{
    QString error;
    const bool ok = editedRule(&error).has_value();
    m_problem->setText(ok ? QString() : error);
    m_save->setEnabled(ok);
    m_test->setEnabled(ok && m_testSite->count() > 0);
}

QString InspectionRulesPage::problem() const
{
    return m_problem->text();
}

bool InspectionRulesPage::save()
{
    QString error;
    const std::optional<InspectionRule> rule = editedRule(&error);
    if (!rule) {
        showMessage(error);
        return false;
    }
    const InspectionService::Outcome outcome = m_service.saveRule(*rule, Operator::current());
    showMessage(outcome.message);
    if (outcome)
        selectRule(rule->id);
    return outcome.ok;
}

void InspectionRulesPage::testNow()
{
    QString error;
    const std::optional<InspectionRule> rule = editedRule(&error);
    if (!rule || m_testSite->count() == 0)
        return;
    m_test->setEnabled(false);
    m_testStatus->setText(tr("Running at %1…").arg(m_testSite->currentText()));
    m_testStatus->setStyleSheet({});
    m_testOutput->clear();
    m_service.testRule(*rule, m_testSite->currentData().toString(),
                       [this](std::optional<InspectionCheckResult> result, const QString &problem) {
        m_test->setEnabled(true);
        const InspectionStatus status = result ? result->status : InspectionStatus::Unknown;
        const StatusStyle style = StatusColors::style(componentStatus(status), StatusColors::schemeFor(palette()));
        m_testStatus->setStyleSheet(QStringLiteral("background: %1; color: %2; padding: 6px; border-radius: 4px;")
                                        .arg(style.fill.name(), style.text.name()));
        m_testStatus->setText(style.symbol + QLatin1Char(' ') + InspectionText::status(status) + QStringLiteral(" — ")
                              + (result ? result->summary : problem));
        if (result) {
            m_testOutput->setPlainText(
                result->output
                + (result->evidence.isEmpty()
                       ? QString()
                       : QStringLiteral("\n") + QString::fromUtf8(QJsonDocument(result->evidence).toJson())));
        }
    });
}

void InspectionRulesPage::importFile()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Import inspection rules"), {},
                                                      tr("Inspection rules (*.json)"));
    if (!path.isEmpty())
        showMessage(m_service.importFile(path, Operator::current()).message);
}

void InspectionRulesPage::exportFile()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Export inspection rules"),
                                                      QStringLiteral("inspections.json"),
                                                      tr("Inspection rules (*.json)"));
    if (!path.isEmpty())
        showMessage(m_service.exportFile(path, {}, true).message);
}

void InspectionRulesPage::deleteRule()
{
    if (m_table->selectedItems().isEmpty())
        return;
    showMessage(
        m_service.deleteRule(m_table->selectedItems().first()->data(Qt::UserRole).toString(), Operator::current())
            .message);
}

void InspectionRulesPage::showMessage(const QString &message)
{
    m_message->setText(message);
}

} // namespace Haven
