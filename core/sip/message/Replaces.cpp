#include "sip/message/Replaces.h"

#include "sip/message/SipGrammar.h"

namespace parlo::sip {

using namespace grammar;

std::optional<Replaces> Replaces::parse(QByteArrayView text) {
    text = trimmed(text);
    const qsizetype semi = find(text, ';');
    const QByteArrayView callId = trimmed(semi < 0 ? text : text.first(semi));
    // Call-ID is word ["@" word]: no whitespace, no separators that would break the header.
    if (callId.isEmpty() || find(callId, ' ') >= 0 || find(callId, '\t') >= 0 || find(callId, ',') >= 0)
        return std::nullopt;
    Replaces r;
    r.m_callId = callId.toByteArray();
    bool hasTo = false, hasFrom = false;
    if (semi >= 0) {
        const bool ok = forEachParam(
            text.sliced(semi + 1), true, [&](QByteArrayView name, QByteArrayView value, bool hasValue) {
                if (name.isEmpty())
                    return false;
                if (equalsIgnoreCase(name, "to-tag")) {
                    if (!hasValue || value.isEmpty() || hasTo || !isToken(value))
                        return false;
                    r.m_toTag = value.toByteArray();
                    hasTo = true;
                } else if (equalsIgnoreCase(name, "from-tag")) {
                    if (!hasValue || value.isEmpty() || hasFrom || !isToken(value))
                        return false;
                    r.m_fromTag = value.toByteArray();
                    hasFrom = true;
                } else if (equalsIgnoreCase(name, "early-only")) {
                    r.m_earlyOnly = true;
                } else {
                    r.m_other.append({name.toByteArray(), value.toByteArray(), hasValue});
                }
                return true;
            });
        if (!ok)
            return std::nullopt;
    }
    if (!hasTo || !hasFrom)
        return std::nullopt;
    return r;
}

QByteArray Replaces::toString() const {
    QByteArray out = m_callId + ";to-tag=" + m_toTag + ";from-tag=" + m_fromTag;
    if (m_earlyOnly)
        out += ";early-only";
    out += m_other.toString();
    return out;
}

} // namespace parlo::sip
