// libFuzzer target: bytes a guest's serial console sends (firmware, boot loader, kernel,
// getty: text, UTF-8, ANSI escapes) through the serial console's terminal parser
// (models/console/TerminalBuffer). The stream reaches it in arbitrary chunks, so the
// same bytes fed whole and fed in small pieces must show the same lines; a few lines of
// scrollback make the trimming run too. Seeds: fuzz/corpus/serial_ansi.
#include "models/console/TerminalBuffer.h"

#include <QByteArray>

#include <cstddef>
#include <cstdint>
#include <cstdlib>

using crossvirt::models::TerminalBuffer;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes =
        QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size));
    constexpr int MaxLines = 24;
    TerminalBuffer whole(MaxLines);
    whole.feed(bytes);

    // Chunks of 1 to 7 bytes, sizes taken from the data so they vary between inputs.
    TerminalBuffer pieces(MaxLines);
    qsizetype at = 0;
    while (at < bytes.size()) {
        const qsizetype len = qMin<qsizetype>(1 + uchar(bytes[at]) % 7, bytes.size() - at);
        pieces.feed(QByteArray::fromRawData(bytes.constData() + at, len));
        at += len;
    }

    if (whole.lines().isEmpty() || whole.lines().size() > MaxLines)
        std::abort();
    if (whole.lines() != pieces.lines())
        std::abort(); // the chunking changed what the user sees
    (void)whole.text();
    return 0;
}
