#pragma once

#include <QByteArray>
#include <memory>

namespace parlo::media {

// One direction of an SRTP/SRTCP session (RFC 3711 cryptographic context) over libsrtp2, keyed by
// an SDES master key and salt (RFC 4568). Failures to unprotect are counted, never fatal: a call
// keeps going when a stray or forged packet arrives. Keys are never logged.
class SrtpContext {
public:
    enum class Suite { AesCm128HmacSha1_80, AesCm128HmacSha1_32 };
    enum class Direction { Outbound, Inbound };
    enum class Error { None, BadKey, Library, AuthenticationFailed, Replayed, Malformed };

    static constexpr int kMasterKeyAndSaltLength = 30; // 16-byte key + 14-byte salt

    // Initializes libsrtp once per process (thread-safe). Its self-tests take tens of ms, more under
    // load: MediaEngine calls this when it starts, so no call's media thread stalls on it and the
    // peer's first packets do not pile up into a burst. create() calls it too, as a fallback.
    static bool initializeLibrary();

    // nullptr (and error set) when the key has the wrong length or libsrtp refuses the policy.
    static std::unique_ptr<SrtpContext> create(Suite suite, const QByteArray &masterKeyAndSalt,
                                               Direction direction, Error *error = nullptr);
    ~SrtpContext();
    SrtpContext(const SrtpContext &) = delete;
    SrtpContext &operator=(const SrtpContext &) = delete;

    Suite suite() const { return m_suite; }
    Direction direction() const { return m_direction; }

    // In place. Outbound contexts protect, inbound ones unprotect.
    Error protectRtp(QByteArray &packet);
    Error unprotectRtp(QByteArray &packet);
    Error protectRtcp(QByteArray &packet);
    Error unprotectRtcp(QByteArray &packet);

    quint64 authenticationFailures() const { return m_authFailures; }
    quint64 replayFailures() const { return m_replayFailures; }

    // Authentication tag length on RTP packets: 10 bytes for _80, 4 for _32.
    static int rtpTagLength(Suite suite) { return suite == Suite::AesCm128HmacSha1_80 ? 10 : 4; }

private:
    SrtpContext(Suite suite, Direction direction);
    Error result(int status);

    struct Session;
    Session *m_session = nullptr;
    Suite m_suite;
    Direction m_direction;
    quint64 m_authFailures = 0;
    quint64 m_replayFailures = 0;
};

} // namespace parlo::media
