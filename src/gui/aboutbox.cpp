#include "aboutbox.h"

#include "version.h"

#include <QIcon>
#include <QMessageBox>
#include <QtGlobal>

using namespace Qt::StringLiterals;

namespace {

constexpr auto LicenceUrl = "https://www.gnu.org/licenses/gpl-3.0.html"_L1;
constexpr auto LicenceId = "GPL-3.0-or-later"_L1;

} // namespace

QString AboutBox::text()
{
    const QString heading = u"<h3>ProcDeck %1</h3>"_s.arg(QLatin1StringView(ProcDeck::version()));
    return heading
        + tr("<p>Launch, watch, join and stop child processes.</p>"
             "<p>Every verb of Python's <code>multiprocessing.Process</code> has a button here, "
             "with the same meaning.</p>")
        + tr("<p>Free software under the GNU General Public License, version 3 or any later version "
             "(<a href=\"%1\">%2</a>). It comes with no warranty.</p>")
              .arg(LicenceUrl, LicenceId)
        + tr("<p>Built with Qt %1, running on Qt %2.</p>")
              .arg(QLatin1StringView(QT_VERSION_STR), QLatin1StringView(qVersion()));
}

QMessageBox *AboutBox::open(QWidget *parent)
{
    auto *box = new QMessageBox(parent);
    box->setObjectName(u"aboutBox"_s);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setWindowTitle(tr("About ProcDeck"));
    box->setTextFormat(Qt::RichText);
    box->setText(text());
    box->setIconPixmap(parent->windowIcon().pixmap(64, 64));
    box->setStandardButtons(QMessageBox::Ok);
    box->open();
    return box;
}
