#include "views/network/NewNetworkDialog.h"

#include "models/connection/FutureHandling.h"
#include "models/connection/HostSession.h"
#include "models/network/HostNetworks.h"
#include "models/network/NetworkValidation.h"
#include "views/dialogs/FieldMessage.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace crossvirt::views {

using namespace Qt::StringLiterals;
using models::NetworkMode;

namespace {

/// The first 192.168.N.0/24 (N from 100) that no network of the host overlaps.
QString freeSubnet(const QList<models::VirtualNetwork> &existing)
{
    for (int n = 100; n < 255; ++n) {
        models::NetworkSpec probe;
        probe.name = u"probe"_s;
        probe.mode = NetworkMode::Isolated;
        probe.ipv4 = u"192.168.%1.0/24"_s.arg(n);
        bool clash = false;
        for (const auto &p : models::validateNetworkSpec(probe, existing))
            clash = clash || p.field == "ipv4"_L1;
        if (!clash)
            return probe.ipv4;
    }
    return u"192.168.100.0/24"_s;
}

/// The first "netN" the host does not have.
QString freeName(const QList<models::VirtualNetwork> &existing)
{
    for (int n = 1;; ++n) {
        const QString name = u"net%1"_s.arg(n);
        bool taken = false;
        for (const auto &e : existing)
            taken = taken || e.name == name;
        if (!taken)
            return name;
    }
}

} // namespace

NewNetworkDialog::NewNetworkDialog(models::HostSession *session,
                                   const QList<models::VirtualNetwork> &existing, QWidget *parent)
    : QDialog(parent), m_session(session), m_existing(existing)
{
    setWindowTitle(tr("New Network"));
    auto *layout = new QVBoxLayout(this);
    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    layout->addLayout(form);

    // A field with its error label under it.
    auto withError = [this](QWidget *field, const QString &id) {
        auto *box = new QWidget(this);
        auto *v = new QVBoxLayout(box);
        v->setContentsMargins(0, 0, 0, 0);
        v->setSpacing(2);
        v->addWidget(field);
        QLabel *error = makeFieldError(box);
        v->addWidget(error);
        m_errors.insert(id, error);
        return box;
    };

    m_mode = new QComboBox(this);
    m_mode->addItem(tr("NAT (guests reach out through the host)"), int(NetworkMode::Nat));
    m_mode->addItem(tr("Routed (guests' subnet routed, no NAT)"), int(NetworkMode::Route));
    m_mode->addItem(tr("Isolated (guests and host only)"), int(NetworkMode::Isolated));
    m_mode->addItem(tr("Bridge (join an existing bridge of the host)"), int(NetworkMode::Bridge));
    form->addRow(tr("&Mode:"), withError(m_mode, u"mode"_s));
    m_name = new QLineEdit(freeName(existing), this);
    form->addRow(tr("&Name:"), withError(m_name, u"name"_s));

    m_ipv4 = new QLineEdit(freeSubnet(existing), this);
    m_ipv4->setPlaceholderText(u"192.168.100.0/24"_s);
    m_ipv4->setToolTip(tr("The network address and prefix; the host takes the first address."));
    form->addRow(tr("IPv&4 network:"), withError(m_ipv4, u"ipv4"_s));

    auto *dhcpRow = new QWidget(this);
    auto *dhcpLayout = new QHBoxLayout(dhcpRow);
    dhcpLayout->setContentsMargins(0, 0, 0, 0);
    m_dhcp = new QCheckBox(tr("DHCP from"), dhcpRow);
    m_dhcp->setChecked(true);
    m_dhcpStart = new QLineEdit(dhcpRow);
    m_dhcpEnd = new QLineEdit(dhcpRow);
    dhcpLayout->addWidget(m_dhcp);
    dhcpLayout->addWidget(m_dhcpStart, 1);
    dhcpLayout->addWidget(new QLabel(tr("to"), dhcpRow));
    dhcpLayout->addWidget(m_dhcpEnd, 1);
    form->addRow(tr("&DHCP:"), withError(dhcpRow, u"dhcp"_s));

    auto *v6Row = new QWidget(this);
    auto *v6Layout = new QHBoxLayout(v6Row);
    v6Layout->setContentsMargins(0, 0, 0, 0);
    m_ipv6On = new QCheckBox(tr("Enable"), v6Row);
    m_ipv6 =
        new QLineEdit(u"fd00:%1::/64"_s.arg(QString::number(100 + existing.size(), 16)), v6Row);
    m_ipv6->setEnabled(false);
    v6Layout->addWidget(m_ipv6On);
    v6Layout->addWidget(m_ipv6, 1);
    form->addRow(tr("IPv&6 network:"), withError(v6Row, u"ipv6"_s));

    m_domain = new QLineEdit(this);
    m_domain->setPlaceholderText(tr("optional, e.g. lab.example"));
    form->addRow(tr("D&omain name:"), withError(m_domain, u"domain"_s));

    m_bridge = new QLineEdit(this);
    m_bridgeLabel = new QLabel(this);
    m_bridgeLabel->setBuddy(m_bridge);
    form->addRow(m_bridgeLabel, withError(m_bridge, u"bridge"_s));

    m_start = new QCheckBox(tr("Start it now"), this);
    m_start->setChecked(true);
    m_autostart = new QCheckBox(tr("Start it when the host starts (autostart)"), this);
    m_autostart->setChecked(true);
    form->addRow(QString(), m_start);
    form->addRow(QString(), m_autostart);

    m_status = new QLabel(this);
    m_status->setWordWrap(true);
    m_status->hide();
    layout->addWidget(m_status);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_create = m_buttons->addButton(tr("&Create"), QDialogButtonBox::AcceptRole);
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_create, &QPushButton::clicked, this, &NewNetworkDialog::create);

    connect(m_mode, &QComboBox::currentIndexChanged, this, &NewNetworkDialog::modeChanged);
    connect(m_ipv4, &QLineEdit::textEdited, this, &NewNetworkDialog::ipv4Edited);
    connect(m_ipv6On, &QCheckBox::toggled, m_ipv6, &QWidget::setEnabled);
    connect(m_dhcp, &QCheckBox::toggled, m_dhcpStart, &QWidget::setEnabled);
    connect(m_dhcp, &QCheckBox::toggled, m_dhcpEnd, &QWidget::setEnabled);
    for (QLineEdit *e : {m_name, m_ipv4, m_dhcpStart, m_dhcpEnd, m_ipv6, m_domain, m_bridge})
        connect(e, &QLineEdit::textChanged, this, &NewNetworkDialog::validate);
    for (QCheckBox *c : {m_dhcp, m_ipv6On})
        connect(c, &QCheckBox::toggled, this, &NewNetworkDialog::validate);
    ipv4Edited();
    modeChanged();
    setMinimumWidth(520);
}

models::NetworkSpec NewNetworkDialog::spec() const
{
    models::NetworkSpec s;
    s.name = m_name->text();
    s.mode = NetworkMode(m_mode->currentData().toInt());
    s.bridge = m_bridge->text().trimmed();
    s.autostart = m_autostart->isChecked();
    s.start = m_start->isChecked();
    if (s.mode == NetworkMode::Bridge)
        return s;
    s.ipv4 = m_ipv4->text().trimmed();
    if (m_dhcp->isChecked()) {
        s.dhcpStart = m_dhcpStart->text().trimmed();
        s.dhcpEnd = m_dhcpEnd->text().trimmed();
    }
    if (m_ipv6On->isChecked())
        s.ipv6 = m_ipv6->text().trimmed();
    s.domainName = m_domain->text().trimmed();
    return s;
}

QString NewNetworkDialog::problemsText() const
{
    QStringList out;
    for (QLabel *l : m_errors) {
        if (!l->isHidden() && !l->text().isEmpty())
            out << l->text();
    }
    return out.join(u'\n');
}

void NewNetworkDialog::modeChanged()
{
    const bool bridge = NetworkMode(m_mode->currentData().toInt()) == NetworkMode::Bridge;
    for (QWidget *w : {static_cast<QWidget *>(m_ipv4), static_cast<QWidget *>(m_dhcp),
                       static_cast<QWidget *>(m_ipv6On), static_cast<QWidget *>(m_domain)})
        w->setEnabled(!bridge);
    m_dhcpStart->setEnabled(!bridge && m_dhcp->isChecked());
    m_dhcpEnd->setEnabled(!bridge && m_dhcp->isChecked());
    m_ipv6->setEnabled(!bridge && m_ipv6On->isChecked());
    m_bridgeLabel->setText(bridge ? tr("Host &bridge:") : tr("&Bridge name:"));
    m_bridge->setPlaceholderText(bridge ? tr("an existing bridge of the host, e.g. br0")
                                        : tr("optional; libvirt picks virbrN"));
    validate();
}

void NewNetworkDialog::ipv4Edited()
{
    // The DHCP range follows the subnet as it is typed (the whole subnet but the host).
    const auto range = models::suggestedDhcpRange(m_ipv4->text());
    if (!range.first.isEmpty()) {
        m_dhcpStart->setText(range.first);
        m_dhcpEnd->setText(range.second);
    }
}

void NewNetworkDialog::validate()
{
    QHash<QString, QStringList> byField;
    for (const auto &p : models::validateNetworkSpec(spec(), m_existing))
        byField[p.field] << p.text;
    for (auto it = m_errors.cbegin(); it != m_errors.cend(); ++it)
        setFieldErrors(it.value(), byField.value(it.key()));
    m_create->setEnabled(byField.isEmpty() && !m_busy);
}

void NewNetworkDialog::create()
{
    if (!m_session)
        return;
    const models::NetworkSpec s = spec();
    m_busy = true;
    m_create->setEnabled(false);
    m_status->setStyleSheet({});
    m_status->setText(tr("Creating the network “%1”…").arg(s.name));
    m_status->show();
    models::whenFinished(
        models::HostNetworks::create(m_session, s), this,
        [this](const models::VirtualNetwork &created) {
            m_busy = false;
            m_created = created;
            accept();
        },
        [this](const QString &error) {
            m_busy = false;
            m_status->setStyleSheet(u"color: #b00020;"_s);
            m_status->setText(error);
            validate();
        });
}

} // namespace crossvirt::views
