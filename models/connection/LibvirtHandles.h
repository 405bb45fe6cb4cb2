#pragma once

// Internal to models/: worker-thread code only. Owners for libvirt's C handles, so every
// early return (and every exception thrown as a LibvirtError) frees what it took and a
// NULL handle is never freed. views/ cannot include this header: it is compiled with
// libvirt's headers disabled (see views/CMakeLists.txt).

#include <libvirt/libvirt.h>

#include <QByteArray>
#include <QString>
#include <cstdlib>
#include <memory>
#include <vector>

namespace crossvirt::models {

namespace detail {
template<typename T, int (*Free)(T *)> struct LibvirtDeleter
{
    void operator()(T *p) const noexcept
    {
        if (p)
            Free(p);
    }
};
struct MallocDeleter
{
    void operator()(void *p) const noexcept { std::free(p); }
};
} // namespace detail

using DomainHandle = std::unique_ptr<virDomain, detail::LibvirtDeleter<virDomain, virDomainFree>>;
using StoragePoolHandle =
    std::unique_ptr<virStoragePool, detail::LibvirtDeleter<virStoragePool, virStoragePoolFree>>;
using StorageVolHandle =
    std::unique_ptr<virStorageVol, detail::LibvirtDeleter<virStorageVol, virStorageVolFree>>;
using NetworkHandle = std::unique_ptr<virNetwork, detail::LibvirtDeleter<virNetwork, virNetworkFree>>;
using StreamHandle = std::unique_ptr<virStream, detail::LibvirtDeleter<virStream, virStreamFree>>;
using DomainSnapshotHandle =
    std::unique_ptr<virDomainSnapshot,
                    detail::LibvirtDeleter<virDomainSnapshot, virDomainSnapshotFree>>;
/// A connection reference: virConnectClose drops one reference.
using ConnectHandle = std::unique_ptr<virConnect, detail::LibvirtDeleter<virConnect, virConnectClose>>;
/// A string libvirt allocated with malloc (XML descriptions, capabilities, ...).
using LibvirtString = std::unique_ptr<char, detail::MallocDeleter>;

/// Takes ownership of a malloc'ed UTF-8 string from libvirt; empty for NULL.
inline QString takeLibvirtString(char *s)
{
    const LibvirtString owner(s);
    return s ? QString::fromUtf8(s) : QString();
}

/// Frees every element and the array libvirt returned from a virConnectListAll* call.
template<typename Handle, typename T> std::vector<Handle> takeLibvirtArray(T **items, int count)
{
    std::vector<Handle> out;
    if (!items)
        return out;
    out.reserve(count > 0 ? size_t(count) : 0);
    for (int i = 0; i < count; ++i)
        out.emplace_back(items[i]);
    std::free(items);
    return out;
}

} // namespace crossvirt::models
