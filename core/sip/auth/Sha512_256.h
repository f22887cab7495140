#pragma once

#include <QByteArray>
#include <QByteArrayView>

namespace parlo::sip {

// SHA-512/256 (FIPS 180-4 §5.3.6.2, §6.7) for RFC 8760 digest. QCryptographicHash has SHA-512 but
// not this truncated variant, which needs its own initial hash values, so it is done here.
class Sha512_256 {
public:
    // 32-byte raw digest.
    static QByteArray hash(QByteArrayView data);

    // Plain SHA-512 over the same compression function; lets tests cross-check the round constants
    // against QCryptographicHash.
    static QByteArray sha512(QByteArrayView data);
};

} // namespace parlo::sip
