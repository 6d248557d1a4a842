// SPDX-License-Identifier: GPL-3.0-or-later
#include "cronexpression.h"

#include <QStringList>
#include <QTimeZone>

namespace Haven {

namespace {

// Sets the bits of one field; the problem in *error otherwise.
template<std::size_t N>
bool parseField(const QString &text, int minimum, int maximum, std::bitset<N> *bits, QString *error)
{
    const QStringList parts = text.split(QLatin1Char(','));
    for (const QString &part : parts) {
        QString range = part;
        int step = 1;
        const qsizetype slash = part.indexOf(QLatin1Char('/'));
        bool ok = true;
        if (slash >= 0) {
            range = part.left(slash);
            step = part.mid(slash + 1).toInt(&ok);
            if (!ok || step < 1) {
                *error = QStringLiteral("bad step in \"%1\"").arg(part);
                return false;
            }
        }
        int from = minimum;
        int to = maximum;
        if (range != QLatin1StringView("*")) {
            const qsizetype dash = range.indexOf(QLatin1Char('-'));
            bool okTo = true;
            from = (dash >= 0 ? range.left(dash) : range).toInt(&ok);
            to = dash >= 0 ? range.mid(dash + 1).toInt(&okTo) : (slash >= 0 ? maximum : from);
            if (!ok || !okTo || from < minimum || to > maximum || from > to) {
                *error
                    = QStringLiteral("\"%1\" is not a value or range within %2-%3").arg(part).arg(minimum).arg(maximum);
                return false;
            }
        }
        for (int value = from; value <= to; value += step)
            bits->set(std::size_t(value));
    }
    return true;
}

} // namespace

std::optional<CronExpression> CronExpression::parse(const QString &text, QString *error)
{
    const QStringList fields = text.simplified().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    if (fields.size() != 5) {
        *error = QStringLiteral("expected 5 fields (minute hour day month weekday), got %1").arg(fields.size());
        return std::nullopt;
    }
    CronExpression cron;
    QString problem;
    std::bitset<8> weekdays;
    if (!parseField(fields[0], 0, 59, &cron.m_minutes, &problem)
        || !parseField(fields[1], 0, 23, &cron.m_hours, &problem)
        || !parseField(fields[2], 1, 31, &cron.m_days, &problem)
        || !parseField(fields[3], 1, 12, &cron.m_months, &problem)
        || !parseField(fields[4], 0, 7, &weekdays, &problem)) {
        *error = problem;
        return std::nullopt;
    }
    for (int day = 0; day < 7; ++day)
        cron.m_weekdays.set(std::size_t(day), weekdays.test(std::size_t(day)) || (day == 0 && weekdays.test(7)));
    cron.m_anyDay = fields[2].startsWith(QLatin1Char('*'));
    cron.m_anyWeekday = fields[4].startsWith(QLatin1Char('*'));
    return cron;
}

bool CronExpression::dayMatches(const QDate &date) const
{
    const bool day = m_days.test(std::size_t(date.day()));
    const bool weekday = m_weekdays.test(std::size_t(date.dayOfWeek() % 7));
    if (m_anyDay || m_anyWeekday)
        return day && weekday;
    return day || weekday;
}

bool CronExpression::matches(const QDateTime &time) const
{
    return m_months.test(std::size_t(time.date().month())) && dayMatches(time.date())
           && m_hours.test(std::size_t(time.time().hour())) && m_minutes.test(std::size_t(time.time().minute()));
}

QDateTime CronExpression::nextAfter(const QDateTime &after) const
{
    // Walk whole minutes, skipping a month, day or hour at once when it cannot match.
    QDateTime t = after.addSecs(60);
    t.setTime(QTime(t.time().hour(), t.time().minute()));
    const QDateTime limit = after.addYears(5);
    while (t <= limit) {
        const QDate date = t.date();
        if (!m_months.test(std::size_t(date.month()))) {
            t = QDateTime(QDate(date.year(), date.month(), 1).addMonths(1), QTime(0, 0), t.timeZone());
        } else if (!dayMatches(date)) {
            t = QDateTime(date.addDays(1), QTime(0, 0), t.timeZone());
        } else if (!m_hours.test(std::size_t(t.time().hour()))) {
            t = QDateTime(date, QTime(t.time().hour(), 0), t.timeZone()).addSecs(3600);
        } else if (!m_minutes.test(std::size_t(t.time().minute()))) {
            t = t.addSecs(60);
        } else {
            return t;
        }
    }
    return {};
}

} // namespace Haven
