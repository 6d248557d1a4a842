// SPDX-License-Identifier: GPL-3.0-or-later
#include "theme.h"

#include <QApplication>
#include <QScreen>
#include <QStyle>
#include <QStandardPaths>
#include <QTest>

using namespace Haven;

Q_DECLARE_METATYPE(Haven::ColorScheme)

class TestTheme final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void paletteContrast_data();
    void paletteContrast();
    void schemeIsRecognised_data();
    void schemeIsRecognised();
    void readablePixelSize();
    void wallFontGrowsWithDistance();
    void applySetsPalette();
};

void TestTheme::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestTheme::paletteContrast_data()
{
    QTest::addColumn<ColorScheme>("scheme");
    QTest::addColumn<QPalette::ColorGroup>("group");
    QTest::addColumn<QPalette::ColorRole>("foreground");
    QTest::addColumn<QPalette::ColorRole>("background");
    QTest::addColumn<double>("minimum");
    for (const auto &[name, scheme] : {std::pair{"light", ColorScheme::Light}, std::pair{"dark", ColorScheme::Dark}}) {
        QTest::addRow("%s window text", name) << scheme << QPalette::Active << QPalette::WindowText << QPalette::Window << 7.0;
        QTest::addRow("%s text", name) << scheme << QPalette::Active << QPalette::Text << QPalette::Base << 7.0;
        QTest::addRow("%s button", name) << scheme << QPalette::Active << QPalette::ButtonText << QPalette::Button << 7.0;
        QTest::addRow("%s selection", name) << scheme << QPalette::Active << QPalette::HighlightedText << QPalette::Highlight << 7.0;
        QTest::addRow("%s link", name) << scheme << QPalette::Active << QPalette::Link << QPalette::Base << 7.0;
        QTest::addRow("%s tooltip", name) << scheme << QPalette::Inactive << QPalette::ToolTipText << QPalette::ToolTipBase << 7.0;
        QTest::addRow("%s placeholder", name) << scheme << QPalette::Active << QPalette::PlaceholderText << QPalette::Base << 4.5;
        QTest::addRow("%s disabled", name) << scheme << QPalette::Disabled << QPalette::Text << QPalette::Base << 4.5;
    }
}

void TestTheme::paletteContrast()
{
    QFETCH(ColorScheme, scheme);
    QFETCH(QPalette::ColorGroup, group);
    QFETCH(QPalette::ColorRole, foreground);
    QFETCH(QPalette::ColorRole, background);
    QFETCH(double, minimum);

    const QPalette palette = Theme::palette(scheme);
    const double ratio = StatusColors::contrastRatio(palette.color(group, foreground), palette.color(group, background));
    QVERIFY2(ratio >= minimum, qPrintable(QString::number(ratio, 'f', 2)));
}

void TestTheme::schemeIsRecognised_data()
{
    QTest::addColumn<ColorScheme>("scheme");
    QTest::addRow("light") << ColorScheme::Light;
    QTest::addRow("dark") << ColorScheme::Dark;
}

void TestTheme::schemeIsRecognised()
{
    QFETCH(ColorScheme, scheme);
    QCOMPARE(StatusColors::schemeFor(Theme::palette(scheme)), scheme);
}

void TestTheme::readablePixelSize()
{
    // 20 arc minutes at 5 m is a 29 mm capital letter: 1.146 in at 96 dpi is 110 px, / 0.7 = 157 px.
    QCOMPARE(Theme::readablePixelSize(5.0, 96.0), 157);
    QCOMPARE(Theme::readablePixelSize(10.0, 96.0), 314);
    QVERIFY(Theme::readablePixelSize(5.0, 96.0, 16.0) < Theme::readablePixelSize(5.0, 96.0));
    // At arm's length the minimum applies.
    QCOMPARE(Theme::readablePixelSize(0.1, 96.0), 12);
    QCOMPARE(Theme::readablePixelSize(0.1, 96.0, 20.0, 9), 9);
}

void TestTheme::wallFontGrowsWithDistance()
{
    QScreen *screen = QGuiApplication::primaryScreen();
    QVERIFY(screen);
    const QFont base = QApplication::font();
    const QFont desk = Theme::wallFont(base, *screen, 0.7);
    const QFont wall = Theme::wallFont(base, *screen, 5.0);
    QVERIFY(wall.pixelSize() > desk.pixelSize());
    QCOMPARE(wall.family(), base.family());
}

void TestTheme::applySetsPalette()
{
    auto *app = qobject_cast<QApplication *>(QCoreApplication::instance());
    QVERIFY(app);
    Theme::apply(*app, ColorScheme::Dark);
    QCOMPARE(QApplication::palette().color(QPalette::Window), Theme::palette(ColorScheme::Dark).color(QPalette::Window));
    QCOMPARE(QApplication::style()->name(), QStringLiteral("fusion"));
}

QTEST_MAIN(TestTheme)
#include "tst_theme.moc"
