#include "media/SoundSystem.h"

#include "base/PrivateFile.h"

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

} // namespace

SoundSystem *SoundSystem::instance(QString *error) {
    const QMutexLocker lock(&g_mutex);
    if (!g_tried) {
        g_tried = true;
        // Never unloaded: its objects (devices, threads of the sound server's client) live on.
        const QString path = privateFile(QStringLiteral("parlo-sound.so"), "PARLO_SOUND_MODULE");
        QLibrary library(path);
        using Entry = SoundSystem *(*)();
        if (path.isEmpty()) {
            g_error = QStringLiteral("parlo-sound.so is not installed");
        } else if (!library.load()) {
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
