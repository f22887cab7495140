#include "TrayPlugin.h"

#include "base/PrivateFile.h"

#include <QtGlobal>

std::unique_ptr<TrayPlugin> TrayPlugin::load() {
    const QString path = parlo::privateFile(QStringLiteral("parlo-tray-widgets.so"));
    if (path.isEmpty()) {
        qWarning("No tray icon: parlo-tray-widgets.so is not installed");
        return nullptr;
    }
    return load(path);
}

std::unique_ptr<TrayPlugin> TrayPlugin::load(const QString &path) {
    auto plugin = std::unique_ptr<TrayPlugin>(new TrayPlugin);
    plugin->m_library.setFileName(path);
    if (!plugin->m_library.load()) {
        qWarning("No tray icon: %s", qPrintable(plugin->m_library.errorString()));
        return nullptr;
    }
    plugin->m_createApplication =
        reinterpret_cast<CreateApplication>(plugin->m_library.resolve("parlo_tray_create_application"));
    plugin->m_createView = reinterpret_cast<CreateView>(plugin->m_library.resolve("parlo_tray_create_view"));
    if (!plugin->m_createApplication || !plugin->m_createView) {
        qWarning("No tray icon: %s is not Parlo's tray module", qPrintable(path));
        return nullptr;
    }
    return plugin;
}

TrayViewFactory TrayPlugin::viewFactory() const {
    return [create = m_createView](const QIcon &icon, const QList<QAction *> &menu) {
        return std::unique_ptr<TrayView>(create(icon, menu));
    };
}
