#include "media/CallRecorder.h"

#include <algorithm>
#include <cstdlib>
#include <vector>

namespace parlo::media {

bool CallRecorder::open(const QString &path, int sampleRate, int64_t nowMs) {
    m_path = path;
    m_rate = sampleRate;
    m_startMs = nowMs;
    m_flushed = 0;
    m_mix.clear();
    for (Track &t : m_tracks)
        t = Track{};
    return m_writer.open(path, WavFormat{sampleRate, 1});
}

bool CallRecorder::add(Direction direction, std::span<const int16_t> mono, int rate, int64_t endMs) {
    if (!isOpen() || mono.empty())
        return isOpen();
    Track &t = m_tracks[direction == Direction::Sent ? 0 : 1];
    std::vector<int16_t> resampled;
    if (rate != m_rate) {
        if (!t.resampler || t.resampler->inRate() != rate)
            t.resampler = std::make_unique<Resampler>(rate, m_rate, 1);
        resampled = t.resampler->process(mono);
        mono = resampled;
    } else {
        t.resampler.reset();
    }
    const int64_t n = int64_t(mono.size());
    const int64_t due = samplesAt(endMs) - n;
    // Frames follow each other without a seam while the direction keeps time; after a gap (hold,
    // the first packet, a codec change) or a drift it starts again where the wall clock says.
    if (!t.started || std::abs(t.position - due) > int64_t(m_rate) * kResyncMs / 1000) {
        t.position = due;
        t.started = true;
    }
    int64_t at = t.position;
    t.position += n;
    // Bounded: a direction running far ahead pushes the older mix out to the file.
    const int64_t limit = int64_t(m_rate) * kMaxBufferedMs / 1000;
    if (at + n - m_flushed > limit && !flushTo(at + n - limit))
        return false;
    // What comes too late for the file (or from before its start) is left out.
    const size_t skip = at < m_flushed ? size_t(std::min(n, m_flushed - at)) : 0;
    if (skip >= mono.size())
        return true;
    at += int64_t(skip);
    const size_t offset = size_t(at - m_flushed);
    if (m_mix.size() < offset + (mono.size() - skip))
        m_mix.resize(offset + (mono.size() - skip), 0);
    auto it = m_mix.begin() + std::ptrdiff_t(offset);
    for (size_t i = skip; i < mono.size(); ++i, ++it)
        *it += mono[i];
    return true;
}

bool CallRecorder::advance(int64_t nowMs) {
    if (!isOpen())
        return false;
    return flushTo(samplesAt(nowMs - kMixDelayMs));
}

bool CallRecorder::flushTo(int64_t position) {
    if (position <= m_flushed)
        return true;
    std::vector<int16_t> out(size_t(position - m_flushed), 0);
    const size_t fromMix = std::min(out.size(), m_mix.size());
    for (size_t i = 0; i < fromMix; ++i)
        out[i] = int16_t(std::clamp(m_mix[i], -32768, 32767));
    m_mix.erase(m_mix.begin(), m_mix.begin() + std::ptrdiff_t(fromMix));
    m_flushed = position;
    return m_writer.write(out);
}

bool CallRecorder::close(int64_t nowMs) {
    if (!isOpen())
        return true;
    int64_t end = std::max(samplesAt(nowMs), m_flushed + int64_t(m_mix.size()));
    for (const Track &t : m_tracks)
        if (t.started)
            end = std::max(end, t.position);
    const bool written = flushTo(end);
    m_mix.clear();
    const bool closed = m_writer.close();
    return written && closed;
}

} // namespace parlo::media
