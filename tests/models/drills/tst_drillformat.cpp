// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/drills/drillformat.h"
#include "models/drills/drilltemplates.h"

#include <QJsonArray>
#include <QTest>

using namespace Haven;

class tst_DrillFormat final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void templatesRoundTrip_data();
    void templatesRoundTrip();
    void refusesWithFieldName_data();
    void refusesWithFieldName();
    void newerVersionSaysUpdate();
    void sequenceStartsAfterThePreviousAction();
};

void tst_DrillFormat::templatesRoundTrip_data()
{
    QTest::addColumn<QString>("templateId");
    const QList<DrillTemplates::Template> templates = DrillTemplates::all();
    QCOMPARE(templates.size(), 9); // four architectures and five layers
    for (const DrillTemplates::Template &entry : templates)
        QTest::addRow("%s", qPrintable(entry.id)) << entry.id;
}

void tst_DrillFormat::templatesRoundTrip()
{
    QFETCH(QString, templateId);
    const Drill drill = DrillTemplates::create(templateId);
    QVERIFY(!drill.name.isEmpty());
    QVERIFY(!drill.actions.isEmpty());
    QVERIFY(!drill.haltConditions.isEmpty());
    QCOMPARE(DrillFormat::validate(drill), QString());
    QString error;
    const std::optional<Drill> read = DrillFormat::fromBytes(DrillFormat::toBytes(drill), &error);
    QVERIFY2(read, qPrintable(error));
    QCOMPARE(*read, drill);
}

void tst_DrillFormat::refusesWithFieldName_data()
{
    QTest::addColumn<QString>("pointer"); // "actions/0/kind" style path into the template's JSON
    QTest::addColumn<QJsonValue>("value");
    QTest::addColumn<QString>("expected");
    QTest::addRow("unknown kind") << "actions/0/kind" << QJsonValue(QStringLiteral("disk_fill"))
                                  << "actions[0].kind: expected one of";
    QTest::addRow("no site") << "actions/0/target/site" << QJsonValue(QString()) << "actions[0].target.site: required";
    QTest::addRow("dark on a host") << "actions/0/target/scope" << QJsonValue(QStringLiteral("host"))
                                    << "actions[0].target.value";
    QTest::addRow("duration too long") << "actions/0/durationSeconds" << QJsonValue(90000)
                                       << "actions[0].durationSeconds";
    QTest::addRow("halt kind") << "haltConditions/0/kind" << QJsonValue(QStringLiteral("mood"))
                               << "haltConditions[0].kind: expected one of";
    QTest::addRow("negative bound") << "haltConditions/0/bound" << QJsonValue(-1) << "haltConditions[0].bound";
    QTest::addRow("wrong format") << "format" << QJsonValue(QStringLiteral("haven-plan")) << "format: expected";
    QTest::addRow("objective") << "objectives/rtoSeconds" << QJsonValue(-5) << "objectives.rtoSeconds";
}

namespace {

QJsonValue replaced(const QJsonValue &root, QStringList path, const QJsonValue &value)
{
    if (path.isEmpty())
        return value;
    const QString head = path.takeFirst();
    if (root.isArray()) {
        QJsonArray array = root.toArray();
        const int index = head.toInt();
        array[index] = replaced(array.at(index), path, value);
        return array;
    }
    QJsonObject object = root.toObject();
    object.insert(head, replaced(object.value(head), path, value));
    return object;
}

} // namespace

void tst_DrillFormat::refusesWithFieldName()
{
    QFETCH(QString, pointer);
    QFETCH(QJsonValue, value);
    QFETCH(QString, expected);
    const QJsonObject json = DrillFormat::toJson(DrillTemplates::create(QStringLiteral("same-city-active-active")));
    QString error;
    QVERIFY(!DrillFormat::fromJson(replaced(json, pointer.split(QLatin1Char('/')), value).toObject(), &error));
    QVERIFY2(error.contains(expected), qPrintable(error));
}

void tst_DrillFormat::newerVersionSaysUpdate()
{
    QJsonObject json = DrillFormat::toJson(DrillTemplates::create(QStringLiteral("ldc")));
    json.insert(QStringLiteral("version"), 2);
    QString error;
    QVERIFY(!DrillFormat::fromJson(json, &error));
    QVERIFY2(error.contains(QStringLiteral("update Haven")), qPrintable(error));
    QVERIFY(!DrillFormat::fromBytes("{\"format\":", &error));
    QVERIFY2(error.contains(QStringLiteral("not valid JSON")), qPrintable(error));
}

void tst_DrillFormat::sequenceStartsAfterThePreviousAction()
{
    Drill drill = DrillTemplates::create(QStringLiteral("two-cities-three-centers"));
    drill.actions[1].startOffsetSeconds = 5;
    QCOMPARE(drill.startSecondOf(1), 5);
    QCOMPARE(drill.plannedSeconds(), 605);
    drill.sequencing = Sequencing::Sequence;
    QCOMPARE(drill.startSecondOf(1), 605);
    QCOMPARE(drill.plannedSeconds(), 1205);
    QCOMPARE(drill.sites(), (QStringList{QStringLiteral("sha"), QStringLiteral("shb"), QStringLiteral("hzc")}));
}

QTEST_GUILESS_MAIN(tst_DrillFormat)
#include "tst_drillformat.moc"
