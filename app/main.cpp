#include "AccountListModel.h"
#include "AppSettings.h"
#include "AppStorage.h"
#include "BringToFront.h"
#include "CallController.h"
#include "IncomingCallNotification.h"
#include "LaunchUri.h"
#include "SingleInstance.h"
#include "TrayHost.h"
#include "TrayIcon.h"
#include "TrayPlugin.h"

#include <QCommandLineParser>
#include <QGuiApplication>
#include <QLoggingCategory>
#include <QQmlApplicationEngine>
#include <QQuickStyle>
#include <QQuickWindow>

Q_LOGGING_CATEGORY(lcApp, "parlo.app")

namespace {

// Brings the window up (from minimised, behind other windows) and hands it the link to call.
void openInWindow(QObject *root, const QString &uri) {
    parlo::bringToFront(qobject_cast<QQuickWindow *>(root));
    qCDebug(lcApp) << "another launch handed over" << (uri.isEmpty() ? QStringLiteral("no link") : uri);
    if (!uri.isEmpty())
        QMetaObject::invokeMethod(root, "openUri", Q_ARG(QVariant, uri));
}

} // namespace

int main(int argc, char *argv[]) {
    // The tray icon and its menu are Qt Widgets, and then the application is a QApplication: both
    // come from a module loaded only where the desktop has a tray. Elsewhere Qt Widgets stays out
    // of the process (about 3 MB of it).
    const std::unique_ptr<TrayPlugin> trayPlugin = TrayHost::present() ? TrayPlugin::load() : nullptr;
    const std::unique_ptr<QGuiApplication> app(trayPlugin ? trayPlugin->createApplication(argc, argv)
                                                          : new QGuiApplication(argc, argv));
    QGuiApplication::setApplicationName(QStringLiteral("Parlo"));
    QGuiApplication::setOrganizationName(QStringLiteral("Parlo"));
    QGuiApplication::setApplicationVersion(QStringLiteral(PARLO_VERSION));
    // Lets Wayland compositors and docks match the window to the desktop file and its icon.
    QGuiApplication::setDesktopFileName(QStringLiteral("org.parlo.Parlo"));

    // The language chosen in the settings, or the system's; switchable at run time.
    AppSettings *settings = AppSettings::instance();
    settings->applyLanguage();

    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate("main", "Parlo, a SIP softphone."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(
        QStringLiteral("uri"),
        QCoreApplication::translate("main", "A sip:, sips:, tel: or callto: address to call."),
        QStringLiteral("[uri]"));
    parser.process(*app);
    const QString uri = parlo::LaunchUri::fromArguments(parser.positionalArguments());

    // A link clicked while Parlo runs goes to the running app, which calls it; this launch ends.
    parlo::SingleInstance instance(parlo::SingleInstance::defaultName());
    if (instance.handOffOrListen(uri))
        return 0;

    // Fusion draws with the platform palette, so the app follows the system's light or dark theme;
    // the Basic style would stay light.
    if (qEnvironmentVariableIsEmpty("QT_QUICK_CONTROLS_STYLE"))
        QQuickStyle::setStyle(QStringLiteral("Fusion"));

    TrayIcon tray(settings, trayPlugin ? trayPlugin->viewFactory() : TrayViewFactory());
    settings->setTrayAvailable(tray.isAvailable());
    qCDebug(lcApp) << (tray.isAvailable() ? "tray icon from" : "no tray")
                   << (trayPlugin ? trayPlugin->fileName() : QString());
    // With a tray the window closes into it; Quit in the tray menu ends the app.
    if (tray.isAvailable())
        QGuiApplication::setQuitOnLastWindowClosed(false);

    QQmlApplicationEngine engine;
    settings->addEngine(&engine);
    // Qt 6.4 has no loadFromModule(); the module's files live under this import path.
    engine.addImportPath(QStringLiteral("qrc:/qt/qml"));
    QObject::connect(
        &engine, &QQmlApplicationEngine::objectCreationFailed, app.get(), []() { QCoreApplication::exit(1); },
        Qt::QueuedConnection);
    engine.load(QUrl(QStringLiteral("qrc:/qt/qml/Parlo/Ui/qml/Main.qml")));
    if (engine.rootObjects().isEmpty())
        return 1;
    QObject *root = engine.rootObjects().constFirst();
    if (tray.isAvailable()) {
        tray.setWindow(qobject_cast<QQuickWindow *>(root));
        tray.setCalls(root->property("callController").value<CallController *>());
        tray.setAccounts(root->property("accountModel").value<AccountListModel *>());
        tray.setHistory(AppStorage::instance()->history());
        tray.show();
        // Hidden before the event loop maps it: no flash of the window.
        if (settings->startMinimized() && uri.isEmpty())
            if (auto *window = qobject_cast<QQuickWindow *>(root))
                window->hide();
    }
    // A ringing call as a desktop notification with Answer and Reject; where no notification
    // service answers, the tray's own message stands in.
    IncomingCallNotification notification;
    notification.setWindow(qobject_cast<QQuickWindow *>(root));
    notification.setCalls(root->property("callController").value<CallController *>());
    tray.setAnnounceCalls(false);
    QObject::connect(&notification, &IncomingCallNotification::unavailable, &tray, &TrayIcon::notify);

    QObject::connect(&instance, &parlo::SingleInstance::activated, root,
                     [root](const QString &link) { openInWindow(root, link); });
    if (!uri.isEmpty()) {
        qCDebug(lcApp) << "started with" << uri;
        QMetaObject::invokeMethod(root, "openUri", Q_ARG(QVariant, uri));
    }
    return QGuiApplication::exec();
}
