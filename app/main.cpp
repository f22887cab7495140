#include "LaunchUri.h"
#include "SingleInstance.h"

#include <QCommandLineParser>
#include <QGuiApplication>
#include <QLocale>
#include <QLoggingCategory>
#include <QQmlApplicationEngine>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QTranslator>

Q_LOGGING_CATEGORY(lcApp, "parlo.app")

namespace {

// Brings the window up (from minimised, behind other windows) and hands it the link to call.
void openInWindow(QObject *root, const QString &uri) {
    if (auto *window = qobject_cast<QQuickWindow *>(root)) {
        window->setWindowStates(window->windowStates() & ~Qt::WindowMinimized);
        window->show();
        window->raise();
        window->requestActivate();
    }
    qCDebug(lcApp) << "another launch handed over" << (uri.isEmpty() ? QStringLiteral("no link") : uri);
    if (!uri.isEmpty())
        QMetaObject::invokeMethod(root, "openUri", Q_ARG(QVariant, uri));
}

} // namespace

int main(int argc, char *argv[]) {
    QGuiApplication app(argc, argv);
    QGuiApplication::setApplicationName(QStringLiteral("Parlo"));
    QGuiApplication::setOrganizationName(QStringLiteral("Parlo"));
    QGuiApplication::setApplicationVersion(QStringLiteral(PARLO_VERSION));
    // Lets Wayland compositors and docks match the window to the desktop file and its icon.
    QGuiApplication::setDesktopFileName(QStringLiteral("org.parlo.Parlo"));

    QTranslator translator;
    if (translator.load(QLocale(), QStringLiteral("parlo"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        QCoreApplication::installTranslator(&translator);

    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate("main", "Parlo, a SIP softphone."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(
        QStringLiteral("uri"),
        QCoreApplication::translate("main", "A sip:, sips:, tel: or callto: address to call."),
        QStringLiteral("[uri]"));
    parser.process(app);
    const QString uri = parlo::LaunchUri::fromArguments(parser.positionalArguments());

    // A link clicked while Parlo runs goes to the running app, which calls it; this launch ends.
    parlo::SingleInstance instance(parlo::SingleInstance::defaultName());
    if (instance.handOffOrListen(uri))
        return 0;

    // Fusion draws with the platform palette, so the app follows the system's light or dark theme;
    // the Basic style would stay light.
    if (qEnvironmentVariableIsEmpty("QT_QUICK_CONTROLS_STYLE"))
        QQuickStyle::setStyle(QStringLiteral("Fusion"));

    QQmlApplicationEngine engine;
    // Qt 6.4 has no loadFromModule(); the module's files live under this import path.
    engine.addImportPath(QStringLiteral("qrc:/qt/qml"));
    QObject::connect(
        &engine, &QQmlApplicationEngine::objectCreationFailed, &app, []() { QCoreApplication::exit(1); },
        Qt::QueuedConnection);
    engine.load(QUrl(QStringLiteral("qrc:/qt/qml/Parlo/Ui/qml/Main.qml")));
    if (engine.rootObjects().isEmpty())
        return 1;
    QObject *root = engine.rootObjects().constFirst();
    QObject::connect(&instance, &parlo::SingleInstance::activated, root,
                     [root](const QString &link) { openInWindow(root, link); });
    if (!uri.isEmpty()) {
        qCDebug(lcApp) << "started with" << uri;
        QMetaObject::invokeMethod(root, "openUri", Q_ARG(QVariant, uri));
    }
    return app.exec();
}
