#include "trustdialog.h"

#include "visibletext.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QStyle>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace {

QString describeEnvironment(const QList<EnvironmentChange> &changes)
{
    QStringList parts;
    for (const EnvironmentChange &change : changes)
        parts.append(change.value ? change.name + QLatin1Char('=') + *change.value
                                  : TrustDialog::tr("unset %1").arg(change.name));
    return parts.join(QLatin1String(", "));
}

} // namespace

TrustDialog::TrustDialog(const QString &filePath, const QList<CommandPreview> &commands, QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Run Commands from This File?"));
    setObjectName(QStringLiteral("trustDialog"));

    auto *icon = new QLabel(this);
    icon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxWarning).pixmap(32, 32));
    auto *text = new QLabel(this);
    text->setTextFormat(Qt::PlainText);
    text->setWordWrap(true);
    text->setText(tr("%1 asks to start %n command(s) when it opens. You have not run commands from this "
                     "file before, or it changed since. Run them only if you trust where it came from.",
                     nullptr, int(commands.size()))
                      .arg(VisibleText::visible(QDir::toNativeSeparators(filePath))));
    auto *top = new QHBoxLayout;
    top->addWidget(icon, 0, Qt::AlignTop);
    top->addWidget(text, 1);

    m_list = new QTreeWidget(this);
    m_list->setAccessibleName(tr("Commands that would run"));
    m_list->setRootIsDecorated(false);
    m_list->setAlternatingRowColors(true);
    m_list->setHeaderLabels({tr("Name"), tr("Command"), tr("Working directory"), tr("Environment changes")});
    for (const CommandPreview &command : commands) {
        auto *item = new QTreeWidgetItem(m_list);
        // What the file says is shown with its control characters visible: a name, a script or
        // a value must not hide or reorder the rest (VisibleText).
        item->setText(0, VisibleText::visible(command.name));
        // A shell entry shows its script as written, not re-quoted as an argument of /bin/sh.
        const bool shell = command.arguments.size() == 2 && command.arguments.constFirst() == QLatin1String("-c")
            && command.program == QLatin1String("/bin/sh");
        QString what = shell ? tr("sh -c: %1").arg(command.arguments.at(1)) : command.commandLine;
        if (!command.problem.isEmpty())
            what = tr("%1 (cannot start: %2)").arg(what, command.problem);
        item->setText(1, VisibleText::visible(what));
        item->setText(2, VisibleText::visible(QDir::toNativeSeparators(command.workingDirectory)));
        item->setText(3, VisibleText::visible(describeEnvironment(command.environment)));
        for (int column = 0; column < 4; ++column)
            item->setToolTip(column, item->text(column));
    }
    m_list->setTextElideMode(Qt::ElideMiddle);
    m_list->header()->setStretchLastSection(false);
    m_list->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_list->header()->setSectionResizeMode(1, QHeaderView::Stretch);
    m_list->header()->setSectionResizeMode(2, QHeaderView::Interactive);
    m_list->header()->setSectionResizeMode(3, QHeaderView::Interactive);
    m_list->header()->resizeSection(2, 180);
    m_list->header()->resizeSection(3, 140);

    auto *buttons = new QDialogButtonBox(this);
    QPushButton *run = buttons->addButton(tr("&Run"), QDialogButtonBox::AcceptRole);
    run->setObjectName(QStringLiteral("runButton"));
    QPushButton *dontRun = buttons->addButton(tr("&Don't Run"), QDialogButtonBox::RejectRole);
    dontRun->setObjectName(QStringLiteral("dontRunButton"));
    dontRun->setDefault(true);
    dontRun->setFocus();
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_list, 1);
    layout->addWidget(buttons);
    resize(760, 340);
}

QStringList TrustDialog::listedCommands() const
{
    QStringList lines;
    for (int i = 0; i < m_list->topLevelItemCount(); ++i) {
        const QTreeWidgetItem *item = m_list->topLevelItem(i);
        lines.append(QStringLiteral("%1: %2 (in %3) %4")
                         .arg(item->text(0), item->text(1), item->text(2), item->text(3))
                         .trimmed());
    }
    return lines;
}
