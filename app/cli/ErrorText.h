#pragma once

#include "sip/dialog/RegistrationError.h"
#include "sip/transport/TransportProtocol.h"

#include <QString>

// The CLI's wording of typed core errors (the GUI words them in ui/ with qsTr).
namespace ErrorText {
QString endpoint(const parlo::sip::Peer &peer); // "127.0.0.1:5060", "[::1]:5061"
QString registrationFailure(const parlo::sip::RegistrationError &e);
// Short step name for --json: dns, connect, tls, timeout, auth, registrar.
QString registrationStep(const parlo::sip::RegistrationError &e);
} // namespace ErrorText
