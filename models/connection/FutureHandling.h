#pragma once

#include "models/connection/LibvirtError.h"

#include <QCoreApplication>
#include <QFuture>
#include <QFutureWatcher>
#include <QObject>
#include <type_traits>

namespace crossvirt::models {

/// Calls `onDone(result)` or `onError(text)` on `context`'s thread when `future`
/// finishes; nothing is called once `context` is gone. The error text is
/// LibvirtError::text() (what Crossvirt did, then libvirt's own message).
template<typename T, typename OnDone, typename OnError>
void whenFinished(QFuture<T> future, QObject *context, OnDone onDone, OnError onError)
{
    auto *watcher = new QFutureWatcher<T>(context);
    QObject::connect(
        watcher, &QFutureWatcher<T>::finished, context,
        [watcher, onDone = std::move(onDone), onError = std::move(onError)] {
            watcher->deleteLater();
            QFuture<T> f = watcher->future();
            try {
                f.waitForFinished(); // rethrows the job's exception
            } catch (...) {
                onError(errorText(std::current_exception()));
                return;
            }
            if (f.isCanceled()) {
                onError(QCoreApplication::translate(
                    "HostSession", "The request was cancelled (the host was closed)."));
                return;
            }
            if constexpr (std::is_void_v<T>)
                onDone();
            else
                onDone(f.result());
        });
    watcher->setFuture(future);
}

} // namespace crossvirt::models
