// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Fixtures for the tests of the simulated site: profiles, running operations to their end,
// reading the model back.

#include "agent/simulated/simulatedsite.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>
#include <QTimeZone>

#include <memory>

// The protocol's enums have a QString toString() that ADL prefers over QTest's, so compare
// them by name, which also makes failures readable.
#define COMPARE_ENUM(actual, expected) QCOMPARE(Haven::toString(actual), Haven::toString(expected))

namespace Haven::Test {

inline const QDateTime StartTime = QDateTime(QDate(2024, 5, 1), QTime(8, 0), QTimeZone::utc());

inline QString demoPath(const QString &site)
{
    return QStringLiteral(HAVEN_PROFILES_DIR "/demo/%1.json").arg(site);
}

inline QJsonObject readJson(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.readAll()).object();
}

QJsonObject component(const QString &id, const QString &layer, const QString &group, const QString &host,
                      const QJsonObject &metrics)
{
    QJsonObject c{{QStringLiteral("id"), id},
                  {QStringLiteral("layer"), layer},
                  {QStringLiteral("kind"), QStringLiteral("test")},
                  {QStringLiteral("host"), host},
                  {QStringLiteral("metrics"), metrics}};
    if (!group.isEmpty())
        c.insert(QStringLiteral("productGroup"), group);
    return c;
}

// gateway -> api -> db -> storage; the database is the standby end of one link.
inline QJsonObject smallProfile()
{
    const QJsonObject busy{{QStringLiteral("cpu"), 40},
                           {QStringLiteral("memory"), 50},
                           {QStringLiteral("qps"), 1000},
                           {QStringLiteral("latencyMs"), 20}};
    return QJsonObject{{QStringLiteral("site"), QJsonObject{{QStringLiteral("id"), QStringLiteral("t")},
                                                            {QStringLiteral("name"), QStringLiteral("Test site")}}},
                       {QStringLiteral("productGroups"), QJsonArray{QStringLiteral("pay")}},
                       {QStringLiteral("components"),
                        QJsonArray{component(QStringLiteral("t-gw"), QStringLiteral("business"), QStringLiteral("pay"),
                                             QStringLiteral("h1"), busy),
                                   component(QStringLiteral("t-api"), QStringLiteral("business"), QStringLiteral("pay"),
                                             QStringLiteral("h1"), busy),
                                   component(QStringLiteral("t-db"), QStringLiteral("database"), QStringLiteral("pay"),
                                             QStringLiteral("h2"),
                                             QJsonObject{{QStringLiteral("cpu"), 30}, {QStringLiteral("capacity"), 50}}),
                                   component(QStringLiteral("t-sto"), QStringLiteral("storage"), {},
                                             QStringLiteral("h3"), QJsonObject{{QStringLiteral("capacity"), 40}})}},
                       {QStringLiteral("dependencies"),
                        QJsonArray{QJsonObject{{QStringLiteral("from"), QStringLiteral("t-gw")},
                                               {QStringLiteral("to"), QStringLiteral("t-api")}},
                                   QJsonObject{{QStringLiteral("from"), QStringLiteral("t-api")},
                                               {QStringLiteral("to"), QStringLiteral("t-db")}},
                                   QJsonObject{{QStringLiteral("from"), QStringLiteral("t-db")},
                                               {QStringLiteral("to"), QStringLiteral("t-sto")}}}},
                       {QStringLiteral("replication"),
                        QJsonArray{QJsonObject{{QStringLiteral("id"), QStringLiteral("db-link")},
                                               {QStringLiteral("component"), QStringLiteral("t-db")},
                                               {QStringLiteral("peerSite"), QStringLiteral("p")},
                                               {QStringLiteral("peerComponent"), QStringLiteral("p-db")},
                                               {QStringLiteral("role"), QStringLiteral("standby")}}}},
                       {QStringLiteral("traffic"), QJsonObject{{QStringLiteral("pay"), 50}}}};
}

// Sets (or, with an undefined value, removes) the value at a path like "components/1/layer".
inline QJsonValue withValue(const QJsonValue &node, QStringList path, const QJsonValue &value)
{
    if (path.isEmpty())
        return value;
    const QString key = path.takeFirst();
    if (node.isArray()) {
        QJsonArray array = node.toArray();
        const int index = key.toInt();
        if (path.isEmpty() && value.isUndefined())
            array.removeAt(index);
        else if (index == array.size())
            array.append(withValue(QJsonValue(), path, value));
        else
            array[index] = withValue(array.at(index), path, value);
        return array;
    }
    QJsonObject object = node.toObject();
    if (path.isEmpty() && value.isUndefined())
        object.remove(key);
    else
        object.insert(key, withValue(object.value(key), path, value));
    return object;
}

inline QJsonObject changed(const QJsonObject &profile, const QString &path, const QJsonValue &value)
{
    return withValue(profile, path.split(QLatin1Char('/')), value).toObject();
}

inline std::unique_ptr<SimulatedSite> load(const QJsonObject &profile, quint32 seed = 7)
{
    QString error;
    std::unique_ptr<SimulatedSite> site = SimulatedSite::fromJson(profile, seed, &error);
    if (!site)
        qWarning("profile refused: %s", qPrintable(error));
    else
        site->setStartTime(StartTime);
    return site;
}

inline std::unique_ptr<SimulatedSite> loadDemo(const QString &id, quint32 seed = 7)
{
    return load(readJson(demoPath(id)), seed);
}

struct RunOutcome
{
    ActionState state = ActionState::Running;
    QString message;
    QStringList log;
};

// Advances in small steps until the run ends (or the limit passes), collecting its events.
inline RunOutcome finish(SimulatedSite &site, quint64 run, double limitSeconds = 600, RunOutcome outcome = {})
{
    for (double t = 0; t <= limitSeconds && outcome.state == ActionState::Running; t += 0.25) {
        site.advance(0.25);
        for (const OperationEvent &event : site.takeEvents()) {
            if (event.run != run)
                continue;
            if (event.finalState) {
                outcome.state = *event.finalState;
                outcome.message = event.message;
            } else {
                outcome.log.append(event.logLine);
            }
        }
    }
    return outcome;
}

inline quint64 start(SimulatedSite &site, const QString &operation, const QJsonObject &parameters)
{
    QString error;
    const quint64 run = site.startOperation(operation, parameters, &error);
    if (run == 0)
        qWarning("operation refused: %s", qPrintable(error));
    return run;
}

inline QJsonObject group(const QString &name)
{
    return {{QStringLiteral("productGroup"), name}};
}

// Topology entities without their revision stamps, to compare two sites.
inline QList<Component> bare(QList<Component> components)
{
    for (Component &c : components)
        c.revision = 0;
    return components;
}

inline QList<ReplicationLink> bare(QList<ReplicationLink> links)
{
    for (ReplicationLink &l : links)
        l.revision = 0;
    return links;
}

inline const ReplicationLink *linkNamed(const SimulatedSite &site, const QString &id)
{
    return site.topology().link(id);
}

inline ComponentStatus statusOf(const SimulatedSite &site, const QString &id)
{
    const Component *c = site.topology().component(id);
    return c ? c->status : ComponentStatus::Unknown;
}

inline FaultRecord fault(const QString &id, FaultKind kind, const QString &target, const QJsonObject &parameters = {})
{
    FaultRecord record;
    record.id = id;
    record.kind = kind;
    record.target = target;
    record.parameters = parameters;
    return record;
}

} // namespace Haven::Test
