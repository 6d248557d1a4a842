// SPDX-License-Identifier: GPL-3.0-or-later
#include "inspectionroutes.h"

#include "agent/http/routetable.h"
#include "inspectionrunner.h"

namespace Haven {

InspectionRoutes::InspectionRoutes(QObject *parent)
    : QObject(parent)
{ }

InspectionRoutes::~InspectionRoutes()
{
    for (InspectionRunner *runner : std::as_const(m_running))
        runner->disconnect(this);
    qDeleteAll(m_running);
}

void InspectionRoutes::addRoutes(RouteTable &table)
{
    table.add("POST", QStringLiteral("/v1/inspections"), QStringLiteral("inspections"),
              [this](const HttpRequest &request, const HttpResponder &responder, const RouteCaptures &) {
        const std::optional<QJsonObject> body = Http::jsonBody(request, responder);
        if (!body)
            return;
        if (m_running.size() >= MaxConcurrent) {
            return responder.respond(
                HttpResponse::error(503, QStringLiteral("busy"),
                                    QStringLiteral(
                                        "%1 inspections are already running here; try again when one finishes")
                                        .arg(MaxConcurrent)));
        }
        QString error;
        std::unique_ptr<InspectionRunner> runner = InspectionRunner::create(*body, &error);
        if (!runner)
            return responder.respond(HttpResponse::error(400, QStringLiteral("invalid_inspection"), error));
        InspectionRunner *raw = runner.release();
        m_running.append(raw);
        connect(raw, &InspectionRunner::finished, this, [this, raw, responder](const InspectionResult &result) {
            responder.respond(HttpResponse::json(200, {{QStringLiteral("result"), result.toJson()}}));
            m_running.removeOne(raw);
            raw->deleteLater();
        });
        raw->start();
    });
}

} // namespace Haven
