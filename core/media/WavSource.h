#pragma once

#include "media/MediaError.h"
#include "media/Resampler.h"
#include "media/WavReader.h"

#include <QString>
#include <cstdint>
#include <deque>
#include <memory>
#include <vector>

namespace parlo::media {

// A WAV file as an audio source for a call: any rate and channel count in, mono at the rate the
// codec wants out, in frames of any size. After the end it gives silence (atEnd() turns true once).
class WavSource {
public:
    WavSource() = default;
    bool open(const QString &path, int outputRate);
    const MediaError &error() const { return m_reader.error(); }
    bool isOpen() const { return m_open; }
    int outputRate() const { return m_outRate; }
    // Changes the output rate mid-stream (a new codec after a re-INVITE).
    void setOutputRate(int rate);
    // Exactly `samples` mono samples; zeros once the file is exhausted.
    std::vector<int16_t> read(int samples);
    bool atEnd() const { return m_eof && m_pending.empty(); }

private:
    WavReader m_reader;
    std::unique_ptr<Resampler> m_resampler;
    std::deque<int16_t> m_pending;
    int m_outRate = 8000;
    bool m_open = false;
    bool m_eof = false;
};

} // namespace parlo::media
