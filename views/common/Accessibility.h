#pragma once

class QFormLayout;

namespace crossvirt::views {

/// Ties each labelled row of `form` to the control in it: a field wrapped in a container
/// (with its error line, a Browse button…) becomes the label's buddy, so the label's
/// mnemonic (Alt+letter) focuses it, and it takes the label's text as its accessible
/// name when it has none. Call once the form's rows are added.
void labelFormFields(QFormLayout *form);

} // namespace crossvirt::views
