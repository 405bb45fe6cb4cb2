#pragma once

#include <QFuture>
#include <QImage>
#include <QSize>
#include <QString>

namespace crossvirt::models {

class HostSession;

/// Takes a screenshot of a running VM: virDomainScreenshot and a virStream on the host's
/// worker thread, then decodes the image (PPM from QEMU, PNG from the test driver) on
/// the thread pool, scaled down to fit `bound` (an empty bound keeps the full size). Fails
/// with libvirt's message (a driver without screenshots, a VM without a display).
QFuture<QImage> domainScreenshot(HostSession *session, const QString &uuid,
                                 const QSize &bound = {});

/// Whether a guest of `arch` has a graphical display at all (the arch layer says: s390x
/// has none), so a screenshot can be asked for.
bool archHasDisplay(const QString &arch, const QString &machine = {});

} // namespace crossvirt::models
