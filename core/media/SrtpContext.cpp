#include "media/SrtpContext.h"

#include "media/SharedLibrary.h"

#include <QLoggingCategory>

#include <cstring>
#include <mutex>
#include <srtp2/srtp.h>

Q_LOGGING_CATEGORY(lcSrtp, "parlo.media.srtp")

namespace parlo::media {

struct SrtpContext::Session {
    srtp_t handle = nullptr;
};

namespace {
// libsrtp2's functions, loaded with the first secure call (see SharedLibrary: libsrtp2 brings NSS).
struct Srtp {
    decltype(&::srtp_init) init = nullptr;
    decltype(&::srtp_create) create = nullptr;
    decltype(&::srtp_dealloc) dealloc = nullptr;
    decltype(&::srtp_protect) protect = nullptr;
    decltype(&::srtp_unprotect) unprotect = nullptr;
    decltype(&::srtp_protect_rtcp) protectRtcp = nullptr;
    decltype(&::srtp_unprotect_rtcp) unprotectRtcp = nullptr;
    // srtp_crypto_policy_set_aes_cm_128_hmac_sha1_80 is a macro for this one.
    decltype(&::srtp_crypto_policy_set_rtp_default) setAes128Sha1_80 = nullptr;
    decltype(&::srtp_crypto_policy_set_aes_cm_128_hmac_sha1_32) setAes128Sha1_32 = nullptr;
};

// Null when the library cannot be loaded (said once in the log; every SRTP setup then fails).
const Srtp *srtp() {
    static const Srtp *const api = []() -> const Srtp * {
        static SharedLibrary library(PARLO_SRTP2_SONAME);
        static Srtp s;
        if (library.resolve(s.init, "srtp_init") && library.resolve(s.create, "srtp_create") &&
            library.resolve(s.dealloc, "srtp_dealloc") && library.resolve(s.protect, "srtp_protect") &&
            library.resolve(s.unprotect, "srtp_unprotect") &&
            library.resolve(s.protectRtcp, "srtp_protect_rtcp") &&
            library.resolve(s.unprotectRtcp, "srtp_unprotect_rtcp") &&
            library.resolve(s.setAes128Sha1_80, "srtp_crypto_policy_set_rtp_default") &&
            library.resolve(s.setAes128Sha1_32, "srtp_crypto_policy_set_aes_cm_128_hmac_sha1_32"))
            return &s;
        qCWarning(lcSrtp) << "cannot load" << PARLO_SRTP2_SONAME << ":" << library.errorString();
        return nullptr;
    }();
    return api;
}

bool initLibrary() {
    static std::once_flag once;
    static bool ok = false;
    std::call_once(once, []() { ok = srtp() && srtp()->init() == srtp_err_status_ok; });
    return ok;
}

// libsrtp writes the trailer (tag, MKI) after the payload: make room before protecting.
constexpr int kTrailerRoom = SRTP_MAX_TRAILER_LEN;
} // namespace

bool SrtpContext::initializeLibrary() {
    return initLibrary();
}

SrtpContext::SrtpContext(Suite suite, Direction direction)
    : m_suite(suite)
    , m_direction(direction) {}

std::unique_ptr<SrtpContext> SrtpContext::create(Suite suite, const QByteArray &masterKeyAndSalt,
                                                 Direction direction, Error *error) {
    auto fail = [error](Error e) {
        if (error)
            *error = e;
        return std::unique_ptr<SrtpContext>();
    };
    if (masterKeyAndSalt.size() != kMasterKeyAndSaltLength)
        return fail(Error::BadKey);
    if (!initLibrary())
        return fail(Error::Library);

    srtp_policy_t policy;
    std::memset(&policy, 0, sizeof policy);
    if (suite == Suite::AesCm128HmacSha1_80)
        srtp()->setAes128Sha1_80(&policy.rtp);
    else
        srtp()->setAes128Sha1_32(&policy.rtp);
    // RFC 4568 §6.2.2: SRTCP keeps the 80-bit tag with either suite.
    srtp()->setAes128Sha1_80(&policy.rtcp);
    policy.ssrc.type = direction == Direction::Outbound ? ssrc_any_outbound : ssrc_any_inbound;
    QByteArray key = masterKeyAndSalt; // libsrtp wants a mutable pointer
    policy.key = reinterpret_cast<unsigned char *>(key.data());
    policy.window_size = 1024; // tolerate reordering on real networks
    policy.allow_repeat_tx = 0;
    policy.next = nullptr;

    std::unique_ptr<SrtpContext> ctx(new SrtpContext(suite, direction));
    ctx->m_session = new Session;
    const srtp_err_status_t status = srtp()->create(&ctx->m_session->handle, &policy);
    key.fill('\0');
    if (status != srtp_err_status_ok) {
        qCWarning(lcSrtp) << "srtp_create failed with status" << int(status);
        return fail(Error::Library);
    }
    if (error)
        *error = Error::None;
    return ctx;
}

SrtpContext::~SrtpContext() {
    if (m_session) {
        if (m_session->handle)
            srtp()->dealloc(m_session->handle);
        delete m_session;
    }
}

SrtpContext::Error SrtpContext::result(int status) {
    switch (status) {
    case srtp_err_status_ok:
        return Error::None;
    case srtp_err_status_auth_fail:
        ++m_authFailures;
        return Error::AuthenticationFailed;
    case srtp_err_status_replay_fail:
    case srtp_err_status_replay_old:
        ++m_replayFailures;
        return Error::Replayed;
    case srtp_err_status_bad_param:
        return Error::Malformed;
    default:
        return Error::Library;
    }
}

SrtpContext::Error SrtpContext::protectRtp(QByteArray &packet) {
    if (m_direction != Direction::Outbound || packet.size() < 12)
        return Error::Malformed;
    int len = int(packet.size());
    packet.resize(len + kTrailerRoom);
    const Error e = result(srtp()->protect(m_session->handle, packet.data(), &len));
    packet.resize(e == Error::None ? len : packet.size() - kTrailerRoom);
    return e;
}

SrtpContext::Error SrtpContext::unprotectRtp(QByteArray &packet) {
    if (m_direction != Direction::Inbound || packet.size() < 12)
        return Error::Malformed;
    int len = int(packet.size());
    const Error e = result(srtp()->unprotect(m_session->handle, packet.data(), &len));
    if (e == Error::None)
        packet.resize(len);
    return e;
}

SrtpContext::Error SrtpContext::protectRtcp(QByteArray &packet) {
    if (m_direction != Direction::Outbound || packet.size() < 8)
        return Error::Malformed;
    int len = int(packet.size());
    packet.resize(len + kTrailerRoom + 4); // + the SRTCP index word
    const Error e = result(srtp()->protectRtcp(m_session->handle, packet.data(), &len));
    packet.resize(e == Error::None ? len : packet.size() - kTrailerRoom - 4);
    return e;
}

SrtpContext::Error SrtpContext::unprotectRtcp(QByteArray &packet) {
    if (m_direction != Direction::Inbound || packet.size() < 8)
        return Error::Malformed;
    int len = int(packet.size());
    const Error e = result(srtp()->unprotectRtcp(m_session->handle, packet.data(), &len));
    if (e == Error::None)
        packet.resize(len);
    return e;
}

} // namespace parlo::media
