#pragma once

// The per-arch guest the e2e tests boot: a Debian kernel and a busybox initramfs made by
// tests/e2e/guest/make-guest-image.sh from Debian's own packages (cached between runs).

#include <QString>

namespace crossvirt::test::e2e {

struct GuestImage
{
    QString arch, kernel, initrd, kernelVersion, note;
    QString error; // why it could not be made (empty when ok)
    bool ok() const { return error.isEmpty(); }
};

/// Builds (or takes from the cache) the guest image of `libvirtArch` by running the script;
/// blocking (tests only). Memoized per process.
GuestImage guestImageFor(const QString &libvirtArch);

/// Path of make-guest-image.sh in the source tree.
QString guestImageScript();

} // namespace crossvirt::test::e2e
