// Parser benchmark: a 928-byte INVITE with SDP and a 407-byte 200 OK, parsed eagerly and the hot
// fields touched (top Via branch, CSeq, Content-Length, From tag), as the transaction layer does.
// With sofia-sip available the same messages go through msg_make() for comparison.
//
//   bench_parser                      Google Benchmark run (ns/op, allocations per message)
//   bench_parser --loop N [parlo|sofia] [invite|ok]
//                                     N parses without Google Benchmark, for
//                                     valgrind --tool=callgrind (instructions per message)
#include "sip/message/SipMessage.h"

#include <benchmark/benchmark.h>

#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <new>

#ifdef PARLO_HAVE_SOFIA
#include <sofia-sip/msg.h>
#include <sofia-sip/sip.h>
#include <sofia-sip/sip_header.h>
#include <sofia-sip/sip_protos.h>
#endif

// ---- counting allocator. Qt and sofia-sip allocate with malloc() directly, so the count hooks the C
// allocator itself (glibc lets the executable interpose it); operator new goes through malloc too.
namespace {
std::atomic<long> g_allocations{0};
} // namespace

extern "C" {
void *__libc_malloc(size_t);
void *__libc_calloc(size_t, size_t);
void *__libc_realloc(void *, size_t);
void __libc_free(void *);
void *__libc_memalign(size_t, size_t);

void *malloc(size_t n) {
    g_allocations.fetch_add(1, std::memory_order_relaxed);
    return __libc_malloc(n);
}
void *calloc(size_t n, size_t size) {
    g_allocations.fetch_add(1, std::memory_order_relaxed);
    return __libc_calloc(n, size);
}
void *realloc(void *p, size_t n) {
    g_allocations.fetch_add(1, std::memory_order_relaxed);
    return __libc_realloc(p, n);
}
void free(void *p) {
    __libc_free(p);
}
void *aligned_alloc(size_t align, size_t n) {
    g_allocations.fetch_add(1, std::memory_order_relaxed);
    return __libc_memalign(align, n);
}
void *memalign(size_t align, size_t n) {
    g_allocations.fetch_add(1, std::memory_order_relaxed);
    return __libc_memalign(align, n);
}
int posix_memalign(void **out, size_t align, size_t n) {
    g_allocations.fetch_add(1, std::memory_order_relaxed);
    *out = __libc_memalign(align, n);
    return *out ? 0 : 12; // ENOMEM
}
}

void *operator new(std::size_t n) {
    if (void *p = std::malloc(n ? n : 1))
        return p;
    throw std::bad_alloc();
}
void *operator new[](std::size_t n) {
    return ::operator new(n);
}
void operator delete(void *p) noexcept {
    std::free(p);
}
void operator delete[](void *p) noexcept {
    std::free(p);
}
void operator delete(void *p, std::size_t) noexcept {
    std::free(p);
}
void operator delete[](void *p, std::size_t) noexcept {
    std::free(p);
}

namespace {

using namespace parlo::sip;

// Pads the User-Agent value so the message has exactly `size` bytes.
QByteArray sized(QByteArray text, int size) {
    text.replace("\n", "\r\n");
    const qsizetype at = text.indexOf("User-Agent: ") + 12;
    const qsizetype missing = size - text.size();
    if (missing < 0) {
        std::fprintf(stderr, "template too large by %lld\n", static_cast<long long>(-missing));
        std::abort();
    }
    text.insert(at, QByteArray(missing, 'x'));
    return text;
}

const QByteArray &inviteMessage() {
    static const QByteArray m = [] {
        const QByteArray sdp = QByteArray("v=0\n"
                                          "o=alice 2890844526 2890844526 IN IP4 192.0.2.101\n"
                                          "s=-\n"
                                          "c=IN IP4 192.0.2.101\n"
                                          "t=0 0\n"
                                          "m=audio 49172 RTP/AVP 0 8 9 101\n"
                                          "a=rtpmap:0 PCMU/8000\n"
                                          "a=rtpmap:8 PCMA/8000\n"
                                          "a=rtpmap:9 G722/8000\n"
                                          "a=rtpmap:101 telephone-event/8000\n"
                                          "a=fmtp:101 0-16\n"
                                          "a=ptime:20\n"
                                          "a=sendrecv\n")
                                   .replace("\n", "\r\n");
        QByteArray head = "INVITE sip:bob@biloxi.example.com SIP/2.0\n"
                          "Via: SIP/2.0/UDP 192.0.2.101:5060;branch=z9hG4bK74bf9a8e2c;rport\n"
                          "Max-Forwards: 70\n"
                          "From: \"Alice Liddell\" <sip:alice@atlanta.example.com>;tag=9fxced76sl\n"
                          "To: Bob <sip:bob@biloxi.example.com>\n"
                          "Call-ID: 3848276298220188511@atlanta.example.com\n"
                          "CSeq: 1 INVITE\n"
                          "Contact: <sip:alice@192.0.2.101:5060;transport=udp>\n"
                          "Allow: INVITE, ACK, CANCEL, BYE, OPTIONS, REFER, NOTIFY, MESSAGE, INFO, UPDATE\n"
                          "Supported: replaces, timer, 100rel\n"
                          "User-Agent: Parlo/0.1\n"
                          "Content-Type: application/sdp\n"
                          "Content-Length: " +
                          QByteArray::number(sdp.size()) + "\n\n";
        QByteArray full = sized(head, 928 - int(sdp.size())) + sdp;
        return full;
    }();
    return m;
}

const QByteArray &okMessage() {
    static const QByteArray m =
        sized("SIP/2.0 200 OK\n"
              "Via: SIP/2.0/UDP 192.0.2.101:5060;branch=z9hG4bK74bf9a8e2c;rport=5060\n"
              "From: <sip:alice@atlanta.example.com>;tag=9fxced76sl\n"
              "To: <sip:alice@atlanta.example.com>;tag=37GkEhwl6\n"
              "Call-ID: 3848276298220188511@atlanta.example.com\n"
              "CSeq: 2 REGISTER\n"
              "Contact: <sip:alice@192.0.2.101:5060>;expires=3600\n"
              "User-Agent: Kamailio\n"
              "Content-Length: 0\n\n",
              407);
    return m;
}

// The work per message: parse everything, then read what transaction matching reads.
inline size_t parloParse(const QByteArray &data) {
    const SipParseResult r = SipMessage::parse(data);
    size_t sink = size_t(r.ok());
    sink += size_t(r.message.topViaBranch().size());
    sink += r.message.cseqNumber();
    sink += size_t(r.message.cseqMethod().size());
    sink += size_t(r.message.fromTag().size());
    sink += size_t(r.message.bodyView().size()); // Content-Length applied to the body
    return sink;
}

#ifdef PARLO_HAVE_SOFIA
inline size_t sofiaParse(const QByteArray &data) {
    msg_t *msg = msg_make(sip_default_mclass(), 0, data.constData(), data.size());
    size_t sink = 0;
    if (msg) {
        const sip_t *sip = sip_object(msg);
        if (sip) {
            if (sip->sip_via && sip->sip_via->v_branch)
                sink += std::strlen(sip->sip_via->v_branch);
            if (sip->sip_cseq)
                sink += sip->sip_cseq->cs_seq + std::strlen(sip->sip_cseq->cs_method_name);
            if (sip->sip_content_length)
                sink += sip->sip_content_length->l_length;
            if (sip->sip_from && sip->sip_from->a_tag)
                sink += std::strlen(sip->sip_from->a_tag);
        }
        msg_destroy(msg);
    }
    return sink;
}
#endif

template <size_t (*Parse)(const QByteArray &)> void run(benchmark::State &state, const QByteArray &data) {
    if (!SipMessage::parse(data).ok())
        state.SkipWithError("benchmark message does not parse");
    const long before = g_allocations.load();
    for (auto _ : state)
        benchmark::DoNotOptimize(Parse(data));
    const long allocs = g_allocations.load() - before;
    state.counters["allocs/msg"] = double(allocs) / double(state.iterations());
    state.counters["bytes"] = double(data.size());
    state.SetBytesProcessed(int64_t(state.iterations()) * data.size());
}

void BM_Parlo_Invite928(benchmark::State &s) {
    run<parloParse>(s, inviteMessage());
}
void BM_Parlo_Ok407(benchmark::State &s) {
    run<parloParse>(s, okMessage());
}
BENCHMARK(BM_Parlo_Invite928);
BENCHMARK(BM_Parlo_Ok407);

#ifdef PARLO_HAVE_SOFIA
void BM_Sofia_Invite928(benchmark::State &s) {
    run<sofiaParse>(s, inviteMessage());
}
void BM_Sofia_Ok407(benchmark::State &s) {
    run<sofiaParse>(s, okMessage());
}
BENCHMARK(BM_Sofia_Invite928);
BENCHMARK(BM_Sofia_Ok407);
#endif

int loopMode(int argc, char **argv) {
    const long n = std::atol(argv[2]);
    const bool sofia = argc > 3 && std::strcmp(argv[3], "sofia") == 0;
    const bool okOnly = argc > 4 && std::strcmp(argv[4], "ok") == 0;
    const bool inviteOnly = argc > 4 && std::strcmp(argv[4], "invite") == 0;
    size_t sink = 0;
    const long before = g_allocations.load();
    for (long i = 0; i < n; ++i) {
        if (sofia) {
#ifdef PARLO_HAVE_SOFIA
            if (!okOnly)
                sink += sofiaParse(inviteMessage());
            if (!inviteOnly)
                sink += sofiaParse(okMessage());
#else
            std::fprintf(stderr, "built without sofia-sip\n");
            return 1;
#endif
        } else {
            if (!okOnly)
                sink += parloParse(inviteMessage());
            if (!inviteOnly)
                sink += parloParse(okMessage());
        }
    }
    const long perRound = (okOnly || inviteOnly) ? 1 : 2;
    std::printf("%ld messages, %.2f allocations/message (sink %zu)\n", n * perRound,
                double(g_allocations.load() - before) / double(n * perRound), sink);
    return 0;
}

} // namespace

int main(int argc, char **argv) {
    // Build the messages up front so their allocations are not counted.
    if (inviteMessage().size() != 928 || okMessage().size() != 407)
        return 2;
    if (argc > 2 && std::strcmp(argv[1], "--loop") == 0)
        return loopMode(argc, argv);
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
