#include "media/JitterBuffer.h"

#include "media/MediaLog.h"
#include "media/SequenceNumber.h"

#include <cmath>

namespace parlo::media {

namespace {
// Frames between two delay adjustments, so adaptation is gradual and barely audible.
constexpr int kAdjustCooldownFrames = 10;
} // namespace

JitterBuffer::JitterBuffer()
    : JitterBuffer(Config()) {}

JitterBuffer::JitterBuffer(const Config &config)
    : m_config(config) {
    m_config.clockRate = qMax(1, m_config.clockRate);
    m_config.frameMs = qMax(1, m_config.frameMs);
    m_config.capacity = qMax(2, m_config.capacity);
    m_config.minDelayMs = qMax(0, m_config.minDelayMs);
    m_config.maxDelayMs = qMax(m_config.minDelayMs, m_config.maxDelayMs);
}

void JitterBuffer::reset() {
    const Config c = m_config;
    *this = JitterBuffer(c);
}

int JitterBuffer::targetDelayMs() const {
    // One frame of scheduling slack plus about three jitter deviations covers most arrivals.
    const double wanted = m_config.frameMs + 3.0 * m_jitterMs;
    const int rounded = int(std::ceil(wanted / m_config.frameMs)) * m_config.frameMs;
    return qBound(m_config.minDelayMs, rounded, m_config.maxDelayMs);
}

int JitterBuffer::bufferedMs() const {
    if (m_packets.empty())
        return 0;
    const int64_t from = m_playing ? m_next : m_packets.begin()->first;
    return int((m_highest - from + 1) * m_config.frameMs);
}

JitterBuffer::PutResult JitterBuffer::put(uint16_t sequence, uint32_t timestamp, const QByteArray &payload,
                                          int64_t nowMs, bool marker) {
    const int64_t key =
        m_haveHighest ? m_highest + SequenceNumber::delta(sequence, uint16_t(m_highest)) : sequence;
    if (m_havePlayed && key < m_next) {
        ++m_stats.late;
        return PutResult::Late;
    }
    if (m_packets.count(key)) {
        ++m_stats.duplicates;
        return PutResult::Duplicate;
    }
    ++m_stats.received;

    // RFC 3550 §6.4.1 / A.8: J += (|D| - J) / 16, D the change in transit time.
    const double transit = double(nowMs) - double(timestamp) * 1000.0 / m_config.clockRate;
    if (m_haveTransit) {
        double d = std::fabs(transit - m_lastTransitMs);
        // A timestamp jump (new talk spurt after silence, wrap) is not jitter: cap one sample's weight.
        d = qMin(d, double(m_config.maxDelayMs) * 2);
        m_jitterMs += (d - m_jitterMs) / 16.0;
    }
    m_haveTransit = true;
    m_lastTransitMs = transit;

    if (!m_haveHighest || key > m_highest)
        m_highest = key;
    m_haveHighest = true;
    m_packets.emplace(key, Entry{timestamp, marker, payload});
    if (!m_playing && !m_buffering) {
        m_buffering = true;
        m_bufferingSince = nowMs;
    }
    if (int(m_packets.size()) > m_config.capacity) {
        const int64_t dropped = m_packets.begin()->first;
        m_packets.erase(m_packets.begin());
        ++m_stats.overflowDrops;
        if (m_playing && m_next <= dropped)
            m_next = dropped + 1;
        qCDebug(lcJitter) << "buffer full, dropped" << uint16_t(dropped);
        return PutResult::Overflow;
    }
    return PutResult::Accepted;
}

JitterBuffer::Frame JitterBuffer::pop(int64_t nowMs) {
    Frame frame;
    if (m_adjustCooldown > 0)
        --m_adjustCooldown;
    if (!m_playing) {
        if (m_packets.empty() || !m_buffering || nowMs - m_bufferingSince < targetDelayMs())
            return frame; // Empty: still buffering
        m_playing = true;
        m_buffering = false;
        // Resume at the oldest buffered packet; anything before it was lost or played.
        m_next = m_havePlayed ? qMax(m_next, m_packets.begin()->first) : m_packets.begin()->first;
        if (!m_havePlayed && bufferedMs() > targetDelayMs() + 2 * m_config.frameMs) {
            // Nothing played yet, and so much buffered that the shrink step below would fire: a
            // burst (packets queued while the receiver was busy setting up the call). Dropping the
            // excess now is silent; left in, it would be shrunk away one skipped frame per
            // adjustment step, each an audible break. Keep what a normal start holds: the target
            // plus the frame that arrived while buffering.
            while (bufferedMs() > targetDelayMs() + m_config.frameMs) {
                if (m_packets.erase(m_next))
                    ++m_stats.skipped;
                ++m_next;
            }
        }
    }
    if (m_packets.empty()) {
        // Underrun: stop and re-buffer to the (meanwhile perhaps larger) target delay.
        m_playing = false;
        ++m_stats.underruns;
        return frame;
    }
    // Grow: the buffer holds less than the target; hold playout for a frame.
    if (m_adjustCooldown == 0 && bufferedMs() + m_config.frameMs < targetDelayMs()) {
        m_adjustCooldown = kAdjustCooldownFrames;
        return frame;
    }
    // Shrink: more than two frames above the target; skip the oldest frame.
    if (m_adjustCooldown == 0 && bufferedMs() > targetDelayMs() + 2 * m_config.frameMs) {
        m_adjustCooldown = kAdjustCooldownFrames;
        if (m_packets.erase(m_next))
            ++m_stats.skipped;
        ++m_next;
    }
    frame.sequence = uint16_t(m_next);
    auto it = m_packets.find(m_next);
    if (it != m_packets.end()) {
        frame.kind = Frame::Kind::Packet;
        frame.timestamp = it->second.timestamp;
        frame.marker = it->second.marker;
        frame.payload = it->second.payload;
        m_packets.erase(it);
        ++m_stats.played;
    } else {
        frame.kind = Frame::Kind::Missing;
        auto next = m_packets.find(m_next + 1);
        if (next != m_packets.end()) {
            frame.next = next->second.payload;
            frame.timestamp = next->second.timestamp - uint32_t(m_config.clockRate * m_config.frameMs / 1000);
        }
        ++m_stats.missing;
    }
    ++m_next;
    m_havePlayed = true;
    return frame;
}

} // namespace parlo::media
