#include "models/console/VncPlaceholderDetector.h"

#include <algorithm>

namespace crossvirt::models {

namespace {

constexpr int kCellWidth = 8;   // QEMU's FONT_WIDTH
constexpr int kCellHeight = 16; // QEMU's FONT_HEIGHT

bool isBlack(QRgb p)
{
    return qRed(p) <= 0x10 && qGreen(p) <= 0x10 && qBlue(p) <= 0x10;
}

bool isTextGrey(QRgb p)
{
    const int r = qRed(p), g = qGreen(p), b = qBlue(p);
    const int lo = std::min({r, g, b}), hi = std::max({r, g, b});
    return lo >= 0x60 && hi - lo <= 0x20;
}

// Whether `img` (RGB32) is QEMU's placeholder carrying `message`.
bool matches(const QImage &img, const QByteArray &message)
{
    const int length = int(message.size());
    const int column = (img.width() / kCellWidth - length) / 2;
    const int row = (img.height() / kCellHeight - 1) / 2;
    if (column < 0 || row < 0)
        return false;
    const QRect box(column * kCellWidth, row * kCellHeight, length * kCellWidth, kCellHeight);
    if (!img.rect().contains(box))
        return false;
    QList<int> inkPerCell(length, 0);
    for (int y = 0; y < img.height(); ++y) {
        const auto *line = reinterpret_cast<const QRgb *>(img.constScanLine(y));
        const bool textRow = y >= box.top() && y <= box.bottom();
        for (int x = 0; x < img.width(); ++x) {
            const QRgb p = line[x];
            if (isBlack(p))
                continue;
            if (!textRow || x < box.left() || x > box.right() || !isTextGrey(p))
                return false;
            ++inkPerCell[(x - box.left()) / kCellWidth];
        }
    }
    for (int i = 0; i < length; ++i) {
        if ((message.at(i) == ' ') != (inkPerCell.at(i) == 0))
            return false;
    }
    return true;
}

const QByteArray &notInitializedText()
{
    static const QByteArray text("Guest has not initialized the display (yet).");
    return text;
}

const QByteArray &notActiveText()
{
    static const QByteArray text("Display output is not active.");
    return text;
}

} // namespace

VncPlaceholderDetector::Placeholder VncPlaceholderDetector::classify(const QImage &frame)
{
    if (frame.isNull())
        return Placeholder::None;
    const QImage img =
        frame.format() == QImage::Format_RGB32 || frame.format() == QImage::Format_ARGB32
            ? frame
            : frame.convertToFormat(QImage::Format_RGB32);
    if (matches(img, notInitializedText()))
        return Placeholder::NotInitialized;
    if (matches(img, notActiveText()))
        return Placeholder::NotActive;
    return Placeholder::None;
}

QString VncPlaceholderDetector::message(Placeholder placeholder)
{
    switch (placeholder) {
    case Placeholder::NotInitialized:
        return QString::fromLatin1(notInitializedText());
    case Placeholder::NotActive:
        return QString::fromLatin1(notActiveText());
    case Placeholder::None:
        break;
    }
    return {};
}

} // namespace crossvirt::models
