// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/inspections/inspectionservice.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;
class QTableWidget;

namespace Haven {

// Rules of the inspection center: the list (starter library and the team's own), an editor that
// checks every field as it is typed (naming the field, as a rule file would), import/export of
// rule files, and "Test now" against a chosen site's agent.
class InspectionRulesPage final : public QWidget
{
    Q_OBJECT
public:
    explicit InspectionRulesPage(InspectionService &service, QWidget *parent = nullptr);

    void reload();
    void selectRule(const QString &id);
    // The rule as the editor holds it, or nullopt with *error naming the field.
    std::optional<InspectionRule> editedRule(QString *error) const;
    bool save();
    void testNow();
    QString problem() const;
    QTableWidget *table() const { return m_table; }
    QPlainTextEdit *checkEditor() const { return m_check; }
    QLineEdit *idEditor() const { return m_id; }
    QSpinBox *timeoutEditor() const { return m_timeout; }

private:
    void show(const InspectionRule &rule);
    void validate();
    void importFile();
    void exportFile();
    void deleteRule();
    void showMessage(const QString &message);

    InspectionService &m_service;
    QTableWidget *m_table;
    QLineEdit *m_id;
    QLineEdit *m_name;
    QComboBox *m_targetKind;
    QLineEdit *m_targetId;
    QSpinBox *m_timeout;
    QComboBox *m_severity;
    QPlainTextEdit *m_hint;
    QLineEdit *m_risk;
    QLineEdit *m_secrets;
    QPlainTextEdit *m_check;
    QLabel *m_problem;
    QPushButton *m_save;
    QComboBox *m_testSite;
    QPushButton *m_test;
    QLabel *m_testStatus;
    QPlainTextEdit *m_testOutput;
    QLabel *m_message;
};

} // namespace Haven
