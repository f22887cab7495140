#include "sip/message/SipUri.h"

#include "sip/message/SipGrammar.h"

namespace parlo::sip {

using namespace grammar;

std::optional<SipUri> SipUri::parse(QByteArrayView text, bool *unsupportedScheme) {
    const auto v = scanUri(text, unsupportedScheme);
    if (!v)
        return std::nullopt;
    SipUri u;
    switch (v->scheme) {
    case UriView::Scheme::Sip:
        u.m_scheme = Scheme::Sip;
        break;
    case UriView::Scheme::Sips:
        u.m_scheme = Scheme::Sips;
        break;
    case UriView::Scheme::Tel:
        u.m_scheme = Scheme::Tel;
        break;
    case UriView::Scheme::Other:
        return std::nullopt;
    }
    if (u.m_scheme == Scheme::Tel) {
        u.m_user = v->user.toByteArray();
    } else {
        u.m_user = unescape(v->user);
        u.m_password = unescape(v->password);
        u.setHost(v->host.toByteArray());
        u.m_port = v->portValue;
    }
    if (!v->params.isEmpty())
        appendParams(u.m_params, v->params, false);
    if (!v->headers.isEmpty()) {
        for (QByteArrayView h : QByteArrayView(v->headers).toByteArray().split('&')) {
            const qsizetype eq = h.indexOf('=');
            u.m_headers.append(SipParams::Param{unescape(h.first(eq)), unescape(h.sliced(eq + 1)), true});
        }
    }
    return u;
}

SipUri SipUri::sip(const QByteArray &user, const QByteArray &host, quint16 port) {
    SipUri u;
    u.m_user = user;
    u.setHost(host);
    u.m_port = port;
    return u;
}

void SipUri::setHost(const QByteArray &h) {
    if (h.size() >= 2 && h.front() == '[' && h.back() == ']')
        m_host = h.mid(1, h.size() - 2).toLower();
    else
        m_host = h.toLower();
}

bool SipUri::isIPv6Host() const {
    return m_host.contains(':');
}

QByteArray SipUri::transportParam() const {
    return m_params.value("transport").value_or(QByteArray()).toLower();
}

QByteArray SipUri::hostPort() const {
    QByteArray out;
    if (isIPv6Host())
        out = '[' + m_host + ']';
    else
        out = m_host;
    if (m_port) {
        out.append(':');
        out.append(QByteArray::number(m_port));
    }
    return out;
}

QByteArray SipUri::toString() const {
    QByteArray out;
    switch (m_scheme) {
    case Scheme::Sip:
        out = "sip:";
        break;
    case Scheme::Sips:
        out = "sips:";
        break;
    case Scheme::Tel:
        out = "tel:" + m_user + m_params.toString();
        return out;
    }
    if (!m_user.isEmpty()) {
        out.append(escape(m_user, UserChar));
        if (!m_password.isEmpty()) {
            out.append(':');
            out.append(escape(m_password, PasswordChar));
        }
        out.append('@');
    }
    out.append(hostPort());
    out.append(m_params.toString());
    char sep = '?';
    for (const SipParams::Param &h : m_headers.items()) {
        out.append(sep);
        out.append(escape(h.name, HnvChar));
        out.append('=');
        out.append(escape(h.value, HnvChar));
        sep = '&';
    }
    return out;
}

namespace {

bool paramValuesEqual(const QByteArray &a, const QByteArray &b) {
    return equalsIgnoreCase(unescape(a), unescape(b));
}

// user, ttl, method and maddr in only one URI never match; nor does transport (the §19.1.4 examples:
// "can resolve to different transports"). Other one-sided parameters are ignored.
bool mustAppearInBoth(QByteArrayView name) {
    return equalsIgnoreCase(name, "user") || equalsIgnoreCase(name, "ttl") ||
           equalsIgnoreCase(name, "method") || equalsIgnoreCase(name, "maddr") ||
           equalsIgnoreCase(name, "transport");
}

} // namespace

bool SipUri::equivalent(const SipUri &o) const {
    // RFC 3261 §19.1.4: userinfo case-sensitive, everything else case-insensitive, escapes compared
    // unescaped (user/password/host are stored unescaped already), no default-port equivalence.
    if (m_scheme != o.m_scheme || m_user != o.m_user || m_password != o.m_password)
        return false;
    if (!equalsIgnoreCase(m_host, o.m_host) || m_port != o.m_port)
        return false;
    for (const SipParams::Param &p : m_params.items()) {
        const auto other = o.m_params.value(p.name);
        if (other) {
            if (!paramValuesEqual(p.value, *other))
                return false;
        } else if (mustAppearInBoth(p.name)) {
            return false;
        }
    }
    for (const SipParams::Param &p : o.m_params.items()) {
        if (!m_params.contains(p.name) && mustAppearInBoth(p.name))
            return false;
    }
    // Header components are never ignored: each must be present in both and match.
    if (m_headers.items().size() != o.m_headers.items().size())
        return false;
    for (const SipParams::Param &h : m_headers.items()) {
        const auto other = o.m_headers.value(h.name);
        if (!other || *other != h.value)
            return false;
    }
    return true;
}

} // namespace parlo::sip
