#include "views/storage/StorageDialogs.h"

#include "models/storage/StorageModels.h"
#include "views/dialogs/FieldMessage.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace crossvirt::views {

using models::FieldProblem;
using models::PoolField;

namespace {

/// Shows each problem under its field; problems of fields without a label go to `other`.
void showProblems(const QHash<QString, QLabel *> &labels, const QList<FieldProblem> &problems)
{
    QHash<QString, QStringList> byField;
    for (const FieldProblem &p : problems)
        byField[p.field] << p.message;
    for (auto it = labels.begin(); it != labels.end(); ++it)
        setFieldErrors(it.value(), byField.value(it.key()));
}

} // namespace

NewPoolDialog::NewPoolDialog(const models::PoolTypeSupport &types, const QStringList &existingPools,
                             bool checkLocalPaths, QWidget *parent)
    : QDialog(parent), m_existing(existingPools), m_supported(types.types),
      m_checkLocal(checkLocalPaths)
{
    setWindowTitle(tr("New Storage Pool"));
    auto *layout = new QVBoxLayout(this);
    m_form = new QFormLayout;
    m_form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    layout->addLayout(m_form);
    m_name = new QLineEdit(this);
    m_form->addRow(tr("&Name:"), withError(m_name, u"name"_s));
    m_type = new QComboBox(this);
    for (const models::PoolTypeInfo &t : models::knownPoolTypes()) {
        if (types.types.contains(t.type))
            m_type->addItem(t.label, t.type);
    }
    m_form->addRow(tr("&Type:"), withError(m_type, u"type"_s));
    if (!types.note.isEmpty())
        m_form->addRow(QString(), makeFieldNote(this, types.note));
    m_sourceHost = new QLineEdit(this);
    m_sourceHost->setPlaceholderText(tr("nfs.example.com"));
    m_form->addRow(tr("Source &host:"), withError(m_sourceHost, u"sourceHost"_s));
    m_sourcePath = new QLineEdit(this);
    m_sourcePath->setPlaceholderText(tr("/export/images"));
    m_form->addRow(tr("Source &path:"), withError(m_sourcePath, u"sourcePath"_s));
    m_sourceDevice = new QLineEdit(this);
    m_form->addRow(tr("Source &device:"), withError(m_sourceDevice, u"sourceDevice"_s));
    m_format = new QComboBox(this);
    m_form->addRow(tr("&Format:"), withError(m_format, u"format"_s));
    m_build = new QCheckBox(tr("Initialise the device (refused when it holds data)"), this);
    m_form->addRow(QString(), m_build);
    m_target = new QLineEdit(this);
    m_form->addRow(tr("T&arget path:"), withError(m_target, u"target"_s));
    m_autostart = new QCheckBox(tr("Start the pool when the host starts"), this);
    m_autostart->setChecked(true);
    m_form->addRow(QString(), m_autostart);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Create"));
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    connect(m_type, &QComboBox::currentIndexChanged, this, &NewPoolDialog::updateFields);
    connect(m_name, &QLineEdit::textChanged, this, &NewPoolDialog::updateFields);
    for (QLineEdit *e : {m_target, m_sourceHost, m_sourcePath, m_sourceDevice})
        connect(e, &QLineEdit::textChanged, this, &NewPoolDialog::validate);
    connect(m_format, &QComboBox::currentIndexChanged, this, &NewPoolDialog::validate);
    connect(m_build, &QCheckBox::toggled, this, &NewPoolDialog::validate);
    updateFields();
    resize(520, sizeHint().height());
}

QWidget *NewPoolDialog::withError(QWidget *field, const QString &id)
{
    auto *box = new QWidget(this);
    auto *l = new QVBoxLayout(box);
    l->setContentsMargins(0, 0, 0, 0);
    l->setSpacing(2);
    l->addWidget(field);
    QLabel *error = makeFieldError(box);
    l->addWidget(error);
    m_errors.insert(id, error);
    return box;
}

void NewPoolDialog::updateFields()
{
    const models::PoolTypeInfo *t = models::findPoolType(m_type->currentData().toString());
    const auto showRow = [&](QWidget *field, PoolField f) {
        m_form->setRowVisible(field->parentWidget() == this ? field : field->parentWidget(),
                              t && t->has(f));
    };
    showRow(m_target, PoolField::Target);
    showRow(m_sourceHost, PoolField::SourceHost);
    showRow(m_sourcePath, PoolField::SourcePath);
    showRow(m_sourceDevice, PoolField::SourceDevice);
    showRow(m_format, PoolField::Format);
    m_form->setRowVisible(m_build, t && t->has(PoolField::BuildDevice));
    if (t) {
        m_sourceDevice->setPlaceholderText(
            t->type == "iscsi"_L1 ? tr("iqn.2024-01.com.example:disk1") : tr("/dev/sdb"));
        const QString current = m_format->currentData().toString();
        m_format->clear();
        for (const QString &f : t->formats)
            m_format->addItem(f == "auto"_L1 ? tr("detect (auto)") : f, f);
        m_format->setCurrentIndex(qMax(0, m_format->findData(current)));
        // Suggest the usual target until the user types one of their own.
        const QString suggestion = t->defaultTarget.contains("%1"_L1)
                                       ? t->defaultTarget.arg(m_name->text())
                                       : t->defaultTarget;
        if (m_target->text().isEmpty() || m_target->text() == m_lastDefaultTarget) {
            m_target->setText(t->needs(PoolField::Target) || t->type != "dir"_L1 ? suggestion
                                                                                 : QString());
            m_lastDefaultTarget = m_target->text();
        }
    }
    validate();
}

models::PoolSpec NewPoolDialog::spec() const
{
    models::PoolSpec s;
    s.name = m_name->text();
    s.type = m_type->currentData().toString();
    const models::PoolTypeInfo *t = models::findPoolType(s.type);
    if (t && t->has(PoolField::Target))
        s.targetPath = m_target->text().trimmed();
    if (t && t->has(PoolField::SourceHost))
        s.sourceHost = m_sourceHost->text().trimmed();
    if (t && t->has(PoolField::SourcePath))
        s.sourcePath = m_sourcePath->text().trimmed();
    if (t && t->has(PoolField::SourceDevice))
        s.sourceDevice = m_sourceDevice->text().trimmed();
    if (t && t->has(PoolField::Format) && m_format->currentData().toString() != "auto"_L1)
        s.format = m_format->currentData().toString();
    s.buildDevice = t && t->has(PoolField::BuildDevice) && m_build->isChecked();
    s.autostart = m_autostart->isChecked();
    return s;
}

QList<FieldProblem> NewPoolDialog::problems() const
{
    return models::StorageRules::poolProblems(spec(), m_existing, m_supported, m_checkLocal);
}

void NewPoolDialog::validate()
{
    const QList<FieldProblem> p = problems();
    showProblems(m_errors, p);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(p.isEmpty());
}

VolumeDialog::VolumeDialog(Mode mode, const models::PoolContents &pool,
                           const models::VolumeInfo &volume, QWidget *parent)
    : QDialog(parent), m_mode(mode), m_pool(pool), m_volume(volume)
{
    auto *layout = new QVBoxLayout(this);
    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    layout->addLayout(form);
    switch (mode) {
    case Mode::Create:
        setWindowTitle(tr("New Volume in “%1”").arg(pool.info.name));
        break;
    case Mode::Resize:
        setWindowTitle(tr("Resize “%1”").arg(volume.name));
        break;
    case Mode::Clone:
        setWindowTitle(tr("Copy “%1”").arg(volume.name));
        break;
    }
    form->addRow(
        tr("Pool:"),
        new QLabel(
            tr("%1 (%2 free)").arg(pool.info.name, models::storageSizeText(pool.info.available)),
            this));
    if (mode != Mode::Resize) {
        m_name = new QLineEdit(this);
        if (mode == Mode::Clone) {
            const QString base = volume.name.section(u'.', 0, 0);
            const QString ext =
                volume.name.contains(u'.') ? u"."_s + volume.name.section(u'.', 1) : QString();
            m_name->setText(base + u"-copy"_s + ext);
        }
        form->addRow(mode == Mode::Clone ? tr("&Name of the copy:") : tr("&Name:"),
                     withError(m_name, u"name"_s));
        connect(m_name, &QLineEdit::textChanged, this, &VolumeDialog::validate);
    } else {
        form->addRow(tr("Current size:"),
                     new QLabel(models::storageSizeText(volume.capacity), this));
    }
    if (mode == Mode::Create) {
        m_format = new QComboBox(this);
        m_format->addItem(tr("qcow2 (thin, snapshots, backing volumes)"), u"qcow2"_s);
        m_format->addItem(tr("raw (fastest)"), u"raw"_s);
        form->addRow(tr("&Format:"), withError(m_format, u"format"_s));
        connect(m_format, &QComboBox::currentIndexChanged, this, &VolumeDialog::validate);
    }
    if (mode != Mode::Clone) {
        auto *sizeRow = new QWidget(this);
        auto *h = new QHBoxLayout(sizeRow);
        h->setContentsMargins(0, 0, 0, 0);
        m_size = new QDoubleSpinBox(sizeRow);
        m_size->setDecimals(1);
        m_size->setRange(0, 1024.0 * 1024.0);
        m_unit = new QComboBox(sizeRow);
        m_unit->addItem(tr("GiB"), 30);
        m_unit->addItem(tr("MiB"), 20);
        h->addWidget(m_size, 1);
        h->addWidget(m_unit);
        if (mode == Mode::Resize)
            m_size->setValue(double(volume.capacity) / double(quint64(1) << 30));
        else
            m_size->setValue(10);
        form->addRow(mode == Mode::Resize ? tr("New &size:") : tr("&Size:"),
                     withError(sizeRow, u"size"_s));
        connect(m_size, &QDoubleSpinBox::valueChanged, this, &VolumeDialog::validate);
        connect(m_unit, &QComboBox::currentIndexChanged, this, &VolumeDialog::validate);
    }
    if (mode == Mode::Create) {
        m_backing = new QComboBox(this);
        m_backing->addItem(tr("(none)"), QString());
        for (const models::VolumeInfo &v : pool.volumes) {
            if (v.format == "qcow2"_L1 || v.format == "raw"_L1)
                m_backing->addItem(v.name, v.name);
        }
        form->addRow(tr("&Backing volume:"), withError(m_backing, u"backing"_s));
        connect(m_backing, &QComboBox::currentIndexChanged, this, &VolumeDialog::validate);
    }
    m_errors.insert(u"pool"_s, makeFieldError(this));
    layout->addWidget(m_errors.value(u"pool"_s));
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)
        ->setText(mode == Mode::Create   ? tr("Create")
                  : mode == Mode::Resize ? tr("Resize")
                                         : tr("Copy"));
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    validate();
    resize(460, sizeHint().height());
}

QWidget *VolumeDialog::withError(QWidget *field, const QString &id)
{
    auto *box = new QWidget(this);
    auto *l = new QVBoxLayout(box);
    l->setContentsMargins(0, 0, 0, 0);
    l->setSpacing(2);
    l->addWidget(field);
    QLabel *error = makeFieldError(box);
    l->addWidget(error);
    m_errors.insert(id, error);
    return box;
}

quint64 VolumeDialog::capacity() const
{
    if (!m_size)
        return m_volume.capacity;
    return quint64(m_size->value() * double(quint64(1) << m_unit->currentData().toInt()));
}

models::VolumeSpec VolumeDialog::spec() const
{
    models::VolumeSpec s;
    s.pool = m_pool.info.name;
    s.name = m_name ? m_name->text() : m_volume.name;
    s.format = m_format ? m_format->currentData().toString() : m_volume.format;
    s.capacity = capacity();
    s.backingVolume = m_backing ? m_backing->currentData().toString() : QString();
    return s;
}

QList<FieldProblem> VolumeDialog::problems() const
{
    switch (m_mode) {
    case Mode::Create:
        return models::StorageRules::volumeProblems(spec(), &m_pool);
    case Mode::Resize:
        return models::StorageRules::resizeProblems(m_volume, capacity(), &m_pool);
    case Mode::Clone:
        return models::StorageRules::cloneProblems(m_volume, m_name->text(), &m_pool);
    }
    return {};
}

void VolumeDialog::validate()
{
    if (m_backing)
        m_backing->setEnabled(m_format->currentData().toString() == "qcow2"_L1);
    const QList<FieldProblem> p = problems();
    showProblems(m_errors, p);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(p.isEmpty());
}

DeletePoolDialog::DeletePoolDialog(const models::PoolContents &pool, QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Delete Storage Pool “%1”").arg(pool.info.name));
    auto *layout = new QVBoxLayout(this);
    auto *text =
        new QLabel(tr("The pool “%1” will be stopped and its definition removed from the host. Its "
                      "volumes stay on disk unless you also delete them.")
                       .arg(pool.info.name),
                   this);
    text->setWordWrap(true);
    layout->addWidget(text);
    const int n = int(pool.volumes.size());
    m_volumes = new QCheckBox(
        pool.info.active
            ? tr("Also delete its %n volume(s) (cannot be undone)", nullptr, n)
            : tr("Also delete its volumes (the pool is started to list them; cannot be undone)"),
        this);
    layout->addWidget(m_volumes);
    if (pool.info.type == "dir"_L1)
        layout->addWidget(makeFieldNote(
            this, tr("With its volumes, the directory %1 is removed too.").arg(pool.info.path)));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Delete"));
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

bool DeletePoolDialog::deleteVolumes() const
{
    return m_volumes->isChecked();
}

} // namespace crossvirt::views
