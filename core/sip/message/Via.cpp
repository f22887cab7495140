#include "sip/message/Via.h"

#include "sip/message/SipGrammar.h"

namespace parlo::sip {

using namespace grammar;

std::optional<Via> Via::parse(QByteArrayView text) {
    const auto v = scanVia(text);
    if (!v)
        return std::nullopt;
    Via via;
    via.m_protocolName = v->protocolName.toByteArray().toUpper();
    via.m_protocolVersion = v->protocolVersion.toByteArray();
    via.m_transport = v->transport.toByteArray().toUpper();
    QByteArrayView host = v->host;
    if (host.size() >= 2 && host.front() == '[')
        via.m_host = host.sliced(1, host.size() - 2).toByteArray().toLower();
    else
        via.m_host = host.toByteArray().toLower();
    via.m_port = v->port;
    if (!v->params.isEmpty())
        appendParams(via.m_params, v->params, true);
    return via;
}

std::optional<QList<Via>> Via::parseList(QByteArrayView text) {
    QList<Via> list;
    const bool ok = splitList(text, [&](QByteArrayView item) {
        auto via = parse(item);
        if (!via)
            return false;
        list.append(std::move(*via));
        return true;
    });
    if (!ok)
        return std::nullopt;
    return list;
}

quint16 Via::rport() const {
    const auto v = m_params.value("rport");
    if (!v)
        return 0;
    return quint16(parseNumber(*v, 65535).value_or(0));
}

QByteArray Via::toString() const {
    QByteArray out = m_protocolName + '/' + m_protocolVersion + '/' + m_transport + ' ';
    if (m_host.contains(':'))
        out += '[' + m_host + ']';
    else
        out += m_host;
    if (m_port) {
        out += ':';
        out += QByteArray::number(m_port);
    }
    out += m_params.toString();
    return out;
}

} // namespace parlo::sip
