#include "models/console/ConsoleEndpoints.h"
#include "models/connection/WorkerJobs.h"

#include "models/connection/ConnectionUri.h"
#include "models/connection/HostSession.h"
#include "models/console/SshTunnel.h"
#include "models/inventory/DomainXml.h"

#include <QCoreApplication>
#include <QHostAddress>
#include <QUrl>
#include <libvirt/libvirt.h>

namespace crossvirt::models {

namespace {
// lupdate and the runtime both see the context "ConsoleEndpoints" for Text::tr().
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(ConsoleEndpoints)
};
} // namespace

using namespace Qt::StringLiterals;

namespace {

bool isLoopback(const QString &address)
{
    if (address == "localhost"_L1)
        return true;
    const QHostAddress a(address);
    return !a.isNull() && a.isLoopback();
}

bool isAnyAddress(const QString &address)
{
    return address.isEmpty() || address == "0.0.0.0"_L1 || address == "::"_L1;
}

// A URI without a host names this machine's hypervisor (qemu:///system).
bool isLocalUri(const QUrl &url)
{
    return url.host().isEmpty() && !url.scheme().contains(u'+');
}

// A VeNCrypt x509 display is verified with the connection's TLS files (QEMU's
// vnc_tls_x509_cert_dir is normally signed by the same CA) against the host's name.
VncEndpoint withTlsFiles(VncEndpoint endpoint, const QString &uri, const QString &hostName)
{
    const TlsCertificates files = tlsCertificatesFor(uri);
    endpoint.tlsCaCertificate = files.caCertificate;
    endpoint.tlsClientCertificate = files.clientCertificate;
    endpoint.tlsClientKey = files.clientKey;
    endpoint.tlsHostName = hostName;
    return endpoint;
}

bool isSshUri(const QString &uri)
{
    const auto t = transportOfUri(uri);
    return t == ConnectionUriSpec::Transport::Ssh || t == ConnectionUriSpec::Transport::LibSsh;
}

// Where an SSH host's own view of the display is: the loopback address for a display
// listening on any address (or on loopback), else its listen address.
QString addressOnHost(const QString &listen)
{
    if (listen == "::"_L1 || listen == "::1"_L1)
        return u"::1"_s;
    if (isAnyAddress(listen) || isLoopback(listen))
        return u"127.0.0.1"_s;
    return listen;
}

} // namespace

ConsoleAvailability consoleAvailability(const QString &uri, const DomainDetails &details)
{
    ConsoleAvailability a;
    a.hasSerial = !details.consoles.isEmpty();
    const GraphicsInfo *vnc = nullptr;
    for (const GraphicsInfo &g : details.graphics) {
        if (g.type == "vnc"_L1) {
            vnc = &g;
            break;
        }
    }
    const QUrl url(uri);
    // The test driver has no console streams at all, but screenshots of any display.
    a.screenshotOnly = url.scheme() == "test"_L1 && !details.graphics.isEmpty();
    if (!vnc) {
        a.graphicsProblem =
            details.graphics.isEmpty()
                ? Text::tr("This virtual machine has no graphical display.")
                : Text::tr("This virtual machine's display is %1; Crossvirt shows VNC "
                           "displays only.")
                      .arg(details.graphics.first().type.toUpper());
        return a;
    }
    a.hasGraphics = true;
    if (url.scheme() == "test"_L1) {
        a.graphicsProblem = Text::tr("The test driver simulates its virtual machines: there is no "
                                     "real display to show.");
        return a;
    }
    if (!isActive(details.summary.state)) {
        a.graphicsProblem = Text::tr("The virtual machine is not running.");
        return a;
    }
    if (isLocalUri(url))
        return a; // virDomainOpenGraphicsFD
    const bool ssh = isSshUri(uri);
    const QString listen = vnc->listen;
    if (vnc->port <= 0) {
        a.graphicsProblem =
            ssh ? Text::tr("The display has no TCP port (it may listen on a UNIX socket only); "
                           "Crossvirt's SSH tunnel reaches TCP ports only.")
                : Text::tr("The display has no TCP port (it may listen on a UNIX socket "
                           "only), so it cannot be reached from another machine.");
    } else if (!ssh && isLoopback(listen) && !isLoopback(url.host())) {
        // Over SSH a tunnel reaches the display from the host itself.
        a.graphicsProblem = Text::tr("The display listens only on %1's loopback address (%2), "
                                     "so it cannot be reached over the network. Make it listen "
                                     "on an address this machine can reach, or connect to the "
                                     "host over SSH.")
                                .arg(url.host(), listen);
    }
    return a;
}

QFuture<VncEndpoint> vncEndpointFor(HostSession *session, const QString &uuid)
{
    const QString uri = session->uri();
    QFuture<VncEndpoint> display = runOnWorker(session, [uri, uuid](virConnectPtr conn) {
        const QByteArray id = uuid.toLatin1();
        const DomainHandle dom(virDomainLookupByUUIDString(conn, id.constData()));
        if (!dom)
            return VncEndpoint::failed(
                LibvirtError::fromLastError(Text::tr("Could not find the virtual machine")).text());
        const LibvirtString xml(virDomainGetXMLDesc(dom.get(), 0));
        if (!xml)
            return VncEndpoint::failed(
                LibvirtError::fromLastError(
                    Text::tr("Could not read the virtual machine's definition"))
                    .text());
        DomainDetails details = parseDomainDetails(QByteArray(xml.get()));
        virDomainInfo info{};
        if (virDomainGetInfo(dom.get(), &info) == 0)
            details.summary.state = info.state == VIR_DOMAIN_RUNNING  ? DomainState::Running
                                    : info.state == VIR_DOMAIN_PAUSED ? DomainState::Paused
                                                                      : DomainState::Shutoff;
        const ConsoleAvailability a = consoleAvailability(uri, details);
        if (!a.graphicsProblem.isEmpty())
            return VncEndpoint::failed(a.graphicsProblem);
        const QUrl url(uri);
        const QString label = details.summary.name;
        if (isLocalUri(url)) {
            // The display's socket straight from libvirt: no TCP port, no listen address.
            // Whoever may use this libvirt connection may see the display: skip VNC auth.
            const int fd = virDomainOpenGraphicsFD(dom.get(), 0, VIR_DOMAIN_OPEN_GRAPHICS_SKIPAUTH);
            if (fd >= 0)
                return VncEndpoint::socket(fd, label);
            const QString error =
                LibvirtError::fromLastError(Text::tr("Could not open the display")).text();
            // Fall back to the TCP port when the driver cannot hand out a socket.
            for (const GraphicsInfo &g : details.graphics) {
                if (g.type == "vnc"_L1 && g.port > 0) {
                    const QString host = isAnyAddress(g.listen) ? u"127.0.0.1"_s : g.listen;
                    VncEndpoint e =
                        withTlsFiles(VncEndpoint::tcp(host, quint16(g.port)), uri, QString());
                    e.label = label;
                    return e;
                }
            }
            return VncEndpoint::failed(error);
        }
        for (const GraphicsInfo &g : details.graphics) {
            if (g.type == "vnc"_L1 && isSshUri(uri)) {
                // The SSH host's view of the display; the tunnel is made off this thread.
                VncEndpoint e = VncEndpoint::tcp(addressOnHost(g.listen), quint16(g.port));
                e.label = label;
                return e;
            }
            if (g.type == "vnc"_L1) {
                const QString host =
                    (isAnyAddress(g.listen) || isLoopback(g.listen)) ? url.host() : g.listen;
                // The certificate names the host the admin connects to, not the listen address.
                VncEndpoint e =
                    withTlsFiles(VncEndpoint::tcp(host, quint16(g.port)), uri, url.host());
                e.label = label;
                return e;
            }
        }
        return VncEndpoint::failed(Text::tr("This virtual machine has no graphical display."));
    });
    if (!isSshUri(uri))
        return display;
    // Starting ssh and waiting for its login is slow: neither on the GUI thread nor on the
    // host's libvirt worker.
    return display.then(SshTunnels::instance().threadPool(),
                        [uri, credentials = session->credentialChannel()](VncEndpoint e) {
                            if (!e.isValid())
                                return e;
                            // A VeNCrypt display behind the tunnel is still checked against
                            // the connection's CA and the host's name.
                            return withTlsFiles(SshTunnels::instance().openVncTunnel(
                                                    uri, e.host, e.port, e.label, credentials),
                                                uri, QUrl(uri).host());
                        });
}

} // namespace crossvirt::models
