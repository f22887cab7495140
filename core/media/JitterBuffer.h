#pragma once

#include "media/RtpPacket.h"

#include <QByteArray>
#include <cstdint>
#include <map>

namespace parlo::media {

// Adaptive playout buffer for one RTP stream. put() stores packets in sequence order as they
// arrive; the playout side calls pop() once per frame. Both take the current time in ms
// explicitly, so tests drive it without a clock. The target delay follows the RFC 3550 §6.4.1
// interarrival jitter estimate, between minDelayMs and maxDelayMs; the buffer grows by
// re-buffering after an underrun and shrinks by skipping a frame when it holds too much.
class JitterBuffer {
public:
    struct Config {
        int clockRate = 8000; // RTP timestamp rate
        int frameMs = 20;
        int capacity = 50; // packets; beyond it the oldest is dropped
        int minDelayMs = 20;
        int maxDelayMs = 200;
    };

    enum class PutResult {
        Accepted,
        Duplicate, // that sequence number is already buffered: dropped
        Late,      // its play time has passed: dropped
        Overflow,  // accepted, but the buffer was full and its oldest packet was dropped
    };

    struct Frame {
        enum class Kind {
            Packet,  // payload holds the frame to decode
            Missing, // this frame was lost: conceal, or rebuild it from `next` with FEC
            Empty,   // nothing to play (buffering, underrun or growing the delay): play concealment/silence
        };
        Kind kind = Kind::Empty;
        uint16_t sequence = 0;
        uint32_t timestamp = 0;
        bool marker = false;
        QByteArray payload;
        QByteArray next; // Missing: the following packet's payload when already buffered
    };

    struct Stats {
        int64_t received = 0;
        int64_t played = 0;
        int64_t missing = 0;
        int64_t late = 0;
        int64_t duplicates = 0;
        int64_t overflowDrops = 0;
        int64_t skipped = 0; // dropped to shrink the delay
        int64_t underruns = 0;
    };

    JitterBuffer();
    explicit JitterBuffer(const Config &config);

    PutResult put(uint16_t sequence, uint32_t timestamp, const QByteArray &payload, int64_t nowMs,
                  bool marker = false);
    PutResult put(const RtpPacket &packet, int64_t nowMs) {
        return put(packet.sequence, packet.timestamp, packet.payload, nowMs, packet.marker);
    }
    Frame pop(int64_t nowMs);
    void reset();

    int targetDelayMs() const;
    double jitterMs() const { return m_jitterMs; }
    // The RFC 3550 jitter in timestamp units, for RTCP report blocks.
    uint32_t jitterTimestampUnits() const { return uint32_t(m_jitterMs * m_config.clockRate / 1000.0); }
    int bufferedPackets() const { return int(m_packets.size()); }
    bool isPlaying() const { return m_playing; }
    const Stats &stats() const { return m_stats; }
    const Config &config() const { return m_config; }

private:
    struct Entry {
        uint32_t timestamp;
        bool marker;
        QByteArray payload;
    };
    int bufferedMs() const;

    Config m_config;
    std::map<int64_t, Entry> m_packets; // by unwrapped sequence number
    Stats m_stats;
    bool m_haveHighest = false;
    int64_t m_highest = 0; // highest unwrapped sequence number received
    bool m_playing = false;
    bool m_havePlayed = false;
    int64_t m_next = 0; // next unwrapped sequence number to play
    int64_t m_bufferingSince = 0;
    bool m_buffering = false;
    bool m_haveTransit = false;
    double m_lastTransitMs = 0;
    double m_jitterMs = 0;
    int m_adjustCooldown = 0; // frames before the next grow/shrink step
};

} // namespace parlo::media
