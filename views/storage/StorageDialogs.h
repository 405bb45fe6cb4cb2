#pragma once

#include "models/storage/StorageTypes.h"

#include <QDialog>
#include <QHash>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QDoubleSpinBox;
class QFormLayout;
class QLabel;
class QLineEdit;

namespace crossvirt::views {

/// New storage pool: only the types the host can create, the fields of the chosen type,
/// and the problems of each field shown under it (OK stays disabled while there are any).
class NewPoolDialog : public QDialog
{
    Q_OBJECT
public:
    /// `checkLocalPaths`: the host is this machine, so a dir pool's directory is checked.
    NewPoolDialog(const models::PoolTypeSupport &types, const QStringList &existingPools,
                  bool checkLocalPaths, QWidget *parent = nullptr);

    models::PoolSpec spec() const;
    QList<models::FieldProblem> problems() const;

    QLineEdit *nameEdit() const { return m_name; }
    QComboBox *typeCombo() const { return m_type; }
    QLineEdit *targetEdit() const { return m_target; }
    QLineEdit *sourceHostEdit() const { return m_sourceHost; }
    QLineEdit *sourcePathEdit() const { return m_sourcePath; }
    QLineEdit *sourceDeviceEdit() const { return m_sourceDevice; }
    QComboBox *formatCombo() const { return m_format; }
    QDialogButtonBox *buttons() const { return m_buttons; }
    /// The inline message label of a field id ("name", "target", ...).
    QLabel *fieldError(const QString &field) const { return m_errors.value(field); }

private:
    void updateFields();
    void validate();
    QWidget *withError(QWidget *field, const QString &id);

    QStringList m_existing;
    QStringList m_supported;
    bool m_checkLocal;
    QFormLayout *m_form;
    QLineEdit *m_name;
    QComboBox *m_type;
    QLineEdit *m_target;
    QLineEdit *m_sourceHost;
    QLineEdit *m_sourcePath;
    QLineEdit *m_sourceDevice;
    QComboBox *m_format;
    QCheckBox *m_build;
    QCheckBox *m_autostart;
    QDialogButtonBox *m_buttons;
    QHash<QString, QLabel *> m_errors;
    QString m_lastDefaultTarget;
};

/// New volume, resize or copy of a volume in `pool`, with inline problems.
class VolumeDialog : public QDialog
{
    Q_OBJECT
public:
    enum class Mode
    {
        Create,
        Resize,
        Clone
    };
    /// `volume`: the volume resized or copied (ignored for Create).
    VolumeDialog(Mode mode, const models::PoolContents &pool, const models::VolumeInfo &volume = {},
                 QWidget *parent = nullptr);

    models::VolumeSpec spec() const; ///< Create: the new volume; Clone: name; Resize: capacity
    QList<models::FieldProblem> problems() const;

    QLineEdit *nameEdit() const { return m_name; }
    QComboBox *formatCombo() const { return m_format; }
    QDoubleSpinBox *sizeSpin() const { return m_size; }
    QComboBox *unitCombo() const { return m_unit; }
    QComboBox *backingCombo() const { return m_backing; }
    QDialogButtonBox *buttons() const { return m_buttons; }
    QLabel *fieldError(const QString &field) const { return m_errors.value(field); }

private:
    void validate();
    QWidget *withError(QWidget *field, const QString &id);
    quint64 capacity() const;

    Mode m_mode;
    models::PoolContents m_pool;
    models::VolumeInfo m_volume;
    QLineEdit *m_name = nullptr;
    QComboBox *m_format = nullptr;
    QDoubleSpinBox *m_size = nullptr;
    QComboBox *m_unit = nullptr;
    QComboBox *m_backing = nullptr;
    QDialogButtonBox *m_buttons;
    QHash<QString, QLabel *> m_errors;
};

/// Delete a pool: what will happen, and "also delete its N volumes" asked separately.
class DeletePoolDialog : public QDialog
{
    Q_OBJECT
public:
    DeletePoolDialog(const models::PoolContents &pool, QWidget *parent = nullptr);
    bool deleteVolumes() const;
    QCheckBox *deleteVolumesBox() const { return m_volumes; }

private:
    QCheckBox *m_volumes;
};

} // namespace crossvirt::views
