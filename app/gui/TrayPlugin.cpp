#include "TrayPlugin.h"

#include <QFileInfo>
#include <QtGlobal>

std::unique_ptr<TrayPlugin> TrayPlugin::load() {
    // Before the application object: its applicationDirPath() is not there yet.
    const QString exeDir = QFileInfo(QStringLiteral("/proc/self/exe")).canonicalPath();
    const QString name = QStringLiteral("parlo-tray-widgets.so");
    const QString beside = exeDir + QLatin1Char('/') + name;
    const QString installed = exeDir + QStringLiteral("/" PARLO_PRIVATE_DIR_FROM_BIN "/") + name;
    return load(QFileInfo::exists(beside) ? beside : installed);
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
