// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "inspections.h"

#include <QList>

namespace Haven {

// What turns a check's raw results into soft/hard problems and flapping, as Nagios does. Pure,
// so that the agent (which records it with every result) and the console (which shows it)
// follow the same rules.
//
// A non-ok result (warning, critical or unknown) from an ok state is a soft problem; the
// softFailures-th problem in a row makes it hard. A soft problem clears at the first ok result;
// a hard one after `recoveries` ok results in a row. Flapping: the share of status changes over
// the last 21 results (20 transitions) is above flapThreshold; it is computed over 20 transitions
// even while fewer results exist, so that a new check does not flap after two results.
class InspectionCheckState final
{
public:
    static constexpr int HistoryLength = 21;

    struct Policy
    {
        int softFailures = 3;
        int recoveries = 1;
        double flapThreshold = 0.3;
    };

    void record(InspectionStatus status, const Policy &policy);

    InspectionHardState hardState() const { return m_hardState; }
    bool isFlapping() const { return m_flapping; }
    double changeShare() const;
    int problemStreak() const { return m_problemStreak; }
    int okStreak() const { return m_okStreak; }
    const QList<InspectionStatus> &history() const { return m_history; }

    QJsonObject toJson() const;
    // A damaged saved state starts over as ok with no history, never fails.
    static InspectionCheckState fromJson(const QJsonObject &json);

    friend bool operator==(const InspectionCheckState &, const InspectionCheckState &) = default;

private:
    InspectionHardState m_hardState = InspectionHardState::Ok;
    int m_problemStreak = 0;
    int m_okStreak = 0;
    bool m_flapping = false;
    QList<InspectionStatus> m_history; // oldest first, at most HistoryLength
};

} // namespace Haven
