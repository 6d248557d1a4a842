// SPDX-License-Identifier: GPL-3.0-or-later
// haven: the disaster-recovery console. A thin main: it parses the command line and wires
// library objects together; everything else lives in app/, ui/ and widgets/.

#include "app/fleet/demofleetlauncher.h"
#include "app/headless/headlessdrill.h"
#include "app/headless/headlessinspect.h"
#include "app/headless/headlessrun.h"
#include "app/headless/headlessstatus.h"
#include "app/session/consolesession.h"
#include "app/session/translations.h"
#include "core/terminationsignals.h"
#include "models/store/localstore.h"
#include "ui/shell/features.h"
#include "ui/shell/mainwindow.h"
#include "ui/shell/theme.h"
#include "ui/wall/wallfeature.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <QScreen>
#include <QStandardPaths>
#include <QTextStream>
#include <QTimer>

#include <cstdio>
#include <memory>

using namespace Haven;

namespace {

void printError(const QString &message)
{
    std::fprintf(stderr, "haven: %s\n", qPrintable(message));
}

struct Options
{
    QCommandLineOption demo{QStringLiteral("demo"),
                            QCoreApplication::translate("main", "Start the demo fleet (one simulated site agent per "
                                                                "demo datacenter on loopback) and show it.")};
    QCommandLineOption demoDir{QStringLiteral("demo-dir"),
                               QCoreApplication::translate("main", "Directory for the demo fleet's state."),
                               QCoreApplication::translate("main", "directory"),
                               DemoFleetLauncher::defaultFleetDirectory()};
    QCommandLineOption headless{QStringLiteral("headless"),
                                QCoreApplication::translate("main", "Run without a window: haven --headless status "
                                                                    "prints every site's reachability and counts; "
                                                                    "run starts a plan from a file; resume "
                                                                    "continues unfinished executions; audit checks "
                                                                    "the audit log's hash chain; inspect runs an "
                                                                    "inspection task or rule now.")};
    QCommandLineOption plan{QStringLiteral("plan"),
                            QCoreApplication::translate("main", "With --headless run: the plan file."),
                            QCoreApplication::translate("main", "file")};
    QCommandLineOption failed{QStringLiteral("failed"),
                              QCoreApplication::translate("main",
                                                          "With --headless run: the failed site ids, comma-separated."),
                              QStringLiteral("sites")};
    QCommandLineOption
        emergency{QStringLiteral("emergency"),
                  QCoreApplication::translate("main", "With --headless run: the emergency site ids, comma-separated."),
                  QStringLiteral("sites")};
    QCommandLineOption groups{QStringLiteral("groups"),
                              QCoreApplication::translate("main",
                                                          "With --headless run: the product groups (default: all)."),
                              QStringLiteral("groups")};
    QCommandLineOption description{QStringLiteral("description"),
                                   QCoreApplication::translate("main",
                                                               "With --headless run: the ticket's description."),
                                   QStringLiteral("text")};
    QCommandLineOption confirm{QStringLiteral("confirm"),
                               QCoreApplication::translate("main",
                                                           "With --headless run: the plan's exact name, to confirm."),
                               QStringLiteral("name")};
    QCommandLineOption recovery{QStringLiteral("recovery"),
                                QCoreApplication::translate("main", "With --headless run or resume: start the recovery "
                                                                    "phase once the switchover is done.")};
    QCommandLineOption approve{QStringLiteral("approve"),
                               QCoreApplication::translate("main", "With --headless run or resume: approve every "
                                                                   "approval gate as this user.")};
    QCommandLineOption environment{QStringLiteral("environment"),
                                   QCoreApplication::translate("main", "With --headless: the environment or fleet "
                                                                       "file to use instead of the saved one. "
                                                                       "Otherwise: the file to import at start."),
                                   QCoreApplication::translate("main", "file")};
    QCommandLineOption task{QStringLiteral("task"),
                            QCoreApplication::translate("main", "With --headless inspect: the task to run now."),
                            QStringLiteral("id")};
    QCommandLineOption rule{QStringLiteral("rule"),
                            QCoreApplication::translate("main", "With --headless inspect: the rule to run now."),
                            QStringLiteral("id")};
    QCommandLineOption inspections{QStringLiteral("inspections"),
                                   QCoreApplication::translate("main", "With --headless inspect: a rule file to "
                                                                       "import first (docs/inspection-format.md)."),
                                   QCoreApplication::translate("main", "file")};
    QCommandLineOption json{QStringLiteral("json"),
                            QCoreApplication::translate("main", "With --headless status: print JSON.")};
    QCommandLineOption database{QStringLiteral("database"),
                                QCoreApplication::translate("main", "The local database file (default: in the "
                                                                    "user's data directory)."),
                                QCoreApplication::translate("main", "file")};
    QCommandLineOption theme{QStringLiteral("theme"), QCoreApplication::translate("main", "light or dark."),
                             QCoreApplication::translate("main", "name"), QStringLiteral("light")};
    QCommandLineOption thresholds{QStringLiteral("thresholds"),
                                  QCoreApplication::translate("main", "Switchover readiness thresholds (JSON, see "
                                                                      "docs/switchover-readiness.md)."),
                                  QCoreApplication::translate("main", "file")};
    QCommandLineOption wall{QStringLiteral("wall"),
                            QCoreApplication::translate("main", "Wall mode: full screen, dark, readable from across "
                                                                "the room, rotating between views.")};
    QCommandLineOption screen{QStringLiteral("screen"),
                              QCoreApplication::translate("main", "With --wall: the screen to fill (0 is the first)."),
                              QStringLiteral("n"), QStringLiteral("0")};
    QCommandLineOption rotate{QStringLiteral("rotate"),
                              QCoreApplication::translate("main", "With --wall: seconds per view (0 stops rotating)."),
                              QStringLiteral("seconds"), QStringLiteral("30")};
    QCommandLineOption views{QStringLiteral("views"),
                             QCoreApplication::translate("main", "With --wall: the views to rotate between "
                                                                 "(dashboard, alerts)."),
                             QStringLiteral("list"), QStringLiteral("dashboard,alerts")};
    QCommandLineOption screenshot{QStringLiteral("screenshot"),
                                  QCoreApplication::translate("main", "Save the window as a PNG after "
                                                                      "--screenshot-delay ms, then quit."),
                                  QCoreApplication::translate("main", "file")};
    QCommandLineOption screenshotDelay{QStringLiteral("screenshot-delay"),
                                       QCoreApplication::translate("main", "Delay before --screenshot."),
                                       QStringLiteral("ms"), QStringLiteral("5000")};

    void addTo(QCommandLineParser &parser) const
    {
        parser.addOptions({demo,       demoDir, headless,  environment, json,        database,   theme,
                           thresholds, wall,    screen,    rotate,      views,       screenshot, screenshotDelay,
                           plan,       failed,  emergency, groups,      description, confirm,    recovery,
                           approve,    task,    rule,      inspections});
        parser.addPositionalArgument(
            QStringLiteral("command"),
            QCoreApplication::translate("main", "With --headless: status, run, resume, audit, inspect or drill "
                                                "(stop-all | run FILE)."));
    }
};

ConsoleSession::Options sessionOptions(const QCommandLineParser &parser, const Options &options)
{
    ConsoleSession::Options session;
    session.databasePath = parser.value(options.database);
    session.thresholdsPath = parser.value(options.thresholds);
    return session;
}

QStringList listValue(const QCommandLineParser &parser, const QCommandLineOption &option)
{
    return parser.value(option).split(QLatin1Char(','), Qt::SkipEmptyParts);
}

// Follows the --environment file's sites with its tokens, else the console's own environment.
// False (and the reason printed) when the file cannot be used.
bool follow(ConsoleSession &session, const QCommandLineParser &parser, const Options &options)
{
    if (!parser.isSet(options.environment)) {
        session.start();
        return true;
    }
    QHash<QString, QByteArray> tokens;
    QString error;
    std::optional<Environment> loaded = Environment::load(parser.value(options.environment), &tokens, &error);
    if (!loaded) {
        printError(error);
        return false;
    }
    session.startWith(*loaded, tokens);
    return true;
}

// `haven --headless run|resume`: the execution engine without a window.
int runExecution(QCoreApplication &app, const QCommandLineParser &parser, const Options &options, bool resumeOnly)
{
    QTextStream out(stdout);
    ConsoleSession session(sessionOptions(parser, options));
    HeadlessRun::Options run;
    run.resumeOnly = resumeOnly;
    run.planFile = parser.value(options.plan);
    run.confirm = parser.value(options.confirm);
    run.failedSites = listValue(parser, options.failed);
    run.emergencySites = listValue(parser, options.emergency);
    run.productGroups = listValue(parser, options.groups);
    run.description = parser.value(options.description);
    run.recovery = parser.isSet(options.recovery);
    run.approve = parser.isSet(options.approve);
    if (!resumeOnly
        && (run.planFile.isEmpty() || run.failedSites.isEmpty() || run.emergencySites.isEmpty()
            || run.confirm.isEmpty())) {
        printError(
            QCoreApplication::translate("main", "--headless run needs --plan, --failed, --emergency and --confirm"));
        return HeadlessRun::UsageError;
    }
    HeadlessRun headlessRun(session, out);
    QObject::connect(&headlessRun, &HeadlessRun::finished, &app, &QCoreApplication::exit);
    headlessRun.run(run);
    if (!follow(session, parser, options))
        return HeadlessRun::UsageError;
    return app.exec();
}

// `haven --headless audit`: checks the hash chain of the audit log. Exit code 0 when it is
// intact, 6 when a record was changed, 2 when the database cannot be read.
int runAudit(const QCommandLineParser &parser, const Options &options)
{
    QTextStream out(stdout);
    const QString path = parser.isSet(options.database)
                             ? parser.value(options.database)
                             : QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))
                                   .filePath(QStringLiteral("haven.db"));
    if (!QFileInfo::exists(path)) {
        printError(QCoreApplication::translate("main", "There is no local database at %1.").arg(path));
        return 2;
    }
    LocalStore store;
    const LocalStore::Status status = store.open(path);
    if (status.mode != LocalStore::Mode::Persistent) {
        printError(status.problem);
        return 2;
    }
    qint64 broken = -1;
    qint64 records = 0;
    if (store.verifyAuditChain(&broken, &records)) {
        out << QCoreApplication::translate("main",
                                           "The audit log in %1 is intact: %2 records, each chained to the one before.")
                   .arg(path)
                   .arg(records)
            << Qt::endl;
        return 0;
    }
    out << QCoreApplication::translate("main",
                                       "The audit log in %1 was changed: record %2 does not match the hash chain. "
                                       "Keep a copy of the file for investigation and tell your security team.")
               .arg(path)
               .arg(broken)
        << Qt::endl;
    return 6;
}

// `haven --headless drill stop-all` and `haven --headless drill run FILE --confirm NAME`.
int runDrill(QCoreApplication &app, const QCommandLineParser &parser, const Options &options, const QStringList &command)
{
    const bool stopAll = command.size() == 2 && command.at(1) == QLatin1StringView("stop-all");
    const bool run = command.size() == 3 && command.at(1) == QLatin1StringView("run");
    if (!stopAll && (!run || parser.value(options.confirm).isEmpty())) {
        printError(QCoreApplication::translate("main",
                                               "Use: haven --headless drill stop-all, or haven --headless drill "
                                               "run FILE --confirm NAME"));
        return HeadlessDrill::UsageError;
    }
    QTextStream out(stdout);
    ConsoleSession session(sessionOptions(parser, options));
    HeadlessDrill drill(session, out);
    QObject::connect(&drill, &HeadlessDrill::finished, &app, &QCoreApplication::exit);
    if (stopAll)
        drill.stopAll();
    else
        drill.run(command.at(2), parser.value(options.confirm));
    if (!follow(session, parser, options))
        return HeadlessDrill::UsageError;
    return app.exec();
}

// `haven --headless inspect`: a task or a rule run now at the agents; the exit code is the worst status.
int runInspect(QCoreApplication &app, const QCommandLineParser &parser, const Options &options)
{
    QTextStream out(stdout);
    ConsoleSession session(sessionOptions(parser, options));
    HeadlessInspect::Options inspect;
    inspect.taskId = parser.value(options.task);
    inspect.ruleId = parser.value(options.rule);
    inspect.file = parser.value(options.inspections);
    HeadlessInspect headlessInspect(session, out);
    QObject::connect(&headlessInspect, &HeadlessInspect::finished, &app, &QCoreApplication::exit);
    headlessInspect.run(inspect);
    return follow(session, parser, options) ? app.exec() : int(HeadlessInspect::UsageError);
}

int runHeadless(QCoreApplication &app, const QCommandLineParser &parser, const Options &options)
{
    const QStringList command = parser.positionalArguments();
    if (!command.isEmpty() && command.first() == QLatin1StringView("drill"))
        return runDrill(app, parser, options, command);
    if (command == QStringList{QStringLiteral("inspect")})
        return runInspect(app, parser, options);
    if (command == QStringList{QStringLiteral("audit")})
        return runAudit(parser, options);
    if (command == QStringList{QStringLiteral("run")} || command == QStringList{QStringLiteral("resume")})
        return runExecution(app, parser, options, command.first() == QLatin1StringView("resume"));
    if (command != QStringList{QStringLiteral("status")}) {
        printError(
            QCoreApplication::translate("main",
                                        "--headless knows these commands: status, run, resume, audit, inspect, drill"));
        return HeadlessStatus::UsageError;
    }
    QTextStream out(stdout);
    ConsoleSession session(sessionOptions(parser, options));
    Environment environment = session.environment();
    QHash<QString, QByteArray> tokens;
    if (parser.isSet(options.environment)) {
        QString error;
        std::optional<Environment> loaded = Environment::load(parser.value(options.environment), &tokens, &error);
        if (!loaded) {
            printError(error);
            return HeadlessStatus::UsageError;
        }
        environment = *loaded;
    }
    HeadlessStatus status(session, out);
    status.setJson(parser.isSet(options.json));
    QObject::connect(&status, &HeadlessStatus::finished, &app, &QCoreApplication::exit);
    status.run(environment, tokens);
    return app.exec();
}

// Saves widget as a PNG after the delay, then quits (documentation and checks).
void scheduleScreenshot(QWidget &widget, const QString &path, int delayMs)
{
    QTimer::singleShot(delayMs, &widget, [&widget, path] {
        if (!widget.grab().save(path))
            printError(QCoreApplication::translate("main", "Cannot write %1").arg(path));
        QApplication::quit();
    });
}

bool startDemo(ConsoleSession &session, const QString &directory)
{
    const QString agent = DemoFleetLauncher::findAgent(DemoFleetLauncher::defaultSearchDirs());
    QString error;
    if (agent.isEmpty()) {
        printError(QCoreApplication::translate("main", "haven-agent was found neither next to haven nor on PATH."));
        return false;
    }
    if (!session.startDemo(agent, directory, &error)) {
        printError(error);
        return false;
    }
    return true;
}

int runConsole(QApplication &app, const QCommandLineParser &parser, const Options &options)
{
    const bool wall = parser.isSet(options.wall);
    Theme::apply(app, wall || parser.value(options.theme) == QLatin1StringView("dark") ? ColorScheme::Dark
                                                                                       : ColorScheme::Light);
    ConsoleSession session(sessionOptions(parser, options));
    TerminationSignals termination;
    QObject::connect(&termination, &TerminationSignals::terminationRequested, &app, &QApplication::quit);
    QObject::connect(&session, &ConsoleSession::demoFailed, &app, [](const QString &message) {
        printError(QCoreApplication::translate("main", "The demo fleet stopped: %1").arg(message));
    });
    if (!session.thresholdsProblem().isEmpty())
        printError(session.thresholdsProblem());
    session.start();
    if (parser.isSet(options.demo) && !startDemo(session, parser.value(options.demoDir)))
        return 1;

    std::unique_ptr<QWidget> window;
    if (wall) {
        // Nobody reads a dialog on a wall: a file that cannot be imported stops it with the reason.
        if (parser.isSet(options.environment)) {
            const QString path = parser.value(options.environment);
            QString error;
            if (!session.importFile(path, &error)) {
                printError(error);
                return 2;
            }
        }
        WallWindow::Options wallOptions;
        wallOptions.rotateSeconds = parser.value(options.rotate).toInt();
        wallOptions.views = parser.value(options.views).split(QLatin1Char(','), Qt::SkipEmptyParts);
        window = createWallWindow(session, wallOptions);
        const QList<QScreen *> screens = QGuiApplication::screens();
        bool ok = false;
        const int index = parser.value(options.screen).toInt(&ok);
        if (!ok || index < 0 || index >= screens.size()) {
            QStringList names;
            for (qsizetype i = 0; i < screens.size(); ++i)
                names.append(QStringLiteral("%1: %2").arg(i).arg(screens.at(i)->name()));
            printError(QCoreApplication::translate("main", "There is no screen %1; the screens are %2.")
                           .arg(parser.value(options.screen), names.join(QStringLiteral(", "))));
            return 2;
        }
        window->setScreen(screens.at(index));
        window->setGeometry(screens.at(index)->geometry());
        window->showFullScreen();
    } else {
        std::unique_ptr<MainWindow> console = createConsoleWindow(session);
        console->show();
        // The window says why a file could not be imported (the Environment page and a message).
        if (parser.isSet(options.environment))
            console->navigator().navigate(QStringLiteral("import"), parser.value(options.environment));
        window = std::move(console);
    }
    if (parser.isSet(options.screenshot))
        scheduleScreenshot(*window, parser.value(options.screenshot), parser.value(options.screenshotDelay).toInt());
    return app.exec();
}

} // namespace

int main(int argc, char *argv[])
{
    // Headless runs need no display: decide before any application object exists.
    bool headless = false;
    // --help and --version print and quit: they need no display either.
    for (int i = 1; i < argc; ++i) {
        for (const char *option : {"--headless", "--help", "-h", "--help-all", "--version", "-v"})
            headless |= qstrcmp(argv[i], option) == 0;
    }
    std::unique_ptr<QCoreApplication> app = headless ? std::make_unique<QCoreApplication>(argc, argv)
                                                     : std::make_unique<QApplication>(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("haven"));
    QCoreApplication::setApplicationVersion(QStringLiteral(HAVEN_VERSION));
    installTranslations(*app);

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QCoreApplication::translate("main", "Haven: disaster-recovery console for several datacenters."));
    parser.addHelpOption();
    parser.addVersionOption();
    const Options options;
    options.addTo(parser);
    parser.process(*app);

    if (headless)
        return runHeadless(*app, parser, options);
    return runConsole(static_cast<QApplication &>(*app), parser, options);
}
