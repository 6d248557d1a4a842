// SPDX-License-Identifier: GPL-3.0-or-later
#include "displaynames.h"

#include <QCoreApplication>

namespace Haven::DisplayNames {

QString layer(Layer layer)
{
    switch (layer) {
    case Layer::Business:
        return QCoreApplication::translate("Haven::DisplayNames", "Business");
    case Layer::Middleware:
        return QCoreApplication::translate("Haven::DisplayNames", "Middleware");
    case Layer::Storage:
        return QCoreApplication::translate("Haven::DisplayNames", "Storage");
    case Layer::Database:
        return QCoreApplication::translate("Haven::DisplayNames", "Database");
    case Layer::Physical:
        return QCoreApplication::translate("Haven::DisplayNames", "Physical");
    }
    return {};
}

QString status(ComponentStatus status)
{
    switch (status) {
    case ComponentStatus::Ok:
        return QCoreApplication::translate("Haven::DisplayNames", "OK");
    case ComponentStatus::Warning:
        return QCoreApplication::translate("Haven::DisplayNames", "Warning");
    case ComponentStatus::Critical:
        return QCoreApplication::translate("Haven::DisplayNames", "Critical");
    case ComponentStatus::Down:
        return QCoreApplication::translate("Haven::DisplayNames", "Down");
    case ComponentStatus::Unknown:
        break;
    }
    return QCoreApplication::translate("Haven::DisplayNames", "Unknown");
}

QString reachability(Reachability reachability)
{
    switch (reachability) {
    case Reachability::Unknown:
        return QCoreApplication::translate("Haven::DisplayNames", "connecting");
    case Reachability::Online:
        return QCoreApplication::translate("Haven::DisplayNames", "online");
    case Reachability::Slow:
        return QCoreApplication::translate("Haven::DisplayNames", "slow");
    case Reachability::Unreachable:
        return QCoreApplication::translate("Haven::DisplayNames", "unreachable");
    }
    return {};
}

} // namespace Haven::DisplayNames
