# "views/ never calls libvirt", enforced by the compiler. /usr/include makes
# <libvirt/libvirt.h> findable by every target whatever the link graph says, so view
# code is compiled with libvirt's include guards already defined instead: including
# libvirt (directly, or through an internal header of models/ such as WorkerJobs.h)
# declares nothing there, and any vir* name fails to compile.
# tests/CMakeLists.txt's layering check proves that a vir* call under these settings fails.
add_library(crossvirt_no_libvirt INTERFACE)
target_compile_definitions(crossvirt_no_libvirt INTERFACE
    LIBVIRT_H LIBVIRT_VIRTERROR_H LIBVIRT_ADMIN_H LIBVIRT_QEMU_H LIBVIRT_LXC_H
    LIBVIRT_HOST_H LIBVIRT_DOMAIN_H LIBVIRT_DOMAIN_SNAPSHOT_H LIBVIRT_DOMAIN_CHECKPOINT_H
    LIBVIRT_EVENT_H LIBVIRT_INTERFACE_H LIBVIRT_NETWORK_H LIBVIRT_NODEDEV_H
    LIBVIRT_NWFILTER_H LIBVIRT_SECRET_H LIBVIRT_STORAGE_H LIBVIRT_STREAM_H
    __VIR_VIRCOMMON_H__)
