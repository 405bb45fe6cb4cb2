#include "views/vm/ConsolePage.h"

#include "arch/ArchRegistry.h"
#include "models/connection/FutureHandling.h"
#include "models/connection/HostSession.h"
#include "models/console/ConsoleEndpoints.h"
#include "models/secrets/SecretStore.h"
#include "views/console/ScreenshotConsole.h"
#include "views/console/SerialTerminal.h"
#include "views/console/VncConsoleWidget.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QStackedWidget>
#include <QToolButton>
#include <QVBoxLayout>

namespace crossvirt::views {

using namespace Qt::StringLiterals;

ConsolePage::ConsolePage(models::HostSession *session, const QString &uuid, QWidget *parent)
    : QWidget(parent), m_session(session), m_uuid(uuid)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *bar = new QHBoxLayout;
    bar->setContentsMargins(6, 4, 6, 0);
    m_switch = new QToolButton(this);
    m_switch->setText(tr("Show Serial Console")); // (its text follows the console shown)
    m_switch->hide();
    connect(m_switch, &QToolButton::clicked, this, [this] {
        if (showsGraphics())
            showSerial();
        else
            showGraphics();
    });
    m_detach = new QToolButton(this);
    m_detach->setText(tr("Open in a Separate Window"));
    m_detach->setToolTip(tr("Shows this console in a window of its own; this tab disconnects."));
    connect(m_detach, &QToolButton::clicked, this, [this] {
        if (!m_session)
            return;
        auto *window = new ConsolePage(m_session, m_uuid);
        window->setAttribute(Qt::WA_DeleteOnClose);
        window->setWindowTitle(this->window()->windowTitle() + u" — "_s + tr("Console"));
        window->m_detach->hide();
        window->resize(size().expandedTo(QSize(800, 600)));
        stop();
        showMessage(tr("The console is open in a separate window."));
        window->show();
        window->start();
    });
    bar->addWidget(m_switch);
    bar->addStretch();
    bar->addWidget(m_detach);
    layout->addLayout(bar);

    m_stack = new QStackedWidget(this);
    m_message = new QLabel(this);
    m_message->setAlignment(Qt::AlignCenter);
    m_message->setWordWrap(true);
    m_message->setMargin(24);
    m_stack->addWidget(m_message);
    layout->addWidget(m_stack, 1);
    showMessage(tr("Reading the virtual machine's consoles…"));
}

QString ConsolePage::messageText() const
{
    return m_message->text();
}

bool ConsolePage::showsGraphics() const
{
    return m_vnc && m_stack->currentWidget() == m_vnc;
}

void ConsolePage::showMessage(const QString &text)
{
    m_message->setText(text);
    m_stack->setCurrentWidget(m_message);
}

void ConsolePage::start()
{
    if (!m_session)
        return;
    models::whenFinished(
        m_session->domainDetails(m_uuid), this,
        [this](const models::DomainDetails &details) { choose(details); },
        [this](const QString &error) { showMessage(error); });
}

void ConsolePage::stop()
{
    if (m_vnc)
        m_vnc->disconnectFromConsole();
    if (m_serial)
        m_serial->disconnectFromConsole();
    if (m_screenshot)
        m_screenshot->stop();
}

void ConsolePage::choose(const models::DomainDetails &details)
{
    if (!models::isActive(details.summary.state)) {
        showMessage(
            tr("%1 is not running. Start it to see its console.").arg(details.summary.name));
        return;
    }
    // The arch decides which consoles exist at all (s390x has no graphics).
    bool archOffersGraphics = true;
    if (const arch::ArchModel *model = arch::ArchRegistry::instance().find(details.summary.arch)) {
        arch::GuestContext ctx;
        ctx.arch = details.summary.arch;
        ctx.machine = details.summary.machine;
        ctx.virtType = details.summary.emulated ? arch::VirtType::Qemu : arch::VirtType::Kvm;
        archOffersGraphics = model->graphicsTypes(ctx).offers(u"vnc"_s);
    }
    const models::ConsoleAvailability a = models::consoleAvailability(m_session->uri(), details);
    m_graphicsUsable = archOffersGraphics && a.hasGraphics && a.graphicsProblem.isEmpty();
    m_serialUsable = a.hasSerial;
    QString graphicsWhyNot = a.graphicsProblem;
    if (!archOffersGraphics)
        graphicsWhyNot = tr("%1 guests have no graphical console.").arg(details.summary.arch);

    // The driver gives no console stream (the test driver) but can take a screenshot:
    // better a picture refreshed every few seconds than only an error.
    if (a.screenshotOnly && archOffersGraphics) {
        m_switch->hide();
        showScreenshot();
        return;
    }
    m_switch->setVisible(m_graphicsUsable && m_serialUsable);
    if (m_graphicsUsable) {
        showGraphics();
        return;
    }
    if (m_serialUsable) {
        showSerial();
        return;
    }
    showMessage(graphicsWhyNot.isEmpty()
                    ? tr("This virtual machine has no console.")
                    : graphicsWhyNot + u"\n\n"_s + tr("It has no serial console either."));
}

void ConsolePage::showGraphics()
{
    if (!m_vnc) {
        m_vnc = new VncConsoleWidget(this);
        m_vnc->setSecretStore(models::SecretStore::applicationStore(),
                              m_session ? m_session->uri() : QString(), m_uuid);
        m_stack->addWidget(m_vnc);
        QPointer<models::HostSession> session = m_session;
        const QString uuid = m_uuid;
        m_vnc->setEndpointProvider([session, uuid] {
            return session ? models::vncEndpointFor(session, uuid)
                           : QtFuture::makeReadyFuture(
                                 models::VncEndpoint::failed(tr("The host was removed.")));
        });
    }
    if (m_serial)
        m_serial->disconnectFromConsole();
    m_stack->setCurrentWidget(m_vnc);
    m_switch->setText(tr("Show Serial Console"));
    m_vnc->connectToConsole();
}

void ConsolePage::showScreenshot()
{
    if (!m_screenshot) {
        m_screenshot = new ScreenshotConsole(m_session, m_uuid, this);
        m_stack->addWidget(m_screenshot);
    }
    m_stack->setCurrentWidget(m_screenshot);
    m_screenshot->start();
}

void ConsolePage::showSerial()
{
    if (!m_serial) {
        m_serial = new SerialTerminal(m_session, m_uuid, this);
        m_stack->addWidget(m_serial);
    }
    if (m_vnc)
        m_vnc->disconnectFromConsole();
    m_stack->setCurrentWidget(m_serial);
    m_switch->setText(tr("Show Graphical Console"));
    m_serial->connectToConsole();
}

} // namespace crossvirt::views
