#include "sip/message/SipParams.h"

#include "sip/message/SipGrammar.h"

namespace parlo::sip {

using namespace grammar;

bool SipParams::contains(QByteArrayView name) const {
    for (const Param &p : m_items)
        if (equalsIgnoreCase(p.name, name))
            return true;
    return false;
}

std::optional<QByteArray> SipParams::value(QByteArrayView name) const {
    for (const Param &p : m_items)
        if (equalsIgnoreCase(p.name, name))
            return p.value;
    return std::nullopt;
}

void SipParams::set(const QByteArray &name, const QByteArray &value) {
    for (Param &p : m_items) {
        if (equalsIgnoreCase(p.name, name)) {
            p.value = value;
            p.hasValue = true;
            return;
        }
    }
    m_items.append(Param{name, value, true});
}

void SipParams::setFlag(const QByteArray &name) {
    for (Param &p : m_items) {
        if (equalsIgnoreCase(p.name, name)) {
            p.value.clear();
            p.hasValue = false;
            return;
        }
    }
    m_items.append(Param{name, {}, false});
}

void SipParams::remove(QByteArrayView name) {
    m_items.removeIf([&](const Param &p) { return equalsIgnoreCase(p.name, name); });
}

QByteArray SipParams::toString() const {
    QByteArray out;
    for (const Param &p : m_items) {
        out.append(';');
        out.append(p.name);
        if (p.hasValue) {
            out.append('=');
            out.append(p.value);
        }
    }
    return out;
}

namespace grammar {

void appendParams(SipParams &params, QByteArrayView text, bool lws) {
    forEachParam(text, lws, [&](QByteArrayView n, QByteArrayView v, bool hasValue) {
        if (!n.isEmpty())
            params.append(SipParams::Param{n.toByteArray(), v.toByteArray(), hasValue});
        return true;
    });
}

} // namespace grammar
} // namespace parlo::sip
