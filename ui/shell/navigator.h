// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QString>
#include <QStringList>

#include <functional>

namespace Haven {

// Sends the person elsewhere in the console without the sender knowing the receiver's header:
// the plan center asks for "ticket" with a plan id, the ticket dialog for "execution" with the
// execution it started. Features register the destinations; the shell registers how a page
// is shown.
class Navigator final
{
public:
    using Destination = std::function<void(const QString &id)>;

    explicit Navigator(std::function<bool(const QString &pageId)> showPage);

    void addDestination(const QString &name, Destination go);
    bool hasDestination(const QString &name) const { return m_destinations.contains(name); }
    QStringList destinations() const { return m_destinations.keys(); }

    // Goes to destination name with id (may be empty); false, with a warning in the log, when
    // no feature registered it (a feature left out of the build).
    bool navigate(const QString &name, const QString &id = {});
    // Shows the page registered as pageId on the rail; false when there is none.
    bool showPage(const QString &pageId);

private:
    std::function<bool(const QString &pageId)> m_showPage;
    QHash<QString, Destination> m_destinations;
};

} // namespace Haven
