#pragma once

#include <QString>

class QBoxLayout;
class QCheckBox;
class QWidget;

namespace crossvirt::models {
class SecretStore;
}

namespace crossvirt::views {

/// The "Remember" option of a password prompt: a checkbox when the desktop's secret store
/// answers; otherwise no checkbox, and a note saying why passwords cannot be remembered.
/// Returns the checkbox (nullptr when it is not offered). `store` may be nullptr (no
/// option, no note: the front end does not remember passwords at all).
QCheckBox *addRememberPasswordOption(QBoxLayout *layout, QWidget *parent,
                                     const models::SecretStore *store,
                                     const QString &storeError = {});

} // namespace crossvirt::views
