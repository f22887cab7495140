#include "base/PrivateFile.h"

#include <QFileInfo>

namespace parlo {

QString privateFile(const QString &name, const char *overrideVariable) {
    if (overrideVariable && !qEnvironmentVariableIsEmpty(overrideVariable)) {
        const QString path = qEnvironmentVariable(overrideVariable);
        return QFileInfo::exists(path) ? path : QString();
    }
    // Not QCoreApplication::applicationDirPath(): the tray module is looked for before there is one.
    const QString dir = QFileInfo(QStringLiteral("/proc/self/exe")).canonicalPath();
    for (const QString &candidate :
         {dir + QLatin1Char('/') + name, dir + QStringLiteral("/" PARLO_PRIVATE_DIR_FROM_BIN "/") + name}) {
        if (QFileInfo::exists(candidate))
            return candidate;
    }
    return {};
}

} // namespace parlo
