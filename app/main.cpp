#include <QGuiApplication>
#include <QLocale>
#include <QQmlApplicationEngine>
#include <QQuickStyle>
#include <QTranslator>

int main(int argc, char *argv[]) {
    QGuiApplication app(argc, argv);
    QGuiApplication::setApplicationName(QStringLiteral("Parlo"));
    QGuiApplication::setOrganizationName(QStringLiteral("Parlo"));
    QGuiApplication::setApplicationVersion(QStringLiteral(PARLO_VERSION));

    // Fusion draws with the platform palette, so the app follows the system's light or dark theme;
    // the Basic style would stay light.
    if (qEnvironmentVariableIsEmpty("QT_QUICK_CONTROLS_STYLE"))
        QQuickStyle::setStyle(QStringLiteral("Fusion"));

    QTranslator translator;
    if (translator.load(QLocale(), QStringLiteral("parlo"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        QCoreApplication::installTranslator(&translator);

    QQmlApplicationEngine engine;
    // Qt 6.4 has no loadFromModule(); the module's files live under this import path.
    engine.addImportPath(QStringLiteral("qrc:/qt/qml"));
    QObject::connect(
        &engine, &QQmlApplicationEngine::objectCreationFailed, &app, []() { QCoreApplication::exit(1); },
        Qt::QueuedConnection);
    engine.load(QUrl(QStringLiteral("qrc:/qt/qml/Parlo/Ui/qml/Main.qml")));
    return app.exec();
}
