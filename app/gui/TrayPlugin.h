#pragma once

#include "TrayView.h"

#include <QLibrary>
#include <memory>

class QGuiApplication;

// The parlo-tray-widgets module (app/tray), which holds everything that needs Qt Widgets: the
// QApplication and the tray icon with its menu. Loaded only where the desktop has a tray, so
// that elsewhere the app runs on QGuiApplication and never maps Qt Widgets (about 3 MB).
class TrayPlugin {
public:
    // The module from next to the executable (a build tree) or from Parlo's library folder
    // (lib/parlo beside bin/); null, with a warning, when it cannot be loaded.
    static std::unique_ptr<TrayPlugin> load();
    static std::unique_ptr<TrayPlugin> load(const QString &path);

    QGuiApplication *createApplication(int &argc, char **argv) const {
        return m_createApplication(argc, argv);
    }
    TrayViewFactory viewFactory() const;
    QString fileName() const { return m_library.fileName(); }

private:
    using CreateApplication = QGuiApplication *(*)(int &, char **);
    using CreateView = TrayView *(*)(const QIcon &, const QList<QAction *> &);

    QLibrary m_library; // never unloaded: the application object and the view live in it
    CreateApplication m_createApplication = nullptr;
    CreateView m_createView = nullptr;
};
