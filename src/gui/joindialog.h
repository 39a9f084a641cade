#pragma once

#include <QDialog>

#include <memory>
#include <optional>

namespace Ui {
class JoinDialog;
}

// Join…: asks for a timeout in seconds; empty means no limit.
class JoinDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(JoinDialog)

public:
    JoinDialog(int entryCount, const QString &lastTimeout, QWidget *parent = nullptr);
    ~JoinDialog() override;

    // The timeout in milliseconds, -1 for no limit; std::nullopt when the text is not a number.
    std::optional<qint64> timeoutMs() const;
    QString timeoutText() const;
    void setTimeoutText(const QString &text);

    void accept() override;

private:
    std::unique_ptr<Ui::JoinDialog> m_ui;
};
