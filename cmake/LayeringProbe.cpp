// Built only by the layering tests (cmake/CrossvirtLayeringCheck.cmake): with view code's
// settings this must fail to compile; with models' settings it must build.
#include <libvirt/libvirt.h>

int main()
{
    virConnectPtr conn = virConnectOpenReadOnly("test:///default");
    if (!conn)
        return 1;
    return virConnectClose(conn) < 0 ? 1 : 0;
}
