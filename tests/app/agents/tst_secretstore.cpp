// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/agents/secretstore.h"
#include "models/environment/environment.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Haven;

#include <unistd.h>

namespace {

constexpr QFileDevice::Permissions OwnerOnly = QFileDevice::ReadOwner | QFileDevice::WriteOwner;

// The Unix mode (0600 is OwnerOnly); QFile::permissions() also reports what this process may do.
QFileDevice::Permissions modeOf(const QString &path)
{
    const QFileDevice::Permissions all = QFile::permissions(path);
    return all & ~(QFileDevice::ReadUser | QFileDevice::WriteUser | QFileDevice::ExeUser);
}

// The store's calls are asynchronous: these wait for the answer.
SecretStore::ReadResult readNow(SecretStore &store, const QString &key)
{
    std::optional<SecretStore::ReadResult> answer;
    store.read(key, &store, [&](const SecretStore::ReadResult &result) { answer = result; });
    if (!QTest::qWaitFor([&] { return answer.has_value(); }, 5000))
        return SecretStore::ReadResult{false, false, {}, QStringLiteral("no answer")};
    return *answer;
}

std::pair<bool, QString> writeNow(SecretStore &store, const QString &key, const std::optional<QByteArray> &secret)
{
    std::optional<std::pair<bool, QString>> answer;
    const auto done = [&](bool ok, const QString &error) { answer = std::pair{ok, error}; };
    if (secret)
        store.write(key, *secret, &store, done);
    else
        store.remove(key, &store, done);
    if (!QTest::qWaitFor([&] { return answer.has_value(); }, 5000))
        return {false, QStringLiteral("no answer")};
    return *answer;
}

QByteArray contentOf(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class TestSecretStore final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void fileRoundTrip();
    void callbacksAreAsynchronous();
    void noCallbackAfterContextIsGone();
    void fileIsPrivateAfterWrite();
    void looseFileIsClosedOnRead();
    void symbolicLinkIsRefused();
    void fileOfAnotherUserIsRefused();
    void corruptFileIsReportedAndKept_data();
    void corruptFileIsReportedAndKept();
    void environmentExportHoldsNoToken();
    void backendNameNamesTheFile();
    void defaultPathIsAppData();
    void detectionEndsAndRunsQueuedCalls();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_path;
};

void TestSecretStore::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestSecretStore::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    // A directory that does not exist yet: the store creates it.
    m_path = m_dir->filePath(QStringLiteral("haven/secrets.json"));
}

void TestSecretStore::fileRoundTrip()
{
    SecretStore store(SecretStore::Backend::File, m_path);
    QVERIFY(store.isReady());
    QCOMPARE(store.backend(), SecretStore::Backend::File);
    QSignalSpy changed(&store, &SecretStore::secretChanged);

    SecretStore::ReadResult result = readNow(store, QStringLiteral("site/sha/token"));
    QVERIFY2(result.ok, qPrintable(result.error));
    QVERIFY(!result.found);

    const QByteArray token("t0ken\0with-binary\xff", 19);
    auto [ok, error] = writeNow(store, QStringLiteral("site/sha/token"), token);
    QVERIFY2(ok, qPrintable(error));
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.first().first().toString(), QStringLiteral("site/sha/token"));
    QVERIFY(writeNow(store, QStringLiteral("site/bj/token"), QByteArray("other")).first);

    result = readNow(store, QStringLiteral("site/sha/token"));
    QVERIFY2(result.ok, qPrintable(result.error));
    QVERIFY(result.found);
    QCOMPARE(result.secret, token);

    // A second store on the same file sees it: the file is the store.
    SecretStore again(SecretStore::Backend::File, m_path);
    QCOMPARE(readNow(again, QStringLiteral("site/bj/token")).secret, QByteArray("other"));

    bool contained = false;
    bool answered = false;
    store.contains(QStringLiteral("site/sha/token"), &store, [&](bool yes) {
        contained = yes;
        answered = true;
    });
    QTRY_VERIFY(answered);
    QVERIFY(contained);

    std::tie(ok, error) = writeNow(store, QStringLiteral("site/sha/token"), std::nullopt);
    QVERIFY2(ok, qPrintable(error));
    result = readNow(store, QStringLiteral("site/sha/token"));
    QVERIFY(result.ok);
    QVERIFY(!result.found);
    QVERIFY(result.secret.isEmpty());
    QCOMPARE(readNow(store, QStringLiteral("site/bj/token")).secret, QByteArray("other"));
    // Removing what is not there is fine.
    QVERIFY(writeNow(store, QStringLiteral("site/none/token"), std::nullopt).first);
}

void TestSecretStore::callbacksAreAsynchronous()
{
    SecretStore store(SecretStore::Backend::File, m_path);
    bool called = false;
    store.write(QStringLiteral("k"), "v", &store, [&](bool, const QString &) { called = true; });
    QVERIFY(!called);
    QTRY_VERIFY(called);
    called = false;
    store.read(QStringLiteral("k"), &store, [&](const SecretStore::ReadResult &) { called = true; });
    QVERIFY(!called);
    QTRY_VERIFY(called);
}

void TestSecretStore::noCallbackAfterContextIsGone()
{
    SecretStore store(SecretStore::Backend::File, m_path);
    bool called = false;
    auto *context = new QObject;
    store.read(QStringLiteral("k"), context, [&](const SecretStore::ReadResult &) { called = true; });
    delete context;
    // A later call on a living context proves the event loop ran past the first one.
    bool later = false;
    store.read(QStringLiteral("k"), &store, [&](const SecretStore::ReadResult &) { later = true; });
    QTRY_VERIFY(later);
    QVERIFY(!called);
}

void TestSecretStore::fileIsPrivateAfterWrite()
{
    SecretStore store(SecretStore::Backend::File, m_path);
    QVERIFY(writeNow(store, QStringLiteral("k"), QByteArray("first")).first);
    QCOMPARE(modeOf(m_path), OwnerOnly);

    // Someone made it world-readable (0644): the next write closes it again.
    QVERIFY(QFile::setPermissions(m_path, OwnerOnly | QFileDevice::ReadGroup | QFileDevice::ReadOther));
    QVERIFY(modeOf(m_path) != OwnerOnly);
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("was readable by others")));
    QVERIFY(writeNow(store, QStringLiteral("k"), QByteArray("second")).first);
    QCOMPARE(modeOf(m_path), OwnerOnly);
    QCOMPARE(readNow(store, QStringLiteral("k")).secret, QByteArray("second"));
}

void TestSecretStore::looseFileIsClosedOnRead()
{
    SecretStore store(SecretStore::Backend::File, m_path);
    QVERIFY(writeNow(store, QStringLiteral("k"), QByteArray("v")).first);
    QVERIFY(QFile::setPermissions(m_path, OwnerOnly | QFileDevice::ReadGroup | QFileDevice::ReadOther));
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("was readable by others")));
    QCOMPARE(readNow(store, QStringLiteral("k")).secret, QByteArray("v"));
    QCOMPARE(modeOf(m_path), OwnerOnly);
}

void TestSecretStore::symbolicLinkIsRefused()
{
    // Someone else's file, put where the console looks for its own.
    const QString theirs = m_dir->filePath(QStringLiteral("theirs.json"));
    {
        SecretStore other(SecretStore::Backend::File, theirs);
        QVERIFY(writeNow(other, QStringLiteral("k"), QByteArray("planted")).first);
    }
    QVERIFY(QDir().mkpath(QFileInfo(m_path).absolutePath()));
    QVERIFY(QFile::link(theirs, m_path));
    SecretStore store(SecretStore::Backend::File, m_path);
    const SecretStore::ReadResult result = readNow(store, QStringLiteral("k"));
    QVERIFY(!result.ok);
    QVERIFY(result.secret.isEmpty());
    QVERIFY2(result.error.contains(QLatin1StringView("symbolic link")), qPrintable(result.error));
}

void TestSecretStore::fileOfAnotherUserIsRefused()
{
    if (geteuid() != 0)
        QSKIP("giving a file to another user needs root");
    SecretStore store(SecretStore::Backend::File, m_path);
    QVERIFY(writeNow(store, QStringLiteral("k"), QByteArray("v")).first);
    QCOMPARE(::chown(QFile::encodeName(m_path).constData(), 65534, 65534), 0); // nobody
    const SecretStore::ReadResult result = readNow(store, QStringLiteral("k"));
    QVERIFY(!result.ok);
    QVERIFY2(result.error.contains(QLatin1StringView("another user")), qPrintable(result.error));
    QVERIFY(QFileInfo::exists(m_path)); // kept for the owner to look at
}

void TestSecretStore::corruptFileIsReportedAndKept_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("problem");
    QTest::addRow("not json") << QByteArray("{\"format\": \"haven-secrets\", oops") << "not valid JSON";
    QTest::addRow("other file") << QByteArray(R"({"format":"haven-environment","version":1})")
                                << "not a Haven secrets file";
    QTest::addRow("newer version") << QByteArray(R"({"format":"haven-secrets","version":2,"secrets":{}})")
                                   << "unknown version 2";
    QTest::addRow("secrets not object") << QByteArray(R"({"format":"haven-secrets","version":1,"secrets":[]})")
                                        << "\"secrets\" is not an object";
    QTest::addRow("entry not base64") << QByteArray(R"({"format":"haven-secrets","version":1,"secrets":{"k":"%%%"}})")
                                      << "\"k\" is not base64";
}

void TestSecretStore::corruptFileIsReportedAndKept()
{
    QFETCH(QByteArray, content);
    QFETCH(QString, problem);
    QVERIFY(QDir().mkpath(QFileInfo(m_path).absolutePath()));
    QFile file(m_path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(content);
    file.close();
    QVERIFY(file.setPermissions(OwnerOnly));

    SecretStore store(SecretStore::Backend::File, m_path);
    const SecretStore::ReadResult result = readNow(store, QStringLiteral("k"));
    QVERIFY(!result.ok);
    QVERIFY(!result.found);
    QVERIFY2(result.error.contains(m_path), qPrintable(result.error));
    QVERIFY2(result.error.contains(QStringLiteral("damaged")), qPrintable(result.error));
    QVERIFY2(result.error.contains(problem), qPrintable(result.error));

    QSignalSpy changed(&store, &SecretStore::secretChanged);
    const auto [ok, error] = writeNow(store, QStringLiteral("k"), QByteArray("new"));
    QVERIFY(!ok);
    QVERIFY2(error.contains(QStringLiteral("left as it is")), qPrintable(error));
    QVERIFY(!writeNow(store, QStringLiteral("k"), std::nullopt).first);
    QCOMPARE(contentOf(m_path), content);
    QCOMPARE(changed.size(), 0);
}

void TestSecretStore::environmentExportHoldsNoToken()
{
    const QByteArray token = "tok-4f2a9c-never-exported";
    SiteEndpoint site;
    site.id = QStringLiteral("sha");
    site.name = QStringLiteral("Shanghai");
    site.region = QStringLiteral("east");
    site.url = QStringLiteral("https://10.0.0.5:7443");
    Environment environment;
    environment.regions = {Region{QStringLiteral("east"), QStringLiteral("East")}};
    environment.sites = {site};

    SecretStore store(SecretStore::Backend::File, m_path);
    QVERIFY(writeNow(store, site.secretKey(), token).first);
    QCOMPARE(readNow(store, site.secretKey()).secret, token);

    const QByteArray exported = QJsonDocument(environment.toJson()).toJson();
    QVERIFY(!exported.contains(token));
    QVERIFY(!exported.contains(token.toBase64()));
    const QString path = m_dir->filePath(QStringLiteral("environment.json"));
    QVERIFY(environment.save(path, nullptr));
    QVERIFY(!contentOf(path).contains(token));
}

void TestSecretStore::backendNameNamesTheFile()
{
    SecretStore store(SecretStore::Backend::File, m_path);
    QVERIFY2(store.backendName().contains(QStringLiteral("secrets.json")), qPrintable(store.backendName()));
    QVERIFY(store.backendName().startsWith(QStringLiteral("protected file")));
}

void TestSecretStore::defaultPathIsAppData()
{
    const QString path = SecretStore::defaultFilePath();
    QVERIFY(path.endsWith(QStringLiteral("/secrets.json")));
    QVERIFY(path.startsWith(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)));
    // Test mode keeps the tests away from the user's real file.
    QVERIFY2(path.contains(QStringLiteral("qttest")), qPrintable(path));
}

void TestSecretStore::detectionEndsAndRunsQueuedCalls()
{
    SecretStore store(SecretStore::Backend::Detect, m_path);
    store.setDetectionTimeout(10'000);
    QSignalSpy ready(&store, &SecretStore::ready);
    std::optional<SecretStore::ReadResult> answer;
    QElapsedTimer clock;
    clock.start();
    // Asked before detection ends: answered after it.
    store.read(QStringLiteral("site/none/token"), &store,
               [&](const SecretStore::ReadResult &result) { answer = result; });
    QTRY_VERIFY_WITH_TIMEOUT(store.isReady(), 15'000);
    QCOMPARE(ready.size(), 1);
    QTRY_VERIFY(answer.has_value());
    QVERIFY(answer->ok);
    QVERIFY(!answer->found);
    if (store.backend() == SecretStore::Backend::File) {
        QVERIFY(!store.fallbackReason().isEmpty());
        qInfo("no keychain here (%s), found in %lld ms", qPrintable(store.fallbackReason()), clock.elapsed());
    } else {
        QCOMPARE(store.backendName(), QStringLiteral("system keychain"));
    }
}

QTEST_GUILESS_MAIN(TestSecretStore)
#include "tst_secretstore.moc"
