// SPDX-License-Identifier: GPL-3.0-or-later
#include "secretstore.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QPointer>
#include <QSaveFile>
#include <QStandardPaths>
#include <QTimer>

#include <qt6keychain/keychain.h>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace Haven {

Q_LOGGING_CATEGORY(lcSecrets, "haven.secrets")

namespace {

const QString FileFormat = QStringLiteral("haven-secrets");
constexpr int FileVersion = 1;
constexpr qint64 MaxFileBytes = 1 << 20;
constexpr QFileDevice::Permissions OwnerOnly = QFileDevice::ReadOwner | QFileDevice::WriteOwner;
constexpr QFileDevice::Permissions OthersMask = QFileDevice::ReadGroup | QFileDevice::WriteGroup | QFileDevice::ExeGroup
                                                | QFileDevice::ReadOther | QFileDevice::WriteOther
                                                | QFileDevice::ExeOther;
// The Unix mode bits; QFile::permissions() adds the *User bits (what this process may do).
constexpr QFileDevice::Permissions ModeMask = OwnerOnly | QFileDevice::ExeOwner | OthersMask;
// A key no one uses: reading it only tells whether a keychain answers.
const QString ProbeKey = QStringLiteral("haven/keychain-probe");

QString shortPath(const QString &path)
{
    const QString home = QDir::homePath();
    if (path.startsWith(home + QLatin1Char('/')))
        return QStringLiteral("~") + path.mid(home.size());
    return QDir::toNativeSeparators(path);
}

} // namespace

SecretStore::SecretStore(QObject *parent)
    : SecretStore(Backend::Detect, {}, parent)
{ }

SecretStore::SecretStore(Backend backend, const QString &filePath, QObject *parent)
    : QObject(parent)
    , m_filePath(filePath.isEmpty() ? defaultFilePath() : filePath)
    , m_detectionTimer(new QTimer(this))
{
    m_detectionTimer->setSingleShot(true);
    m_detectionTimer->setInterval(15'000);
    if (backend == Backend::Detect)
        startDetection();
    else
        m_backend = backend;
}

SecretStore::~SecretStore() = default;

QString SecretStore::defaultFilePath()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))
        .filePath(QStringLiteral("secrets.json"));
}

QString SecretStore::backendName() const
{
    switch (m_backend) {
    case Backend::Detect:
        return tr("(looking for a system keychain)");
    case Backend::Keychain:
        return tr("system keychain");
    case Backend::File:
        return tr("protected file %1").arg(shortPath(m_filePath));
    }
    return {};
}

void SecretStore::setDetectionTimeout(int milliseconds)
{
    m_detectionTimer->setInterval(milliseconds);
}

void SecretStore::startDetection()
{
    // Without a secret service QtKeychain fails at once (NoBackendAvailable or OtherError);
    // a keychain that wants to be unlocked may take longer, hence the generous timeout.
    auto *job = new QKeychain::ReadPasswordJob(serviceName(), this);
    job->setKey(ProbeKey);
    connect(job, &QKeychain::Job::finished, this, [this](QKeychain::Job *finished) {
        if (m_backend != Backend::Detect)
            return; // timed out already
        switch (finished->error()) {
        case QKeychain::NoError:
        case QKeychain::EntryNotFound:
            finishDetection(Backend::Keychain, {});
            break;
        default:
            finishDetection(Backend::File, finished->errorString());
            break;
        }
    });
    connect(m_detectionTimer, &QTimer::timeout, this, [this] {
        if (m_backend == Backend::Detect)
            finishDetection(Backend::File, tr("the system keychain did not answer"));
    });
    m_detectionTimer->start();
    job->start();
}

void SecretStore::finishDetection(Backend backend, const QString &reason)
{
    m_detectionTimer->stop();
    m_backend = backend;
    m_fallbackReason = reason;
    if (backend == Backend::File)
        qCInfo(lcSecrets).noquote() << QStringLiteral("No system keychain (%1); tokens are kept in %2")
                                           .arg(reason, m_filePath);
    const QList<std::function<void()>> pending = std::exchange(m_pending, {});
    for (const std::function<void()> &work : pending)
        work();
    Q_EMIT ready();
}

void SecretStore::whenReady(std::function<void()> work)
{
    if (isReady())
        work();
    else
        m_pending.append(std::move(work));
}

void SecretStore::read(const QString &key, QObject *context, ReadCallback callback)
{
    QPointer<QObject> guard(context ? context : this);
    whenReady([this, key, guard, callback = std::move(callback)] {
        if (m_backend == Backend::Keychain)
            keychainRead(key, guard, callback);
        else
            deliver(guard, callback, fileRead(key));
    });
}

void SecretStore::write(const QString &key, const QByteArray &secret, QObject *context, DoneCallback callback)
{
    QPointer<QObject> guard(context ? context : this);
    whenReady([this, key, secret, guard, callback = std::move(callback)] {
        if (m_backend == Backend::Keychain) {
            keychainWrite(key, secret, guard, callback);
            return;
        }
        QString error;
        const bool ok = fileWrite(key, secret, &error);
        deliver(guard, callback, ok, error, key);
    });
}

void SecretStore::remove(const QString &key, QObject *context, DoneCallback callback)
{
    QPointer<QObject> guard(context ? context : this);
    whenReady([this, key, guard, callback = std::move(callback)] {
        if (m_backend == Backend::Keychain) {
            keychainRemove(key, guard, callback);
            return;
        }
        QString error;
        const bool ok = fileWrite(key, std::nullopt, &error);
        deliver(guard, callback, ok, error, key);
    });
}

void SecretStore::contains(const QString &key, QObject *context, std::function<void(bool)> callback)
{
    read(key, context, [callback = std::move(callback)](const ReadResult &result) {
        if (callback)
            callback(result.ok && result.found);
    });
}

void SecretStore::keychainRead(const QString &key, QObject *context, ReadCallback callback)
{
    QPointer<QObject> guard(context);
    auto *job = new QKeychain::ReadPasswordJob(serviceName(), this);
    job->setKey(key);
    connect(job, &QKeychain::Job::finished, this, [this, key, guard, callback](QKeychain::Job *finished) {
        ReadResult result;
        if (finished->error() == QKeychain::NoError) {
            result.ok = true;
            result.found = true;
            result.secret = static_cast<QKeychain::ReadPasswordJob *>(finished)->binaryData();
        } else if (finished->error() == QKeychain::EntryNotFound) {
            // Tokens stored while no keychain was available are still found.
            result = QFileInfo::exists(m_filePath) ? fileRead(key) : ReadResult{true, false, {}, {}};
        } else {
            result.error = tr("The system keychain could not be read: %1").arg(finished->errorString());
        }
        deliver(guard, callback, result);
    });
    job->start();
}

void SecretStore::keychainWrite(const QString &key, const QByteArray &secret, QObject *context, DoneCallback callback)
{
    QPointer<QObject> guard(context);
    auto *job = new QKeychain::WritePasswordJob(serviceName(), this);
    job->setKey(key);
    job->setBinaryData(secret);
    connect(job, &QKeychain::Job::finished, this, [this, key, guard, callback](QKeychain::Job *finished) {
        if (finished->error() != QKeychain::NoError) {
            deliver(guard, callback, false,
                    tr("The system keychain refused the token: %1").arg(finished->errorString()), {});
            return;
        }
        // An older copy in the fallback file would otherwise outlive the keychain's.
        if (QFileInfo::exists(m_filePath)) {
            QString ignored;
            fileWrite(key, std::nullopt, &ignored);
        }
        deliver(guard, callback, true, {}, key);
    });
    job->start();
}

void SecretStore::keychainRemove(const QString &key, QObject *context, DoneCallback callback)
{
    QPointer<QObject> guard(context);
    auto *job = new QKeychain::DeletePasswordJob(serviceName(), this);
    job->setKey(key);
    connect(job, &QKeychain::Job::finished, this, [this, key, guard, callback](QKeychain::Job *finished) {
        QString error;
        bool ok = finished->error() == QKeychain::NoError || finished->error() == QKeychain::EntryNotFound;
        if (!ok)
            error = tr("The system keychain could not remove the token: %1").arg(finished->errorString());
        if (ok && QFileInfo::exists(m_filePath))
            ok = fileWrite(key, std::nullopt, &error);
        deliver(guard, callback, ok, error, key);
    });
    job->start();
}

std::optional<QHash<QString, QByteArray>> SecretStore::loadFile(QString *error) const
{
    QHash<QString, QByteArray> secrets;
    const QString shown = QDir::toNativeSeparators(m_filePath);
    // Opened without following a symbolic link and checked on the descriptor, so that nobody can
    // swap the file for a link to theirs (or to a file of another user) between check and read.
    const int descriptor = ::open(QFile::encodeName(m_filePath).constData(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
    if (descriptor < 0) {
        if (errno == ENOENT)
            return secrets;
        *error = errno == ELOOP
                     ? tr("The secrets file %1 is a symbolic link; it was not read. A secrets file must be "
                          "a plain file of your own: remove the link and enter the tokens again.")
                           .arg(shown)
                     : tr("Cannot read the secrets file %1: %2").arg(shown, QString::fromLocal8Bit(strerror(errno)));
        return std::nullopt;
    }
    QFile file;
    if (!file.open(descriptor, QIODevice::ReadOnly, QFileDevice::AutoCloseHandle)) {
        ::close(descriptor);
        *error = tr("Cannot read the secrets file %1: %2").arg(shown, file.errorString());
        return std::nullopt;
    }
    struct stat status = {};
    if (fstat(descriptor, &status) != 0 || !S_ISREG(status.st_mode)) {
        *error = tr("The secrets file %1 is not a plain file; it was not read.").arg(shown);
        return std::nullopt;
    }
    if (status.st_uid != geteuid()) {
        *error = tr("The secrets file %1 belongs to another user (uid %2); it was not read. Move it away and enter "
                    "the tokens again.")
                     .arg(shown)
                     .arg(status.st_uid);
        return std::nullopt;
    }
    // Someone loosened the mode (a copy, a restore from backup): close it again before reading.
    if (status.st_mode & (S_IRWXG | S_IRWXO)) {
        qCWarning(lcSecrets).noquote() << m_filePath << "was readable by others; its mode is now 0600";
        fchmod(descriptor, S_IRUSR | S_IWUSR);
    }
    const auto damaged = [&](const QString &problem) {
        *error = tr("The secrets file %1 is damaged (%2). It was left as it is; move it away or repair it, "
                    "then enter the tokens again.")
                     .arg(shown, problem);
        return std::nullopt;
    };
    if (file.size() > MaxFileBytes)
        return damaged(tr("it is larger than 1 MiB"));
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return damaged(tr("not valid JSON at byte %1: %2").arg(parseError.offset).arg(parseError.errorString()));
    const QJsonObject root = document.object();
    if (root.value(QStringLiteral("format")).toString() != FileFormat)
        return damaged(tr("it is not a Haven secrets file"));
    if (root.value(QStringLiteral("version")).toInt() != FileVersion)
        return damaged(tr("unknown version %1").arg(root.value(QStringLiteral("version")).toVariant().toString()));
    const QJsonValue entries = root.value(QStringLiteral("secrets"));
    if (!entries.isObject())
        return damaged(tr("\"secrets\" is not an object"));
    const QJsonObject map = entries.toObject();
    for (auto it = map.begin(); it != map.end(); ++it) {
        const auto decoded = QByteArray::fromBase64Encoding(it.value().toString().toLatin1(),
                                                            QByteArray::AbortOnBase64DecodingErrors);
        if (!it.value().isString() || !decoded)
            return damaged(tr("the entry \"%1\" is not base64").arg(it.key()));
        secrets.insert(it.key(), decoded.decoded);
    }
    return secrets;
}

bool SecretStore::saveFile(const QHash<QString, QByteArray> &secrets, QString *error) const
{
    const QString shown = QDir::toNativeSeparators(m_filePath);
    const QString directory = QFileInfo(m_filePath).absolutePath();
    if (!QFileInfo::exists(directory)) {
        if (!QDir().mkpath(directory)) {
            *error = tr("Cannot create the directory %1 for the secrets file.").arg(QDir::toNativeSeparators(directory));
            return false;
        }
        QFile::setPermissions(directory, OwnerOnly | QFileDevice::ExeOwner);
    }
    QJsonObject map;
    for (auto it = secrets.cbegin(); it != secrets.cend(); ++it)
        map.insert(it.key(), QString::fromLatin1(it.value().toBase64()));
    const QJsonObject root{{QStringLiteral("format"), FileFormat},
                           {QStringLiteral("version"), FileVersion},
                           {QStringLiteral("secrets"), map}};
    QSaveFile file(m_filePath);
    if (!file.open(QIODevice::WriteOnly)) {
        *error = tr("Cannot write the secrets file %1: %2").arg(shown, file.errorString());
        return false;
    }
    // The mode is set on the new file before the tokens go in, so they are never readable by others.
    if (!file.setPermissions(OwnerOnly)) {
        file.cancelWriting();
        *error = tr("Cannot make the secrets file %1 private (mode 0600).").arg(shown);
        return false;
    }
    file.write(QJsonDocument(root).toJson(QJsonDocument::Indented));
    if (!file.commit()) {
        *error = tr("Cannot write the secrets file %1: %2").arg(shown, file.errorString());
        return false;
    }
    if ((QFile::permissions(m_filePath) & ModeMask) != OwnerOnly && !QFile::setPermissions(m_filePath, OwnerOnly)) {
        *error = tr("Cannot make the secrets file %1 private (mode 0600).").arg(shown);
        return false;
    }
    return true;
}

SecretStore::ReadResult SecretStore::fileRead(const QString &key) const
{
    ReadResult result;
    const std::optional<QHash<QString, QByteArray>> secrets = loadFile(&result.error);
    if (!secrets)
        return result;
    result.ok = true;
    const auto it = secrets->constFind(key);
    if (it != secrets->cend()) {
        result.found = true;
        result.secret = *it;
    }
    return result;
}

bool SecretStore::fileWrite(const QString &key, const std::optional<QByteArray> &secret, QString *error) const
{
    // A damaged file is never replaced: the other tokens in it would be lost without a word.
    std::optional<QHash<QString, QByteArray>> secrets = loadFile(error);
    if (!secrets)
        return false;
    if (secret) {
        secrets->insert(key, *secret);
    } else if (!secrets->remove(key)) {
        return true; // nothing to remove, nothing to write
    }
    return saveFile(*secrets, error);
}

void SecretStore::deliver(QObject *context, ReadCallback callback, ReadResult result)
{
    if (!callback || !context)
        return; // no one to tell, or the one who asked is gone
    QMetaObject::invokeMethod(
        context, [callback = std::move(callback), result = std::move(result)] { callback(result); },
        Qt::QueuedConnection);
}

void SecretStore::deliver(QObject *context, DoneCallback callback, bool ok, const QString &error,
                          const QString &changedKey)
{
    if (ok && !changedKey.isEmpty())
        QMetaObject::invokeMethod(
            this, [this, changedKey] { Q_EMIT secretChanged(changedKey); }, Qt::QueuedConnection);
    if (!callback || !context)
        return; // no one to tell, or the one who asked is gone
    QMetaObject::invokeMethod(
        context, [callback = std::move(callback), ok, error] { callback(ok, error); }, Qt::QueuedConnection);
}

} // namespace Haven
