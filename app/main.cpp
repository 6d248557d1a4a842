// SPDX-License-Identifier: GPL-3.0-or-later
// haven: the disaster-recovery console. The console window arrives in a later version; until
// then this executable offers --demo, which runs the demo fleet of simulated site agents.

#include "demofleetlauncher.h"
#include "terminationsignals.h"
#include "translations.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>

#include <cstdio>

namespace {
void printError(const QString &message)
{
    std::fprintf(stderr, "haven: %s\n", qPrintable(message));
}
} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("haven"));
    QCoreApplication::setApplicationVersion(QStringLiteral(HAVEN_VERSION));
    Haven::installTranslations(app);

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QCoreApplication::translate("main", "Haven: disaster-recovery console for several datacenters."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption demoOption(
        QStringLiteral("demo"),
        QCoreApplication::translate("main", "Start the demo fleet: one simulated site agent per demo datacenter."));
    const QString defaultDemoDir = Haven::DemoFleetLauncher::defaultFleetDirectory();
    const QCommandLineOption demoDirOption(
        QStringLiteral("demo-dir"),
        QCoreApplication::translate("main", "Directory for the demo fleet's state (default: %1).")
            .arg(QDir::toNativeSeparators(defaultDemoDir)),
        QCoreApplication::translate("main", "directory"), defaultDemoDir);
    parser.addOptions({demoOption, demoDirOption});
    parser.process(app);

    if (!parser.isSet(demoOption)) {
        printError(QCoreApplication::translate("main", "The console window is not available in this version. "
                                                       "Run \"haven --demo\" to start the demo fleet."));
        return 2;
    }

    const QString agent = Haven::DemoFleetLauncher::findAgent(Haven::DemoFleetLauncher::defaultSearchDirs());
    if (agent.isEmpty()) {
        printError(QCoreApplication::translate("main", "haven-agent was found neither next to haven (%1) nor on PATH. "
                                                       "Build it, or install the haven package.")
                       .arg(QDir::toNativeSeparators(QCoreApplication::applicationDirPath())));
        return 1;
    }

    Haven::DemoFleetLauncher launcher;
    Haven::TerminationSignals termination;
    QObject::connect(&termination, &Haven::TerminationSignals::terminationRequested,
                     &launcher, &Haven::DemoFleetLauncher::stop);
    QObject::connect(&launcher, &Haven::DemoFleetLauncher::finished, &app, [&launcher](int exitCode) {
        if (!launcher.errorString().isEmpty())
            printError(launcher.errorString());
        QCoreApplication::exit(exitCode);
    });
    if (!launcher.start(agent, parser.value(demoDirOption))) {
        printError(launcher.errorString());
        return 1;
    }
    return QCoreApplication::exec();
}
