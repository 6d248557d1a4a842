// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>

#include <utility>

namespace Haven {

// A label value as the Prometheus text exposition format wants it: \, " and newline escaped.
QString prometheusLabel(QString value);

// A page in the Prometheus text exposition format 0.0.4, built the way Prometheus's conventions
// want it (docs/agent-protocol.md, "Metrics"): each family once with its HELP and TYPE, then its
// samples; base units (seconds, bytes, ratios) are the caller's part, `_total` only on counters.
class PrometheusText final
{
public:
    enum class Type { Gauge, Counter };
    using Labels = QList<std::pair<QString, QString>>;

    // Starts a family; its samples follow. A counter's name ends in _total, a gauge's does not.
    void family(const QString &name, const QString &help, Type type = Type::Gauge);
    // One sample of the current family.
    void sample(const Labels &labels, double value);
    void sample(double value) { sample({}, value); }
    // A family with one unlabelled sample.
    void gauge(const QString &name, const QString &help, double value);

    const QString &text() const { return m_text; }
    // Every family started so far is well named (see family()); for the tests.
    bool isWellNamed() const { return m_wellNamed; }

private:
    QString m_text;
    QString m_name;
    bool m_wellNamed = true;
};

} // namespace Haven
