#pragma once

#include <QImage>
#include <QString>

namespace crossvirt::models {

/// Recognises the frame QEMU shows over VNC while the guest has no display of its own, so
/// the console never presents it as the guest's screen. QEMU draws it in
/// qemu_create_placeholder_surface() (ui/console.c):
///   - "Guest has not initialized the display (yet)." at 640x480, before the guest's
///     display device has drawn anything (e.g. a paused guest, virtio-gpu before a driver);
///   - "Display output is not active." at the size of the screen it replaces, when the
///     guest turned its output off (virtio-gpu scanout disabled, reset).
/// Black background, one line of text in the 8x16 VGA font, colour RGB(0xaa,0xaa,0xaa),
/// starting at character cell column (W/8 - length)/2 and cell row (H/16 - 1)/2.
///
/// The rule, for either message (length L, text box B = L cells of 8x16 pixels there):
///   1. every pixel outside B is black (each channel <= 0x10);
///   2. every pixel inside B is black or the text grey (channels within 0x60..0xff and
///      within 0x20 of each other);
///   3. a character cell of B holds text pixels exactly where the message has a
///      non-space character (the words' lengths are the fingerprint).
/// A frame with anything else on it, of any size, is the guest's own, and so is an
/// all-black frame: a guest that blanked or cleared its screen shows black, and calling
/// that "waiting" would hide a guest that runs (the console e2e tests ask for the guest's
/// own text where they need more than "not the placeholder").
class VncPlaceholderDetector
{
public:
    enum class Placeholder
    {
        None,           ///< the guest's own screen (or no frame)
        NotInitialized, ///< "Guest has not initialized the display (yet)."
        NotActive,      ///< "Display output is not active."
    };

    static Placeholder classify(const QImage &frame);
    static bool isPlaceholder(const QImage &frame) { return classify(frame) != Placeholder::None; }
    /// QEMU's text of `placeholder` (empty for None).
    static QString message(Placeholder placeholder);
};

} // namespace crossvirt::models
