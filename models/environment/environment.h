// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace Haven {

struct Region
{
    Region() = default;
    // Id and name are what most code gives; the Prometheus fields are optional.
    Region(QString regionId, QString regionName)
        : id(std::move(regionId))
        , name(std::move(regionName))
    { }

    QString id;
    QString name;
    // Optional scale-out path (docs/scaling.md): this region's Prometheus, which scrapes its
    // agents; trends of its sites are read from it. The token, if any, is in the SecretStore
    // under prometheusTokenSecret.
    QString prometheusUrl;
    QString prometheusTokenSecret;

    friend bool operator==(const Region &, const Region &) = default;
};

// How the console reaches one site's agent. The token is not here: it lives in the
// SecretStore under secretKey(), never in the cache database or in exports.
struct SiteEndpoint
{
    QString id;
    QString name;
    QString region; // a Region id
    QString city;
    QString url;    // https://host:port (http:// only for loopback)
    QString pin;    // sha256//<base64 of the SPKI digest>, or empty
    QString caFile; // a private CA, or empty
    QString agentType = QStringLiteral("haven-agent");
    int refreshSeconds = 5;
    bool enabled = true;

    QString secretKey() const { return secretKeyFor(id); }
    static QString secretKeyFor(const QString &siteId) { return QStringLiteral("site/%1/token").arg(siteId); }
    friend bool operator==(const SiteEndpoint &, const SiteEndpoint &) = default;
};

// A problem with one field of one site, or of one region (regionId set), or of the
// environment as a whole (both empty). field is the JSON key ("url", "refreshSeconds", ...).
struct FieldError
{
    QString siteId;
    QString field;
    QString message; // translated, for a person
    QString regionId;
};

// "site · field: message" lines for a person, at most limit of them (then "…").
QStringList describeFieldErrors(const QList<FieldError> &errors, int limit);

// Regions, sites and how to reach them: what the Environment page edits.
struct Environment
{
    Q_DECLARE_TR_FUNCTIONS(Haven::Environment)

public:
    QList<Region> regions;
    QList<SiteEndpoint> sites;

    const SiteEndpoint *site(const QString &id) const;
    const Region *region(const QString &id) const;

    QList<FieldError> validate() const;
    // The problems of one site as it would stand in this environment (id clashes included).
    QList<FieldError> validateSite(const SiteEndpoint &site, const QString &originalId = {}) const;
    // The problems of one region as it would stand in this environment.
    QList<FieldError> validateRegion(const Region &region, const QString &originalId = {}) const;

    // The rules, one field at a time: an empty string when the value is acceptable.
    static QString checkId(const QString &id);
    static QString checkUrl(const QString &url);
    static QString checkPin(const QString &pin);
    static QString checkCaFile(const QString &path);
    static QString checkRefreshSeconds(int seconds);
    static constexpr int MinRefreshSeconds = 1;
    static constexpr int MaxRefreshSeconds = 3600;
    static constexpr int FormatVersion = 1;

    // {"format":"haven-environment","version":1,...}. Never contains a secret.
    QJsonObject toJson() const;
    // Reads an environment file or a fleet file written by haven-agent --demo-fleet.
    // Tokens found in the file are returned in *tokens (site id -> token) for the SecretStore;
    // tokens may be null when the caller does not want them. Checks the file's structure
    // (errors name the field: "sites[2].url: expected a string"), not the rules: run validate().
    static std::optional<Environment> fromJson(const QJsonObject &json, QHash<QString, QByteArray> *tokens,
                                               QString *error);
    // As fromJson(); errors start with the file's path.
    static std::optional<Environment> load(const QString &path, QHash<QString, QByteArray> *tokens, QString *error);
    // As load(), then validate(): what an import takes. The error lists the first problems.
    static std::optional<Environment> loadValid(const QString &path, QHash<QString, QByteArray> *tokens, QString *error);
    // Writes toJson() atomically; false with *error when the file cannot be written.
    bool save(const QString &path, QString *error) const;

    friend bool operator==(const Environment &, const Environment &) = default;
};

} // namespace Haven
