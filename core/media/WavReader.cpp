#include "media/WavReader.h"

#include "media/MediaLog.h"

#include <QtEndian>

namespace parlo::media {

namespace {
constexpr uint16_t kFormatPcm = 1;
constexpr uint16_t kFormatExtensible = 0xfffe;
// Files we write or play are far smaller; a chunk walk never loops forever on garbage.
constexpr int kMaxChunks = 64;
} // namespace

bool WavReader::failWith(MediaError::Kind kind, const char *detail) {
    m_error = MediaError{kind, QByteArray(detail)};
    qCDebug(lcWav) << "cannot read" << m_file.fileName() << detail;
    m_file.close();
    return false;
}

void WavReader::close() {
    m_file.close();
    m_dataOffset = m_dataSize = m_dataRead = 0;
}

bool WavReader::open(const QString &path) {
    using K = MediaError::Kind;
    close();
    m_error = {};
    m_file.setFileName(path);
    if (!m_file.open(QIODevice::ReadOnly))
        return failWith(K::IoError, "open");
    const QByteArray riff = m_file.read(12);
    if (riff.size() < 12)
        return failWith(K::TooShort, "RIFF header");
    if (!riff.startsWith("RIFF") || riff.mid(8, 4) != "WAVE")
        return failWith(K::BadFormat, "not RIFF/WAVE");

    bool haveFormat = false;
    for (int i = 0; i < kMaxChunks; ++i) {
        const QByteArray header = m_file.read(8);
        if (header.size() < 8)
            break;
        const QByteArray id = header.left(4);
        const int64_t size = qFromLittleEndian<uint32_t>(header.constData() + 4);
        const int64_t bodyStart = m_file.pos();
        if (id == "fmt ") {
            if (size < 16)
                return failWith(K::BadFormat, "fmt chunk too short");
            const QByteArray fmt = m_file.read(qMin<int64_t>(size, 40));
            if (fmt.size() < 16)
                return failWith(K::TooShort, "fmt chunk");
            const char *f = fmt.constData();
            uint16_t tag = qFromLittleEndian<uint16_t>(f);
            const int channels = qFromLittleEndian<uint16_t>(f + 2);
            const uint32_t rate = qFromLittleEndian<uint32_t>(f + 4);
            const int blockAlign = qFromLittleEndian<uint16_t>(f + 12);
            const int bits = qFromLittleEndian<uint16_t>(f + 14);
            if (tag == kFormatExtensible && fmt.size() >= 26)
                tag = qFromLittleEndian<uint16_t>(f + 24); // first two bytes of the SubFormat GUID
            if (tag != kFormatPcm)
                return failWith(K::UnsupportedFormat, "not PCM");
            if (bits != 16)
                return failWith(K::UnsupportedFormat, "not 16-bit");
            if (channels < 1 || channels > 2)
                return failWith(K::UnsupportedFormat, "channels");
            if (rate < 1000 || rate > 192000)
                return failWith(K::UnsupportedFormat, "sample rate");
            if (blockAlign != channels * 2)
                return failWith(K::BadFormat, "block align");
            m_format = WavFormat{int(rate), channels};
            haveFormat = true;
        } else if (id == "data") {
            if (!haveFormat)
                return failWith(K::BadFormat, "data before fmt");
            m_dataOffset = bodyStart;
            // A writer that died before finalizing leaves 0 or 0xffffffff: trust the file length.
            const int64_t available = m_file.size() - bodyStart;
            m_dataSize = (size == 0 || size > available) ? available : size;
            m_dataSize -= m_dataSize % m_format.bytesPerFrame();
            m_dataRead = 0;
            return true;
        }
        // Chunks are padded to an even length.
        if (!m_file.seek(bodyStart + size + (size & 1)))
            break;
    }
    return failWith(K::BadFormat, haveFormat ? "no data chunk" : "no fmt chunk");
}

std::vector<int16_t> WavReader::read(int maxFrames) {
    if (!isOpen() || maxFrames <= 0)
        return {};
    const int64_t bytes =
        qMin<int64_t>(int64_t(maxFrames) * m_format.bytesPerFrame(), m_dataSize - m_dataRead);
    if (bytes <= 0)
        return {};
    std::vector<int16_t> out(size_t(bytes / 2));
    const int64_t got = m_file.read(reinterpret_cast<char *>(out.data()), bytes);
    if (got <= 0)
        return {};
    const int64_t whole = got - got % m_format.bytesPerFrame();
    m_dataRead += got;
    out.resize(size_t(whole / 2));
    for (auto &s : out)
        s = qFromLittleEndian(s);
    return out;
}

bool WavReader::rewind() {
    if (!isOpen() || !m_file.seek(m_dataOffset))
        return false;
    m_dataRead = 0;
    return true;
}

std::optional<std::vector<int16_t>> WavReader::readAll(const QString &path, WavFormat *format,
                                                       MediaError *error) {
    WavReader reader;
    if (!reader.open(path)) {
        if (error)
            *error = reader.error();
        return std::nullopt;
    }
    if (format)
        *format = reader.format();
    return reader.read(int(qMin<int64_t>(reader.totalFrames(), INT32_MAX)));
}

} // namespace parlo::media
