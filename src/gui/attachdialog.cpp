#include "attachdialog.h"
#include "ui_attachdialog.h"

#include "controlclient.h"
#include "visibletext.h"

#include <QCoreApplication>
#include <QDir>
#include <QHeaderView>
#include <QPushButton>
#include <QThread>

#include <memory>

using namespace Qt::StringLiterals;

namespace {

enum Column { NameColumn, ModeColumn, EntriesColumn, SessionColumn, PidColumn };
constexpr int SocketRole = Qt::UserRole;

} // namespace

AttachDialog::AttachDialog(QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::AttachDialog>())
{
    m_ui->setupUi(this);
    m_attach = m_ui->buttonBox->addButton(tr("&Attach"), QDialogButtonBox::AcceptRole);
    m_attach->setObjectName(u"attachButton"_s);
    m_attach->setDefault(true);
    m_refresh = m_ui->buttonBox->addButton(tr("&Refresh"), QDialogButtonBox::ActionRole);
    m_refresh->setObjectName(u"refreshButton"_s);
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &AttachDialog::accept);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_refresh, &QPushButton::clicked, this, &AttachDialog::refresh);

    QHeaderView *header = m_ui->instanceList->header();
    header->setStretchLastSection(false);
    header->setSectionResizeMode(SessionColumn, QHeaderView::Stretch);
    for (int column : {NameColumn, ModeColumn, EntriesColumn, PidColumn})
        header->setSectionResizeMode(column, QHeaderView::ResizeToContents);
    connect(m_ui->instanceList, &QTreeWidget::itemDoubleClicked, this,
            [this](QTreeWidgetItem *item) { acceptItem(item); });
    connect(m_ui->instanceList, &QTreeWidget::itemSelectionChanged, this, [this] {
        if (!m_ui->instanceList->selectedItems().isEmpty())
            m_ui->targetEdit->clear(); // one target at a time: the row, or the field
        updateButtons();
    });
    connect(m_ui->targetEdit, &QLineEdit::textEdited, this, [this] {
        m_ui->instanceList->clearSelection();
        m_ui->errorLabel->clear();
        m_ui->errorLabel->hide();
        updateButtons();
    });
    m_ui->errorLabel->hide();
    QPalette palette = m_ui->errorLabel->palette();
    palette.setColor(QPalette::WindowText, QColor(0xc0, 0x1c, 0x28));
    m_ui->errorLabel->setPalette(palette);
    refresh();
}

AttachDialog::~AttachDialog() = default;

AttachTarget AttachDialog::target() const
{
    return m_target;
}

// ControlClient::runningInstances() connects to every socket and reads its hello: on a thread,
// so that a ProcDeck slow to answer never holds the window. The answer comes back queued, and
// only to this dialog while it exists (the connection's context).
void AttachDialog::refresh()
{
    const int generation = ++m_generation;
    m_refresh->setEnabled(false);
    m_ui->emptyLabel->setText(tr("Looking for running ProcDecks…"));
    m_ui->emptyLabel->show();
    auto found = std::make_shared<QList<Listed>>();
    const qint64 ownPid = QCoreApplication::applicationPid();
    QThread *thread = QThread::create([found, ownPid] {
        for (const ControlClient::Instance &instance : ControlClient::runningInstances()) {
            const QJsonObject &hello = instance.hello;
            const qint64 pid = hello.value(u"pid"_s).toInteger();
            if (pid == ownPid)
                continue; // this window's own socket
            found->append({instance.socketPath, hello.value(u"name"_s).toString(), hello.value(u"mode"_s).toString(),
                           hello.value(u"entries"_s).toInt(), hello.value(u"session"_s).toString(), pid});
        }
    });
    connect(thread, &QThread::finished, thread, &QObject::deleteLater);
    connect(thread, &QThread::finished, this, [this, found, generation] {
        if (generation == m_generation)
            showInstances(*found);
    });
    thread->start();
}

void AttachDialog::showInstances(const QList<Listed> &instances)
{
    m_refresh->setEnabled(true);
    const QString selected = m_ui->instanceList->currentItem()
        ? m_ui->instanceList->currentItem()->data(NameColumn, SocketRole).toString()
        : QString();
    m_ui->instanceList->clear();
    for (const Listed &instance : instances) {
        auto *item = new QTreeWidgetItem(m_ui->instanceList);
        item->setText(NameColumn, VisibleText::visible(instance.name));
        item->setData(NameColumn, SocketRole, instance.socketPath);
        item->setText(ModeColumn, instance.mode == u"headless"_s ? tr("headless") : tr("window"));
        item->setText(EntriesColumn, QString::number(instance.entries));
        item->setText(SessionColumn, instance.session.isEmpty()
                                         ? tr("(unsaved)")
                                         : VisibleText::visible(QDir::toNativeSeparators(instance.session)));
        item->setToolTip(SessionColumn, item->text(SessionColumn));
        item->setText(PidColumn, QString::number(instance.pid));
        if (instance.socketPath == selected || (selected.isEmpty() && instances.size() == 1))
            m_ui->instanceList->setCurrentItem(item);
    }
    m_ui->instanceList->setVisible(!instances.isEmpty());
    m_ui->emptyLabel->setVisible(instances.isEmpty());
    m_ui->emptyLabel->setText(tr("No other ProcDeck is running on this machine. Start one that keeps running "
                                 "without a window with:\n    procdeck --headless FILE --serve\n"
                                 "or attach to one on another machine below."));
    updateButtons();
    emit instancesListed(int(instances.size()));
}

void AttachDialog::updateButtons()
{
    m_attach->setEnabled(!m_ui->instanceList->selectedItems().isEmpty()
                         || !m_ui->targetEdit->text().trimmed().isEmpty());
}

bool AttachDialog::acceptItem(QTreeWidgetItem *item)
{
    if (!item)
        return false;
    m_target = {};
    m_target.kind = AttachTarget::Kind::Local;
    m_target.socketPath = item->data(NameColumn, SocketRole).toString();
    QDialog::accept();
    return true;
}

// The field first (what was typed last), else the selected row. A target the field cannot name
// keeps the dialog open with the reason under the field.
void AttachDialog::accept()
{
    const QString text = m_ui->targetEdit->text().trimmed();
    if (text.isEmpty()) {
        const QList<QTreeWidgetItem *> selected = m_ui->instanceList->selectedItems();
        acceptItem(selected.value(0));
        return;
    }
    std::variant<AttachTarget, QString> parsed = AttachTarget::parse(text);
    if (const QString *error = std::get_if<QString>(&parsed)) {
        m_ui->errorLabel->setText(*error);
        m_ui->errorLabel->show();
        m_ui->targetEdit->setFocus(Qt::OtherFocusReason);
        return;
    }
    m_target = std::get<AttachTarget>(std::move(parsed));
    QDialog::accept();
}
