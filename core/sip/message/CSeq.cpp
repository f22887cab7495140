#include "sip/message/CSeq.h"

#include "sip/message/SipGrammar.h"

namespace parlo::sip {

std::optional<CSeq> CSeq::parse(QByteArrayView text) {
    quint32 number = 0;
    QByteArrayView method;
    if (!grammar::scanCSeq(text, &number, &method))
        return std::nullopt;
    return CSeq{number, method.toByteArray()};
}

QByteArray CSeq::toString() const {
    return QByteArray::number(number) + ' ' + method;
}

} // namespace parlo::sip
