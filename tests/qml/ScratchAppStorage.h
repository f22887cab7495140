#pragma once

#include "AppStorage.h"

#include <QTemporaryDir>

// Points the app's settings and database at dir and opens the database there. Call it before
// anything opens AppStorage (it is a process-wide singleton).
inline bool openScratchAppStorage(const QTemporaryDir &dir) {
    if (!dir.isValid())
        return false;
    qputenv("XDG_DATA_HOME", dir.path().toLocal8Bit());
    qputenv("XDG_CONFIG_HOME", dir.path().toLocal8Bit());
    return AppStorage::instance()->isReady();
}
