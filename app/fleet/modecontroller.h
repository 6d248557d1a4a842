// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QStringList>

class QTimer;

namespace Haven {

class FleetTopology;

// Decides whether the console runs in degraded mode (降级模式) and what the banner says:
// sites that do not answer (their last known state stays on screen, with its age) and a
// local database that could not be used (the console then runs in memory).
class ModeController final : public QObject
{
    Q_OBJECT
public:
    enum class Severity { None, Warning, Critical };

    explicit ModeController(const FleetTopology &topology, QObject *parent = nullptr);

    // problem: why the local database is not used; empty when it is.
    void setStoreProblem(const QString &problem);

    bool isDegraded() const { return m_severity != Severity::None; }
    Severity severity() const { return m_severity; }
    QString bannerText() const { return m_text; }
    QStringList unreachableSites() const { return m_unreachable; }

    void evaluate();

Q_SIGNALS:
    void bannerChanged();

private:
    const FleetTopology &m_topology;
    QString m_storeProblem;
    Severity m_severity = Severity::None;
    QString m_text;
    QStringList m_unreachable;
    QTimer *m_ageTimer;
};

} // namespace Haven
