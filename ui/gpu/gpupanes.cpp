#include "gpu/gpupanes.h"

#include "common/format.h"
#include "gpu/gpumonitor.h"
#include "healthcolor.h"
#include "hostmodel.h"
#include "kube/tablepane.h"
#include "mainwindow.h"
#include "ollama/ollamaclient.h"
#include "remotemodels.h"
#include "remotestatus.h"
#include "roles.h"
#include "tailscale/tailscalemonitor.h"
#include "topology/topologyscene.h"

#include <QDockWidget>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QProgressBar>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStatusBar>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace labdeck {

namespace {
QTableView *makeTable(QAbstractItemModel *model, const QString &name)
{
    auto *proxy = new QSortFilterProxyModel(model);
    proxy->setSourceModel(model);
    proxy->setSortRole(roles::Sort);
    auto *view = new QTableView;
    view->setModel(proxy);
    view->setSortingEnabled(true);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setAlternatingRowColors(true);
    view->verticalHeader()->hide();
    view->horizontalHeader()->setStretchLastSection(true);
    view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    view->verticalHeader()->setDefaultSectionSize(view->fontMetrics().height() + 6);
    view->setAccessibleName(name);
    view->setWordWrap(false);
    return view;
}

void paint(QLabel *label, Health h)
{
    QPalette pal = label->palette();
    pal.setColor(QPalette::WindowText, healthColor(h));
    label->setPalette(pal);
}
} // namespace

GpuPanes::GpuPanes(MainWindow *window, RemoteStatus *status)
    : QObject(window)
    , m_status(status)
    , m_summary(new QLabel)
    , m_gpuName(new QLabel)
    , m_temperature(new QLabel)
    , m_power(new QLabel)
    , m_ollama(new QLabel)
    , m_ollamaStatus(new QLabel)
    , m_webui(new QLabel)
    , m_fresh(new QLabel)
    , m_util(new QProgressBar)
    , m_vram(new QProgressBar)
    , m_processes(makeTable(status->gpuProcesses(), tr("GPU processes")))
    , m_models(makeTable(status->ollamaModels(), tr("Installed models")))
    , m_loaded(makeTable(status->loadedModels(), tr("Loaded models")))
    , m_tunnels(new TablePane(status->tunnelModel(), tr("Filter tunnels (type to filter)"), false))
    , m_tunnelState(new QLabel)
{
    auto *page = new QSplitter(Qt::Horizontal);
    auto *left = new QWidget;
    auto *layout = new QVBoxLayout(left);
    layout->setContentsMargins(4, 4, 4, 4);
    m_summary->setWordWrap(true);
    QFont bold = m_summary->font();
    bold.setBold(true);
    m_summary->setFont(bold);
    layout->addWidget(m_summary);
    auto *form = new QFormLayout;
    m_util->setRange(0, 100);
    m_util->setFormat(QStringLiteral("%p%"));
    m_util->setAccessibleName(tr("GPU utilisation"));
    m_vram->setRange(0, 1000);
    m_vram->setAccessibleName(tr("VRAM used"));
    form->addRow(tr("GPU:"), m_gpuName);
    form->addRow(tr("Utilisation:"), m_util);
    form->addRow(tr("VRAM:"), m_vram);
    form->addRow(tr("Temperature:"), m_temperature);
    form->addRow(tr("Power:"), m_power);
    form->addRow(tr("Ollama:"), m_ollama);
    form->addRow(tr("Open WebUI:"), m_webui);
    form->addRow(tr("Fetched:"), m_fresh);
    for (QLabel *l : {m_ollama, m_webui, m_fresh}) {
        l->setWordWrap(true);
        l->setTextInteractionFlags(Qt::TextSelectableByMouse);
    }
    layout->addLayout(form);
    layout->addStretch(1);
    page->addWidget(left);
    auto *split = new QSplitter(Qt::Vertical);
    split->addWidget(m_loaded);
    split->addWidget(m_models);
    split->addWidget(m_processes);
    page->addWidget(split);
    page->setStretchFactor(0, 2);
    page->setStretchFactor(1, 3);

    m_gpuDock = new QDockWidget(tr("GPU"), window);
    m_gpuDock->setObjectName(QStringLiteral("GpuDock"));
    m_gpuDock->setWidget(page);
    window->addBottomDock(m_gpuDock);
    m_ollamaStatus->setToolTip(tr("Ollama on the GPU server"));
    m_ollamaStatus->setVisible(false);
    window->statusBar()->addPermanentWidget(m_ollamaStatus);
    window->addViewToggle(m_gpuDock->toggleViewAction());

    auto *tunnelPage = new QWidget;
    auto *tl = new QVBoxLayout(tunnelPage);
    tl->setContentsMargins(0, 0, 0, 0);
    m_tunnelState->setWordWrap(true);
    tl->addWidget(m_tunnelState);
    tl->addWidget(m_tunnels, 1);
    m_tunnels->table()->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_tunnels->table()->horizontalHeader()->setStretchLastSection(true);
    m_tunnels->table()->sortByColumn(TunnelModel::Host, Qt::AscendingOrder);
    m_tunnelDock = new QDockWidget(tr("Tailscale"), window);
    m_tunnelDock->setObjectName(QStringLiteral("TailscaleDock"));
    m_tunnelDock->setWidget(tunnelPage);
    window->addBottomDock(m_tunnelDock);
    window->addViewToggle(m_tunnelDock->toggleViewAction());

    connect(status, &RemoteStatus::notesChanged, this, &GpuPanes::update);
    auto *tick = new QTimer(this);
    tick->start(1000);
    connect(tick, &QTimer::timeout, this, &GpuPanes::update);
    update();
}

GpuPanes::~GpuPanes() = default;

void GpuPanes::update()
{
    const RemoteStatus::Sources &src = m_status->sources();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    gpu::GpuMonitor *g = src.gpu;
    const bool gpuKnown = g && !g->gpus().isEmpty();
    const bool gpuStale = !g || g->isStale();
    if (!g) {
        m_summary->setText(tr("No GPU server in the inventory."));
    } else if (!gpuKnown) {
        m_summary->setText(g->lastError().isEmpty()
                               ? tr("%1: reading nvidia-smi\u2026").arg(g->host())
                               : g->lastError());
    } else {
        const QString note = m_status->gpuNote();
        m_summary->setText(gpuStale && !g->lastError().isEmpty()
                               ? tr("%1 \u2014 %2").arg(note, g->lastError())
                               : tr("%1: %2").arg(g->host(), note));
    }
    paint(m_summary, gpuKnown && !gpuStale
                         ? Health::Ok
                         : (g && !g->lastError().isEmpty() ? Health::Warning : Health::Unknown));
    const QString na = tr("n/a");
    if (gpuKnown) {
        const gpu::GpuInfo &i = g->gpus().first();
        m_gpuName->setText(g->gpus().size() > 1
                               ? tr("%1 (and %2 more)").arg(i.name).arg(g->gpus().size() - 1)
                               : i.name);
        m_util->setValue(i.utilizationPercent ? qRound(*i.utilizationPercent) : 0);
        m_util->setFormat(i.utilizationPercent ? QStringLiteral("%p%") : na);
        if (i.memoryUsedMiB && i.memoryTotalMiB && *i.memoryTotalMiB > 0) {
            m_vram->setValue(int(1000.0 * *i.memoryUsedMiB / *i.memoryTotalMiB));
            m_vram->setFormat(tr("%1 / %2").arg(Format::bytes(*i.memoryUsedMiB * 1048576.0),
                                                Format::bytes(*i.memoryTotalMiB * 1048576.0)));
        } else {
            m_vram->setValue(0);
            m_vram->setFormat(na);
        }
        m_temperature->setText(i.temperatureC ? tr("%1 °C").arg(*i.temperatureC) : na);
        m_power->setText(i.powerDrawW ? (i.powerLimitW ? tr("%1 W of %2 W")
                                                             .arg(*i.powerDrawW, 0, 'f', 0)
                                                             .arg(*i.powerLimitW, 0, 'f', 0)
                                                       : tr("%1 W").arg(*i.powerDrawW, 0, 'f', 0))
                                      : na);
    }
    for (QWidget *w : {static_cast<QWidget *>(m_util), static_cast<QWidget *>(m_vram),
                       static_cast<QWidget *>(m_temperature), static_cast<QWidget *>(m_power),
                       static_cast<QWidget *>(m_gpuName)})
        w->setEnabled(gpuKnown && !gpuStale); // stale values are greyed, not shown as live
    m_fresh->setText(g && g->fetchedAt().isValid()
                         ? tr("nvidia-smi %1%2")
                               .arg(Format::ago(g->fetchedAt().secsTo(now)),
                                    gpuStale ? tr(" (stale)") : QString())
                         : tr("never"));

    const auto statusBar = [this](Health h, const QString &what) {
        m_ollamaStatus->setText(tr("Ollama %1 %2").arg(HealthText::glyph(h), what));
        m_ollamaStatus->setToolTip(m_ollama->text());
        m_ollamaStatus->setAccessibleName(m_ollamaStatus->text());
        paint(m_ollamaStatus, h);
        m_ollamaStatus->setVisible(true);
    };
    if (ollama::OllamaClient *o = src.ollama) {
        if (!o->lastError().isEmpty()) {
            m_ollama->setText(
                tr("%1 down: %2").arg(HealthText::glyph(Health::Critical), o->lastError()));
            paint(m_ollama, Health::Critical);
            statusBar(Health::Critical, tr("down"));
        } else if (o->fetchedAt().isValid()) {
            m_ollama->setText(tr("%1 %2 at %3 \u00b7 %4 installed \u00b7 %5 loaded \u00b7 %6")
                                  .arg(HealthText::glyph(Health::Ok), o->version(),
                                       o->baseUrl().toDisplayString())
                                  .arg(o->models().size())
                                  .arg(o->loaded().size())
                                  .arg(Format::ago(o->fetchedAt().secsTo(now))));
            paint(m_ollama, o->isStale() ? Health::Unknown : Health::Ok);
            statusBar(o->isStale() ? Health::Unknown : Health::Ok,
                      tr("%1 loaded").arg(o->loaded().size()));
        } else {
            m_ollama->setText(tr("connecting to %1\u2026").arg(o->baseUrl().toDisplayString()));
            paint(m_ollama, Health::Unknown);
            statusBar(Health::Unknown, tr("connecting"));
        }
    } else {
        m_ollama->setText(tr("no Ollama URL in the inventory"));
        m_ollamaStatus->setVisible(false);
    }
    if (ollama::WebUiProbe *w = src.webui) {
        m_webui->setText(w->checkedAt().isValid()
                             ? tr("%1 %2 (%3) \u00b7 %4")
                                   .arg(HealthText::glyph(w->health()), w->text(),
                                        w->url().toDisplayString(),
                                        Format::ago(w->checkedAt().secsTo(now)))
                             : tr("checking %1\u2026").arg(w->url().toDisplayString()));
        paint(m_webui, w->health());
    } else {
        m_webui->setText(tr("no Open WebUI endpoint in the inventory"));
    }

    if (tailscale::TailscaleMonitor *t = src.tailscale) {
        const auto &st = t->status();
        QString text;
        if (!t->lastError().isEmpty())
            text = t->lastError();
        else if (st)
            text = tr("Read on %1 \u00b7 backend %2 \u00b7 Tailscale %3 \u00b7 %4")
                       .arg(t->statusHost(), st->backendState, st->version,
                            Format::ago(t->fetchedAt().secsTo(now)));
        else
            text = tr("Reading tailscale status on %1\u2026").arg(t->statusHost());
        m_tunnelState->setText(text);
        paint(m_tunnelState, !t->isStale()
                                 ? Health::Ok
                                 : (t->lastError().isEmpty() ? Health::Unknown : Health::Warning));
    } else {
        m_tunnelState->setText(tr("No Tailscale status host in the inventory."));
    }
}

// --- TopologyOverlay ------------------------------------------------------------

TopologyOverlay::TopologyOverlay(TopologyScene *scene, HostModel *hosts, RemoteStatus *status,
                                 QObject *parent)
    : QObject(parent)
    , m_scene(scene)
    , m_hosts(hosts)
    , m_status(status)
{
    connect(scene, &TopologyScene::rebuilt, this, &TopologyOverlay::apply);
    connect(status, &RemoteStatus::notesChanged, this, &TopologyOverlay::apply);
    // The scene copies the host model's notes on every change (it connected
    // first); ours are added after it.
    connect(hosts, &QAbstractItemModel::dataChanged, this, &TopologyOverlay::apply);
    apply();
}

void TopologyOverlay::apply()
{
    for (const Host &h : m_hosts->inventory().hosts) {
        HostCardItem *card = m_scene->hostCard(h.name);
        if (!card)
            continue;
        const Health tunnel = m_status->tunnelHealth(h.name);
        card->setExtraNote(QStringLiteral("remote"), m_status->hostNote(h.name),
                           tunnel == Health::Warning || tunnel == Health::Critical);
    }
    for (LinkItem *link : m_scene->links()) {
        if (link->kind() != LinkKind::Tailscale)
            continue;
        auto *to = dynamic_cast<StatusItem *>(link->to());
        if (!to || !to->id().startsWith(QLatin1String("host:")))
            continue;
        const QString host = to->id().mid(5);
        const Health h = m_status->tunnelHealth(host);
        QPen pen = linkPen(LinkKind::Tailscale);
        if (h != Health::Unknown)
            pen.setColor(healthColor(h));
        if (h == Health::Critical)
            pen.setStyle(Qt::DotLine); // offline: dotted as well as red
        if (link->pen() != pen)
            link->setPen(pen);
        const QString note = m_status->tunnelNote(host);
        link->setToolTip(link->targets().join(QLatin1Char('\n')) +
                         (note.isEmpty() ? QString() : QLatin1Char('\n') + note));
    }
}

} // namespace labdeck
