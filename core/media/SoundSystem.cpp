#include "media/SoundSystem.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QLibrary>
#include <QLoggingCategory>
#include <QMutex>

Q_LOGGING_CATEGORY(lcSound, "parlo.media.sound")

namespace parlo::media {

namespace {
QMutex g_mutex;
SoundSystem *g_system = nullptr;
QString g_error;
bool g_tried = false;

QString modulePath() {
    const QString fromEnv = qEnvironmentVariable("PARLO_SOUND_MODULE");
    if (!fromEnv.isEmpty())
        return fromEnv;
    const QString dir = QCoreApplication::applicationDirPath();
    const QString beside = dir + QStringLiteral("/parlo-sound.so");
    if (QFileInfo::exists(beside))
        return beside;
    return dir + QStringLiteral("/" PARLO_PRIVATE_DIR_FROM_BIN "/parlo-sound.so");
}
} // namespace

SoundSystem *SoundSystem::instance(QString *error) {
    const QMutexLocker lock(&g_mutex);
    if (!g_tried) {
        g_tried = true;
        // Never unloaded: its objects (devices, threads of the sound server's client) live on.
        QLibrary library(modulePath());
        using Entry = SoundSystem *(*)();
        if (!library.load()) {
            g_error = library.errorString();
        } else if (auto entry = reinterpret_cast<Entry>(library.resolve("parlo_sound_system"))) {
            g_system = entry();
        } else {
            g_error = QStringLiteral("%1 is not Parlo's sound module").arg(library.fileName());
        }
        if (!g_system)
            qCWarning(lcSound) << "no sound:" << g_error;
    }
    if (!g_system && error)
        *error = g_error;
    return g_system;
}

bool SoundSystem::isLoaded() {
    const QMutexLocker lock(&g_mutex);
    return g_system != nullptr;
}

} // namespace parlo::media
