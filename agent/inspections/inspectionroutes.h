// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QObject>

namespace Haven {

class InspectionRunner;
class RouteTable;

// POST /v1/inspections: runs one rule and answers when it has a verdict; at most
// MaxConcurrent run at once, more are refused with 503.
class InspectionRoutes final : public QObject
{
    Q_OBJECT
public:
    static constexpr int MaxConcurrent = 8;

    explicit InspectionRoutes(QObject *parent = nullptr);
    ~InspectionRoutes() override;

    void addRoutes(RouteTable &table);

private:
    QList<InspectionRunner *> m_running;
};

} // namespace Haven
