// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/environment/environment.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Haven;

namespace {

const QByteArray ValidPin = QByteArray("sha256//") + QByteArray(32, 'x').toBase64();

Environment sampleEnvironment()
{
    Environment environment;
    environment.regions = {Region{QStringLiteral("east"), QStringLiteral("East China")},
                           Region{QStringLiteral("north"), QStringLiteral("North China")}};
    SiteEndpoint beijing;
    beijing.id = QStringLiteral("bj");
    beijing.name = QStringLiteral("Beijing");
    beijing.region = QStringLiteral("north");
    beijing.city = QStringLiteral("Beijing");
    beijing.url = QStringLiteral("https://10.0.1.5:7443");
    beijing.pin = QString::fromLatin1(ValidPin);
    beijing.refreshSeconds = 10;
    environment.sites = {beijing};
    return environment;
}

SiteEndpoint validSite()
{
    SiteEndpoint site;
    site.id = QStringLiteral("sha");
    site.name = QStringLiteral("Shanghai");
    site.region = QStringLiteral("east");
    site.url = QStringLiteral("https://10.0.0.5:7443");
    return site;
}

bool writeFile(const QString &path, const QByteArray &content)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(content) == content.size();
}

} // namespace

class TestEnvironment final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void validSiteHasNoErrors();
    void siteRules_data();
    void siteRules();
    void editingKeepsOwnId();
    void regionRules_data();
    void regionRules();
    void regionPrometheus();
    void validateFindsDuplicates();
    void jsonRoundTrip();
    void fileRoundTrip();
    void exportNeverContainsTokens();
    void fleetFileWithTokens();
    void relativeCaFileFollowsTheFile();
    void malformed_data();
    void malformed();
    void invalidJsonNamesFileAndLine();

private:
    QTemporaryDir m_dir;
    QString m_caFile;
};

void TestEnvironment::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
    m_caFile = m_dir.filePath(QStringLiteral("ca.pem"));
    QVERIFY(writeFile(m_caFile, "-----BEGIN CERTIFICATE-----\n"));
}

void TestEnvironment::validSiteHasNoErrors()
{
    const Environment environment = sampleEnvironment();
    QVERIFY(environment.validate().isEmpty());
    QVERIFY(environment.validateSite(validSite()).isEmpty());
}

void TestEnvironment::siteRules_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("problem"); // part of the message; empty: the value is accepted

    QTest::addRow("id empty") << "id"
                              << ""
                              << "Enter an id";
    QTest::addRow("id upper case") << "id"
                                   << "Sha"
                                   << "lower-case";
    QTest::addRow("id with space") << "id"
                                   << "sh a"
                                   << "lower-case";
    QTest::addRow("id with underscore") << "id"
                                        << "sh_a"
                                        << "lower-case";
    QTest::addRow("id taken") << "id"
                              << "bj"
                              << "already uses the id \"bj\"";
    QTest::addRow("id with digits and dash") << "id"
                                             << "sh-2"
                                             << "";
    QTest::addRow("name empty") << "name"
                                << ""
                                << "Enter a name";
    QTest::addRow("name blank") << "name"
                                << "   "
                                << "Enter a name";
    QTest::addRow("region empty") << "region"
                                  << ""
                                  << "Choose a region";
    QTest::addRow("region unknown") << "region"
                                    << "west"
                                    << "\"west\" does not exist";
    QTest::addRow("url empty") << "url"
                               << ""
                               << "Enter the agent's address";
    QTest::addRow("url unparsable") << "url"
                                    << "https://[::1"
                                    << "not a valid URL";
    QTest::addRow("url ftp") << "url"
                             << "ftp://10.0.0.5"
                             << "must start with https://";
    QTest::addRow("url no scheme") << "url"
                                   << "10.0.0.5:7443"
                                   << "must start with https://";
    QTest::addRow("url no host") << "url"
                                 << "https:///v1"
                                 << "no host";
    QTest::addRow("url with password") << "url"
                                       << "https://u:p@10.0.0.5"
                                       << "user name or password";
    QTest::addRow("url with query") << "url"
                                    << "https://10.0.0.5/?a=1"
                                    << "query";
    QTest::addRow("url http remote") << "url"
                                     << "http://10.0.0.5:7443"
                                     << "only for this computer";
    QTest::addRow("url http 128.0.0.1") << "url"
                                        << "http://128.0.0.1:80"
                                        << "only for this computer";
    QTest::addRow("url http 127.evil.com") << "url"
                                           << "http://127.0.0.1.evil.com"
                                           << "only for this computer";
    QTest::addRow("url http 127.0.0.1") << "url"
                                        << "http://127.0.0.1:7443"
                                        << "";
    QTest::addRow("url http 127.8.9.10") << "url"
                                         << "http://127.8.9.10:7443"
                                         << "";
    QTest::addRow("url http ::1") << "url"
                                  << "http://[::1]:7443"
                                  << "";
    QTest::addRow("url http localhost") << "url"
                                        << "http://localhost:7443"
                                        << "";
    QTest::addRow("url https ipv6") << "url"
                                    << "https://[2001:db8::5]:7443"
                                    << "";
    QTest::addRow("pin without prefix") << "pin" << QString::fromLatin1(QByteArray(32, 'x').toBase64())
                                        << "starts with sha256//";
    QTest::addRow("pin sha1 prefix") << "pin"
                                     << "sha1//abcd"
                                     << "starts with sha256//";
    QTest::addRow("pin not base64") << "pin"
                                    << "sha256//!!!not base64!!!"
                                    << "not valid base64";
    QTest::addRow("pin 20 bytes") << "pin" << QString::fromLatin1("sha256//" + QByteArray(20, 'x').toBase64())
                                  << "holds 20 bytes";
    QTest::addRow("pin valid") << "pin" << QString::fromLatin1(ValidPin) << "";
    QTest::addRow("pin empty") << "pin"
                               << ""
                               << "";
    QTest::addRow("caFile missing") << "caFile"
                                    << "/nonexistent/ca.pem"
                                    << "does not exist";
    QTest::addRow("caFile directory") << "caFile"
                                      << "/"
                                      << "is not a file";
    QTest::addRow("caFile present") << "caFile"
                                    << "@ca"
                                    << "";
    QTest::addRow("refresh 0") << "refreshSeconds"
                               << "0"
                               << "between 1 and 3600";
    QTest::addRow("refresh 3601") << "refreshSeconds"
                                  << "3601"
                                  << "between 1 and 3600";
    QTest::addRow("refresh 1") << "refreshSeconds"
                               << "1"
                               << "";
    QTest::addRow("refresh 3600") << "refreshSeconds"
                                  << "3600"
                                  << "";
}

void TestEnvironment::siteRules()
{
    QFETCH(QString, field);
    QFETCH(QString, value);
    QFETCH(QString, problem);
    if (value == QLatin1StringView("@ca"))
        value = m_caFile;

    SiteEndpoint site = validSite();
    if (field == QLatin1StringView("id"))
        site.id = value;
    else if (field == QLatin1StringView("name"))
        site.name = value;
    else if (field == QLatin1StringView("region"))
        site.region = value;
    else if (field == QLatin1StringView("url"))
        site.url = value;
    else if (field == QLatin1StringView("pin"))
        site.pin = value;
    else if (field == QLatin1StringView("caFile"))
        site.caFile = value;
    else if (field == QLatin1StringView("refreshSeconds"))
        site.refreshSeconds = value.toInt();
    else
        QFAIL("unknown field in the table");

    const QList<FieldError> errors = sampleEnvironment().validateSite(site);
    if (problem.isEmpty()) {
        QVERIFY2(errors.isEmpty(), qPrintable(errors.value(0).field + QStringLiteral(": ") + errors.value(0).message));
        return;
    }
    QCOMPARE(errors.size(), 1);
    QCOMPARE(errors.first().field, field);
    QCOMPARE(errors.first().siteId, site.id);
    QVERIFY2(errors.first().message.contains(problem), qPrintable(errors.first().message));
}

void TestEnvironment::editingKeepsOwnId()
{
    const Environment environment = sampleEnvironment();
    SiteEndpoint beijing = *environment.site(QStringLiteral("bj"));
    QVERIFY(environment.validateSite(beijing, QStringLiteral("bj")).isEmpty());
    // As a new site, the same id clashes.
    QCOMPARE(environment.validateSite(beijing).size(), 1);
    // Renaming another site to bj clashes too.
    SiteEndpoint other = validSite();
    other.id = QStringLiteral("bj");
    QCOMPARE(environment.validateSite(other, QStringLiteral("sha")).value(0).field, QStringLiteral("id"));
}

void TestEnvironment::regionRules_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("originalId");
    QTest::addColumn<QString>("field");

    QTest::addRow("new region") << "south"
                                << "South China"
                                << ""
                                << "";
    QTest::addRow("id taken") << "east"
                              << "Another east"
                              << ""
                              << "id";
    QTest::addRow("id taken on rename") << "east"
                                        << "North"
                                        << "north"
                                        << "id";
    QTest::addRow("editing keeps its id") << "north"
                                          << "North"
                                          << "north"
                                          << "";
    QTest::addRow("bad id") << "South"
                            << "South"
                            << ""
                            << "id";
    QTest::addRow("empty name") << "south"
                                << ""
                                << ""
                                << "name";
}

void TestEnvironment::regionRules()
{
    QFETCH(QString, id);
    QFETCH(QString, name);
    QFETCH(QString, originalId);
    QFETCH(QString, field);
    const QList<FieldError> errors = sampleEnvironment().validateRegion(Region{id, name}, originalId);
    if (field.isEmpty()) {
        QVERIFY(errors.isEmpty());
        return;
    }
    QCOMPARE(errors.size(), 1);
    QCOMPARE(errors.first().field, field);
    QCOMPARE(errors.first().regionId, id);
    QVERIFY(errors.first().siteId.isEmpty());
}

void TestEnvironment::validateFindsDuplicates()
{
    Environment environment = sampleEnvironment();
    environment.sites.append(environment.sites.first());
    environment.regions.append(environment.regions.first());
    const QList<FieldError> errors = environment.validate();
    QCOMPARE(errors.size(), 4); // both copies of the site and of the region
    for (const FieldError &error : errors)
        QCOMPARE(error.field, QStringLiteral("id"));
}

void TestEnvironment::jsonRoundTrip()
{
    Environment environment = sampleEnvironment();
    SiteEndpoint site = validSite();
    site.city = QStringLiteral("上海");
    site.caFile = m_caFile;
    site.enabled = false;
    site.refreshSeconds = 3600;
    environment.sites.append(site);

    const QJsonObject json = environment.toJson();
    QCOMPARE(json.value(QStringLiteral("format")).toString(), QStringLiteral("haven-environment"));
    QCOMPARE(json.value(QStringLiteral("version")).toInt(), 1);
    QHash<QString, QByteArray> tokens{{QStringLiteral("stale"), "x"}};
    QString error;
    const std::optional<Environment> back = Environment::fromJson(json, &tokens, &error);
    QVERIFY2(back, qPrintable(error));
    QCOMPARE(*back, environment);
    QVERIFY(tokens.isEmpty());
}

void TestEnvironment::fileRoundTrip()
{
    const Environment environment = sampleEnvironment();
    const QString path = m_dir.filePath(QStringLiteral("roundtrip.json"));
    QString error;
    QVERIFY2(environment.save(path, &error), qPrintable(error));
    const std::optional<Environment> back = Environment::load(path, nullptr, &error);
    QVERIFY2(back, qPrintable(error));
    QCOMPARE(*back, environment);
}

void TestEnvironment::exportNeverContainsTokens()
{
    const QByteArray token = "s3cr3t-t0ken-that-must-not-leak";
    const QString path = m_dir.filePath(QStringLiteral("with-tokens.json"));
    QJsonObject json = sampleEnvironment().toJson();
    QJsonArray sites = json.value(QStringLiteral("sites")).toArray();
    QJsonObject first = sites.first().toObject();
    first.insert(QStringLiteral("token"), QString::fromLatin1(token));
    sites.replace(0, first);
    json.insert(QStringLiteral("sites"), sites);
    QVERIFY(writeFile(path, QJsonDocument(json).toJson()));

    QHash<QString, QByteArray> tokens;
    QString error;
    const std::optional<Environment> imported = Environment::load(path, &tokens, &error);
    QVERIFY2(imported, qPrintable(error));
    QCOMPARE(tokens.value(QStringLiteral("bj")), token);

    const QString exported = m_dir.filePath(QStringLiteral("exported.json"));
    QVERIFY(imported->save(exported, &error));
    QFile file(exported);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray text = file.readAll();
    QVERIFY(!text.contains(token));
    QVERIFY(!text.contains("\"token\""));
    QVERIFY(!QJsonDocument(imported->toJson()).toJson().contains(token));
}

void TestEnvironment::fleetFileWithTokens()
{
    // What haven-agent --demo-fleet writes (agent/demofleet.cpp).
    const QString pin = QString::fromLatin1(ValidPin);
    const QJsonObject fleet{{QStringLiteral("format"), QStringLiteral("haven-fleet")},
                            {QStringLiteral("version"), 1},
                            {QStringLiteral("sites"),
                             QJsonArray{QJsonObject{{QStringLiteral("id"), QStringLiteral("sha")},
                                                    {QStringLiteral("url"), QStringLiteral("https://127.0.0.1:41873")},
                                                    {QStringLiteral("token"), QStringLiteral("token-sha")},
                                                    {QStringLiteral("pin"), pin},
                                                    {QStringLiteral("caFile"), m_caFile}},
                                        QJsonObject{{QStringLiteral("id"), QStringLiteral("szx")},
                                                    {QStringLiteral("url"), QStringLiteral("http://127.0.0.1:41874")},
                                                    {QStringLiteral("token"), QStringLiteral("token-szx")}}}}};
    const QString path = m_dir.filePath(QStringLiteral("fleet.json"));
    QVERIFY(writeFile(path, QJsonDocument(fleet).toJson()));

    QHash<QString, QByteArray> tokens;
    QString error;
    const std::optional<Environment> environment = Environment::load(path, &tokens, &error);
    QVERIFY2(environment, qPrintable(error));
    QCOMPARE(environment->sites.size(), 2);
    QCOMPARE(environment->regions.size(), 1);
    const SiteEndpoint *sha = environment->site(QStringLiteral("sha"));
    QVERIFY(sha);
    QCOMPARE(sha->name, QStringLiteral("sha"));
    QCOMPARE(sha->region, environment->regions.first().id);
    QCOMPARE(sha->pin, pin);
    QCOMPARE(sha->caFile, m_caFile);
    QCOMPARE(sha->url, QStringLiteral("https://127.0.0.1:41873"));
    QCOMPARE(tokens.size(), 2);
    QCOMPARE(tokens.value(QStringLiteral("sha")), QByteArray("token-sha"));
    QCOMPARE(tokens.value(QStringLiteral("szx")), QByteArray("token-szx"));
    const QList<FieldError> errors = environment->validate();
    QVERIFY2(errors.isEmpty(), qPrintable(errors.value(0).message));
    QVERIFY(!QJsonDocument(environment->toJson()).toJson().contains("token-sha"));
}

void TestEnvironment::relativeCaFileFollowsTheFile()
{
    QJsonObject json = sampleEnvironment().toJson();
    QJsonArray sites = json.value(QStringLiteral("sites")).toArray();
    QJsonObject first = sites.first().toObject();
    first.insert(QStringLiteral("caFile"), QStringLiteral("ca.pem"));
    sites.replace(0, first);
    json.insert(QStringLiteral("sites"), sites);
    const QString path = m_dir.filePath(QStringLiteral("relative.json"));
    QVERIFY(writeFile(path, QJsonDocument(json).toJson()));
    QString error;
    const std::optional<Environment> environment = Environment::load(path, nullptr, &error);
    QVERIFY2(environment, qPrintable(error));
    QCOMPARE(environment->sites.first().caFile, m_caFile);
}

void TestEnvironment::malformed_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("problem");

    QTest::addRow("array root") << QByteArray("[]") << "expected a JSON object";
    QTest::addRow("no format") << QByteArray(R"({"version":1})") << "format: missing";
    QTest::addRow("other format") << QByteArray(R"({"format":"haven-plan","version":1})")
                                  << R"(format: expected "haven-environment" or "haven-fleet", got "haven-plan")";
    QTest::addRow("no version") << QByteArray(R"({"format":"haven-environment"})") << "version: missing";
    QTest::addRow("version text") << QByteArray(R"({"format":"haven-environment","version":"1"})")
                                  << "version: expected a number";
    QTest::addRow("newer version") << QByteArray(R"({"format":"haven-environment","version":2})")
                                   << "newer Haven (haven-environment version 2); this Haven reads version 1";
    QTest::addRow("newer fleet") << QByteArray(R"({"format":"haven-fleet","version":7,"sites":[]})")
                                 << "newer Haven (haven-fleet version 7)";
    QTest::addRow("version 0") << QByteArray(R"({"format":"haven-environment","version":0})")
                               << "version: expected 1, got 0";
    QTest::addRow("sites not array") << QByteArray(R"({"format":"haven-environment","version":1,"sites":{}})")
                                     << "sites: expected an array";
    QTest::addRow("fleet without sites") << QByteArray(R"({"format":"haven-fleet","version":1})") << "sites: missing";
    QTest::addRow("region not object") << QByteArray(
        R"({"format":"haven-environment","version":1,"regions":[{"id":"a"},3]})")
                                       << "regions[1]: expected an object";
    QTest::addRow("region without id") << QByteArray(
        R"({"format":"haven-environment","version":1,"regions":[{"name":"A"}]})")
                                       << "regions[0].id: missing";
    QTest::addRow("site url number") << QByteArray(
        R"({"format":"haven-environment","version":1,"sites":[{"id":"a","url":"https://a"},{"id":"b","url":7}]})")
                                     << "sites[1].url: expected a string";
    QTest::addRow("site refresh out of range") << QByteArray(
        R"({"format":"haven-environment","version":1,"sites":[{"id":"a","url":"https://a","refreshSeconds":0}]})")
                                               << "sites[0].refreshSeconds: expected 1 to 3600, got 0";
    QTest::addRow("site enabled text") << QByteArray(
        R"({"format":"haven-environment","version":1,"sites":[{"id":"a","url":"https://a","enabled":"yes"}]})")
                                       << "sites[0].enabled: expected true or false";
    QTest::addRow("fleet site without url")
        << QByteArray(R"({"format":"haven-fleet","version":1,"sites":[{"id":"a","token":"t"}]})")
        << "sites[0].url: missing";
}

void TestEnvironment::malformed()
{
    QFETCH(QByteArray, content);
    QFETCH(QString, problem);
    const QString path = m_dir.filePath(QStringLiteral("malformed.json"));
    QVERIFY(writeFile(path, content));
    QHash<QString, QByteArray> tokens;
    QString error;
    QVERIFY(!Environment::load(path, &tokens, &error));
    QVERIFY2(error.startsWith(path + QStringLiteral(": ")), qPrintable(error));
    QVERIFY2(error.contains(problem), qPrintable(error));
    QVERIFY(tokens.isEmpty());
}

void TestEnvironment::invalidJsonNamesFileAndLine()
{
    const QString path = m_dir.filePath(QStringLiteral("broken.json"));
    QVERIFY(writeFile(path, "{\n  \"format\": \"haven-environment\",\n  \"version\": 1,\n  oops\n}\n"));
    QString error;
    QVERIFY(!Environment::load(path, nullptr, &error));
    QVERIFY2(error.startsWith(path + QStringLiteral(":4:")), qPrintable(error));
    QVERIFY2(error.contains(QStringLiteral("not valid JSON")), qPrintable(error));

    QVERIFY(!Environment::load(m_dir.filePath(QStringLiteral("absent.json")), nullptr, &error));
    QVERIFY2(error.contains(QStringLiteral("absent.json")), qPrintable(error));
}

void TestEnvironment::regionPrometheus()
{
    // Optional per region: a URL and the name of the secret holding its token, kept on a round trip.
    Environment environment = sampleEnvironment();
    environment.regions[0].prometheusUrl = QStringLiteral("https://prometheus.east.example:9090");
    environment.regions[0].prometheusTokenSecret = QStringLiteral("prometheus/east");
    QVERIFY(environment.validate().isEmpty());
    QString error;
    const std::optional<Environment> back = Environment::fromJson(environment.toJson(), nullptr, &error);
    QVERIFY2(back, qPrintable(error));
    QCOMPARE(back->regions, environment.regions);
    QVERIFY(!environment.toJson()
                 .value(QStringLiteral("regions"))
                 .toArray()
                 .at(1)
                 .toObject()
                 .contains(QStringLiteral("prometheus")));
    // The URL follows the agents' rule; a token needs a URL.
    environment.regions[0].prometheusUrl = QStringLiteral("http://prometheus.east.example:9090");
    QCOMPARE(environment.validate().size(), 1);
    QCOMPARE(environment.validate().first().field, QStringLiteral("prometheus"));
    environment.regions[0].prometheusUrl.clear();
    QCOMPARE(environment.validate().first().message, QStringLiteral("A Prometheus token needs a Prometheus URL."));
    // A prometheus object without its url is refused with the path.
    QJsonObject json = environment.toJson();
    QJsonArray regions = json.value(QStringLiteral("regions")).toArray();
    QJsonObject east = regions.at(0).toObject();
    east.insert(QStringLiteral("prometheus"), QJsonObject{{QStringLiteral("tokenSecret"), QStringLiteral("x")}});
    regions[0] = east;
    json.insert(QStringLiteral("regions"), regions);
    QVERIFY(!Environment::fromJson(json, nullptr, &error));
    QVERIFY2(error.contains(QStringLiteral("regions[0].prometheus")), qPrintable(error));
}

QTEST_GUILESS_MAIN(TestEnvironment)
#include "tst_environment.moc"
