#include "CallErrorText.h"

#include "sip/message/SipMessage.h"

namespace {
QString status(int code) {
    return QStringLiteral("%1 %2").arg(code).arg(
        QString::fromUtf8(parlo::sip::SipMessage::defaultReason(code)));
}
} // namespace

QString CallErrorText::dialError(DialTarget::Error error) {
    switch (error) {
    case DialTarget::Error::Empty:
        return tr("Enter a number or a SIP address.");
    case DialTarget::Error::InvalidUri:
        return tr("This is not a valid SIP address. Write it like sip:bob@example.com.");
    case DialTarget::Error::InvalidNumber:
        return tr("A phone number can only contain digits, a leading +, * and #.");
    case DialTarget::Error::UnsupportedScheme:
        return tr("Parlo can call sip:, sips: and tel: addresses only.");
    case DialTarget::Error::NoAccount:
        return tr("Add an account first, or enter a full address like sip:bob@example.com.");
    }
    return {};
}

QString CallErrorText::endReason(parlo::Call::EndReason reason, int code) {
    using R = parlo::Call::EndReason;
    switch (reason) {
    case R::None:
    case R::HungUpLocally:
    case R::HungUpRemotely:
        return {};
    case R::Cancelled:
        return tr("The caller hung up before the call was answered.");
    case R::Declined:
        return tr("You declined the call.");
    case R::Busy:
        return tr("The other side is busy.");
    case R::Rejected:
        switch (code) {
        case 404:
        case 604:
            return tr("This number or address does not exist (%1).").arg(status(code));
        case 480:
            return tr("The other side is not available right now (%1).").arg(status(code));
        case 603:
            return tr("The other side declined the call.");
        }
        return code > 0 ? tr("The call was refused (%1).").arg(status(code)) : tr("The call was refused.");
    case R::NotReachable:
        return tr("The other side cannot be reached: no answer, no connection or an unknown server name.");
    case R::NoCommonMedia:
        return tr("The other side supports none of Parlo's audio codecs.");
    case R::AuthenticationFailed:
        return tr("Your provider refused the call: check the account's password.");
    case R::ConnectionLost:
        return tr("The connection to the other side was lost.");
    }
    return {};
}

QString CallErrorText::mediaError(parlo::CallMediaError error) {
    using E = parlo::CallMediaError;
    switch (error) {
    case E::NoAudioInput:
        return tr("No microphone found: the other side hears silence.");
    case E::NoAudioOutput:
        return tr("No speaker or headset found: you cannot hear the other side.");
    case E::AudioDeviceFailed:
        return tr("The audio device stopped working.");
    case E::PlayFileUnreadable:
    case E::RecordFileUnwritable:
        return tr("An audio file could not be opened.");
    case E::SrtpSetupFailed:
        return tr("The call's encryption could not be set up, so it carries no audio.");
    }
    return {};
}

QString CallErrorText::transferFailed(int code) {
    switch (code) {
    case 405:
    case 420:
    case 481:
    case 501:
        return tr("The other side cannot transfer calls.");
    case 403:
        return tr("The other side refused the transfer.");
    case 486:
    case 600:
        return tr("The transfer target is busy.");
    case 408:
        return tr("The transfer got no answer.");
    }
    return code > 0 ? tr("The transfer failed (%1).").arg(status(code)) : tr("The transfer failed.");
}
