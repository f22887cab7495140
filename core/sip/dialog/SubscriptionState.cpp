#include "sip/dialog/SubscriptionState.h"

#include "sip/message/SipGrammar.h"

namespace parlo::sip {

namespace {
SubscriptionState::Reason reasonFromText(const QByteArray &r) {
    using R = SubscriptionState::Reason;
    if (r.isEmpty())
        return R::None;
    if (r == "deactivated")
        return R::Deactivated;
    if (r == "probation")
        return R::Probation;
    if (r == "rejected")
        return R::Rejected;
    if (r == "timeout")
        return R::Timeout;
    if (r == "giveup")
        return R::Giveup;
    if (r == "noresource")
        return R::NoResource;
    if (r == "invariant")
        return R::Invariant;
    return R::Other;
}

std::optional<quint32> number(QByteArrayView params, QByteArrayView name) {
    if (const auto v = grammar::findParam(params, name)) {
        if (const auto n = grammar::parseNumber(*v, 0xffffffffu))
            return quint32(*n);
    }
    return std::nullopt;
}
} // namespace

std::optional<SubscriptionState> SubscriptionState::parse(QByteArrayView text) {
    text = grammar::trimmed(text);
    const qsizetype semi = text.indexOf(';');
    SubscriptionState s;
    s.valueText = grammar::trimmed(semi < 0 ? text : text.first(semi)).toByteArray().toLower();
    if (s.valueText.isEmpty() || !grammar::isToken(s.valueText))
        return std::nullopt;
    if (s.valueText == "active")
        s.value = Value::Active;
    else if (s.valueText == "pending")
        s.value = Value::Pending;
    else if (s.valueText == "terminated")
        s.value = Value::Terminated;
    else
        s.value = Value::Extension;
    if (semi >= 0) {
        const QByteArrayView params = text.sliced(semi + 1);
        bool ok = true;
        grammar::forEachParam(params, true, [&](QByteArrayView name, QByteArrayView, bool) {
            ok = ok && grammar::isToken(name);
            return ok;
        });
        if (!ok)
            return std::nullopt;
        if (const auto r = grammar::findParam(params, "reason"))
            s.reasonText = r->toByteArray().toLower();
        s.expires = number(params, "expires");
        s.retryAfter = number(params, "retry-after");
    }
    s.reason = reasonFromText(s.reasonText);
    return s;
}

QByteArray SubscriptionState::toString() const {
    QByteArray out = valueText;
    if (out.isEmpty())
        out = value == Value::Active ? "active" : value == Value::Terminated ? "terminated" : "pending";
    if (!reasonText.isEmpty())
        out += ";reason=" + reasonText;
    if (expires)
        out += ";expires=" + QByteArray::number(*expires);
    if (retryAfter)
        out += ";retry-after=" + QByteArray::number(*retryAfter);
    return out;
}

bool SubscriptionState::mayResubscribe() const {
    return reason != Reason::Rejected && reason != Reason::NoResource && reason != Reason::Invariant;
}

} // namespace parlo::sip
