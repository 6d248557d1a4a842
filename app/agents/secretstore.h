// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QHash>
#include <QObject>
#include <QString>

#include <functional>
#include <optional>

class QTimer;

namespace Haven {

// Where the console keeps the agents' tokens: the system keychain (Secret Service, KWallet,
// macOS Keychain, Windows Credential Manager, through QtKeychain, service "haven") when one
// answers, otherwise a file that only its owner can read (0600), see docs/environment.md.
//
// Every call is asynchronous: the callback runs later from the event loop on this object's
// thread, never inside the call, and never after `context` is destroyed. Secrets are never
// logged. Calls made while the store is still looking for a keychain wait for the answer.
class SecretStore final : public QObject
{
    Q_OBJECT

public:
    enum class Backend {
        Detect,   // still asking whether a system keychain is there
        Keychain, // the system keychain
        File,     // the protected file
    };

    struct ReadResult
    {
        bool ok = false;    // false: error says why the store could not be read
        bool found = false; // ok and a secret is stored under the key
        QByteArray secret;
        QString error;
    };
    using ReadCallback = std::function<void(const ReadResult &)>;
    using DoneCallback = std::function<void(bool ok, const QString &error)>;

    // Uses the system keychain when one answers, else the protected file at defaultFilePath().
    explicit SecretStore(QObject *parent = nullptr);
    // Forces a backend: File is what tests and keychain-less machines use. An empty filePath
    // means defaultFilePath(). Backend::Detect behaves like the constructor above.
    SecretStore(Backend backend, const QString &filePath, QObject *parent = nullptr);
    ~SecretStore() override;

    // QStandardPaths::AppDataLocation/secrets.json, e.g. ~/.local/share/haven/secrets.json.
    static QString defaultFilePath();
    static QString serviceName() { return QStringLiteral("haven"); }

    Backend backend() const { return m_backend; }
    bool isReady() const { return m_backend != Backend::Detect; }
    // For people: "system keychain" or "protected file ~/.local/share/haven/secrets.json".
    QString backendName() const;
    QString filePath() const { return m_filePath; }
    // Why the keychain is not used (empty when it is, or when the file was forced).
    QString fallbackReason() const { return m_fallbackReason; }
    // How long detection waits for a keychain before using the file.
    void setDetectionTimeout(int milliseconds);

    void read(const QString &key, QObject *context, ReadCallback callback);
    void write(const QString &key, const QByteArray &secret, QObject *context, DoneCallback callback);
    void remove(const QString &key, QObject *context, DoneCallback callback);
    // Whether a secret is stored under key, without handing it out. False on errors too.
    void contains(const QString &key, QObject *context, std::function<void(bool)> callback);

Q_SIGNALS:
    // Detection finished: backend() and backendName() are final.
    void ready();
    // A secret was written or removed (never carries the secret).
    void secretChanged(const QString &key);

private:
    void startDetection();
    void finishDetection(Backend backend, const QString &reason);
    void whenReady(std::function<void()> work);

    void keychainRead(const QString &key, QObject *context, ReadCallback callback);
    void keychainWrite(const QString &key, const QByteArray &secret, QObject *context, DoneCallback callback);
    void keychainRemove(const QString &key, QObject *context, DoneCallback callback);

    // The protected file, read and written whole (it holds a handful of tokens).
    std::optional<QHash<QString, QByteArray>> loadFile(QString *error) const;
    bool saveFile(const QHash<QString, QByteArray> &secrets, QString *error) const;
    ReadResult fileRead(const QString &key) const;
    bool fileWrite(const QString &key, const std::optional<QByteArray> &secret, QString *error) const;

    void deliver(QObject *context, ReadCallback callback, ReadResult result);
    void deliver(QObject *context, DoneCallback callback, bool ok, const QString &error, const QString &changedKey);

    Backend m_backend = Backend::Detect;
    QString m_filePath;
    QString m_fallbackReason;
    QTimer *m_detectionTimer = nullptr;
    QList<std::function<void()>> m_pending;
};

} // namespace Haven
