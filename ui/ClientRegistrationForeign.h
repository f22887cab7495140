#pragma once

#include "sip/dialog/ClientRegistration.h"

#include <QQmlEngine>

// Exposes ClientRegistration.State to QML (ClientRegistration.Registered, …) without making core
// depend on QtQml. Written by hand: qt_generate_foreign_qml_types is broken in Qt 6.4.
struct ClientRegistrationForeign {
    Q_GADGET
    QML_FOREIGN(parlo::sip::ClientRegistration)
    QML_NAMED_ELEMENT(ClientRegistration)
    QML_UNCREATABLE("Registrations belong to accounts")
};
