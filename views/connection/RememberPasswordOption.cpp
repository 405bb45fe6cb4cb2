#include "views/connection/RememberPasswordOption.h"

#include "models/secrets/SecretStore.h"

#include <QBoxLayout>
#include <QCheckBox>
#include <QCoreApplication>
#include <QLabel>

using namespace Qt::StringLiterals;

namespace crossvirt::views {

QCheckBox *addRememberPasswordOption(QBoxLayout *layout, QWidget *parent,
                                     const models::SecretStore *store, const QString &storeError)
{
    if (!store)
        return nullptr;
    QCheckBox *check = nullptr;
    QString note = storeError;
    if (store->isAvailable()) {
        check =
            new QCheckBox(QCoreApplication::translate("RememberPasswordOption",
                                                      "&Remember in the desktop's secret store"),
                          parent);
        check->setObjectName(u"rememberPassword"_s);
        check->setToolTip(QCoreApplication::translate(
            "RememberPasswordOption",
            "Saved only after it worked, in GNOME Keyring or KWallet (never in a file); "
            "Host › Forget Saved Passwords removes it."));
        layout->addWidget(check);
    } else {
        note = store->unavailableReason().isEmpty() ? models::SecretStore::noStoreText()
                                                    : store->unavailableReason();
    }
    if (!note.isEmpty()) {
        auto *label = new QLabel(note, parent);
        label->setObjectName(u"secretStoreNote"_s);
        label->setWordWrap(true);
        label->setEnabled(false); // a hint, drawn dimmed
        layout->addWidget(label);
    }
    return check;
}

} // namespace crossvirt::views
