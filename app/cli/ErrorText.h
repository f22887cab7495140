#pragma once

#include "call/Call.h"
#include "call/CallMedia.h"
#include "presence/PresenceState.h"
#include "sip/dialog/RegistrationError.h"
#include "sip/dialog/RequestError.h"
#include "sip/transport/TransportProtocol.h"

#include <QString>

// The CLI's wording of typed core errors (the GUI words them in ui/ with qsTr).
namespace ErrorText {
QString endpoint(const parlo::sip::Peer &peer); // "127.0.0.1:5060", "[::1]:5061"
QString registrationFailure(const parlo::sip::RegistrationError &e);
// Short step name for --json: dns, connect, tls, timeout, auth, registrar.
QString registrationStep(const parlo::sip::RegistrationError &e);
// Why a call ended, for --json: hangup_local, hangup_remote, cancelled, declined, busy, rejected,
// not_reachable, no_common_media, auth_failed, connection_lost.
QString callEndReason(parlo::Call::EndReason reason);
// "486 Busy Here"; empty for 0.
QString statusText(int status);
// The human line: "busy (486 Busy Here)", "hung up by the other side".
QString callEnd(parlo::Call::EndReason reason, int status);
// no_audio_input, no_audio_output, audio_device_failed, play_file_unreadable,
// record_file_unwritable, srtp_setup_failed.
QString mediaErrorName(parlo::CallMediaError error);
QString mediaError(parlo::CallMediaError error, const QString &detail);
// Why a MESSAGE, PUBLISH or SUBSCRIBE failed, towards hop: "404 Not Found", "timeout: no answer
// from sip:127.0.0.1:5060" …
QString requestFailure(const parlo::sip::RequestError &e, const QString &hop);
// Short kind for --json: dns, timeout, connect, auth, rejected, not_found, terminated …
QString requestFailureKind(const parlo::sip::RequestError &e);
// available, away, busy, on-the-phone, offline, unknown (the words of the presence command).
QString presenceName(parlo::presence::PresenceState state);
} // namespace ErrorText
