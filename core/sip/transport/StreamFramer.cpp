#include "sip/transport/StreamFramer.h"

#include <QByteArrayList>

namespace parlo::sip {

namespace {

constexpr QByteArrayView kCrlf("\r\n");
constexpr QByteArrayView kPing("\r\n\r\n");

enum class LengthResult { Found, Missing, Bad };

bool isWhitespace(char c) {
    return c == ' ' || c == '\t';
}

// Content-Length (or compact "l") from a header section; all occurrences must agree.
LengthResult contentLength(QByteArrayView headers, qint64 *length) {
    LengthResult result = LengthResult::Missing;
    qsizetype pos = 0;
    while (pos < headers.size()) {
        qsizetype end = headers.indexOf(kCrlf, pos);
        if (end < 0)
            end = headers.size();
        const QByteArrayView line = headers.sliced(pos, end - pos);
        pos = end + 2;
        if (line.isEmpty() || isWhitespace(line.front()))
            continue; // start line terminator / folded continuation
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            continue;
        const QByteArrayView name = line.first(colon).trimmed();
        if (name.compare("content-length", Qt::CaseInsensitive) != 0 &&
            name.compare("l", Qt::CaseInsensitive) != 0)
            continue;
        const QByteArrayView value = line.sliced(colon + 1).trimmed();
        if (value.isEmpty() || value.size() > 9)
            return LengthResult::Bad;
        qint64 n = 0;
        for (char c : value) {
            if (c < '0' || c > '9')
                return LengthResult::Bad;
            n = n * 10 + (c - '0');
        }
        if (result == LengthResult::Found && n != *length)
            return LengthResult::Bad;
        *length = n;
        result = LengthResult::Found;
    }
    return result;
}

} // namespace

StreamFramer::StreamFramer(int maxBuffer)
    : m_maxBuffer(maxBuffer) {}

int StreamFramer::room() const {
    return qMax(0, m_maxBuffer - buffered());
}

bool StreamFramer::append(QByteArrayView data) {
    if (m_error != Error::None)
        return false;
    if (data.size() > room()) {
        m_error = Error::BufferOverflow;
        return false;
    }
    if (m_offset > 0 && (m_offset == m_buffer.size() || m_offset > m_buffer.size() / 2)) {
        m_buffer.remove(0, m_offset);
        m_offset = 0;
    }
    m_buffer.append(data);
    return true;
}

std::optional<StreamFramer::Item> StreamFramer::next() {
    if (m_error != Error::None)
        return std::nullopt;
    const QByteArrayView view = QByteArrayView(m_buffer).sliced(m_offset);
    if (view.isEmpty())
        return std::nullopt;

    if (view.startsWith(kCrlf)) {
        if (view.startsWith(kPing)) {
            m_offset += kPing.size();
            return Item{Item::Kind::Ping, {}};
        }
        // "\r\n" or "\r\n\r" may still become a ping.
        if (kPing.startsWith(view))
            return std::nullopt;
        m_offset += kCrlf.size();
        return Item{Item::Kind::Pong, {}};
    }

    const qsizetype headerEnd = view.indexOf(kPing);
    if (headerEnd < 0) {
        if (view.size() >= m_maxBuffer)
            m_error = Error::BufferOverflow;
        return std::nullopt;
    }
    qint64 length = 0;
    switch (contentLength(view.first(headerEnd + 2), &length)) {
    case LengthResult::Missing:
        m_error = Error::MissingContentLength;
        return std::nullopt;
    case LengthResult::Bad:
        m_error = Error::BadContentLength;
        return std::nullopt;
    case LengthResult::Found:
        break;
    }
    const qint64 total = headerEnd + kPing.size() + length;
    if (total > m_maxBuffer) {
        m_error = Error::MessageTooLarge;
        m_rejectedHeaders = view.first(headerEnd + kPing.size()).toByteArray();
        return std::nullopt;
    }
    if (view.size() < total)
        return std::nullopt;
    Item item{Item::Kind::Message, view.first(total).toByteArray()};
    m_offset += total;
    return item;
}

} // namespace parlo::sip
