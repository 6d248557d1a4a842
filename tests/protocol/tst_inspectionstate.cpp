// SPDX-License-Identifier: GPL-3.0-or-later
#include "protocol/inspectionstate.h"

#include <QTest>

using namespace Haven;

namespace {

// "o w c u" -> statuses; "O S H" -> hard states.
QList<InspectionStatus> statuses(const QString &text)
{
    QList<InspectionStatus> list;
    for (QChar c : text) {
        if (c == u'o')
            list.append(InspectionStatus::Ok);
        else if (c == u'w')
            list.append(InspectionStatus::Warning);
        else if (c == u'c')
            list.append(InspectionStatus::Critical);
        else if (c == u'u')
            list.append(InspectionStatus::Unknown);
    }
    return list;
}

QString hardStates(const QList<InspectionStatus> &input, const InspectionCheckState::Policy &policy, QString *flaps)
{
    InspectionCheckState state;
    QString out;
    for (InspectionStatus status : input) {
        state.record(status, policy);
        switch (state.hardState()) {
        case InspectionHardState::Ok:
            out += u'O';
            break;
        case InspectionHardState::SoftProblem:
            out += u'S';
            break;
        case InspectionHardState::HardProblem:
            out += u'H';
            break;
        }
        *flaps += state.isFlapping() ? u'F' : u'.';
    }
    return out;
}

} // namespace

class TestInspectionState final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void transitions_data();
    void transitions();
    void flapping_data();
    void flapping();
    void roundTrip();
    void damagedStateStartsOver();
};

void TestInspectionState::transitions_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<int>("softFailures");
    QTest::addColumn<int>("recoveries");
    QTest::addColumn<QString>("expected");

    QTest::addRow("all ok") << "oooo" << 3 << 1 << "OOOO";
    QTest::addRow("third problem is hard") << "occc" << 3 << 1 << "OSSH";
    QTest::addRow("any non-ok counts") << "wcu" << 3 << 1 << "SSH";
    QTest::addRow("soft clears at once") << "ccocc" << 3 << 1 << "SSOSS";
    QTest::addRow("soft clears at once even with recoveries 3") << "cco" << 3 << 3 << "SSO";
    QTest::addRow("hard stays until recoveries") << "cccooo" << 3 << 2 << "SSHHOO";
    QTest::addRow("a problem resets the recovery count") << "cccococoo" << 3 << 2 << "SSHHHHHHO";
    QTest::addRow("hard on first problem") << "coc" << 1 << 1 << "HOH";
    QTest::addRow("hard stays hard through other problems") << "cccwu" << 3 << 1 << "SSHHH";
    QTest::addRow("unknown alone") << "uuuo" << 3 << 1 << "SSHO";
}

void TestInspectionState::transitions()
{
    QFETCH(QString, input);
    QFETCH(int, softFailures);
    QFETCH(int, recoveries);
    QFETCH(QString, expected);
    QString flaps;
    QCOMPARE(hardStates(statuses(input), {softFailures, recoveries, 0.3}, &flaps), expected);
}

void TestInspectionState::flapping_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<double>("threshold");
    QTest::addColumn<QString>("expected");

    // 7 changes of 20 (0.35) is above 0.3; 6 (0.3) is not.
    QTest::addRow("six changes do not flap") << "ocococo" << 0.3 << ".......";
    QTest::addRow("a steady result adds no change") << "ocococoo" << 0.3 << "........";
    QTest::addRow("eight alternations flap") << "ococococ" << 0.3 << ".......F";
    QTest::addRow("steady problems never flap") << "cccccccccc" << 0.3 << "..........";
    QTest::addRow("lower threshold") << "ococ" << 0.1 << "...F";
    // The return to ok is the eighth change; the changes then leave the 21-result window.
    QTest::addRow("flapping ends") << QStringLiteral("ococococ") + QString(20, u'o') << 0.3
                                   << QString(7, u'.') + QString(15, u'F') + QString(6, u'.');
}

void TestInspectionState::flapping()
{
    QFETCH(QString, input);
    QFETCH(double, threshold);
    QFETCH(QString, expected);
    QString flaps;
    hardStates(statuses(input), {3, 1, threshold}, &flaps);
    QCOMPARE(flaps, expected);
}

void TestInspectionState::roundTrip()
{
    InspectionCheckState state;
    for (InspectionStatus status : statuses(QStringLiteral("ocococococcc")))
        state.record(status, {});
    const InspectionCheckState copy = InspectionCheckState::fromJson(state.toJson());
    QVERIFY(copy == state);
    QCOMPARE(toString(copy.hardState()), toString(InspectionHardState::HardProblem));
    QVERIFY(copy.isFlapping());
}

void TestInspectionState::damagedStateStartsOver()
{
    const InspectionCheckState state = InspectionCheckState::fromJson({{QStringLiteral("hardState"), 7}});
    QCOMPARE(toString(state.hardState()), toString(InspectionHardState::Ok));
    QVERIFY(state.history().isEmpty());
}

QTEST_GUILESS_MAIN(TestInspectionState)
#include "tst_inspectionstate.moc"
