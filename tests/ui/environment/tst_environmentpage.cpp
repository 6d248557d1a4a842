// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/agents/secretstore.h"
#include "ui/environment/environmentpage.h"

#include <QApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

#include <memory>

using namespace Haven;

namespace {

Environment sampleEnvironment()
{
    Environment environment;
    environment.regions = {Region{QStringLiteral("east"), QStringLiteral("East China")},
                           Region{QStringLiteral("north"), QStringLiteral("North China")}};
    SiteEndpoint shanghai;
    shanghai.id = QStringLiteral("sha");
    shanghai.name = QStringLiteral("Shanghai Zhangjiang");
    shanghai.region = QStringLiteral("east");
    shanghai.city = QStringLiteral("Shanghai");
    shanghai.url = QStringLiteral("https://10.0.0.5:7443");
    SiteEndpoint hangzhou = shanghai;
    hangzhou.id = QStringLiteral("hgh");
    hangzhou.name = QStringLiteral("Hangzhou Binjiang");
    hangzhou.city = QStringLiteral("Hangzhou");
    hangzhou.url = QStringLiteral("https://10.0.2.5:7443");
    hangzhou.enabled = false;
    SiteEndpoint beijing = shanghai;
    beijing.id = QStringLiteral("bj");
    beijing.name = QStringLiteral("Beijing Yizhuang");
    beijing.region = QStringLiteral("north");
    beijing.city = QStringLiteral("Beijing");
    beijing.url = QStringLiteral("https://10.0.1.5:7443");
    environment.sites = {shanghai, hangzhou, beijing};
    return environment;
}

} // namespace

class TestEnvironmentPage final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void invalidUrlDisablesSave();
    void fieldsShowTheirOwnMessages_data();
    void fieldsShowTheirOwnMessages();
    void addingSiteEmitsEnvironmentChanged();
    void addingRegion();
    void storedTokenIsNeverShown();
    void importFleetFileStoresTokens();
    void exportHoldsNoToken();
    void renderToPng();

private:
    template<typename T>
    T *child(const QString &name) const
    {
        T *found = m_page->findChild<T *>(name);
        if (!found)
            qWarning("no child %s", qPrintable(name));
        return found;
    }
    QByteArray readSecret(const QString &key);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<SecretStore> m_secrets;
    std::unique_ptr<EnvironmentPage> m_page;
};

void TestEnvironmentPage::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestEnvironmentPage::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_secrets = std::make_unique<SecretStore>(SecretStore::Backend::File,
                                              m_dir->filePath(QStringLiteral("secrets.json")));
    m_page = std::make_unique<EnvironmentPage>(sampleEnvironment(), *m_secrets);
    m_page->resize(1100, 680);
}

void TestEnvironmentPage::cleanup()
{
    m_page.reset();
    m_secrets.reset();
    m_dir.reset();
}

QByteArray TestEnvironmentPage::readSecret(const QString &key)
{
    std::optional<SecretStore::ReadResult> answer;
    m_secrets->read(key, m_secrets.get(), [&](const SecretStore::ReadResult &result) { answer = result; });
    if (!QTest::qWaitFor([&] { return answer.has_value(); }, 5000))
        return {};
    return answer->secret;
}

void TestEnvironmentPage::invalidUrlDisablesSave()
{
    m_page->show();
    QVERIFY(m_page->selectSite(QStringLiteral("sha")));
    auto *url = child<QLineEdit>(QStringLiteral("url"));
    auto *save = child<QPushButton>(QStringLiteral("save"));
    auto *message = child<QLabel>(QStringLiteral("urlError"));
    QVERIFY(url && save && message);
    QCOMPARE(url->text(), QStringLiteral("https://10.0.0.5:7443"));
    QVERIFY(!save->isEnabled()); // nothing changed yet
    QVERIFY(!message->isVisible());

    url->selectAll();
    QTest::keyClicks(url, QStringLiteral("http://10.0.0.5:7443"));
    QVERIFY(!save->isEnabled());
    QVERIFY(message->isVisible());
    QVERIFY2(message->text().contains(QStringLiteral("only for this computer")), qPrintable(message->text()));
    QVERIFY(url->property("havenInvalid").toBool());
    QVERIFY(child<QLabel>(QStringLiteral("hint"))->text().contains(QStringLiteral("only for this computer")));

    url->selectAll();
    QTest::keyClicks(url, QStringLiteral("https://10.0.0.6:7443"));
    QVERIFY(save->isEnabled());
    QVERIFY(!message->isVisible());
    QVERIFY(!url->property("havenInvalid").toBool());

    QSignalSpy changed(m_page.get(), &EnvironmentPage::environmentChanged);
    QTest::mouseClick(save, Qt::LeftButton);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(m_page->environment().site(QStringLiteral("sha"))->url, QStringLiteral("https://10.0.0.6:7443"));
    QVERIFY(!save->isEnabled());
}

void TestEnvironmentPage::fieldsShowTheirOwnMessages_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("problem");
    QTest::addRow("id") << "id"
                        << "Bad Id"
                        << "lower-case";
    QTest::addRow("id taken") << "id"
                              << "bj"
                              << "already uses";
    QTest::addRow("name") << "name"
                          << ""
                          << "Enter a name";
    QTest::addRow("pin") << "pin"
                         << "md5//abc"
                         << "sha256//";
    QTest::addRow("caFile") << "caFile"
                            << "/nonexistent/ca.pem"
                            << "does not exist";
}

void TestEnvironmentPage::fieldsShowTheirOwnMessages()
{
    QFETCH(QString, field);
    QFETCH(QString, text);
    QFETCH(QString, problem);
    m_page->show();
    QVERIFY(m_page->selectSite(QStringLiteral("sha")));
    auto *edit = child<QLineEdit>(field);
    QVERIFY(edit);
    edit->setText(text);
    auto *message = child<QLabel>(field + QStringLiteral("Error"));
    QVERIFY(message->isVisible());
    QVERIFY2(message->text().contains(problem), qPrintable(message->text()));
    QVERIFY(!child<QPushButton>(QStringLiteral("save"))->isEnabled());
    // The other fields stay quiet.
    QVERIFY(!child<QLabel>(QStringLiteral("urlError"))->isVisible());
}

void TestEnvironmentPage::addingSiteEmitsEnvironmentChanged()
{
    m_page->show();
    QSignalSpy changed(m_page.get(), &EnvironmentPage::environmentChanged);
    QSignalSpy tokens(m_page.get(), &EnvironmentPage::tokenChanged);
    QVERIFY(m_page->selectRegion(QStringLiteral("north")));
    QTest::mouseClick(child<QPushButton>(QStringLiteral("addSite")), Qt::LeftButton);
    auto *save = child<QPushButton>(QStringLiteral("save"));
    QVERIFY(!save->isEnabled()); // an empty site is not valid
    QTest::keyClicks(child<QLineEdit>(QStringLiteral("id")), QStringLiteral("tsn"));
    QTest::keyClicks(child<QLineEdit>(QStringLiteral("name")), QStringLiteral("Tianjin"));
    QVERIFY(!save->isEnabled());
    QVERIFY(child<QLabel>(QStringLiteral("urlError"))->isVisible());
    QTest::keyClicks(child<QLineEdit>(QStringLiteral("url")), QStringLiteral("https://10.0.3.5:7443"));
    QTest::keyClicks(child<QLineEdit>(QStringLiteral("token")), QStringLiteral("tianjin-token"));
    QVERIFY(save->isEnabled());
    QVERIFY(changed.isEmpty());

    QTest::mouseClick(save, Qt::LeftButton);
    QCOMPARE(changed.size(), 1);
    const auto environment = changed.first().first().value<Environment>();
    const SiteEndpoint *added = environment.site(QStringLiteral("tsn"));
    QVERIFY(added);
    QCOMPARE(added->name, QStringLiteral("Tianjin"));
    QCOMPARE(added->region, QStringLiteral("north")); // the selected region
    QCOMPARE(environment.sites.size(), 4);
    QCOMPARE(m_page->environment(), environment);
    QVERIFY(environment.validate().isEmpty());

    QTRY_COMPARE(tokens.size(), 1);
    QCOMPARE(tokens.first().first().toString(), QStringLiteral("tsn"));
    QCOMPARE(readSecret(added->secretKey()), QByteArray("tianjin-token"));
    QVERIFY(child<QLineEdit>(QStringLiteral("token"))->text().isEmpty());
}

void TestEnvironmentPage::addingRegion()
{
    m_page->show();
    QSignalSpy changed(m_page.get(), &EnvironmentPage::environmentChanged);
    QTest::mouseClick(child<QPushButton>(QStringLiteral("addRegion")), Qt::LeftButton);
    auto *id = child<QLineEdit>(QStringLiteral("regionId"));
    auto *save = child<QPushButton>(QStringLiteral("save"));
    QTest::keyClicks(id, QStringLiteral("east"));
    QTest::keyClicks(child<QLineEdit>(QStringLiteral("regionName")), QStringLiteral("Another east"));
    QVERIFY(!save->isEnabled());
    QVERIFY(child<QLabel>(QStringLiteral("region.idError"))->text().contains(QStringLiteral("already uses")));
    id->setText(QStringLiteral("south"));
    QVERIFY(save->isEnabled());
    QTest::mouseClick(save, Qt::LeftButton);
    QCOMPARE(changed.size(), 1);
    QVERIFY(m_page->environment().region(QStringLiteral("south")));
}

void TestEnvironmentPage::storedTokenIsNeverShown()
{
    const QString secret = QStringLiteral("do-not-show-me-0123456789");
    bool written = false;
    m_secrets->write(QStringLiteral("site/sha/token"), secret.toUtf8(), m_secrets.get(),
                     [&](bool ok, const QString &) { written = ok; });
    QTRY_VERIFY(written);

    m_page->show();
    QVERIFY(m_page->selectSite(QStringLiteral("sha")));
    auto *token = child<QLineEdit>(QStringLiteral("token"));
    QTRY_VERIFY2(token->placeholderText().contains(QStringLiteral("••••")), qPrintable(token->placeholderText()));
    QVERIFY(token->placeholderText().contains(m_secrets->backendName()));
    QVERIFY(token->text().isEmpty());
    QCOMPARE(token->echoMode(), QLineEdit::Password);
    QVERIFY(child<QToolButton>(QStringLiteral("forgetToken"))->isEnabled());

    QTest::mouseClick(child<QToolButton>(QStringLiteral("showToken")), Qt::LeftButton);
    QCOMPARE(token->echoMode(), QLineEdit::Normal);
    QVERIFY(token->text().isEmpty());
    for (const QLineEdit *edit : m_page->findChildren<QLineEdit *>()) {
        QVERIFY(!edit->text().contains(secret));
        QVERIFY(!edit->placeholderText().contains(secret));
    }
    for (const QLabel *label : m_page->findChildren<QLabel *>())
        QVERIFY(!label->text().contains(secret));

    // A site without a token says so.
    QVERIFY(m_page->selectSite(QStringLiteral("bj")));
    QTRY_VERIFY(token->placeholderText().contains(QStringLiteral("no token stored")));
    QVERIFY(!child<QToolButton>(QStringLiteral("forgetToken"))->isEnabled());
}

void TestEnvironmentPage::importFleetFileStoresTokens()
{
    const QJsonObject fleet{{QStringLiteral("format"), QStringLiteral("haven-fleet")},
                            {QStringLiteral("version"), 1},
                            {QStringLiteral("sites"),
                             QJsonArray{QJsonObject{{QStringLiteral("id"), QStringLiteral("sha")},
                                                    {QStringLiteral("url"), QStringLiteral("http://127.0.0.1:41873")},
                                                    {QStringLiteral("token"), QStringLiteral("fleet-token-sha")}},
                                        QJsonObject{{QStringLiteral("id"), QStringLiteral("szx")},
                                                    {QStringLiteral("url"), QStringLiteral("http://127.0.0.1:41874")},
                                                    {QStringLiteral("token"), QStringLiteral("fleet-token-szx")}}}}};
    const QString path = m_dir->filePath(QStringLiteral("fleet.json"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QJsonDocument(fleet).toJson());
    file.close();

    QSignalSpy changed(m_page.get(), &EnvironmentPage::environmentChanged);
    QSignalSpy tokens(m_page.get(), &EnvironmentPage::tokenChanged);
    QString error;
    QVERIFY2(m_page->importFile(path, &error), qPrintable(error));
    QCOMPARE(changed.size(), 1);
    QCOMPARE(m_page->environment().sites.size(), 2);
    QTRY_COMPARE(tokens.size(), 2);
    QCOMPARE(readSecret(QStringLiteral("site/szx/token")), QByteArray("fleet-token-szx"));

    // A file that breaks the rules is refused and changes nothing.
    QJsonObject bad = fleet;
    bad.insert(QStringLiteral("sites"),
               QJsonArray{QJsonObject{{QStringLiteral("id"), QStringLiteral("x")},
                                      {QStringLiteral("url"), QStringLiteral("http://10.1.1.1")}}});
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(QJsonDocument(bad).toJson());
    file.close();
    QVERIFY(!m_page->importFile(path, &error));
    QVERIFY2(error.contains(QStringLiteral("only for this computer")), qPrintable(error));
    QCOMPARE(m_page->environment().sites.size(), 2);
    QCOMPARE(changed.size(), 1);
}

void TestEnvironmentPage::exportHoldsNoToken()
{
    bool written = false;
    m_secrets->write(QStringLiteral("site/sha/token"), "exported-never", m_secrets.get(),
                     [&](bool ok, const QString &) { written = ok; });
    QTRY_VERIFY(written);
    const QString path = m_dir->filePath(QStringLiteral("export.json"));
    QString error;
    QVERIFY2(m_page->exportFile(path, &error), qPrintable(error));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray content = file.readAll();
    QVERIFY(content.contains("\"sha\""));
    QVERIFY(!content.contains("exported-never"));
    QVERIFY(!content.contains("token"));
}

void TestEnvironmentPage::renderToPng()
{
    bool written = false;
    m_secrets->write(QStringLiteral("site/sha/token"), "x", m_secrets.get(),
                     [&](bool ok, const QString &) { written = ok; });
    QTRY_VERIFY(written);
    m_page->show();
    QVERIFY(m_page->selectSite(QStringLiteral("sha")));
    QTRY_VERIFY(child<QLineEdit>(QStringLiteral("token"))->placeholderText().contains(QStringLiteral("••••")));
    auto *url = child<QLineEdit>(QStringLiteral("url"));
    url->setText(QStringLiteral("http://10.0.0.5:7443"));
    QVERIFY(!child<QPushButton>(QStringLiteral("save"))->isEnabled());
    const QString path = QDir(QDir::tempPath()).filePath(QStringLiteral("haven-environment-page.png"));
    QVERIFY(m_page->grab().save(path));
    QVERIFY(QFileInfo(path).size() > 0);
    qInfo("rendered %s", qPrintable(path));
}

QTEST_MAIN(TestEnvironmentPage)
#include "tst_environmentpage.moc"
