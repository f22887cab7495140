// Codec cost per 20 ms frame (encode + decode), and the share of one core at 50 frames/s:
// Opus complexity 9, 48 kHz mono; PCMU at 8 kHz. Share of one core at 50 frames/s = CPU time per
// frame × 50 (e.g. 200 µs → 1 %).
#include "call/EngineCallMedia.h"
#include "media/MediaEngine.h"
#include "media/OpusCodec.h"
#include "media/PcmuCodec.h"
#include "media/RtpPacket.h"
#include "media/SrtpContext.h"
#include "media/ToneGenerator.h"
#include "media/WavWriter.h"
#include "sdp/CryptoAttribute.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QTemporaryDir>
#include <QTimer>
#include <benchmark/benchmark.h>
#include <sys/resource.h>

using namespace parlo::media;

template <typename Codec> static void encodeDecode(benchmark::State &state, Codec &codec) {
    // Two tones so the encoder has real work, not silence.
    ToneGenerator gen(codec.clockRate(), ToneGenerator::Tone{{440, 1250}, 6000});
    const auto pcm = gen.generate(codec.frameSamples() * 50);
    size_t frame = 0;
    for (auto _ : state) {
        const std::span<const int16_t> in(pcm.data() + frame * size_t(codec.frameSamples()),
                                          size_t(codec.frameSamples()));
        const auto out = codec.decode(codec.encode(in));
        benchmark::DoNotOptimize(out.data());
        frame = (frame + 1) % 50;
    }
}

static void BM_Opus48kMonoC9(benchmark::State &state) {
    OpusCodec::Options o;
    o.complexity = 9;
    OpusCodec codec(o);
    encodeDecode(state, codec);
}
BENCHMARK(BM_Opus48kMonoC9)->Unit(benchmark::kMicrosecond);

static void BM_Pcmu8k(benchmark::State &state) {
    PcmuCodec codec;
    encodeDecode(state, codec);
}
BENCHMARK(BM_Pcmu8k)->Unit(benchmark::kMicrosecond);

// "All-in" per 20 ms frame, what a call's media thread does for one frame each way: encode,
// RTP packetize, SRTP protect (AES_CM_128_HMAC_SHA1_80), SRTP unprotect, RTP parse, decode.
template <typename Codec> static void allIn(benchmark::State &state, Codec &codec) {
    ToneGenerator gen(codec.clockRate(), ToneGenerator::Tone{{440, 1250}, 6000});
    const auto pcm = gen.generate(codec.frameSamples() * 50);
    QByteArray key(SrtpContext::kMasterKeyAndSaltLength, '\0');
    for (int i = 0; i < key.size(); ++i)
        key[i] = char(i * 11 + 3);
    auto tx =
        SrtpContext::create(SrtpContext::Suite::AesCm128HmacSha1_80, key, SrtpContext::Direction::Outbound);
    auto rx =
        SrtpContext::create(SrtpContext::Suite::AesCm128HmacSha1_80, key, SrtpContext::Direction::Inbound);
    if (!tx || !rx) {
        state.SkipWithError("libsrtp refused the key");
        return;
    }
    RtpPacket packet;
    packet.payloadType = uint8_t(codec.payloadType());
    packet.ssrc = 0x1234abcd;
    size_t frame = 0;
    for (auto _ : state) {
        const std::span<const int16_t> in(pcm.data() + frame * size_t(codec.frameSamples()),
                                          size_t(codec.frameSamples()));
        packet.payload = codec.encode(in);
        ++packet.sequence;
        packet.timestamp += uint32_t(codec.rtpTimestampIncrement());
        QByteArray wire = packet.toBytes();
        if (tx->protectRtp(wire) != SrtpContext::Error::None ||
            rx->unprotectRtp(wire) != SrtpContext::Error::None) {
            state.SkipWithError("SRTP failed");
            return;
        }
        const auto parsed = RtpPacket::parse(wire);
        const auto out = codec.decode(parsed->payload);
        benchmark::DoNotOptimize(out.data());
        frame = (frame + 1) % 50;
    }
}

static void BM_AllInOpus48kMonoC9Srtp(benchmark::State &state) {
    OpusCodec::Options o;
    o.complexity = 9;
    OpusCodec codec(o);
    allIn(state, codec);
}
BENCHMARK(BM_AllInOpus48kMonoC9Srtp)->Unit(benchmark::kMicrosecond);

static void BM_AllInPcmu8kSrtp(benchmark::State &state) {
    PcmuCodec codec;
    allIn(state, codec);
}
BENCHMARK(BM_AllInPcmu8kSrtp)->Unit(benchmark::kMicrosecond);

// A whole call, both ends in this process on the media thread: Opus c9 + SRTP, a WAV played each
// way, both recorded, RTCP, jitter buffers, timers. Reports the process CPU time (all threads) per
// call end as a share of one core.
static double processCpuSeconds() {
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return double(u.ru_utime.tv_sec + u.ru_stime.tv_sec) +
           double(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

static void BM_CallOpusSrtpPerEnd(benchmark::State &state) {
    static int argc = 1;
    static char name[] = "bench_media";
    static char *argv[] = {name, nullptr};
    static QCoreApplication *app = QCoreApplication::instance() ? nullptr : new QCoreApplication(argc, argv);
    Q_UNUSED(app);
    QTemporaryDir dir;
    const QString tone = dir.filePath("tone.wav");
    {
        ToneGenerator gen(48000, ToneGenerator::Tone{{440, 1250}, 6000});
        WavWriter w;
        w.open(tone, WavFormat{48000, 1});
        w.write(gen.generate(48000 * 10));
        w.close();
    }
    parlo::media::MediaEngine engine;
    parlo::CallMediaOptions o;
    o.playFile = tone;
    o.recordFile = dir.filePath("a.wav");
    auto a = parlo::createCallMedia(&engine, o, QHostAddress::LocalHost);
    o.recordFile = dir.filePath("b.wav");
    auto b = parlo::createCallMedia(&engine, o, QHostAddress::LocalHost);
    const auto ka =
        parlo::sdp::CryptoAttribute::generate(1, parlo::sdp::CryptoAttribute::Suite::AesCm128HmacSha1_80);
    const auto kb =
        parlo::sdp::CryptoAttribute::generate(1, parlo::sdp::CryptoAttribute::Suite::AesCm128HmacSha1_80);
    auto media = [](const parlo::CallMedia &peer, const auto &ours, const auto &theirs) {
        parlo::sdp::NegotiatedMedia m;
        m.remoteAddress = peer.localAddress();
        m.remotePort = peer.localPort();
        m.remoteRtcpPort = quint16(peer.localPort() + 1);
        m.sendCodec = parlo::sdp::Codec{111, "opus", 48000, 2, {}};
        m.receiveCodecs = {m.sendCodec};
        m.localCrypto = ours;
        m.remoteCrypto = theirs;
        return m;
    };
    a->start(media(*b, ka, kb));
    b->start(media(*a, kb, ka));
    double cpu = 0, wall = 0;
    for (auto _ : state) {
        const double c0 = processCpuSeconds();
        QElapsedTimer t;
        t.start();
        QEventLoop loop;
        QTimer::singleShot(1000, &loop, &QEventLoop::quit);
        loop.exec();
        cpu += processCpuSeconds() - c0;
        wall += double(t.nsecsElapsed()) / 1e9;
    }
    a->stop();
    b->stop();
    state.counters["core_percent_per_end"] = wall > 0 ? cpu / wall / 2 * 100 : 0;
    state.counters["packets_each_way"] = double(b->stats().packetsReceived);
}
BENCHMARK(BM_CallOpusSrtpPerEnd)->Iterations(5)->UseRealTime()->Unit(benchmark::kMillisecond);

BENCHMARK_MAIN();
