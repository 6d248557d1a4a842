// SPDX-License-Identifier: GPL-3.0-or-later
#include "navigator.h"

#include <QDebug>

namespace Haven {

Navigator::Navigator(std::function<bool(const QString &pageId)> showPage)
    : m_showPage(std::move(showPage))
{ }

void Navigator::addDestination(const QString &name, Destination go)
{
    if (m_destinations.contains(name))
        qWarning("Navigator: destination \"%s\" registered twice, the later one is used", qPrintable(name));
    m_destinations.insert(name, std::move(go));
}

bool Navigator::navigate(const QString &name, const QString &id)
{
    // A copy: the destination may register others while it runs.
    const Destination go = m_destinations.value(name);
    if (!go) {
        qWarning("Navigator: no feature goes to \"%s\"", qPrintable(name));
        return false;
    }
    go(id);
    return true;
}

bool Navigator::showPage(const QString &pageId)
{
    return m_showPage(pageId);
}

} // namespace Haven
