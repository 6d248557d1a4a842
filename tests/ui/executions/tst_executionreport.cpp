// SPDX-License-Identifier: GPL-3.0-or-later
// The execution report, from an execution built out of journal events: the ticket, the steps
// with every attempt's log (escaped), the RTO against the objective, who did what; the PDF; and
// files that cannot be written leave nothing behind and say why.
#include "ui/executions/executionreport.h"
#include "widgets/common/statuscolors.h"

#include <QDir>
#include <QFile>
#include <QJsonObject>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

using namespace Haven;

namespace {

constexpr qint64 T0 = 1'700'000'000'000; // 2023-11-14, a fixed clock for the journal

PlanData samplePlan(int rtoSeconds)
{
    PlanData plan;
    plan.metadata.id = QStringLiteral("plan-1");
    plan.metadata.name = QStringLiteral("Payments to Hangzhou");
    plan.metadata.kind = PlanKind::DisasterRecovery;
    plan.metadata.state = PlanState::Effective;
    plan.metadata.rtoSeconds = rtoSeconds;
    plan.metadata.rpoSeconds = 30;
    PlanStep cut;
    cut.id = 1;
    cut.name = QStringLiteral("Cut traffic of the failed site");
    cut.operation = QStringLiteral("traffic.cut");
    cut.productGroup = QStringLiteral("payments");
    cut.target.kind = StepTargetKind::FailedSite;
    PlanStep promote;
    promote.id = 2;
    promote.name = QStringLiteral("Switch the database primary");
    promote.operation = QStringLiteral("db.promote");
    promote.productGroup = QStringLiteral("payments");
    promote.target.kind = StepTargetKind::EmergencySite;
    promote.requiresApproval = true;
    PlanStep restore;
    restore.id = 3;
    restore.phase = PlanPhase::Recovery;
    restore.name = QStringLiteral("Restore traffic");
    restore.operation = QStringLiteral("traffic.restore");
    restore.target.kind = StepTargetKind::FailedSite;
    PlanStep other;
    other.id = 4;
    other.name = QStringLiteral("Restart the loans application");
    other.operation = QStringLiteral("app.restart");
    other.productGroup = QStringLiteral("loans");
    other.target.kind = StepTargetKind::EmergencySite;
    plan.steps = {cut, promote, restore, other};
    plan.edges = {PlanEdge{1, 2}};
    return plan;
}

ExecutionTicket sampleTicket()
{
    ExecutionTicket ticket;
    ticket.planId = QStringLiteral("plan-1");
    ticket.planVersion = 3;
    ticket.planName = QStringLiteral("Payments to Hangzhou");
    ticket.failedSites = {QStringLiteral("sha")};
    ticket.emergencySites = {QStringLiteral("hzc"), QStringLiteral("shb")};
    ticket.productGroups = {QStringLiteral("payments")};
    ticket.description = QStringLiteral("Power lost in Shanghai A & B's network is flapping");
    ticket.createdBy = QStringLiteral("alice@war-room-1");
    ticket.secondApprover = QStringLiteral("carol");
    return ticket;
}

// Builds the execution by applying events in order, as the engine's journal would.
class Journal
{
public:
    explicit Journal(Execution &execution)
        : m_execution(execution)
    { }

    bool add(qint64 offsetMs, ExecutionEvent::Kind kind, const QJsonObject &payload)
    {
        ExecutionEvent event;
        event.seq = ++m_seq;
        event.timeMs = T0 + offsetMs;
        event.kind = kind;
        event.payload = payload;
        QString error;
        const bool ok = m_execution.apply(event, &error);
        if (!ok)
            qWarning("event %lld not applied: %s", event.seq, qPrintable(error));
        return ok;
    }

    bool action(qint64 at, const QString &action, const QString &user, int step = 0, const QString &reason = {})
    {
        QJsonObject p{{QStringLiteral("action"), action},
                      {QStringLiteral("user"), user},
                      {QStringLiteral("host"), QStringLiteral("war-room-1")},
                      {QStringLiteral("reason"), reason}};
        if (step)
            p.insert(QStringLiteral("step"), step);
        return add(at, ExecutionEvent::Kind::OperatorAction, p);
    }

    bool state(qint64 at, const QString &state, const QString &message = {})
    {
        return add(at, ExecutionEvent::Kind::StateChanged,
                   {{QStringLiteral("state"), state}, {QStringLiteral("message"), message}});
    }

    // One attempt of a step at one site, from dispatch to its end, with a log.
    bool attempt(qint64 at, qint64 duration, int step, const QString &site, int attempt, const QString &outcome,
                 const QString &log, const QString &message = {})
    {
        const QJsonObject where{{QStringLiteral("step"), step},
                                {QStringLiteral("site"), site},
                                {QStringLiteral("attempt"), attempt}};
        auto with = [&where](QJsonObject more) {
            for (auto it = where.begin(); it != where.end(); ++it)
                more.insert(it.key(), it.value());
            return more;
        };
        return add(at, ExecutionEvent::Kind::AttemptStarted,
                   {{QStringLiteral("step"), step}, {QStringLiteral("attempt"), attempt}})
               && add(at, ExecutionEvent::Kind::Dispatched,
                      with({{QStringLiteral("key"), Execution::idempotencyKey(m_execution.id(), step, site, attempt)}}))
               && add(at + 50, ExecutionEvent::Kind::ActionStarted,
                      with({{QStringLiteral("actionId"), QStringLiteral("act-%1-%2").arg(step).arg(attempt)},
                            {QStringLiteral("state"), QStringLiteral("running")}}))
               && add(at + duration / 2, ExecutionEvent::Kind::LogAppended,
                      with({{QStringLiteral("text"), log}, {QStringLiteral("nextOffset"), log.size()}}))
               && add(at + duration, ExecutionEvent::Kind::SiteFinished,
                      with({{QStringLiteral("state"), outcome}, {QStringLiteral("message"), message}}))
               && add(at + duration, ExecutionEvent::Kind::StepState,
                      {{QStringLiteral("step"), step},
                       {QStringLiteral("state"), outcome},
                       {QStringLiteral("message"), message}});
    }

private:
    Execution &m_execution;
    qint64 m_seq = 0;
};

// A switchover with a failed first attempt and a retry, an approval, a skipped step, then the
// recovery. The switchover ends switchoverSeconds after the start.
Execution sampleExecution(int rtoSeconds, int switchoverSeconds, bool finished = true)
{
    Execution execution(QStringLiteral("exec-42"), sampleTicket(), samplePlan(rtoSeconds));
    Journal j(execution);
    const qint64 end = 1000 + qint64(switchoverSeconds) * 1000; // the run starts 1 s after T0
    bool ok = j.add(0, ExecutionEvent::Kind::Created, {})
              && j.action(1000, QStringLiteral("start"), QStringLiteral("alice"))
              && j.state(1000, QStringLiteral("running"))
              && j.add(1000, ExecutionEvent::Kind::PhaseStarted,
                       {{QStringLiteral("phase"), QStringLiteral("switchover")}})
              && j.attempt(2000, 4000, 1, QStringLiteral("sha"), 1, QStringLiteral("failed"),
                           QStringLiteral("cutting traffic <script>alert(1)</script>\nfirst try & failed\n"),
                           QStringLiteral("the load balancer did not answer"))
              && j.action(8000, QStringLiteral("retry"), QStringLiteral("alice"), 1, QStringLiteral("network flapped"))
              && j.attempt(9000, 6000, 1, QStringLiteral("sha"), 2, QStringLiteral("succeeded"),
                           QStringLiteral("traffic cut at the second try\n"));
    if (finished) {
        ok = ok
             && j.action(16000, QStringLiteral("approve"), QStringLiteral("bob"), 2, QStringLiteral("checked the lag"))
             && j.attempt(17000, 3000, 2, QStringLiteral("hzc"), 1, QStringLiteral("failed"),
                          QStringLiteral("promote: replica not caught up\n"), QStringLiteral("replica lag 40 s"))
             && j.action(21000, QStringLiteral("skip"), QStringLiteral("bob"), 2, QStringLiteral("promoted by hand"))
             && j.state(end, QStringLiteral("awaitingRecovery"))
             && j.action(end + 60000, QStringLiteral("startRecovery"), QStringLiteral("alice"))
             && j.state(end + 60000, QStringLiteral("running"))
             && j.add(end + 60000, ExecutionEvent::Kind::PhaseStarted,
                      {{QStringLiteral("phase"), QStringLiteral("recovery")}})
             && j.attempt(end + 61000, 5000, 3, QStringLiteral("sha"), 1, QStringLiteral("succeeded"),
                          QStringLiteral("traffic restored\n"))
             && j.state(end + 70000, QStringLiteral("succeeded"), QStringLiteral("every phase done"));
    }
    if (!ok)
        qWarning("the sample journal did not apply");
    return execution;
}

QStringList entries(const QString &dir)
{
    return QDir(dir).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden);
}

} // namespace

class TestExecutionReport final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void htmlHasTicketStepsLogsAndActions()
    {
        const Execution execution = sampleExecution(300, 120);
        QVERIFY(execution.state() == ExecutionState::Succeeded);
        const QString html = ExecutionReport::html(execution, T0 + 500'000);
        QVERIFY(html.startsWith(QStringLiteral("<!DOCTYPE html>")));
        // Title with the plan and the execution id; the ticket.
        QVERIFY(html.contains(QStringLiteral("<title>Execution report: Payments to Hangzhou (exec-42)</title>")));
        for (const char *text : {"sha", "hzc, shb", "payments", "alice@war-room-1", "carol", "version 3",
                                 "Power lost in Shanghai A &amp; B's network is flapping"})
            QVERIFY2(html.contains(QString::fromUtf8(text)), text);
        QVERIFY(html.contains(QStringLiteral("Succeeded")));
        // Every step, in the timeline and in the details.
        for (const QString &name :
             {QStringLiteral("#1 Cut traffic of the failed site"), QStringLiteral("#2 Switch the database primary"),
              QStringLiteral("#3 Restore traffic"), QStringLiteral("#4 Restart the loans application")})
            QVERIFY2(html.count(name) >= 2, qPrintable(name));
        QVERIFY(html.contains(QStringLiteral("Not run: its product group is not in the ticket.")));
        // Logs of every attempt, the failed first one included, escaped.
        QVERIFY(html.contains(QStringLiteral("cutting traffic &lt;script&gt;alert(1)&lt;/script&gt;")));
        QVERIFY(!html.contains(QStringLiteral("<script")));
        QVERIFY(html.contains(QStringLiteral("first try &amp; failed")));
        QVERIFY(html.contains(QStringLiteral("traffic cut at the second try")));
        QVERIFY(html.contains(QStringLiteral("sha, attempt 1: Failed")));
        QVERIFY(html.contains(QStringLiteral("sha, attempt 2: Succeeded")));
        QVERIFY(html.contains(QStringLiteral("the load balancer did not answer")));
        // Skip reason and approval.
        QVERIFY(html.contains(QStringLiteral("promoted by hand")));
        QVERIFY(html.contains(QStringLiteral("approved by bob")));
        // Who did what: time, user, host, action, step, reason.
        const QString retryRow = QStringLiteral("<td>alice</td><td>war-room-1</td><td>retried</td>"
                                                "<td>#1 Cut traffic of the failed site</td><td>network flapped</td>");
        QVERIFY2(html.contains(retryRow), qPrintable(html.mid(html.indexOf(QStringLiteral("Who did what")), 2000)));
        QVERIFY(html.contains(QStringLiteral("<td>bob</td><td>war-room-1</td><td>skipped</td>")));
        QVERIFY(html.contains(QStringLiteral("<td>started recovery</td>")));
        // The timeline: attempts and a bar per step that ran, in its outcome's colour.
        const int timelineAt = html.indexOf(QStringLiteral("<h2>Timeline</h2>"));
        const int stepsAt = html.indexOf(QStringLiteral("<h2>Steps</h2>"));
        QVERIFY(timelineAt > 0 && stepsAt > timelineAt);
        const QString timeline = html.mid(timelineAt, stepsAt - timelineAt);
        const QString succeeded = QStringLiteral("bgcolor=\"%1\"")
                                      .arg(StatusColors::style(StepRunState::Succeeded, ColorScheme::Light).fill.name());
        const QString skipped = QStringLiteral("bgcolor=\"%1\"")
                                    .arg(StatusColors::style(StepRunState::Skipped, ColorScheme::Light).fill.name());
        QCOMPARE(timeline.count(succeeded), 2);                                 // steps 1 and 3 succeeded
        QCOMPARE(timeline.count(skipped), 1);                                   // step 2 skipped
        QVERIFY(timeline.contains(QStringLiteral("<td class=\"num\">2</td>"))); // step 1 took two attempts
        // Self-contained: nothing is fetched from elsewhere.
        QVERIFY(!html.contains(QStringLiteral("http://")) && !html.contains(QStringLiteral("https://")));
        QVERIFY(!html.contains(QStringLiteral("src=")));
    }

    void rto_data()
    {
        QTest::addColumn<int>("objective");
        QTest::addColumn<int>("switchover");
        QTest::addColumn<bool>("finished");
        QTest::addColumn<QString>("expected");
        QTest::addRow("met") << 300 << 120 << true << QStringLiteral("Measured RTO: 2 min 00 s, objective 5 min: met.");
        QTest::addRow("exceeded") << 300 << 400 << true
                                  << QStringLiteral(
                                         "Measured RTO: 6 min 40 s, objective 5 min: exceeded by 1 min 40 s.");
        QTest::addRow("no objective") << 0 << 120 << true
                                      << QStringLiteral("Measured RTO: 2 min 00 s; the plan sets no RTO objective.");
        QTest::addRow("running, within") << 300 << 0 << false
                                         << QStringLiteral("RTO so far (the switchover is still running): 1 min 39 s, "
                                                           "objective 5 min: within the objective so far.");
    }

    void rto()
    {
        QFETCH(int, objective);
        QFETCH(int, switchover);
        QFETCH(bool, finished);
        QFETCH(QString, expected);
        const Execution execution = sampleExecution(objective, switchover, finished);
        // The run started at T0 + 1 s; "now" is 100 s after T0 for the running case.
        const qint64 now = T0 + 100'000;
        QCOMPARE(ExecutionReport::rtoText(execution, now), expected);
        QVERIFY(ExecutionReport::html(execution, now).contains(expected.toHtmlEscaped()));
    }

    void pdf()
    {
        QTemporaryDir dir;
        const Execution execution = sampleExecution(300, 400);
        const QString path = dir.filePath(QStringLiteral("report.pdf"));
        QString error;
        QVERIFY2(ExecutionReport::writePdf(execution, path, &error, T0 + 500'000), qPrintable(error));
        QVERIFY(error.isEmpty());
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray bytes = file.readAll();
        QVERIFY(bytes.startsWith("%PDF-"));
        QVERIFY2(bytes.size() > 20'000, QByteArray::number(bytes.size()).constData()); // text, tables and embedded fonts
        QVERIFY(bytes.trimmed().endsWith("%%EOF"));
        const qsizetype pages = bytes.count("/Type /Page\n") + bytes.count("/Type /Page\r")
                                + bytes.count("/Type /Page ") + bytes.count("/Type /Page/")
                                + bytes.count("/Type /Page>");
        QVERIFY2(pages >= 1 && pages <= 6, QByteArray::number(pages).constData());
        QCOMPARE(entries(dir.path()), QStringList{QStringLiteral("report.pdf")}); // no temporary file left
#ifdef HAVEN_SCREENSHOT_DIR
        // For people to look at.
        QDir().mkpath(QStringLiteral(HAVEN_SCREENSHOT_DIR));
        QFile::remove(QStringLiteral(HAVEN_SCREENSHOT_DIR "/execution-report.pdf"));
        QFile::copy(path, QStringLiteral(HAVEN_SCREENSHOT_DIR "/execution-report.pdf"));
        QVERIFY(ExecutionReport::writeHtml(execution, QStringLiteral(HAVEN_SCREENSHOT_DIR "/execution-report.html"),
                                           &error, T0 + 500'000));
#endif
    }

    void html_file()
    {
        QTemporaryDir dir;
        const Execution execution = sampleExecution(300, 120);
        const QString path = dir.filePath(QStringLiteral("report.html"));
        QString error;
        QVERIFY2(ExecutionReport::writeHtml(execution, path, &error, T0 + 500'000), qPrintable(error));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(QString::fromUtf8(file.readAll()), ExecutionReport::html(execution, T0 + 500'000));
        // Writing again replaces it as a whole.
        QVERIFY(ExecutionReport::writeHtml(sampleExecution(300, 400), path, &error, T0 + 500'000));
        file.close();
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(QString::fromUtf8(file.readAll()).contains(QStringLiteral("exceeded")));
    }

    void unwritablePlaces_data()
    {
        QTest::addColumn<bool>("pdf");
        QTest::addRow("html") << false;
        QTest::addRow("pdf") << true;
    }

    void unwritablePlaces()
    {
        QFETCH(bool, pdf);
        const Execution execution = sampleExecution(300, 120);
        auto write = [&](const QString &path, QString *error) {
            return pdf ? ExecutionReport::writePdf(execution, path, error, T0)
                       : ExecutionReport::writeHtml(execution, path, error, T0);
        };
        QTemporaryDir dir;

        // A folder that does not exist.
        QString error;
        const QString missing = dir.filePath(QStringLiteral("no-such-folder/report.out"));
        QVERIFY(!write(missing, &error));
        QVERIFY2(error.contains(QStringLiteral("does not exist")), qPrintable(error));
        QVERIFY(error.contains(QDir::toNativeSeparators(dir.filePath(QStringLiteral("no-such-folder")))));
        QVERIFY(entries(dir.path()).isEmpty());

        // A folder given where a file should be.
        const QString folder = dir.filePath(QStringLiteral("reports"));
        QVERIFY(QDir().mkpath(folder));
        error.clear();
        QVERIFY(!write(folder, &error));
        QVERIFY2(error.contains(QStringLiteral("is a folder")), qPrintable(error));
        QVERIFY(entries(folder).isEmpty());
        QCOMPARE(entries(dir.path()), QStringList{QStringLiteral("reports")});

        // A read-only folder (root writes anywhere, so only for other users).
        if (::geteuid() != 0) {
            const QString locked = dir.filePath(QStringLiteral("locked"));
            QVERIFY(QDir().mkpath(locked));
            QVERIFY(QFile::setPermissions(locked, QFileDevice::ReadOwner | QFileDevice::ExeOwner));
            error.clear();
            QVERIFY(!write(locked + QStringLiteral("/report.out"), &error));
            QVERIFY2(error.contains(QStringLiteral("could not be written")), qPrintable(error));
            QVERIFY(error.contains(QStringLiteral("Nothing was saved")));
            QVERIFY(entries(locked).isEmpty());
            QFile::setPermissions(locked, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
        }

        // A path through a regular file: its "folder" cannot exist.
        QFile plain(dir.filePath(QStringLiteral("plain.txt")));
        QVERIFY(plain.open(QIODevice::WriteOnly));
        plain.close();
        error.clear();
        QVERIFY(!write(plain.fileName() + QStringLiteral("/report.out"), &error));
        QVERIFY2(!error.isEmpty(), "no reason given");
    }
};

QTEST_MAIN(TestExecutionReport) // fonts for the PDF need a QGuiApplication
#include "tst_executionreport.moc"
