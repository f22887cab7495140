// Codec cost per 20 ms frame (encode + decode), and the share of one core at 50 frames/s:
// Opus complexity 9, 48 kHz mono; PCMU at 8 kHz. Share of one core at 50 frames/s = CPU time per
// frame × 50 (e.g. 200 µs → 1 %).
#include "media/OpusCodec.h"
#include "media/PcmuCodec.h"
#include "media/ToneGenerator.h"

#include <benchmark/benchmark.h>

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

BENCHMARK_MAIN();
