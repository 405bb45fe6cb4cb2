#pragma once

#include <QException>
#include <QString>

namespace crossvirt::models {

/// A failed libvirt call: what Crossvirt was doing, and libvirt's own message.
/// Thrown on worker threads and carried to the GUI through QFuture.
class LibvirtError : public QException
{
public:
    LibvirtError(QString context, QString message, int code = 0);

    /// Builds the error from libvirt's last error on this thread.
    static LibvirtError fromLastError(const QString &context);

    const QString &context() const { return m_context; }
    const QString &message() const { return m_message; }
    int code() const { return m_code; }
    /// "Could not start “vm1”: Requested operation is not valid: ..."
    QString text() const;

    void raise() const override { throw *this; }
    LibvirtError *clone() const override { return new LibvirtError(*this); }

private:
    QString m_context;
    QString m_message;
    int m_code = 0;
};

/// Throws LibvirtError::fromLastError(context).
[[noreturn]] void throwLastLibvirtError(const QString &context);

/// The user-readable text of any exception that reaches a QFuture failure handler.
QString errorText(const std::exception_ptr &error);

} // namespace crossvirt::models
