// VncPlaceholderDetector on frames QEMU really produced (tests/data/vnc, taken with QMP
// screendump from qemu-system-x86_64 7.2 / qemu-system-ppc64, the same surface its VNC
// server sends):
//   placeholder-not-initialized.png  q35 + VGA, paused with -S (640x480)
//   placeholder-not-active.png       q35 + virtio-gpu-pci under OVMF, stopped and reset
//                                    after OVMF set a mode: the old size, 1280x800
//   seabios-text.png                 SeaBIOS "No bootable device." text screen (720x400)
//   slof-vga.png                     SLOF's boot text on a pseries VGA (800x600)
#include "models/console/VncPlaceholderDetector.h"
#include "common/TestSupport.h"

#include <QPainter>
#include <gtest/gtest.h>

using namespace Qt::StringLiterals;
using crossvirt::models::VncPlaceholderDetector;
using Placeholder = VncPlaceholderDetector::Placeholder;

namespace {

QImage frame(const QString &name)
{
    QImage image(crossvirt::test::sourcePath(u"tests/data/vnc/"_s + name));
    EXPECT_FALSE(image.isNull()) << name.toStdString();
    return image.convertToFormat(QImage::Format_RGB32);
}

} // namespace

TEST(VncPlaceholderDetector, RecognisesQemusNotInitializedFrame)
{
    const QImage image = frame(u"placeholder-not-initialized.png"_s);
    ASSERT_EQ(image.size(), QSize(640, 480));
    EXPECT_EQ(VncPlaceholderDetector::classify(image), Placeholder::NotInitialized);
    EXPECT_EQ(VncPlaceholderDetector::message(Placeholder::NotInitialized),
              u"Guest has not initialized the display (yet)."_s);
}

TEST(VncPlaceholderDetector, RecognisesNotActiveAtTheSizeOfTheScreenItReplaced)
{
    const QImage image = frame(u"placeholder-not-active.png"_s);
    ASSERT_EQ(image.size(), QSize(1280, 800));
    EXPECT_EQ(VncPlaceholderDetector::classify(image), Placeholder::NotActive);

    // The same text where QEMU puts it on a 640x480 screen: cell column (80-29)/2 = 25,
    // cell row (30-1)/2 = 14. On 1280x800 it is column 65, row 24.
    QImage small(640, 480, QImage::Format_RGB32);
    small.fill(Qt::black);
    QPainter(&small).drawImage(QPoint(25 * 8, 14 * 16), image.copy(65 * 8, 24 * 16, 29 * 8, 16));
    EXPECT_EQ(VncPlaceholderDetector::classify(small), Placeholder::NotActive);
}

TEST(VncPlaceholderDetector, RealGuestScreensAreNotPlaceholders)
{
    for (const QString &name : {u"seabios-text.png"_s, u"slof-vga.png"_s}) {
        SCOPED_TRACE(name.toStdString());
        EXPECT_EQ(VncPlaceholderDetector::classify(frame(name)), Placeholder::None);
    }
    EXPECT_EQ(VncPlaceholderDetector::classify(QImage()), Placeholder::None);
}

TEST(VncPlaceholderDetector, AnAllBlackScreenIsTheGuestsOwn)
{
    // A guest that blanked or cleared its screen runs: documented as not "waiting".
    for (const QSize size : {QSize(640, 480), QSize(720, 400), QSize(1024, 768)}) {
        QImage black(size, QImage::Format_RGB32);
        black.fill(Qt::black);
        EXPECT_EQ(VncPlaceholderDetector::classify(black), Placeholder::None);
    }
}

TEST(VncPlaceholderDetector, AnythingElseOnTheScreenMakesItTheGuests)
{
    const QImage placeholder = frame(u"placeholder-not-initialized.png"_s);
    // One pixel of the guest's own drawing anywhere else.
    QImage dot = placeholder;
    dot.setPixel(3, 470, qRgb(0x20, 0xc0, 0x60));
    EXPECT_EQ(VncPlaceholderDetector::classify(dot), Placeholder::None);
    // The same text one line lower is a guest's text, not QEMU's placeholder.
    QImage moved(640, 480, QImage::Format_RGB32);
    moved.fill(Qt::black);
    QPainter(&moved).drawImage(QPoint(0, 16), placeholder.copy(0, 0, 640, 464));
    EXPECT_EQ(VncPlaceholderDetector::classify(moved), Placeholder::None);
    // A word missing ("Guest" erased): other text in the same place.
    QImage word = placeholder;
    QPainter(&word).fillRect(QRect(18 * 8, 14 * 16, 5 * 8, 16), Qt::black);
    EXPECT_EQ(VncPlaceholderDetector::classify(word), Placeholder::None);
    // Coloured text where the grey text was.
    QImage coloured = placeholder;
    for (int y = 14 * 16; y < 15 * 16; ++y) {
        for (int x = 0; x < 640; ++x) {
            if (coloured.pixel(x, y) != qRgb(0, 0, 0))
                coloured.setPixel(x, y, qRgb(0xaa, 0x20, 0x20));
        }
    }
    EXPECT_EQ(VncPlaceholderDetector::classify(coloured), Placeholder::None);
}

TEST(VncPlaceholderDetector, SurvivesAServerSendingFewerColourBits)
{
    // A 16-bit pixel format turns 0xaa grey into 0xad/0xaa: still QEMU's placeholder.
    const QImage placeholder = frame(u"placeholder-not-initialized.png"_s);
    EXPECT_EQ(VncPlaceholderDetector::classify(placeholder.convertToFormat(QImage::Format_RGB16)),
              Placeholder::NotInitialized);
    EXPECT_EQ(VncPlaceholderDetector::classify(placeholder.convertToFormat(QImage::Format_ARGB32)),
              Placeholder::NotInitialized);
}
