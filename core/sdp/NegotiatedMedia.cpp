#include "sdp/NegotiatedMedia.h"

namespace parlo::sdp {

QDebug operator<<(QDebug dbg, const NegotiatedMedia &m) {
    QDebugStateSaver saver(dbg);
    dbg.nospace() << "NegotiatedMedia(" << m.remoteAddress.toString() << ':' << m.remotePort << ' '
                  << m.sendCodec.name.constData() << '/' << m.sendCodec.clockRate << " pt "
                  << m.sendCodec.payloadType << ", te " << m.telephoneEventPayloadType << ", "
                  << directionName(m.direction).constData();
    if (m.isSecure())
        dbg << ", srtp " << CryptoAttribute::suiteName(m.localCrypto->suite()).constData();
    dbg << ')';
    return dbg;
}

} // namespace parlo::sdp
