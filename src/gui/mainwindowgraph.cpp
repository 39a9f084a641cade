// MainWindow's graph dock (StackGraphView): the entries and their dependencies, selected with the
// table both ways, double-click or Enter to edit.

#include "mainwindow.h"
#include "ui_mainwindow.h"

#include "processtableview.h"
#include "stackgraphview.h"

#include <QAction>
#include <QDockWidget>
#include <QHBoxLayout>
#include <QItemSelectionModel>
#include <QLabel>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

StackGraphView *MainWindow::graphView() const { return m_graph; }

// Beside the details panel (below it), hidden until View › Graph (Ctrl+G); readSettings() brings
// back whether it was shown, and where, with the window's dock state.
void MainWindow::createGraphDock()
{
    m_graph = new StackGraphView(m_manager, m_model, this);
    auto *legend = new QLabel(tr("↓ from what is waited for to what waits"), this);
    legend->setObjectName(u"graphLegend"_s);
    legend->setForegroundRole(QPalette::PlaceholderText);
    legend->setToolTip(m_graph->toolTip());
    auto *fit = new QToolButton(this);
    fit->setObjectName(u"graphFitButton"_s);
    fit->setText(tr("Fit"));
    fit->setToolTip(tr("Show the whole graph (Ctrl+0); Ctrl+wheel zooms"));
    connect(fit, &QToolButton::clicked, m_graph, &StackGraphView::fitToView);
    auto *bar = new QHBoxLayout;
    bar->setContentsMargins(4, 0, 4, 2);
    bar->addWidget(legend, 1);
    bar->addWidget(fit);
    auto *content = new QWidget(this);
    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(m_graph, 1);
    layout->addLayout(bar);

    auto *dock = new QDockWidget(tr("Graph"), this);
    dock->setObjectName(u"graphDock"_s);
    dock->setWidget(content);
    dock->setFeatures(QDockWidget::DockWidgetClosable | QDockWidget::DockWidgetMovable
                      | QDockWidget::DockWidgetFloatable);
    addDockWidget(Qt::RightDockWidgetArea, dock);
    if (auto *details = findChild<QDockWidget *>(u"detailsDock"_s))
        splitDockWidget(details, dock, Qt::Vertical);
    dock->hide();
    QAction *toggle = dock->toggleViewAction();
    toggle->setObjectName(u"actionShowGraph"_s);
    toggle->setShortcut(QKeySequence(u"Ctrl+G"_s));
    toggle->setStatusTip(tr("Show the entries as a graph: what each one waits for, coloured by state"));
    m_ui->menuView->addAction(toggle);

    connect(m_graph, &StackGraphView::selectionChangedByUser, this, &MainWindow::selectProcesses);
    connect(m_graph, &StackGraphView::activated, this, [this](ManagedProcess *process) {
        selectProcesses({process});
        editProcess();
    });
    connect(m_ui->processTable->selectionModel(), &QItemSelectionModel::selectionChanged, m_graph,
            [this] { m_graph->setSelectedProcesses(selectedProcesses()); });
}
