#include "models/connection/LibvirtError.h"

#include <QCoreApplication>
#include <libvirt/virterror.h>

namespace crossvirt::models {

LibvirtError::LibvirtError(QString context, QString message, int code)
    : m_context(std::move(context)), m_message(std::move(message)), m_code(code)
{}

LibvirtError LibvirtError::fromLastError(const QString &context)
{
    const virError *err = virGetLastError();
    if (!err || !err->message) {
        return LibvirtError(
            context, QCoreApplication::translate("LibvirtError", "libvirt reported no details"));
    }
    return LibvirtError(context, QString::fromUtf8(err->message), err->code);
}

QString LibvirtError::text() const
{
    if (m_context.isEmpty())
        return m_message;
    if (m_message.isEmpty())
        return m_context;
    return QCoreApplication::translate("LibvirtError", "%1: %2").arg(m_context, m_message);
}

void throwLastLibvirtError(const QString &context)
{
    throw LibvirtError::fromLastError(context);
}

QString errorText(const std::exception_ptr &error)
{
    try {
        std::rethrow_exception(error);
    } catch (const LibvirtError &e) {
        return e.text();
    } catch (const std::exception &e) {
        return QString::fromLocal8Bit(e.what());
    } catch (...) {
    }
    return QCoreApplication::translate("LibvirtError", "Unknown error");
}

} // namespace crossvirt::models
