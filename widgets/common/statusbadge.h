// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "protocol/protocol.h"

#include <QWidget>

namespace Haven {

// A rounded pill showing a component status: colour, symbol and text, e.g. "▼ Down".
// Sized by the widget's font, so a wall screen makes it readable from afar by enlarging the
// font; the colours follow the palette's scheme (light or dark, see StatusColors).
class StatusBadge final : public QWidget
{
    Q_OBJECT
    Q_PROPERTY(QString text READ text WRITE setText)

public:
    explicit StatusBadge(QWidget *parent = nullptr);
    explicit StatusBadge(ComponentStatus status, QWidget *parent = nullptr);

    ComponentStatus status() const { return m_status; }
    void setStatus(ComponentStatus status);

    // Shown after the symbol; when empty, the status's translated label ("Down").
    QString text() const { return m_text; }
    void setText(const QString &text);
    QString displayText() const;

    // The fill colour for the current status and palette.
    QColor fillColor() const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    QString fullText() const; // symbol + display text

    ComponentStatus m_status = ComponentStatus::Unknown;
    QString m_text;
};

} // namespace Haven
