#include "sip/auth/AuthParams.h"

namespace parlo::sip {

namespace {

bool isTchar(char c) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
        return true;
    switch (c) {
    case '!':
    case '#':
    case '$':
    case '%':
    case '&':
    case '\'':
    case '*':
    case '+':
    case '-':
    case '.':
    case '^':
    case '_':
    case '`':
    case '|':
    case '~':
        return true;
    default:
        return false;
    }
}

bool isToken68Char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
           c == '.' || c == '_' || c == '~' || c == '+' || c == '/';
}

class Cursor {
public:
    explicit Cursor(QByteArrayView s)
        : m_s(s) {}
    bool atEnd() const { return m_pos >= m_s.size(); }
    char peek() const { return atEnd() ? '\0' : m_s[m_pos]; }
    qsizetype pos() const { return m_pos; }
    void seek(qsizetype p) { m_pos = p; }
    void skipWs() {
        while (!atEnd() && (peek() == ' ' || peek() == '\t' || peek() == '\r' || peek() == '\n'))
            ++m_pos;
    }
    QByteArray token() {
        const qsizetype start = m_pos;
        while (!atEnd() && isTchar(peek()))
            ++m_pos;
        return m_s.sliced(start, m_pos - start).toByteArray();
    }
    // Reads a quoted-string (cursor on the opening quote); nullopt if unterminated.
    std::optional<QByteArray> quoted() {
        QByteArray out;
        ++m_pos;
        while (!atEnd()) {
            const char c = m_s[m_pos++];
            if (c == '"')
                return out;
            if (c == '\\') {
                if (atEnd())
                    return std::nullopt;
                out.append(m_s[m_pos++]);
            } else {
                out.append(c);
            }
        }
        return std::nullopt;
    }
    // A token68 running to the next ',' or the end (cursor restored and nullopt otherwise).
    std::optional<QByteArray> token68() {
        const qsizetype start = m_pos;
        while (!atEnd() && isToken68Char(peek()))
            ++m_pos;
        if (m_pos == start) {
            return std::nullopt;
        }
        while (!atEnd() && peek() == '=')
            ++m_pos;
        const qsizetype end = m_pos;
        skipWs();
        if (atEnd() || peek() == ',')
            return m_s.sliced(start, end - start).toByteArray();
        m_pos = start;
        return std::nullopt;
    }

private:
    QByteArrayView m_s;
    qsizetype m_pos = 0;
};

// name is read; cursor after it (whitespace skipped) on '='.
bool readParamValue(Cursor &c, QByteArray &value) {
    if (c.peek() != '=')
        return false;
    c.seek(c.pos() + 1);
    c.skipWs();
    if (c.peek() == '"') {
        auto q = c.quoted();
        if (!q)
            return false;
        value = *q;
    } else {
        value = c.token();
        if (value.isEmpty())
            return false;
    }
    c.skipWs();
    return c.atEnd() || c.peek() == ',';
}

} // namespace

std::optional<QByteArray> AuthParams::value(QByteArrayView name) const {
    for (const auto &[n, v] : params) {
        if (n == name)
            return v;
    }
    return std::nullopt;
}

bool AuthParams::hasDuplicates() const {
    for (qsizetype i = 0; i < params.size(); ++i) {
        for (qsizetype j = i + 1; j < params.size(); ++j) {
            if (params[i].first == params[j].first)
                return true;
        }
    }
    return false;
}

std::optional<QList<AuthParams>> AuthParams::parseList(QByteArrayView headerValue) {
    QList<AuthParams> out;
    Cursor c(headerValue);
    while (true) {
        // Empty list elements (",,") are allowed by the #rule.
        c.skipWs();
        while (c.peek() == ',') {
            c.seek(c.pos() + 1);
            c.skipWs();
        }
        if (c.atEnd())
            break;
        const QByteArray name = c.token();
        if (name.isEmpty())
            return std::nullopt;
        c.skipWs();
        if (c.peek() == '=') {
            // auth-param of the current challenge
            if (out.isEmpty())
                return std::nullopt;
            QByteArray value;
            if (!readParamValue(c, value))
                return std::nullopt;
            out.last().params.append({name.toLower(), value});
            continue;
        }
        // A new challenge: scheme, then nothing, a token68, or its first auth-param.
        AuthParams ap;
        ap.scheme = name;
        if (!c.atEnd() && c.peek() != ',') {
            if (auto t68 = c.token68()) {
                ap.token68 = *t68;
            } else {
                const QByteArray first = c.token();
                if (first.isEmpty())
                    return std::nullopt;
                c.skipWs();
                QByteArray value;
                if (!readParamValue(c, value))
                    return std::nullopt;
                ap.params.append({first.toLower(), value});
            }
        }
        out.append(std::move(ap));
    }
    return out;
}

QByteArray AuthParams::quote(QByteArrayView value) {
    QByteArray out;
    out.reserve(value.size() + 2);
    out.append('"');
    for (char ch : value) {
        if (ch == '"' || ch == '\\')
            out.append('\\');
        out.append(ch);
    }
    out.append('"');
    return out;
}

} // namespace parlo::sip
