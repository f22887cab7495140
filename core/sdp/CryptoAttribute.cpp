#include "sdp/CryptoAttribute.h"

#include <QRandomGenerator>
#include <cstring>

namespace parlo::sdp {

namespace {

bool allDigits(QByteArrayView s) {
    if (s.isEmpty())
        return false;
    for (char c : s) {
        if (c < '0' || c > '9')
            return false;
    }
    return true;
}

bool validLifetime(QByteArrayView s) {
    if (s.startsWith("2^"))
        return allDigits(s.sliced(2)) && s.sliced(2).toInt() <= 64;
    return allDigits(s);
}

} // namespace

QByteArray CryptoAttribute::suiteName(Suite suite) {
    switch (suite) {
    case Suite::AesCm128HmacSha1_80:
        return "AES_CM_128_HMAC_SHA1_80";
    case Suite::AesCm128HmacSha1_32:
        return "AES_CM_128_HMAC_SHA1_32";
    case Suite::Unsupported:
        break;
    }
    return {};
}

CryptoAttribute::Suite CryptoAttribute::suiteFromName(QByteArrayView name) {
    if (name == "AES_CM_128_HMAC_SHA1_80")
        return Suite::AesCm128HmacSha1_80;
    if (name == "AES_CM_128_HMAC_SHA1_32")
        return Suite::AesCm128HmacSha1_32;
    return Suite::Unsupported;
}

std::optional<CryptoAttribute> CryptoAttribute::parse(QByteArrayView value, ParseError *error) {
    auto fail = [&](ParseError e) -> std::optional<CryptoAttribute> {
        if (error)
            *error = e;
        return std::nullopt;
    };
    if (error)
        *error = ParseError::None;
    const QList<QByteArray> fields = value.toByteArray().simplified().split(' ');
    if (fields.isEmpty() || !allDigits(fields[0]) || fields[0].size() > 9)
        return fail(ParseError::BadTag);
    if (fields.size() < 3 || fields[1].isEmpty() || fields[2].isEmpty())
        return fail(ParseError::MissingSuite);

    CryptoAttribute c;
    c.m_tag = fields[0].toInt();
    c.m_suiteName = fields[1];
    const bool supported = c.isSupported();
    // Several key-params are separated by ';' (RFC 4568 §9.2).
    for (const QByteArray &param : fields[2].split(';')) {
        if (!param.startsWith("inline:"))
            return fail(ParseError::BadKeyMethod);
        const QList<QByteArray> parts = param.mid(7).split('|');
        if (parts.size() > 3)
            return fail(ParseError::BadKeyMethod);
        KeyParams kp;
        const auto decoded =
            QByteArray::fromBase64Encoding(parts[0], QByteArray::AbortOnBase64DecodingErrors);
        if (!decoded || parts[0].isEmpty())
            return fail(ParseError::BadBase64);
        kp.keySalt = *decoded;
        if (supported && kp.keySalt.size() != masterKeyLength + masterSaltLength)
            return fail(ParseError::BadKeyLength);
        for (int i = 1; i < parts.size(); ++i) {
            const QByteArray &p = parts[i];
            const qsizetype colon = p.indexOf(':');
            if (colon >= 0) {
                // MKI comes last.
                if (i != parts.size() - 1 || kp.mkiLength)
                    return fail(ParseError::BadMki);
                const QByteArray v = p.left(colon), len = p.mid(colon + 1);
                if (!allDigits(v) || !allDigits(len) || v.size() > 10)
                    return fail(ParseError::BadMki);
                bool ok = false;
                kp.mki = v.toUInt(&ok);
                kp.mkiLength = len.toInt();
                if (!ok || kp.mkiLength < 1 || kp.mkiLength > 128)
                    return fail(ParseError::BadMki);
            } else {
                if (i != 1 || !validLifetime(p))
                    return fail(ParseError::BadLifetime);
                kp.lifetime = p;
            }
        }
        c.m_keys.append(kp);
    }
    c.m_sessionParams = fields.mid(3);
    return c;
}

CryptoAttribute CryptoAttribute::generate(int tag, Suite suite) {
    CryptoAttribute c;
    c.m_tag = tag;
    c.m_suiteName = suiteName(suite == Suite::Unsupported ? Suite::AesCm128HmacSha1_80 : suite);
    KeyParams kp;
    kp.keySalt.resize(masterKeyLength + masterSaltLength);
    // fillRange works on whole words; draw 32 bytes and keep 30.
    quint32 words[8];
    QRandomGenerator::system()->fillRange(words);
    memcpy(kp.keySalt.data(), words, kp.keySalt.size());
    memset(words, 0, sizeof(words));
    c.m_keys.append(kp);
    return c;
}

QByteArray CryptoAttribute::format(bool redact) const {
    QByteArray out = QByteArray::number(m_tag) + ' ' + m_suiteName + ' ';
    for (qsizetype i = 0; i < m_keys.size(); ++i) {
        const KeyParams &k = m_keys[i];
        if (i)
            out += ';';
        out += "inline:";
        out += redact ? QByteArray("<redacted>") : k.keySalt.toBase64();
        if (!k.lifetime.isEmpty())
            out += '|' + k.lifetime;
        if (k.mkiLength)
            out += '|' + QByteArray::number(k.mki) + ':' + QByteArray::number(k.mkiLength);
    }
    for (const QByteArray &p : m_sessionParams)
        out += ' ' + p;
    return out;
}

QByteArray CryptoAttribute::toString() const {
    return format(false);
}
QByteArray CryptoAttribute::toRedactedString() const {
    return format(true);
}

QDebug operator<<(QDebug dbg, const CryptoAttribute &c) {
    QDebugStateSaver saver(dbg);
    dbg.nospace() << "CryptoAttribute(" << c.toRedactedString().constData() << ')';
    return dbg;
}

} // namespace parlo::sdp
