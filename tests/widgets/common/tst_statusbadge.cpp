// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/common/statusbadge.h"
#include "widgets/common/statuscolors.h"

#include <QImage>
#include <QPalette>
#include <QSet>
#include <QStandardPaths>
#include <QTest>

using namespace Haven;

Q_DECLARE_METATYPE(Haven::ComponentStatus)
Q_DECLARE_METATYPE(Haven::ColorScheme)

namespace {
const QList<ComponentStatus> AllStatuses = {ComponentStatus::Ok, ComponentStatus::Warning, ComponentStatus::Critical,
                                            ComponentStatus::Down, ComponentStatus::Unknown};

QPalette darkPalette()
{
    QPalette palette;
    palette.setColor(QPalette::Window, QColor(0x12, 0x12, 0x12));
    palette.setColor(QPalette::WindowText, Qt::white);
    return palette;
}

QImage render(StatusBadge &badge)
{
    badge.resize(badge.sizeHint());
    QImage image(badge.size(), QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    badge.render(&image, {}, {}, QWidget::DrawChildren); // the badge alone, not a window background
    return image;
}
} // namespace

class TestStatusBadge final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void sizeHintGrowsWithFont();
    void longerTextIsWider();
    void styles_data();
    void styles();
    void colorsDifferPerStatus_data();
    void colorsDifferPerStatus();
    void rendersStatusColor_data();
    void rendersStatusColor();
    void defaultTextIsStatusLabel();
};

void TestStatusBadge::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestStatusBadge::sizeHintGrowsWithFont()
{
    StatusBadge badge(ComponentStatus::Down);
    QFont font = badge.font();
    font.setPixelSize(12);
    badge.setFont(font);
    const QSize small = badge.sizeHint();
    font.setPixelSize(48);
    badge.setFont(font);
    const QSize large = badge.sizeHint();

    QVERIFY2(large.height() >= 3 * small.height(),
             qPrintable(QStringLiteral("%1 -> %2").arg(small.height()).arg(large.height())));
    QVERIFY(large.width() > 2 * small.width());
    QCOMPARE(badge.minimumSizeHint(), badge.sizeHint());
}

void TestStatusBadge::longerTextIsWider()
{
    StatusBadge badge(ComponentStatus::Warning);
    badge.setText(QStringLiteral("Lag"));
    const int shortWidth = badge.sizeHint().width();
    badge.setText(QStringLiteral("Replication lag 42 s"));
    QVERIFY(badge.sizeHint().width() > shortWidth);
    QCOMPARE(badge.text(), QStringLiteral("Replication lag 42 s"));
    QCOMPARE(badge.displayText(), badge.text());
}

void TestStatusBadge::styles_data()
{
    QTest::addColumn<ComponentStatus>("status");
    QTest::addColumn<ColorScheme>("scheme");
    for (const ComponentStatus status : AllStatuses) {
        QTest::addRow("%s-light", qPrintable(toString(status))) << status << ColorScheme::Light;
        QTest::addRow("%s-dark", qPrintable(toString(status))) << status << ColorScheme::Dark;
    }
}

void TestStatusBadge::styles()
{
    QFETCH(ComponentStatus, status);
    QFETCH(ColorScheme, scheme);
    const StatusStyle style = StatusColors::style(status, scheme);

    // Readable text on the fill (WCAG AA), and a symbol so colour is never the only cue.
    QVERIFY2(StatusColors::contrastRatio(style.text, style.fill) >= 4.5,
             qPrintable(QString::number(StatusColors::contrastRatio(style.text, style.fill))));
    QCOMPARE(style.symbol.size(), 1);
    QVERIFY(!StatusColors::label(status).isEmpty());
}

void TestStatusBadge::colorsDifferPerStatus_data()
{
    QTest::addColumn<ColorScheme>("scheme");
    QTest::addRow("light") << ColorScheme::Light;
    QTest::addRow("dark") << ColorScheme::Dark;
}

void TestStatusBadge::colorsDifferPerStatus()
{
    QFETCH(ColorScheme, scheme);
    QSet<QRgb> fills;
    QSet<QString> symbols;
    for (const ComponentStatus status : AllStatuses) {
        const StatusStyle style = StatusColors::style(status, scheme);
        fills.insert(style.fill.rgb());
        symbols.insert(style.symbol);
    }
    QCOMPARE(fills.size(), AllStatuses.size());
    QCOMPARE(symbols.size(), AllStatuses.size());
}

void TestStatusBadge::rendersStatusColor_data()
{
    QTest::addColumn<ComponentStatus>("status");
    QTest::addColumn<bool>("dark");
    for (const ComponentStatus status : AllStatuses) {
        QTest::addRow("%s-light", qPrintable(toString(status))) << status << false;
        QTest::addRow("%s-dark", qPrintable(toString(status))) << status << true;
    }
}

void TestStatusBadge::rendersStatusColor()
{
    QFETCH(ComponentStatus, status);
    QFETCH(bool, dark);
    StatusBadge badge(status);
    if (dark)
        badge.setPalette(darkPalette());
    const QColor expected = StatusColors::style(status, dark ? ColorScheme::Dark : ColorScheme::Light).fill;
    QCOMPARE(badge.fillColor(), expected);

    const QImage image = render(badge);
    QVERIFY(!image.isNull());
    // The centres of the round caps are fill only: the text stays clear of them.
    const int half = image.height() / 2;
    QCOMPARE(QColor(image.pixel(half, half)), expected);
    QCOMPARE(QColor(image.pixel(image.width() - 1 - half, half)), expected);
    // The text is drawn in the text colour somewhere in the middle.
    const QColor textColor = StatusColors::style(status, dark ? ColorScheme::Dark : ColorScheme::Light).text;
    bool textFound = false;
    for (int x = half; x < image.width() - half && !textFound; ++x) {
        for (int y = 0; y < image.height() && !textFound; ++y)
            textFound = image.pixel(x, y) == textColor.rgb();
    }
    QVERIFY(textFound);
    // Outside the pill's rounded corners nothing is painted.
    QCOMPARE(qAlpha(image.pixel(0, 0)), 0);
    QCOMPARE(qAlpha(image.pixel(image.width() - 1, image.height() - 1)), 0);
}

void TestStatusBadge::defaultTextIsStatusLabel()
{
    StatusBadge badge(ComponentStatus::Down);
    QCOMPARE(badge.displayText(), StatusColors::label(ComponentStatus::Down));
    QCOMPARE(badge.accessibleName(), StatusColors::label(ComponentStatus::Down));
    const int downWidth = badge.sizeHint().width();
    badge.setStatus(ComponentStatus::Unknown);
    QCOMPARE(badge.displayText(), StatusColors::label(ComponentStatus::Unknown));
    QVERIFY(badge.sizeHint().width() != downWidth); // "Unknown" is longer than "Down"
}

QTEST_MAIN(TestStatusBadge)
#include "tst_statusbadge.moc"
