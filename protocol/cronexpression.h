// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QString>

#include <bitset>
#include <optional>

namespace Haven {

// A standard 5-field cron expression: minute hour day-of-month month day-of-week, each "*",
// a number, a range "a-b", a list "a,b" and a step "*/n" or "a-b/n". Day of week 0-7 (0 and 7
// are Sunday). As in cron, when both day fields are restricted a day matching either fires.
class CronExpression final
{
public:
    static std::optional<CronExpression> parse(const QString &text, QString *error);

    // The first whole minute after `after` (in after's time zone) that matches; null when none
    // within five years (an impossible date such as 30 February).
    QDateTime nextAfter(const QDateTime &after) const;
    bool matches(const QDateTime &time) const;

private:
    bool dayMatches(const QDate &date) const;

    std::bitset<60> m_minutes;
    std::bitset<24> m_hours;
    std::bitset<32> m_days;    // 1..31
    std::bitset<13> m_months;  // 1..12
    std::bitset<7> m_weekdays; // 0 Sunday .. 6
    bool m_anyDay = true;
    bool m_anyWeekday = true;
};

} // namespace Haven
