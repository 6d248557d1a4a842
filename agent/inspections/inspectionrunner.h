// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "protocol/protocol.h"

#include <QElapsedTimer>
#include <QJsonObject>
#include <QObject>

#include <memory>

namespace Haven {

// Runs one inspection rule (docs/inspections.md): a shell or Python script, or an HTTP probe
// that checks a page's status and content. The verdict is "pass" or "fail" for what the rule
// found about the site, "error" when the rule could not reach a verdict (timeout, cancel).
class InspectionRunner : public QObject
{
    Q_OBJECT
public:
    // Checks the request completely; nullptr with *error set ("http.url: ...") when it is not
    // valid, so that the caller can answer 400 before anything runs.
    static std::unique_ptr<InspectionRunner> create(const QJsonObject &request, QString *error);

    ~InspectionRunner() override;

    // finished() is emitted exactly once after start(), never from inside start() itself.
    virtual void start() = 0;
    // Stops the probe; finished() follows with verdict "error" unless a verdict came first.
    virtual void cancel() = 0;

    bool isFinished() const { return m_finished; }

Q_SIGNALS:
    void finished(const Haven::InspectionResult &result);

protected:
    explicit InspectionRunner(QObject *parent = nullptr);

    void markStarted();
    // Stamps the duration and emits finished() the first time only.
    void finish(InspectionResult result);

private:
    QElapsedTimer m_clock;
    bool m_finished = false;
};

} // namespace Haven
