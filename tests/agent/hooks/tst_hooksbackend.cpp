// SPDX-License-Identifier: GPL-3.0-or-later
#include "agent/hooks/hooksbackend.h"
#include "processtest.h"
#include "tests/agent/faultsteptest.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <signal.h>

using namespace Haven;
using Haven::Test::processAlive;
using Haven::Test::readPid;
using Haven::Test::runStep;

namespace {

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

struct Outcome
{
    ActionState state = ActionState::Pending;
    QString message;
    QString log;
    int finishedCount = 0;
};

} // namespace

class TestHooksBackend final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();

    void describesTheSite();
    void operationGetsParametersAndKeys();
    void operationFailsWithExitCode();
    void timeoutStopsTheWholeProcessGroup();
    void cancelStopsTheHook();
    void unknownOrVanishedOperation();
    void badCatalogs_data();
    void badCatalogs();
    void missingCatalogFile();
    void faultHooks();
    void topologyHook();
    void hostComponent();

private:
    QString dir() const { return m_dir->path(); }
    void writeHook(const QString &name, const QByteArray &body, bool executable = true);
    void writeCatalog(const QByteArray &json);
    std::unique_ptr<HooksBackend> createBackend();
    Outcome run(HooksBackend &backend, const QString &operation, const QJsonObject &parameters, int cancelAfterMs = -1);

    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestHooksBackend::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestHooksBackend::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    writeHook(QStringLiteral("ok.sh"), "exit 0\n");
}

void TestHooksBackend::writeHook(const QString &name, const QByteArray &body, bool executable)
{
    QFile file(m_dir->filePath(name));
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write("#!/bin/sh\n" + body);
    file.close();
    QFileDevice::Permissions permissions = QFileDevice::ReadOwner | QFileDevice::WriteOwner;
    if (executable)
        permissions |= QFileDevice::ExeOwner;
    QVERIFY(file.setPermissions(permissions));
}

void TestHooksBackend::writeCatalog(const QByteArray &json)
{
    QFile file(m_dir->filePath(QStringLiteral("catalog.json")));
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(json);
}

std::unique_ptr<HooksBackend> TestHooksBackend::createBackend()
{
    HooksSettings settings;
    settings.identity.id = QStringLiteral("dc-east");
    settings.identity.name = QStringLiteral("East");
    settings.identity.backend = QStringLiteral("simulated"); // overridden: this is a hooks site
    settings.catalogPath = m_dir->filePath(QStringLiteral("catalog.json"));
    settings.dataDir = m_dir->filePath(QStringLiteral("data"));
    settings.hostRefresh = std::chrono::milliseconds(100);
    QString error;
    std::unique_ptr<HooksBackend> backend = HooksBackend::create(settings, &error);
    if (!backend)
        qWarning("%s", qPrintable(error));
    return backend;
}

Outcome TestHooksBackend::run(HooksBackend &backend, const QString &operation, const QJsonObject &parameters,
                              int cancelAfterMs)
{
    Outcome outcome;
    QString error;
    const std::unique_ptr<ActionExecution> execution = backend.createExecution({QStringLiteral("act-17"),
                                                                                QStringLiteral("key-4711"), operation,
                                                                                parameters},
                                                                               &error);
    if (!execution) {
        outcome.message = error;
        return outcome;
    }
    connect(execution.get(), &ActionExecution::logged, this, [&outcome](const QString &text) { outcome.log += text; });
    connect(execution.get(), &ActionExecution::finished, this, [&outcome](ActionState state, const QString &message) {
        outcome.state = state;
        outcome.message = message;
        ++outcome.finishedCount;
    });
    execution->start();
    if (cancelAfterMs >= 0)
        QTimer::singleShot(cancelAfterMs, execution.get(), &ActionExecution::cancel);
    [&] { QTRY_VERIFY_WITH_TIMEOUT(outcome.finishedCount > 0, 15000); }();
    QTest::qWait(50); // finished() comes once only
    return outcome;
}

void TestHooksBackend::describesTheSite()
{
    writeCatalog(R"({"operations":[
        {"code":"traffic.cut","name":"Cut traffic","layer":"business","command":["./ok.sh"],
         "reversible":true,"inverse":"traffic.restore",
         "parameters":{"properties":{"productGroup":{"type":"string"}},"required":["productGroup"]}},
        {"code":"traffic.restore","name":"Restore traffic","layer":"business","command":["./ok.sh"]}]})");
    const std::unique_ptr<HooksBackend> backend = createBackend();
    QVERIFY(backend);
    QCOMPARE(backend->siteInfo().backend, QStringLiteral("hooks"));
    QCOMPARE(backend->siteInfo().id, QStringLiteral("dc-east"));
    const QList<OperationSpec> operations = backend->operations();
    QCOMPARE(operations.size(), 2);
    QCOMPARE(operations.at(0).code, QStringLiteral("traffic.cut"));
    QCOMPARE(operations.at(0).inverse, QStringLiteral("traffic.restore"));
    QCOMPARE(operations.at(0).parameters.value(QStringLiteral("required")).toArray().size(), 1);
    QVERIFY(backend->supportedFaults().isEmpty());
    QVERIFY(QFileInfo(m_dir->filePath(QStringLiteral("data"))).isDir());
}

void TestHooksBackend::operationGetsParametersAndKeys()
{
    writeHook(QStringLiteral("cut.sh"), R"sh(params=$(cat)
echo "params: $params"
echo "key: $HAVEN_IDEMPOTENCY_KEY action: $HAVEN_ACTION_ID operation: $HAVEN_OPERATION"
echo "cwd: $(pwd)" >&2
echo "argument: $1"
)sh");
    writeCatalog(R"({"operations":[{"code":"traffic.cut","layer":"business","command":["./cut.sh","--site=dc-east"],
                                     "timeoutSeconds":10}]})");
    const std::unique_ptr<HooksBackend> backend = createBackend();
    QVERIFY(backend);

    const Outcome outcome = run(*backend, QStringLiteral("traffic.cut"),
                                {{QStringLiteral("productGroup"), QStringLiteral("retail")}});
    QCOMPARE(toString(outcome.state), toString(ActionState::Succeeded));
    QCOMPARE(outcome.message, QString());
    QCOMPARE(outcome.finishedCount, 1);
    QVERIFY2(outcome.log.contains(QStringLiteral(R"(params: {"productGroup":"retail"})")), qPrintable(outcome.log));
    QVERIFY2(outcome.log.contains(QStringLiteral("key: key-4711 action: act-17 operation: traffic.cut")),
             qPrintable(outcome.log));
    QVERIFY2(outcome.log.contains(QStringLiteral("argument: --site=dc-east")), qPrintable(outcome.log));
    // stderr is part of the log; hooks run in the data directory.
    QVERIFY2(outcome.log.contains(QStringLiteral("cwd: ")
                                  + QFileInfo(m_dir->filePath(QStringLiteral("data"))).canonicalFilePath()),
             qPrintable(outcome.log));
    QVERIFY(backend->metricsText().contains(QStringLiteral("haven_hook_operations_total{state=\"succeeded\"} 1")));
}

void TestHooksBackend::operationFailsWithExitCode()
{
    writeHook(QStringLiteral("fail.sh"), "echo 'primary still reachable, refusing to promote'\nexit 3\n");
    writeCatalog(R"({"operations":[{"code":"db.promote","layer":"database","command":["./fail.sh"]}]})");
    const std::unique_ptr<HooksBackend> backend = createBackend();
    QVERIFY(backend);
    const Outcome outcome = run(*backend, QStringLiteral("db.promote"), {});
    QCOMPARE(toString(outcome.state), toString(ActionState::Failed));
    QCOMPARE(outcome.message, QStringLiteral("exit code 3"));
    QVERIFY2(outcome.log.contains(QStringLiteral("refusing to promote")), qPrintable(outcome.log));
}

void TestHooksBackend::timeoutStopsTheWholeProcessGroup()
{
    writeHook(QStringLiteral("hang.sh"), R"sh(sleep 60 &
echo $! > "$HAVEN_DATA_DIR/grandchild.pid"
echo "waiting for the storage array"
sleep 60
)sh");
    writeCatalog(
        R"({"operations":[{"code":"storage.switch","layer":"storage","command":["./hang.sh"],"timeoutSeconds":1}]})");
    const std::unique_ptr<HooksBackend> backend = createBackend();
    QVERIFY(backend);

    QElapsedTimer clock;
    clock.start();
    const Outcome outcome = run(*backend, QStringLiteral("storage.switch"), {});
    QCOMPARE(toString(outcome.state), toString(ActionState::Failed));
    QCOMPARE(outcome.message, QStringLiteral("timed out after 1 s"));
    QVERIFY(clock.elapsed() < 8000);
    QVERIFY2(outcome.log.contains(QStringLiteral("waiting for the storage array")), qPrintable(outcome.log));
    const qint64 grandchild = readPid(m_dir->filePath(QStringLiteral("data/grandchild.pid")));
    QVERIFY(grandchild > 0);
    QTRY_VERIFY_WITH_TIMEOUT(!processAlive(grandchild), 5000);
}

void TestHooksBackend::cancelStopsTheHook()
{
    // The hook ignores SIGTERM: the SIGKILL that follows must still end it and its child.
    writeHook(QStringLiteral("stubborn.sh"), R"sh(trap '' TERM
sleep 60 &
echo $! > "$HAVEN_DATA_DIR/child.pid"
wait
)sh");
    writeCatalog(R"({"operations":[{"code":"app.restart","layer":"business","command":["./stubborn.sh"]}]})");
    const std::unique_ptr<HooksBackend> backend = createBackend();
    QVERIFY(backend);

    const Outcome outcome = run(*backend, QStringLiteral("app.restart"), {}, 300);
    QCOMPARE(toString(outcome.state), toString(ActionState::Cancelled));
    QCOMPARE(outcome.message, QStringLiteral("cancelled"));
    QCOMPARE(outcome.finishedCount, 1);
    const qint64 child = readPid(m_dir->filePath(QStringLiteral("data/child.pid")));
    QVERIFY(child > 0);
    QTRY_VERIFY_WITH_TIMEOUT(!processAlive(child), 5000);
}

void TestHooksBackend::unknownOrVanishedOperation()
{
    writeHook(QStringLiteral("gone.sh"), "exit 0\n");
    writeCatalog(R"({"operations":[{"code":"dns.switch","layer":"middleware","command":["./gone.sh"]}]})");
    const std::unique_ptr<HooksBackend> backend = createBackend();
    QVERIFY(backend);

    QString error;
    QVERIFY(
        !backend->createExecution({QStringLiteral("a"), QStringLiteral("k"), QStringLiteral("dns.flush"), {}}, &error));
    QCOMPARE(error, QStringLiteral("no operation \"dns.flush\" in this site's catalog"));

    QVERIFY(QFile::remove(m_dir->filePath(QStringLiteral("gone.sh"))));
    QVERIFY(!backend->createExecution({QStringLiteral("a"), QStringLiteral("k"), QStringLiteral("dns.switch"), {}},
                                      &error));
    QCOMPARE(error, QStringLiteral("the hook of \"dns.switch\" is no longer an executable file: %1")
                        .arg(m_dir->filePath(QStringLiteral("gone.sh"))));
}

void TestHooksBackend::badCatalogs_data()
{
    QTest::addColumn<QByteArray>("catalog");
    QTest::addColumn<QString>("error"); // after "<catalog path>: "; %DIR% is the catalog's folder

    QTest::addRow("not JSON") << QByteArray(R"({"operations": [)") << "not valid JSON: unterminated array at offset 16";
    QTest::addRow("not an object") << QByteArray("[]") << "expected a JSON object";
    QTest::addRow("no operations") << QByteArray("{}") << "operations: missing";
    QTest::addRow("unknown top-level field") << QByteArray(R"({"operations":[],"fault":{}})")
                                             << "fault: unknown field (expected operations, faults, topology)";
    QTest::addRow("operation not an object")
        << QByteArray(R"({"operations":[1]})") << "operations[0]: expected an object";
    QTest::addRow("no layer") << QByteArray(R"({"operations":[{"code":"a","command":["./ok.sh"]}]})")
                              << "operations[0].layer: missing";
    QTest::addRow("bad layer")
        << QByteArray(R"({"operations":[{"code":"a","layer":"network","command":["./ok.sh"]}]})")
        << R"(operations[0].layer: expected one of business | middleware | storage | database | physical, got "network")";
    QTest::addRow("misspelt field")
        << QByteArray(R"({"operations":[{"code":"a","layer":"business","command":["./ok.sh"],"timeout":5}]})")
        << "operations[0].timeout: unknown field (expected code, name, description, layer, parameters, reversible, "
           "inverse, command, timeoutSeconds)";
    QTest::addRow("no command") << QByteArray(R"({"operations":[{"code":"a","layer":"business"}]})")
                                << "operations[0].command: missing";
    QTest::addRow("command is a string") << QByteArray(
        R"({"operations":[{"code":"a","layer":"business","command":"./ok.sh --all"}]})")
                                         << "operations[0].command: expected an array";
    QTest::addRow("empty command")
        << QByteArray(R"({"operations":[{"code":"a","layer":"business","command":[]}]})")
        << "operations[0].command: expected the program and its arguments, got an empty array";
    QTest::addRow("argument not a string")
        << QByteArray(R"({"operations":[{"code":"a","layer":"business","command":["./ok.sh",3]}]})")
        << "operations[0].command[1]: expected a non-empty string";
    QTest::addRow("missing program") << QByteArray(
        R"({"operations":[{"code":"a","layer":"business","command":["hooks/cut.sh"]}]})")
                                     << "operations[0].command[0]: %DIR%/hooks/cut.sh does not exist";
    QTest::addRow("program not executable")
        << QByteArray(R"({"operations":[{"code":"a","layer":"business","command":["./plain.sh"]}]})")
        << "operations[0].command[0]: %DIR%/plain.sh is not executable";
    QTest::addRow("program is a folder") << QByteArray(
        R"({"operations":[{"code":"a","layer":"business","command":["./data"]}]})")
                                         << "operations[0].command[0]: %DIR%/data is not a file";
    QTest::addRow("not in PATH") << QByteArray(
        R"({"operations":[{"code":"a","layer":"business","command":["haven-no-such-tool"]}]})")
                                 << R"(operations[0].command[0]: "haven-no-such-tool" was not found in PATH)";
    QTest::addRow("timeout out of range")
        << QByteArray(R"({"operations":[{"code":"a","layer":"business","command":["./ok.sh"],"timeoutSeconds":0}]})")
        << "operations[0].timeoutSeconds: expected 1 to 86400, got 0";
    QTest::addRow("duplicate code") << QByteArray(
        R"({"operations":[{"code":"a","layer":"business","command":["./ok.sh"]},
                                         {"code":"a","layer":"storage","command":["./ok.sh"]}]})")
                                    << R"(operations[1].code: "a" is already used by operations[0])";
    QTest::addRow("reversible without inverse")
        << QByteArray(R"({"operations":[{"code":"a","layer":"business","command":["./ok.sh"],"reversible":true}]})")
        << "operations[0].inverse: a reversible operation must name its inverse";
    QTest::addRow("unknown inverse") << QByteArray(
        R"({"operations":[{"code":"a","layer":"business","command":["./ok.sh"],"reversible":true,"inverse":"b"}]})")
                                     << R"(operations[0].inverse: no operation "b" in the catalog)";
    QTest::addRow("unknown fault kind")
        << QByteArray(R"({"operations":[],"faults":{"disk":{"inject":["./ok.sh"],"revert":["./ok.sh"]}}})")
        << "faults.disk: unknown fault kind (expected cpu | memory | network | process_kill | host_down | site_dark)";
    QTest::addRow("fault without revert")
        << QByteArray(R"({"operations":[],"faults":{"cpu":{"inject":["./ok.sh"]}}})") << "faults.cpu.revert: missing";
    QTest::addRow("fault timeout too long") << QByteArray(
        R"({"operations":[],"faults":{"cpu":{"inject":["./ok.sh"],"revert":["./ok.sh"],"timeoutSeconds":600}}})")
                                            << "faults.cpu.timeoutSeconds: expected 1 to 120, got 600";
    QTest::addRow("topology interval") << QByteArray(
        R"({"operations":[],"topology":{"command":["./ok.sh"],"intervalSeconds":0}})")
                                       << "topology.intervalSeconds: expected 1 to 3600, got 0";
    QTest::addRow("topology not executable") << QByteArray(R"({"operations":[],"topology":{"command":["./plain.sh"]}})")
                                             << "topology.command[0]: %DIR%/plain.sh is not executable";
}

void TestHooksBackend::badCatalogs()
{
    QFETCH(QByteArray, catalog);
    QFETCH(QString, error);
    writeHook(QStringLiteral("plain.sh"), "exit 0\n", false);
    QVERIFY(QDir(dir()).mkpath(QStringLiteral("data")));
    writeCatalog(catalog);

    HooksSettings settings;
    settings.identity.id = QStringLiteral("dc-east");
    settings.catalogPath = m_dir->filePath(QStringLiteral("catalog.json"));
    QString actual;
    QVERIFY(!HooksBackend::create(settings, &actual));
    QCOMPARE(actual,
             settings.catalogPath + QStringLiteral(": ") + QString(error).replace(QStringLiteral("%DIR%"), dir()));
}

void TestHooksBackend::missingCatalogFile()
{
    HooksSettings settings;
    settings.identity.id = QStringLiteral("dc-east");
    settings.catalogPath = m_dir->filePath(QStringLiteral("nowhere.json"));
    QString error;
    QVERIFY(!HooksBackend::create(settings, &error));
    QCOMPARE(error, settings.catalogPath + QStringLiteral(": No such file or directory"));
}

void TestHooksBackend::faultHooks()
{
    writeHook(QStringLiteral("cpu.sh"), R"sh(cat > "$HAVEN_DATA_DIR/$HAVEN_FAULT_PHASE-$HAVEN_FAULT_ID.json"
echo "$HAVEN_FAULT_PHASE $HAVEN_FAULT_KIND on $HAVEN_FAULT_TARGET"
)sh");
    writeHook(QStringLiteral("refuse.sh"), "cat > /dev/null\necho 'tc: no such device eth9'\nexit 2\n");
    writeCatalog(R"({"operations":[],"faults":{
        "cpu":{"inject":["./cpu.sh"],"revert":["./cpu.sh"],"timeoutSeconds":10},
        "network":{"inject":["./refuse.sh"],"revert":["./ok.sh"]}}})");
    const std::unique_ptr<HooksBackend> backend = createBackend();
    QVERIFY(backend);
    QStringList supported;
    for (const FaultKind kind : backend->supportedFaults())
        supported.append(toString(kind));
    QCOMPARE(supported, (QStringList{QStringLiteral("cpu"), QStringLiteral("network")}));

    FaultRecord fault;
    fault.id = QStringLiteral("flt-1");
    fault.kind = FaultKind::Cpu;
    fault.target = QStringLiteral("app-01");
    fault.parameters = {{QStringLiteral("percent"), 80}};
    fault.durationSeconds = 60;
    QCOMPARE(backend->checkFault(fault), QString());
    QCOMPARE(runStep(backend->injectFault(fault)), QString());
    const QJsonObject injected
        = QJsonDocument::fromJson(readFile(m_dir->filePath(QStringLiteral("data/inject-flt-1.json")))).object();
    QCOMPARE(injected.value(QStringLiteral("id")).toString(), QStringLiteral("flt-1"));
    QCOMPARE(injected.value(QStringLiteral("kind")).toString(), QStringLiteral("cpu"));
    QCOMPARE(injected.value(QStringLiteral("parameters")).toObject().value(QStringLiteral("percent")).toInt(), 80);

    QCOMPARE(runStep(backend->revertFault(fault)), QString());
    QVERIFY(QFile::exists(m_dir->filePath(QStringLiteral("data/revert-flt-1.json"))));

    fault.kind = FaultKind::Network;
    QCOMPARE(runStep(backend->injectFault(fault)),
             QStringLiteral("inject hook failed with exit code 2: tc: no such device eth9"));

    fault.kind = FaultKind::Memory;
    const QString refusal = QStringLiteral("this site has no hook for memory faults (it offers: cpu, network)");
    QCOMPARE(backend->checkFault(fault), refusal);
    QCOMPARE(runStep(backend->injectFault(fault)), refusal);
}

void TestHooksBackend::topologyHook()
{
    writeHook(QStringLiteral("topology.sh"), R"sh(cat "$HAVEN_DATA_DIR/report.json")sh");
    writeCatalog(R"({"operations":[],"topology":{"command":["./topology.sh"],"intervalSeconds":1,"timeoutSeconds":5}})");
    QVERIFY(QDir(dir()).mkpath(QStringLiteral("data")));
    const auto report = [this](const QByteArray &json) {
        QFile file(m_dir->filePath(QStringLiteral("data/report.json")));
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(json);
    };
    report(R"({"components":[
        {"id":"db-1","name":"Orders DB","layer":"database","kind":"mysql","status":"ok","metrics":{"capacity":61}},
        {"id":"app-1","layer":"business","status":"warning","productGroup":"retail"}],
      "dependencies":[{"from":"app-1","to":"db-1"}],
      "replication":[{"id":"db-1>west","from":{"site":"dc-east","component":"db-1"},
                      "to":{"site":"dc-west","component":"db-1"},"role":"primary","lagSeconds":1.5,"state":"healthy"}],
      "traffic":{"retail":60}})");

    const std::unique_ptr<HooksBackend> backend = createBackend();
    QVERIFY(backend);
    int changes = 0;
    connect(backend.get(), &SiteBackend::topologyChanged, this, [&changes] { ++changes; });
    QTRY_VERIFY_WITH_TIMEOUT(backend->topology().component(QStringLiteral("db-1")), 5000);
    QVERIFY(changes > 0);
    const TopologyState &topology = backend->topology();
    QCOMPARE(topology.component(QStringLiteral("db-1"))->metrics.value(QStringLiteral("capacity")), 61.0);
    QCOMPARE(toString(topology.component(QStringLiteral("app-1"))->status), toString(ComponentStatus::Warning));
    QVERIFY(topology.component(backend->hostComponentId()));
    QCOMPARE(topology.link(QStringLiteral("db-1>west"))->lagSeconds, 1.5);
    QCOMPARE(topology.dependencies().size(), 1);
    QCOMPARE(topology.traffic().value(QStringLiteral("retail")), 60.0);
    QCOMPARE(backend->lastTopologyError(), QString());

    // Garbage is refused precisely and the last good topology stays.
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("components\\[1\\]\\.layer")));
    report(
        R"({"components":[{"id":"db-1","layer":"database","status":"ok"},{"id":"x","layer":"network","status":"ok"}]})");
    QTRY_COMPARE_WITH_TIMEOUT(backend->lastTopologyError(),
                              QStringLiteral(
                                  "printed an invalid report: components[1].layer: expected one of business | "
                                  "middleware | storage | database | physical, got \"network\""),
                              5000);
    QVERIFY(topology.component(QStringLiteral("app-1")));
    QVERIFY(topology.link(QStringLiteral("db-1>west")));

    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("not JSON")));
    report("Traceback (most recent call last):\n");
    QTRY_VERIFY_WITH_TIMEOUT(backend->lastTopologyError().startsWith(
                                 QStringLiteral("printed an invalid report: not JSON")),
                             5000);

    // A good report again: what it no longer lists is removed.
    report(R"({"components":[{"id":"db-1","layer":"database","status":"down"}]})");
    QTRY_VERIFY_WITH_TIMEOUT(!topology.component(QStringLiteral("app-1")), 5000);
    QCOMPARE(toString(topology.component(QStringLiteral("db-1"))->status), toString(ComponentStatus::Down));
    QVERIFY(!topology.link(QStringLiteral("db-1>west")));
    QVERIFY(topology.component(backend->hostComponentId()));
    QCOMPARE(backend->lastTopologyError(), QString());
    QVERIFY(backend->metricsText().contains(QStringLiteral("haven_topology_reports_total{result=\"rejected\"}")));
}

void TestHooksBackend::hostComponent()
{
    writeCatalog(R"({"operations":[]})");
    const std::unique_ptr<HooksBackend> backend = createBackend();
    QVERIFY(backend);
    const QString id = backend->hostComponentId();
    QVERIFY(id.startsWith(QStringLiteral("host-")));
    // CPU needs a second sample; the refresh period is 100 ms here.
    QTRY_VERIFY_WITH_TIMEOUT(backend->topology().component(id)->metrics.contains(QStringLiteral("cpu")), 5000);
    const Component host = *backend->topology().component(id);
    QCOMPARE(toString(host.layer), toString(Layer::Physical));
    QCOMPARE(host.kind, QStringLiteral("host"));
    for (const QString &metric : {QStringLiteral("cpu"), QStringLiteral("memory"), QStringLiteral("capacity")}) {
        const double value = host.metrics.value(metric, -1);
        QVERIFY2(value >= 0 && value <= 100, qPrintable(metric));
    }
    QVERIFY(host.metrics.contains(QStringLiteral("load")));
    QVERIFY(host.status != ComponentStatus::Unknown);
    QVERIFY(backend->metricsText().contains(QStringLiteral("haven_host_memory_ratio ")));
}

QTEST_GUILESS_MAIN(TestHooksBackend)

#include "tst_hooksbackend.moc"
