#include "AppInfo.h"

QString AppInfo::version() const {
    return QStringLiteral(PARLO_VERSION);
}
