// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/shell/theme.h"

#include <QApplication>
#include <QStandardPaths>
#include <QStyle>
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
    void wallPixelSize_data();
    void wallPixelSize();
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
        QTest::addRow("%s window text", name)
            << scheme << QPalette::Active << QPalette::WindowText << QPalette::Window << 7.0;
        QTest::addRow("%s text", name) << scheme << QPalette::Active << QPalette::Text << QPalette::Base << 7.0;
        QTest::addRow("%s button", name) << scheme << QPalette::Active << QPalette::ButtonText << QPalette::Button
                                         << 7.0;
        QTest::addRow("%s selection", name)
            << scheme << QPalette::Active << QPalette::HighlightedText << QPalette::Highlight << 7.0;
        QTest::addRow("%s link", name) << scheme << QPalette::Active << QPalette::Link << QPalette::Base << 7.0;
        QTest::addRow("%s tooltip", name)
            << scheme << QPalette::Inactive << QPalette::ToolTipText << QPalette::ToolTipBase << 7.0;
        QTest::addRow("%s placeholder", name)
            << scheme << QPalette::Active << QPalette::PlaceholderText << QPalette::Base << 4.5;
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

void TestTheme::wallPixelSize_data()
{
    QTest::addColumn<int>("height");
    QTest::addColumn<int>("pixels");
    QTest::addRow("1080p wall") << 1080 << 36;
    QTest::addRow("4K wall: twice the pixels, the same share") << 2160 << 72;
    QTest::addRow("small window keeps a floor") << 300 << 18;
    QTest::addRow("video matrix keeps a ceiling") << 8640 << 160;
}

void TestTheme::wallPixelSize()
{
    QFETCH(int, height);
    QFETCH(int, pixels);
    QCOMPARE(Theme::wallPixelSize(height), pixels);
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
