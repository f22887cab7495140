#include "sip/message/SipIdentifiers.h"

#include <QRandomGenerator>

namespace parlo::sip {

namespace {

// Alphanumerics only: valid in a token, a Call-ID word and a URI without escaping.
QByteArray randomToken(int length) {
    static const char alphabet[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    QByteArray out(length, Qt::Uninitialized);
    auto *rng = QRandomGenerator::system();
    for (int i = 0; i < length; ++i)
        out[i] = alphabet[rng->bounded(62)];
    return out;
}

} // namespace

QByteArray newBranch() {
    return QByteArrayLiteral("z9hG4bK") + randomToken(20);
}

QByteArray newTag() {
    return randomToken(12);
}

QByteArray newCallId() {
    return randomToken(24);
}

} // namespace parlo::sip
