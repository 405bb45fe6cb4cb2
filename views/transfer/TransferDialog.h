#pragma once

#include "models/provisioning/StorageInventory.h"
#include "models/transfer/VolumeTransfer.h"

#include <QDialog>
#include <QPointer>
#include <functional>
#include <optional>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;

namespace crossvirt::models {
class HostSession;
}

namespace crossvirt::views {

/// Uploads a local file (an installer ISO, a qcow2 image) into a new volume of one of the
/// host's active pools, or downloads a volume into a local file, with a progress bar
/// (bytes, rate, time left) and Cancel. The transfer runs in models::VolumeTransfer; a
/// cancelled or failed upload removes the volume it created. Closing the window cancels.
class TransferDialog : public QDialog
{
    Q_OBJECT
public:
    enum class Mode
    {
        Upload,
        Download
    };

    /// Upload: `pool` and `localFile` preselect (either may be empty). Download: `pool`
    /// and `volume` name the volume.
    TransferDialog(Mode mode, models::HostSession *session, const QString &pool,
                   const QString &fileOrVolume, QWidget *parent = nullptr);
    ~TransferDialog() override;

    /// Opens a non-modal upload window for the host (deleted when closed).
    static TransferDialog *startUpload(QWidget *parent, models::HostSession *session,
                                       const QString &pool = {}, const QString &localFile = {});
    /// Opens a non-modal download window for the volume (deleted when closed).
    static TransferDialog *startDownload(QWidget *parent, models::HostSession *session,
                                         const QString &pool, const QString &volume);

    Mode mode() const { return m_mode; }
    /// True once the host's pools have arrived (upload) / at once (download).
    bool isReady() const { return m_mode == Mode::Download || m_storage.has_value(); }
    bool isTransferring() const;

    QLineEdit *fileEdit() const { return m_file; }
    QComboBox *poolCombo() const { return m_pool; }
    QLineEdit *volumeEdit() const { return m_volume; }
    QComboBox *formatCombo() const { return m_format; }
    QProgressBar *progressBar() const { return m_progress; }
    QLabel *progressLabel() const { return m_progressText; }
    QLabel *errorLabel() const { return m_error; }
    QPushButton *startButton() const;
    QPushButton *cancelButton() const;
    models::VolumeTransfer *transfer() const { return m_transfer; }

    /// Asked before a download replaces an existing file the user typed (a file chosen
    /// with the file dialog was confirmed there). Tests replace the question box.
    void setOverwriteQuestion(std::function<bool(const QString &file)> ask)
    {
        m_askOverwrite = std::move(ask);
    }

    /// Starts the transfer with what the fields say (the Upload/Download button).
    void startTransfer();
    /// Cancels a running transfer (the Cancel button); `thenClose` closes the window
    /// once it has cleaned up.
    void cancelTransfer(bool thenClose = false);
    void reject() override;

signals:
    void transferFinished(const crossvirt::models::TransferResult &result);

private:
    void applyStorage();
    void browse();
    void fileChanged();
    void validate();
    void setBusy(bool busy);
    void showProgress(const models::TransferProgress &p);
    void onFinished(const models::TransferResult &result);
    void onFailed(models::TransferFailure kind, const QString &message);
    QString hostName() const;

    Mode m_mode;
    QPointer<models::HostSession> m_session;
    QString m_initialPool;
    QString m_downloadVolume;
    std::optional<models::StorageSnapshot> m_storage;
    models::VolumeTransfer *m_transfer;
    std::function<bool(const QString &)> m_askOverwrite;
    bool m_nameEdited = false;
    bool m_overwriteConfirmed = false;
    bool m_closeWhenStopped = false;

    QLineEdit *m_file = nullptr;
    QPushButton *m_browse = nullptr;
    QComboBox *m_pool = nullptr;
    QLineEdit *m_volume = nullptr;
    QComboBox *m_format = nullptr;
    QLabel *m_error = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_progressText = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

} // namespace crossvirt::views
