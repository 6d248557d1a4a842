// SPDX-License-Identifier: GPL-3.0-or-later
#include "environment.h"

#include "core/jsonfields.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSaveFile>
#include <QUrl>

#include <algorithm>

namespace Haven {

namespace {

const QString EnvironmentFormat = QStringLiteral("haven-environment");
const QString FleetFormat = QStringLiteral("haven-fleet");
const QString PinPrefix = QStringLiteral("sha256//");
constexpr qint64 MaxFileBytes = 16 << 20;
constexpr int DefaultRefreshSeconds = 5;

// 127.0.0.0/8, ::1 and localhost: the only hosts plain http may reach, because the traffic
// never leaves this computer.
bool isLoopbackHost(const QString &host)
{
    const QString lower = host.toLower();
    if (lower == QLatin1StringView("localhost") || lower == QLatin1StringView("localhost."))
        return true;
    if (lower == QLatin1StringView("::1") || lower == QLatin1StringView("0:0:0:0:0:0:0:1"))
        return true;
    const QStringList octets = lower.split(QLatin1Char('.'));
    if (octets.size() != 4 || octets.first() != QLatin1StringView("127"))
        return false;
    for (const QString &octet : octets) {
        bool ok = false;
        const int value = octet.toInt(&ok);
        if (!ok || value < 0 || value > 255 || octet.isEmpty() || octet.size() > 3)
            return false;
    }
    return true;
}

void add(QList<FieldError> &errors, const QString &siteId, const QString &field, const QString &message)
{
    if (!message.isEmpty())
        errors.append(FieldError{siteId, field, message, {}});
}

void addRegion(QList<FieldError> &errors, const QString &regionId, const QString &field, const QString &message)
{
    if (!message.isEmpty())
        errors.append(FieldError{{}, field, message, regionId});
}

QString at(const QString &array, qsizetype index)
{
    return QStringLiteral("%1[%2]").arg(array).arg(index);
}

std::optional<Region> readRegion(const QJsonValue &value, const QString &path, QString *error)
{
    if (!value.isObject()) {
        *error = path + QStringLiteral(": expected an object");
        return std::nullopt;
    }
    JsonFields fields(value.toObject(), path);
    Region region;
    region.id = fields.requiredString(QStringLiteral("id"));
    region.name = fields.optionalString(QStringLiteral("name"), region.id);
    const QJsonObject prometheus = fields.optionalObject(QStringLiteral("prometheus"));
    if (fields.ok() && !prometheus.isEmpty()) {
        JsonFields scrape(prometheus, path + QStringLiteral(".prometheus"));
        region.prometheusUrl = scrape.requiredString(QStringLiteral("url"));
        region.prometheusTokenSecret = scrape.optionalString(QStringLiteral("tokenSecret"));
        if (!scrape.ok()) {
            *error = scrape.error();
            return std::nullopt;
        }
    }
    if (!fields.ok()) {
        *error = fields.error();
        return std::nullopt;
    }
    return region;
}

std::optional<SiteEndpoint> readSite(const QJsonValue &value, const QString &path, bool fleet,
                                     QHash<QString, QByteArray> *tokens, QString *error)
{
    if (!value.isObject()) {
        *error = path + QStringLiteral(": expected an object");
        return std::nullopt;
    }
    JsonFields fields(value.toObject(), path);
    SiteEndpoint site;
    site.id = fields.requiredString(QStringLiteral("id"));
    site.url = fields.requiredString(QStringLiteral("url"));
    site.pin = fields.optionalString(QStringLiteral("pin"));
    site.caFile = fields.optionalString(QStringLiteral("caFile"));
    const QString token = fields.optionalString(QStringLiteral("token"));
    if (fleet) {
        // The demo agents tell their real name, city and region through GET /v1/site.
        site.name = site.id;
        site.region = QStringLiteral("demo");
    } else {
        site.name = fields.optionalString(QStringLiteral("name"), site.id);
        site.region = fields.optionalString(QStringLiteral("region"));
        site.city = fields.optionalString(QStringLiteral("city"));
        site.agentType = fields.optionalString(QStringLiteral("agentType"), site.agentType);
        site.refreshSeconds = fields.boundedInteger(QStringLiteral("refreshSeconds"), DefaultRefreshSeconds,
                                                    Environment::MinRefreshSeconds, Environment::MaxRefreshSeconds);
        site.enabled = fields.optionalBool(QStringLiteral("enabled"), true);
    }
    if (!fields.ok()) {
        *error = fields.error();
        return std::nullopt;
    }
    if (tokens && !token.isEmpty())
        tokens->insert(site.id, token.toUtf8());
    return site;
}

} // namespace

const SiteEndpoint *Environment::site(const QString &id) const
{
    for (const SiteEndpoint &candidate : sites) {
        if (candidate.id == id)
            return &candidate;
    }
    return nullptr;
}

const Region *Environment::region(const QString &id) const
{
    for (const Region &candidate : regions) {
        if (candidate.id == id)
            return &candidate;
    }
    return nullptr;
}

QString Environment::checkId(const QString &id)
{
    static const QRegularExpression pattern(QStringLiteral("^[a-z0-9-]+$"));
    if (id.isEmpty())
        return tr("Enter an id.");
    if (!pattern.match(id).hasMatch())
        return tr("Use only lower-case letters a-z, digits and \"-\" in an id.");
    return {};
}

QString Environment::checkUrl(const QString &text)
{
    if (text.trimmed().isEmpty())
        return tr("Enter the agent's address, e.g. https://10.0.0.5:7443.");
    if (!text.contains(QLatin1StringView("://")))
        return tr("The address must start with https://.");
    const QUrl url(text, QUrl::StrictMode);
    if (!url.isValid())
        return tr("This is not a valid URL: %1").arg(url.errorString());
    const QString scheme = url.scheme().toLower();
    if (scheme != QLatin1StringView("https") && scheme != QLatin1StringView("http"))
        return tr("The address must start with https://.");
    if (url.host().isEmpty())
        return tr("The address has no host name.");
    if (!url.userInfo().isEmpty())
        return tr("Do not put a user name or password in the address; enter the token in its own field.");
    if (url.hasQuery() || url.hasFragment())
        return tr("The address must not have a query (?) or a fragment (#).");
    if (scheme == QLatin1StringView("http") && !isLoopbackHost(url.host()))
        return tr("Plain http:// is allowed only for this computer (127.0.0.0/8, ::1, localhost); "
                  "use https:// for %1.")
            .arg(url.host());
    return {};
}

QString Environment::checkPin(const QString &pin)
{
    if (pin.isEmpty())
        return {};
    if (!pin.startsWith(PinPrefix))
        return tr("A pin starts with sha256// followed by the base64 of the SHA-256 digest of the agent's public key.");
    const auto decoded = QByteArray::fromBase64Encoding(pin.mid(PinPrefix.size()).toLatin1(),
                                                        QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return tr("The text after sha256// is not valid base64.");
    if (decoded.decoded.size() != 32)
        return tr("The pin holds %1 bytes; a SHA-256 digest has 32.").arg(decoded.decoded.size());
    return {};
}

QString Environment::checkCaFile(const QString &path)
{
    if (path.isEmpty())
        return {};
    const QFileInfo info(path);
    if (!info.exists())
        return tr("The CA file %1 does not exist.").arg(QDir::toNativeSeparators(path));
    if (!info.isFile())
        return tr("%1 is not a file.").arg(QDir::toNativeSeparators(path));
    if (!info.isReadable())
        return tr("The CA file %1 cannot be read.").arg(QDir::toNativeSeparators(path));
    return {};
}

QString Environment::checkRefreshSeconds(int seconds)
{
    if (seconds < MinRefreshSeconds || seconds > MaxRefreshSeconds)
        return tr("The refresh interval must be between %1 and %2 seconds.")
            .arg(MinRefreshSeconds)
            .arg(MaxRefreshSeconds);
    return {};
}

QList<FieldError> Environment::validateSite(const SiteEndpoint &candidate, const QString &originalId) const
{
    QList<FieldError> errors;
    const QString &id = candidate.id;
    QString idProblem = checkId(id);
    // The site being edited is in the list under its original id; anyone else holding the id clashes.
    qsizetype holders = std::count_if(sites.cbegin(), sites.cend(),
                                      [&](const SiteEndpoint &other) { return other.id == id; });
    if (!originalId.isEmpty() && id == originalId)
        --holders;
    if (idProblem.isEmpty() && holders > 0)
        idProblem = tr("Another site already uses the id \"%1\".").arg(id);
    add(errors, id, QStringLiteral("id"), idProblem);
    if (candidate.name.trimmed().isEmpty())
        add(errors, id, QStringLiteral("name"), tr("Enter a name."));
    if (candidate.region.isEmpty())
        add(errors, id, QStringLiteral("region"), tr("Choose a region."));
    else if (!region(candidate.region))
        add(errors, id, QStringLiteral("region"), tr("The region \"%1\" does not exist.").arg(candidate.region));
    add(errors, id, QStringLiteral("url"), checkUrl(candidate.url));
    add(errors, id, QStringLiteral("pin"), checkPin(candidate.pin));
    add(errors, id, QStringLiteral("caFile"), checkCaFile(candidate.caFile));
    add(errors, id, QStringLiteral("refreshSeconds"), checkRefreshSeconds(candidate.refreshSeconds));
    return errors;
}

QList<FieldError> Environment::validateRegion(const Region &candidate, const QString &originalId) const
{
    QList<FieldError> errors;
    QString idProblem = checkId(candidate.id);
    qsizetype holders = std::count_if(regions.cbegin(), regions.cend(),
                                      [&](const Region &other) { return other.id == candidate.id; });
    if (!originalId.isEmpty() && candidate.id == originalId)
        --holders;
    if (idProblem.isEmpty() && holders > 0)
        idProblem = tr("Another region already uses the id \"%1\".").arg(candidate.id);
    addRegion(errors, candidate.id, QStringLiteral("id"), idProblem);
    if (candidate.name.trimmed().isEmpty())
        addRegion(errors, candidate.id, QStringLiteral("name"), tr("Enter a name."));
    if (!candidate.prometheusUrl.isEmpty())
        addRegion(errors, candidate.id, QStringLiteral("prometheus"), checkUrl(candidate.prometheusUrl));
    else if (!candidate.prometheusTokenSecret.isEmpty())
        addRegion(errors, candidate.id, QStringLiteral("prometheus"), tr("A Prometheus token needs a Prometheus URL."));
    return errors;
}

QList<FieldError> Environment::validate() const
{
    QList<FieldError> errors;
    for (const Region &each : regions)
        errors += validateRegion(each, each.id);
    for (const SiteEndpoint &each : sites)
        errors += validateSite(each, each.id);
    return errors;
}

QJsonObject Environment::toJson() const
{
    QJsonArray regionArray;
    for (const Region &each : regions) {
        QJsonObject region{{QStringLiteral("id"), each.id}, {QStringLiteral("name"), each.name}};
        if (!each.prometheusUrl.isEmpty()) {
            QJsonObject prometheus{{QStringLiteral("url"), each.prometheusUrl}};
            if (!each.prometheusTokenSecret.isEmpty())
                prometheus.insert(QStringLiteral("tokenSecret"), each.prometheusTokenSecret);
            region.insert(QStringLiteral("prometheus"), prometheus);
        }
        regionArray.append(region);
    }
    QJsonArray siteArray;
    for (const SiteEndpoint &each : sites) {
        // Deliberately no "token": secrets live in the SecretStore only.
        siteArray.append(QJsonObject{{QStringLiteral("id"), each.id},
                                     {QStringLiteral("name"), each.name},
                                     {QStringLiteral("region"), each.region},
                                     {QStringLiteral("city"), each.city},
                                     {QStringLiteral("url"), each.url},
                                     {QStringLiteral("pin"), each.pin},
                                     {QStringLiteral("caFile"), each.caFile},
                                     {QStringLiteral("agentType"), each.agentType},
                                     {QStringLiteral("refreshSeconds"), each.refreshSeconds},
                                     {QStringLiteral("enabled"), each.enabled}});
    }
    return QJsonObject{{QStringLiteral("format"), EnvironmentFormat},
                       {QStringLiteral("version"), FormatVersion},
                       {QStringLiteral("regions"), regionArray},
                       {QStringLiteral("sites"), siteArray}};
}

std::optional<Environment> Environment::fromJson(const QJsonObject &json, QHash<QString, QByteArray> *tokens,
                                                 QString *error)
{
    QString ignored;
    if (!error)
        error = &ignored;
    JsonFields root(json);
    const QString format = root.requiredString(QStringLiteral("format"));
    const qint64 version = root.requiredInteger(QStringLiteral("version"));
    if (!root.ok()) {
        *error = root.error();
        return std::nullopt;
    }
    const bool fleet = format == FleetFormat;
    if (!fleet && format != EnvironmentFormat) {
        *error = tr("format: expected \"%1\" or \"%2\", got \"%3\"").arg(EnvironmentFormat, FleetFormat, format);
        return std::nullopt;
    }
    if (version > FormatVersion) {
        *error = tr("This file was written by a newer Haven (%1 version %2); this Haven reads version %3. "
                    "Update Haven to open it.")
                     .arg(format)
                     .arg(version)
                     .arg(FormatVersion);
        return std::nullopt;
    }
    if (version < 1) {
        *error = tr("version: expected %1, got %2").arg(FormatVersion).arg(version);
        return std::nullopt;
    }

    Environment environment;
    QHash<QString, QByteArray> found;
    if (!fleet) {
        const QJsonArray regionArray = root.optionalArray(QStringLiteral("regions"));
        for (qsizetype i = 0; root.ok() && i < regionArray.size(); ++i) {
            const std::optional<Region> region = readRegion(regionArray.at(i), at(QStringLiteral("regions"), i), error);
            if (!region)
                return std::nullopt;
            environment.regions.append(*region);
        }
    }
    const QJsonArray siteArray = fleet ? root.requiredArray(QStringLiteral("sites"))
                                       : root.optionalArray(QStringLiteral("sites"));
    if (!root.ok()) {
        *error = root.error();
        return std::nullopt;
    }
    for (qsizetype i = 0; i < siteArray.size(); ++i) {
        const std::optional<SiteEndpoint> site = readSite(siteArray.at(i), at(QStringLiteral("sites"), i), fleet,
                                                          &found, error);
        if (!site)
            return std::nullopt;
        environment.sites.append(*site);
    }
    if (fleet && !environment.sites.isEmpty())
        environment.regions.append(Region{QStringLiteral("demo"), QStringLiteral("Demo")});
    if (tokens)
        *tokens = found;
    return environment;
}

QStringList describeFieldErrors(const QList<FieldError> &errors, int limit)
{
    QStringList lines;
    for (const FieldError &error : errors) {
        if (lines.size() == limit) {
            lines.append(QStringLiteral("…"));
            break;
        }
        const QString owner = error.siteId.isEmpty() ? error.regionId : error.siteId;
        lines.append(QStringLiteral("%1 · %2: %3").arg(owner, error.field, error.message));
    }
    return lines;
}

std::optional<Environment> Environment::loadValid(const QString &path, QHash<QString, QByteArray> *tokens,
                                                  QString *error)
{
    std::optional<Environment> read = load(path, tokens, error);
    if (!read)
        return std::nullopt;
    const QList<FieldError> problems = read->validate();
    if (!problems.isEmpty()) {
        if (error)
            *error = tr("%1 has %n problem(s):", nullptr, int(problems.size())).arg(QDir::toNativeSeparators(path))
                     + QLatin1Char('\n') + describeFieldErrors(problems, 8).join(QLatin1Char('\n'));
        return std::nullopt;
    }
    return read;
}

std::optional<Environment> Environment::load(const QString &path, QHash<QString, QByteArray> *tokens, QString *error)
{
    QString ignored;
    if (!error)
        error = &ignored;
    const QString shown = QDir::toNativeSeparators(path);
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = tr("Cannot open %1: %2").arg(shown, file.errorString());
        return std::nullopt;
    }
    if (file.size() > MaxFileBytes) {
        *error = tr("%1 is too large for an environment file (%2 bytes).").arg(shown).arg(file.size());
        return std::nullopt;
    }
    const QByteArray content = file.readAll();
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(content, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        const QByteArray before = content.left(parseError.offset);
        const int line = int(before.count('\n')) + 1;
        const int column = int(parseError.offset - (before.lastIndexOf('\n') + 1)) + 1;
        *error = tr("%1:%2:%3: not valid JSON: %4").arg(shown).arg(line).arg(column).arg(parseError.errorString());
        return std::nullopt;
    }
    if (!document.isObject()) {
        *error = tr("%1: expected a JSON object").arg(shown);
        return std::nullopt;
    }
    std::optional<Environment> environment = fromJson(document.object(), tokens, error);
    if (!environment) {
        *error = shown + QStringLiteral(": ") + *error;
        return std::nullopt;
    }
    // A relative CA file is relative to the file that names it, not to the working directory.
    const QDir base = QFileInfo(path).absoluteDir();
    for (SiteEndpoint &site : environment->sites) {
        if (!site.caFile.isEmpty() && QDir::isRelativePath(site.caFile))
            site.caFile = QDir::cleanPath(base.absoluteFilePath(site.caFile));
    }
    return environment;
}

bool Environment::save(const QString &path, QString *error) const
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        if (error)
            *error = tr("Cannot write %1: %2").arg(QDir::toNativeSeparators(path), file.errorString());
        return false;
    }
    file.write(QJsonDocument(toJson()).toJson(QJsonDocument::Indented));
    if (!file.commit()) {
        if (error)
            *error = tr("Cannot write %1: %2").arg(QDir::toNativeSeparators(path), file.errorString());
        return false;
    }
    return true;
}

} // namespace Haven
