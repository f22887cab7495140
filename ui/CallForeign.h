#pragma once

#include "call/Call.h"

#include <QQmlEngine>

// Exposes Call.State and Call.Direction to QML (Call.Active, Call.Incoming, …) without making core
// depend on QtQml. Written by hand: qt_generate_foreign_qml_types is broken in Qt 6.4.
struct CallForeign {
    Q_GADGET
    QML_FOREIGN(parlo::Call)
    QML_NAMED_ELEMENT(Call)
    QML_UNCREATABLE("Calls belong to the CallController")
};
