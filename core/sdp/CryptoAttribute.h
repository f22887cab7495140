#pragma once

#include <QByteArray>
#include <QDebug>
#include <QList>
#include <optional>

namespace parlo::sdp {

// a=crypto:<tag> <crypto-suite> <key-params> [<session-params>] (RFC 4568 SDES).
// Holds SRTP master keys: never log toString(); use toRedactedString() or the QDebug operator.
class CryptoAttribute {
public:
    enum class Suite {
        AesCm128HmacSha1_80, // AES_CM_128_HMAC_SHA1_80
        AesCm128HmacSha1_32, // AES_CM_128_HMAC_SHA1_32
        Unsupported,         // any other suite name: parsed and kept, never chosen
    };
    enum class ParseError {
        None,
        BadTag,       // not 1–9 digits
        MissingSuite, // fewer than tag, suite, key-params
        BadKeyMethod, // key-param not "inline:"
        BadBase64,
        BadKeyLength, // master key+salt not 30 bytes for a supported suite
        BadLifetime,
        BadMki,
    };
    // One inline key-param: "inline:<base64 key||salt>[|<lifetime>][|<mki>:<length>]".
    struct KeyParams {
        QByteArray keySalt;  // decoded master key followed by master salt
        QByteArray lifetime; // verbatim ("2^20" or decimal), empty when absent
        quint32 mki = 0;
        int mkiLength = 0; // bytes; 0 = no MKI
        bool operator==(const KeyParams &) const = default;
    };

    static constexpr int masterKeyLength = 16;  // AES-128
    static constexpr int masterSaltLength = 14; // RFC 3711 §8.2 (112 bits)

    static std::optional<CryptoAttribute> parse(QByteArrayView value, ParseError *error = nullptr);
    // A fresh key for `suite` from the system CSPRNG.
    static CryptoAttribute generate(int tag, Suite suite);
    static QByteArray suiteName(Suite suite);
    static Suite suiteFromName(QByteArrayView name);

    int tag() const { return m_tag; }
    void setTag(int t) { m_tag = t; }
    Suite suite() const { return suiteFromName(m_suiteName); }
    QByteArray suiteNameAsWritten() const { return m_suiteName; }
    bool isSupported() const { return suite() != Suite::Unsupported; }
    const QList<KeyParams> &keyParams() const { return m_keys; }
    QByteArray keySalt() const { return m_keys.isEmpty() ? QByteArray() : m_keys.first().keySalt; }
    QList<QByteArray> sessionParams() const { return m_sessionParams; }
    void setSessionParams(const QList<QByteArray> &p) { m_sessionParams = p; }

    // The attribute value for SDP, WITH the key.
    QByteArray toString() const;
    // Same with each key replaced by "<redacted>", for logs.
    QByteArray toRedactedString() const;
    bool operator==(const CryptoAttribute &) const = default;

private:
    QByteArray format(bool redact) const;

    int m_tag = 1;
    QByteArray m_suiteName = "AES_CM_128_HMAC_SHA1_80";
    QList<KeyParams> m_keys;
    QList<QByteArray> m_sessionParams;
};

// Redacted: safe for logs.
QDebug operator<<(QDebug dbg, const CryptoAttribute &c);

} // namespace parlo::sdp
