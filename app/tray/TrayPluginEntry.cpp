// The parlo-tray-widgets module's entry points, resolved by TrayPlugin (app/gui/TrayPlugin.cpp).
// Plain C names: the module and the app agree on these two functions and on TrayView only.
#include "WidgetTrayView.h"

#include <QApplication>

extern "C" {

// The app object: QApplication, since the tray's menu is a widget.
Q_DECL_EXPORT QGuiApplication *parlo_tray_create_application(int &argc, char **argv) {
    return new QApplication(argc, argv);
}

// The tray icon, or null where Qt finds no tray after all (the app then runs without one).
Q_DECL_EXPORT TrayView *parlo_tray_create_view(const QIcon &icon, const QList<QAction *> &menu) {
    if (!QSystemTrayIcon::isSystemTrayAvailable())
        return nullptr;
    return new WidgetTrayView(icon, menu);
}
}
