#include "models/thumbnails/DomainScreenshot.h"

#include "arch/ArchRegistry.h"
#include "models/connection/WorkerJobs.h"

#include <QCoreApplication>
#include <QThreadPool>
#include <algorithm>

namespace crossvirt::models {

using namespace Qt::StringLiterals;

namespace {
// lupdate and the runtime both see the context "DomainScreenshot" for Text::tr().
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(DomainScreenshot)
};

struct RawScreenshot
{
    QByteArray data;
    QString mimeType;
};

// Larger than any real screen a guest shows; a stream sending more is not a screenshot.
constexpr qsizetype kMaxScreenshotBytes = 64 * 1024 * 1024;
} // namespace

QFuture<QImage> domainScreenshot(HostSession *session, const QString &uuid, const QSize &bound)
{
    const QString uri = session->uri();
    QFuture<RawScreenshot> raw = runOnWorker(session, [uuid](virConnectPtr conn) {
        const QString context = Text::tr("Could not take a screenshot of the virtual machine");
        const QByteArray id = uuid.toLatin1();
        const DomainHandle dom(virDomainLookupByUUIDString(conn, id.constData()));
        if (!dom)
            throwLastLibvirtError(context);
        const StreamHandle stream(virStreamNew(conn, 0));
        if (!stream)
            throwLastLibvirtError(context);
        char *mime = virDomainScreenshot(dom.get(), stream.get(), 0, 0);
        if (!mime)
            throwLastLibvirtError(context);
        RawScreenshot shot;
        shot.mimeType = takeLibvirtString(mime);
        char buffer[64 * 1024];
        for (;;) {
            const int got = virStreamRecv(stream.get(), buffer, sizeof buffer);
            if (got == 0)
                break;
            if (got < 0 || shot.data.size() + got > kMaxScreenshotBytes) {
                // Read what failed before the abort resets libvirt's last error.
                const LibvirtError error =
                    got < 0 ? LibvirtError::fromLastError(context)
                            : LibvirtError(context, Text::tr("The image is too large."));
                virStreamAbort(stream.get());
                throw error;
            }
            shot.data.append(buffer, got);
        }
        if (virStreamFinish(stream.get()) < 0)
            throwLastLibvirtError(context);
        return shot;
    });
    // Decoding a full screen takes milliseconds: not on the GUI thread, not on the host's
    // worker either (its next libvirt call would wait).
    return raw.then(QThreadPool::globalInstance(), [bound, uri](const RawScreenshot &shot) {
        QImage image = QImage::fromData(shot.data);
        if (image.isNull()) {
            throw LibvirtError(
                Text::tr("Could not read the screenshot of the virtual machine"),
                Text::tr("The host sent %1 bytes of %2 that are not an image Crossvirt can read.")
                    .arg(shot.data.size())
                    .arg(shot.mimeType.isEmpty() ? u"data"_s : shot.mimeType));
        }
        if (bound.isValid() && !bound.isEmpty() &&
            (image.width() > bound.width() || image.height() > bound.height()))
            image = image.scaled(bound, Qt::KeepAspectRatio, Qt::SmoothTransformation);
        return image.convertToFormat(QImage::Format_RGB32);
    });
}

bool archHasDisplay(const QString &arch, const QString &machine)
{
    const arch::ArchModel *model = arch::ArchRegistry::instance().find(arch);
    if (!model)
        return true; // an arch Crossvirt does not know: let the host answer
    arch::GuestContext ctx;
    ctx.arch = arch;
    ctx.machine = machine;
    const QStringList offered = model->graphicsTypes(ctx).offeredIds();
    return std::any_of(offered.cbegin(), offered.cend(),
                       [](const QString &id) { return id != "none"_L1; });
}

} // namespace crossvirt::models
