#include "sip/message/NameAddr.h"

#include "sip/message/SipGrammar.h"

namespace parlo::sip {

using namespace grammar;

namespace {

QString unquoteDisplayName(QByteArrayView raw, bool quoted) {
    if (!quoted) {
        // token *(LWS token): collapse the LWS to single spaces.
        QByteArray out;
        bool space = false;
        for (char c : raw) {
            if (isWs(c) || c == '\r' || c == '\n') {
                space = true;
                continue;
            }
            if (space && !out.isEmpty())
                out.append(' ');
            space = false;
            out.append(c);
        }
        return QString::fromUtf8(out);
    }
    QByteArray out;
    out.reserve(raw.size());
    for (qsizetype i = 1; i + 1 < raw.size(); ++i) {
        if (raw[i] == '\\' && i + 2 < raw.size())
            ++i;
        out.append(raw[i]);
    }
    return QString::fromUtf8(out);
}

} // namespace

std::optional<NameAddr> NameAddr::parse(QByteArrayView text) {
    const auto v = scanNameAddr(text);
    if (!v)
        return std::nullopt;
    if (v->wildcard)
        return wildcard();
    auto uri = SipUri::parse(v->uri);
    if (!uri)
        return std::nullopt;
    NameAddr na(std::move(*uri), unquoteDisplayName(v->displayName, v->quoted));
    if (!v->params.isEmpty())
        appendParams(na.m_params, v->params, true);
    return na;
}

std::optional<QList<NameAddr>> NameAddr::parseList(QByteArrayView text) {
    QList<NameAddr> list;
    const bool ok = splitList(text, [&](QByteArrayView item) {
        auto na = parse(item);
        if (!na)
            return false;
        list.append(std::move(*na));
        return true;
    });
    if (!ok)
        return std::nullopt;
    return list;
}

NameAddr NameAddr::wildcard() {
    NameAddr na;
    na.m_wildcard = true;
    return na;
}

QByteArray NameAddr::toString() const {
    if (m_wildcard)
        return QByteArrayLiteral("*");
    QByteArray out;
    if (!m_displayName.isEmpty()) {
        out.append('"');
        for (char c : m_displayName.toUtf8()) {
            if (c == '\r' || c == '\n')
                c = ' '; // not representable in a quoted-string, not even as a quoted-pair
            // qdtext excludes '"', '\\' and controls other than HT: those go as quoted-pairs.
            const auto u = static_cast<unsigned char>(c);
            if (c == '"' || c == '\\' || (u < 0x20 && c != '\t') || u == 0x7f)
                out.append('\\');
            out.append(c);
        }
        out.append("\" ");
    }
    out.append('<');
    out.append(m_uri.toString());
    out.append('>');
    out.append(m_params.toString());
    return out;
}

} // namespace parlo::sip
