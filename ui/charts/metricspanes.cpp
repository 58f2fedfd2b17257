#include "charts/metricspanes.h"

#include "charts/metricchartwidget.h"
#include "common/format.h"
#include "detailspanel.h"
#include "healthcolor.h"
#include "hostmodel.h"
#include "labmetrics.h"
#include "labselection.h"
#include "mainwindow.h"
#include "metricchart.h"
#include "prometheus/promclient.h"
#include "topology/topologyitems.h"
#include "topology/topologyscene.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDockWidget>
#include <QFormLayout>
#include <QGridLayout>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QSettings>
#include <QStatusBar>
#include <QTimer>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>

namespace labdeck {

using Metric = prom::ChartQueries::Metric;

namespace {

const QString kTemplatesGroup = QStringLiteral("charts/templates");
// A chart's height in a row the dock makes room for: a plot about 100 px
// high under a two-line header, which reads in Japanese as in English.
constexpr int kChartHeight = 190;
// The most of the window's height the dock takes for that on its own.
constexpr double kMaxDockShare = 0.4;
constexpr int kFitRounds = 4;
// Characters (and points) in a Details sparkline.
constexpr int kSparkWidth = 12;

struct RangeChoice
{
    std::chrono::seconds window;
    const char *label;
};

const RangeChoice kRanges[] = {
    {std::chrono::minutes(15), QT_TRANSLATE_NOOP("labdeck::MetricsPanes", "15 min")},
    {std::chrono::hours(1), QT_TRANSLATE_NOOP("labdeck::MetricsPanes", "1 h")},
    {std::chrono::hours(6), QT_TRANSLATE_NOOP("labdeck::MetricsPanes", "6 h")},
    {std::chrono::hours(24), QT_TRANSLATE_NOOP("labdeck::MetricsPanes", "24 h")},
    {std::chrono::hours(24 * 7), QT_TRANSLATE_NOOP("labdeck::MetricsPanes", "7 d")},
};

} // namespace

MetricsPanes::MetricsPanes(MainWindow *window, HostModel *model, LabSelection *selection,
                           QObject *parent)
    : QObject(parent)
    , m_window(window)
    , m_model(model)
    , m_selection(selection)
    , m_dock(new QDockWidget(tr("Metrics")))
    , m_header(new QLabel)
    , m_scroll(new QScrollArea)
    , m_grid(new QWidget)
    , m_range(new QComboBox)
    , m_liveBox(new QCheckBox(tr("Live")))
    , m_status(new QLabel)
    , m_labMetrics(new LabMetrics(this))
{
    m_dock->setObjectName(QStringLiteral("metrics-dock"));
    auto *content = new QWidget;
    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(4, 4, 4, 4);
    m_header->setWordWrap(true);
    layout->addWidget(m_header);
    m_scroll->setWidgetResizable(true);
    m_scroll->setFrameShape(QFrame::NoFrame);
    m_scroll->setWidget(m_grid);
    m_scroll->viewport()->installEventFilter(this);
    auto *grid = new QGridLayout(m_grid);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->setSpacing(4);
    layout->addWidget(m_scroll, 1);
    m_dock->setWidget(content);
    m_window->addBottomDock(m_dock);
    connect(m_dock, &QDockWidget::visibilityChanged, this, [this](bool visible) {
        if (visible && m_chartsPending)
            rebuildCharts();
        if (visible && m_fitRounds == 0)
            QTimer::singleShot(0, this, &MetricsPanes::fitDockHeight);
    });
    QAction *toggle = m_dock->toggleViewAction();
    m_window->addViewToggle(toggle);

    for (const RangeChoice &r : kRanges)
        m_range->addItem(tr(r.label), qlonglong(r.window.count()));
    m_range->setCurrentIndex(1);
    m_range->setToolTip(tr("Time range of the charts"));
    m_range->setAccessibleName(tr("Chart range"));
    connect(m_range, &QComboBox::activated, this, [this](int index) {
        setWindow(std::chrono::seconds(m_range->itemData(index).toLongLong()));
    });
    m_liveBox->setChecked(true);
    m_liveBox->setToolTip(tr("Refresh the charts every 15 s, fetching only the new samples"));
    connect(m_liveBox, &QCheckBox::toggled, this, &MetricsPanes::setLive);
    m_window->addToolBarWidget(m_range);
    m_window->addToolBarWidget(m_liveBox);

    QMenu *menu = m_window->addMenuBeforeHelp(tr("&Metrics"));
    QAction *reload = menu->addAction(tr("&Reload Charts"), this, &MetricsPanes::reloadAll);
    reload->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_M));
    menu->addAction(tr("Chart &Templates…"), this, &MetricsPanes::editTemplates);

    m_status->setToolTip(tr("Prometheus: how fresh the lab's metrics are"));
    m_window->statusBar()->addPermanentWidget(m_status);

    // Details: the selected host's current use, alerts and target.
    m_window->detailsPanel()->addSection([this](const QString &id) {
        DetailsPanel::Section section{tr("Metrics"), {}};
        if (!id.startsWith(QLatin1String("host:")))
            return section;
        const HostMetrics m = m_labMetrics->host(id.mid(5));
        const QString age =
            m.at.isValid() ? Format::ago(m.at.secsTo(QDateTime::currentDateTimeUtc())) : QString();
        if (m.cpuPercent)
            section.rows.append(
                {tr("CPU"), tr("%1% (%2, %3)").arg(*m.cpuPercent, 0, 'f', 1).arg(m.source, age)});
        if (m.memoryPercent)
            section.rows.append(
                {tr("Memory"),
                 tr("%1% (%2, %3)").arg(*m.memoryPercent, 0, 'f', 1).arg(m.source, age)});
        if (!m.firingAlerts.isEmpty())
            section.rows.append({tr("Alerts firing"), m.firingAlerts.join(QStringLiteral("; "))});
        if (m.targetDown)
            section.rows.append({tr("Prometheus target"), tr("down: %1").arg(m.targetError)});
        // The host's recent CPU, memory and network as sparklines.
        if (m_sparkHost == id.mid(5)) {
            for (const Sparkline &s : std::as_const(m_sparks)) {
                const QList<ChartLine> &lines = s.chart->lines();
                if (lines.isEmpty() || lines.first().points.isEmpty())
                    continue;
                QList<double> values;
                double max = 0;
                for (const QPointF &p : lines.first().points) {
                    values << p.y();
                    if (std::isfinite(p.y()))
                        max = std::max(max, p.y());
                }
                const prom::ChartQueries::Unit unit = prom::ChartQueries::unit(s.metric);
                section.rows.append(
                    {tr("%1 (%2)").arg(prom::ChartQueries::title(s.metric), m_range->currentText()),
                     tr("%1 now %2, max %3")
                         .arg(Format::sparkline(
                                  values, unit == prom::ChartQueries::Unit::Percent ? 100 : max,
                                  kSparkWidth),
                              prom::ChartQueries::formatValue(unit, s.chart->latestValue()),
                              prom::ChartQueries::formatValue(unit, max))});
            }
        }
        if (!section.rows.isEmpty() && !m_labMetrics->error().isEmpty())
            section.rows.append({tr("Prometheus"), m_labMetrics->error()});
        return section;
    });
    connect(m_labMetrics, &LabMetrics::changed, m_window->detailsPanel(),
            &DetailsPanel::refreshSoon);
    m_labMetrics->setQueries(savedQueries());
    m_labMetrics->setInventory(m_model->inventory());
    connect(m_labMetrics, &LabMetrics::changed, this, &MetricsPanes::updateCards);
    connect(m_labMetrics, &LabMetrics::changed, this, &MetricsPanes::updateStatus);
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        m_labMetrics->setInventory(m_model->inventory());
        rebuildCharts();
    });
    connect(m_selection, &LabSelection::currentChanged, this, &MetricsPanes::selectionChanged);
    m_tick.setInterval(1000);
    connect(&m_tick, &QTimer::timeout, this, &MetricsPanes::updateStatus);
    m_tick.start();

    // The first Kubernetes node with Prometheus, until the user picks one.
    for (const Host &h : m_model->inventory().hosts) {
        if (!h.sources.prometheusInstance.isEmpty()) {
            m_host = h.name;
            break;
        }
    }
    rebuildCharts();
    updateStatus();
}

MetricsPanes::~MetricsPanes() = default;

prom::ChartQueries MetricsPanes::savedQueries()
{
    QSettings settings;
    settings.beginGroup(kTemplatesGroup);
    QMap<QString, QString> overrides;
    for (const QString &key : settings.childKeys())
        overrides.insert(key, settings.value(key).toString());
    return prom::ChartQueries(overrides);
}

void MetricsPanes::setPrometheus(const QUrl &url, bool demo)
{
    m_demo = demo;
    m_client.reset();
    if (url.isValid() && !url.isEmpty())
        m_client = std::make_unique<prom::Client>(url);
    m_labMetrics->setClient(m_client.get(), demo);
    rebuildCharts();
    const QString selected = m_selection->current();
    makeSparklines(selected.startsWith(QLatin1String("host:")) ? selected.mid(5) : QString());
}

void MetricsPanes::makeSparklines(const QString &host)
{
    // A few points per line over the charts' range (a query each, live
    // like the charts), for the host the Details pane shows.
    for (const Sparkline &s : std::as_const(m_sparks))
        delete s.chart; // cancels what is in flight
    m_sparks.clear();
    m_sparkHost.clear();
    const Host *h = m_model->inventory().host(host);
    if (!h || !m_client || h->sources.prometheusInstance.isEmpty())
        return;
    m_sparkHost = host;
    const prom::ChartQueries queries = savedQueries();
    const double scrape = m_labMetrics->host(host).scrapeIntervalSeconds;
    for (const Metric metric :
         {Metric::CpuBusy, Metric::MemoryUsed, Metric::NetworkReceive, Metric::NetworkTransmit}) {
        auto *chart = new MetricChart(m_client.get(), this);
        chart->setSeriesLabel(prom::ChartQueries::seriesLabel(metric));
        chart->setQuery(queries.queryFor(metric, h->sources.prometheusInstance));
        chart->setWindow(m_span);
        chart->setWidth(kSparkWidth);
        chart->setScrapeInterval(scrape > 0 ? scrape : 15);
        chart->setRefreshInterval(m_refresh);
        chart->setLive(m_live);
        connect(chart, &MetricChart::reset, m_window->detailsPanel(), &DetailsPanel::refreshSoon);
        connect(chart, &MetricChart::appended, m_window->detailsPanel(),
                &DetailsPanel::refreshSoon);
        chart->reload();
        m_sparks.append({metric, chart});
    }
}

void MetricsPanes::selectionChanged(const QString &id)
{
    if (id.startsWith(QLatin1String("host:")))
        makeSparklines(id.mid(5));
    // Any item of the lab: the host it belongs to (a workload's inventory
    // host, the compose host for a compose service).
    const Inventory &lab = m_model->inventory();
    const QString host = m_model->indexForId(id).data(HostModel::HostNameRole).toString();
    if (!lab.host(host))
        return;
    if (!host.isEmpty() && host != m_host)
        showHost(host);
}

void MetricsPanes::showHost(const QString &host)
{
    m_host = host;
    rebuildCharts();
}

void MetricsPanes::setWindow(std::chrono::seconds window)
{
    m_span = window;
    for (int i = 0; i < m_range->count(); ++i)
        if (m_range->itemData(i).toLongLong() == window.count())
            m_range->setCurrentIndex(i);
    for (MetricChartWidget *w : std::as_const(m_charts)) {
        w->resetZoom();
        w->chart()->setWindow(window);
        w->chart()->reload();
    }
    for (const Sparkline &s : std::as_const(m_sparks)) {
        s.chart->setWindow(window);
        s.chart->reload();
    }
}

void MetricsPanes::setLive(bool live)
{
    m_live = live;
    m_liveBox->setChecked(live);
    for (MetricChartWidget *w : std::as_const(m_charts))
        w->chart()->setLive(live);
    for (const Sparkline &s : std::as_const(m_sparks))
        s.chart->setLive(live);
}

void MetricsPanes::setRefreshInterval(std::chrono::milliseconds interval)
{
    m_refresh = interval;
    m_labMetrics->setInterval(interval);
    for (MetricChartWidget *w : std::as_const(m_charts))
        w->chart()->setRefreshInterval(interval);
    for (const Sparkline &s : std::as_const(m_sparks))
        s.chart->setRefreshInterval(interval);
}

void MetricsPanes::reloadAll()
{
    m_labMetrics->refresh();
    for (MetricChartWidget *w : std::as_const(m_charts))
        w->chart()->reload();
    for (const Sparkline &s : std::as_const(m_sparks))
        s.chart->reload();
}

void MetricsPanes::rebuildCharts()
{
    qDeleteAll(m_charts); // their charts (children) are cancelled with them
    m_charts.clear();
    // Charts are made (and fetch) only while the dock is shown: a hidden
    // Metrics tab costs neither start-up time nor requests.
    m_chartsPending = !m_dock->isVisible();
    if (m_chartsPending) {
        m_header->clear();
        return;
    }
    auto *grid = static_cast<QGridLayout *>(m_grid->layout());
    const Host *host = m_model->inventory().host(m_host);
    if (!host) {
        m_header->setText(tr("Select a host to see its charts."));
        return;
    }
    const QString instance = host->sources.prometheusInstance;
    QString reason;
    if (!m_client)
        reason = tr("No Prometheus: set prometheus.url in the inventory.");
    else if (instance.isEmpty())
        reason = tr("%1 has no Prometheus instance in the inventory (sources.prometheusInstance), "
                    "so it has no charts.")
                     .arg(host->title());
    m_header->setText(
        reason.isEmpty()
            ? tr("<b>%1</b> — instance %2 on %3%4")
                  .arg(host->title().toHtmlEscaped(), instance.toHtmlEscaped(),
                       m_client->baseUrl().toDisplayString().toHtmlEscaped(),
                       m_demo ? tr(" (the demo lab's simulated Prometheus)") : QString())
            : reason);
    if (!reason.isEmpty())
        return;
    QList<Metric> metrics = prom::ChartQueries::nodeMetrics();
    if (!host->gpu.isEmpty())
        metrics += prom::ChartQueries::gpuMetrics();
    const prom::ChartQueries queries = savedQueries();
    m_labMetrics->setQueries(queries);
    const double scrape = m_labMetrics->host(m_host).scrapeIntervalSeconds;
    int i = 0;
    for (const Metric metric : metrics) {
        auto *chart = new MetricChart(m_client.get());
        chart->setSeriesLabel(prom::ChartQueries::seriesLabel(metric));
        chart->setWindow(m_span);
        chart->setRefreshInterval(m_refresh);
        chart->setScrapeInterval(scrape > 0 ? scrape : 15);
        auto *widget = new MetricChartWidget(metric, chart, m_grid);
        chart->setParent(widget);
        widget->setTemplateQuery(queries.queryFor(metric, instance));
        connect(widget, &MetricChartWidget::widthChanged, chart, [chart, widget] {
            chart->setWidth(widget->plotWidth());
            chart->reload();
        });
        // A range dragged on one chart is shown on all of them.
        connect(widget, &MetricChartWidget::zoomed, this, [this, widget](double from, double to) {
            for (MetricChartWidget *w : std::as_const(m_charts))
                if (w != widget)
                    w->zoomTo(from, to);
        });
        connect(widget, &MetricChartWidget::zoomReset, this, [this, widget] {
            for (MetricChartWidget *w : std::as_const(m_charts))
                if (w != widget)
                    w->resetZoom();
        });
        grid->addWidget(widget, i / 2, i % 2);
        m_charts << widget;
        chart->setWidth(widget->plotWidth());
        chart->setLive(m_live);
        chart->reload();
        ++i;
    }
    m_columns = 0;
    layoutCharts();
    if (m_fitRounds == 0) // the charts can come after the dock (Prometheus found later)
        QTimer::singleShot(0, this, &MetricsPanes::fitDockHeight);
}

void MetricsPanes::fitDockHeight()
{
    // The default bottom area (shared with Workloads, Pods, ...) is lower
    // than one row of charts: the first time the charts are shown, the
    // dock grows to fit one row, up to a share of the window; the user's
    // later resizing is left alone (the charts then scroll).
    if (m_fitRounds >= kFitRounds || !m_dock->isVisible() || m_dock->isFloating() ||
        m_charts.isEmpty())
        return;
    const int missing = kChartHeight - m_scroll->viewport()->height();
    const int cap = int(m_window->height() * kMaxDockShare);
    if (missing <= 0 || m_dock->height() >= cap) {
        m_fitRounds = kFitRounds;
        return;
    }
    // QMainWindow shares out what the central widget and the side docks
    // give up, so a request is met only in part: ask again for the rest.
    m_fitRequest = std::min((m_fitRounds == 0 ? m_dock->height() : m_fitRequest) + missing, cap);
    ++m_fitRounds;
    m_window->resizeDocks({m_dock}, {m_fitRequest}, Qt::Vertical);
    QTimer::singleShot(0, this, &MetricsPanes::fitDockHeight);
}

bool MetricsPanes::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_scroll->viewport() && event->type() == QEvent::Resize)
        layoutCharts();
    return QObject::eventFilter(watched, event);
}

void MetricsPanes::layoutCharts()
{
    // The grid that shows every chart whole in the dock: of the column
    // counts whose cells are at least a chart's minimum size, the one with
    // cells nearest a panel's shape (about 2:1). When none fits (a very
    // low dock), as many columns as the width takes, scrolling down.
    auto *grid = static_cast<QGridLayout *>(m_grid->layout());
    const int n = int(m_charts.size());
    if (n == 0)
        return;
    const QSize room = m_scroll->viewport()->size();
    QSize minimum(0, 0);
    for (MetricChartWidget *w : std::as_const(m_charts))
        minimum = minimum.expandedTo(w->minimumSizeHint());
    const int gap = grid->spacing();
    int columns = 0;
    double best = 0;
    for (int c = 1; c <= n; ++c) {
        const int rows = (n + c - 1) / c;
        const double w = double(room.width() - gap * (c - 1)) / c;
        const double h = double(room.height() - gap * (rows - 1)) / rows;
        if (w < minimum.width() || h < minimum.height())
            continue;
        const double score = std::abs(std::log((w / h) / 2.0));
        if (columns == 0 || score < best) {
            columns = c;
            best = score;
        }
    }
    const bool fits = columns > 0;
    if (!fits)
        columns = std::clamp((room.width() + gap) / std::max(1, minimum.width() + gap), 1, n);
    const int rows = (n + columns - 1) / columns;
    m_grid->setMinimumHeight(fits ? 0 : rows * minimum.height() + (rows - 1) * gap);
    if (columns == m_columns)
        return;
    m_columns = columns;
    for (MetricChartWidget *w : std::as_const(m_charts))
        grid->removeWidget(w);
    for (int c = 0; c < grid->columnCount(); ++c)
        grid->setColumnStretch(c, c < columns ? 1 : 0);
    for (int r = 0; r < grid->rowCount(); ++r)
        grid->setRowStretch(r, r < rows ? 1 : 0);
    for (int i = 0; i < n; ++i) {
        grid->addWidget(m_charts.at(i), i / columns, i % columns);
        grid->setColumnStretch(i % columns, 1);
        grid->setRowStretch(i / columns, 1);
    }
}

void MetricsPanes::editTemplates()
{
    QDialog dialog(m_window);
    dialog.setWindowTitle(tr("Chart Templates"));
    auto *layout = new QVBoxLayout(&dialog);
    auto *intro = new QLabel(
        tr("The PromQL behind each chart. <code>$instance</code> is replaced by the host's "
           "Prometheus instance label from the inventory (sources.prometheusInstance)."));
    intro->setWordWrap(true);
    layout->addWidget(intro);
    auto *form = new QFormLayout;
    const prom::ChartQueries current = savedQueries();
    QMap<Metric, QPlainTextEdit *> editors;
    for (const Metric metric : prom::ChartQueries::all()) {
        auto *edit = new QPlainTextEdit(current.templateFor(metric));
        edit->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
        edit->setMaximumHeight(60);
        edit->setAccessibleName(prom::ChartQueries::title(metric));
        form->addRow(prom::ChartQueries::title(metric), edit);
        editors.insert(metric, edit);
    }
    layout->addLayout(form);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel |
                                         QDialogButtonBox::RestoreDefaults);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    connect(buttons->button(QDialogButtonBox::RestoreDefaults), &QPushButton::clicked, &dialog,
            [&editors] {
                for (auto it = editors.begin(); it != editors.end(); ++it)
                    it.value()->setPlainText(prom::ChartQueries::defaultTemplate(it.key()));
            });
    dialog.resize(760, 620);
    if (dialog.exec() != QDialog::Accepted)
        return;
    QSettings settings;
    settings.beginGroup(kTemplatesGroup);
    for (auto it = editors.begin(); it != editors.end(); ++it) {
        const QString text = it.value()->toPlainText().trimmed();
        if (text.isEmpty() || text == prom::ChartQueries::defaultTemplate(it.key()))
            settings.remove(prom::ChartQueries::key(it.key()));
        else
            settings.setValue(prom::ChartQueries::key(it.key()), text);
    }
    settings.endGroup();
    rebuildCharts();
}

void MetricsPanes::updateCards()
{
    TopologyScene *scene = m_window->topologyScene();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (const Host &h : m_model->inventory().hosts) {
        HostCardItem *card = scene->hostCard(h.name);
        if (!card)
            continue;
        const HostMetrics m = m_labMetrics->host(h.name);
        HostCardItem::Meters meters;
        meters.cpuPercent = m.cpuPercent;
        meters.memoryPercent = m.memoryPercent;
        meters.source = m.source;
        meters.fallback = m.fromMetricsServer;
        meters.stale = !m.at.isValid() || m.at.msecsTo(now) > 2 * m_refresh.count();
        meters.firingAlerts = int(m.firingAlerts.size());
        meters.targetDown = m.targetDown;
        QStringList tip;
        if (m.cpuPercent || m.memoryPercent)
            tip << tr("CPU %1 · memory %2 — from %3, %4")
                       .arg(m.cpuPercent ? QStringLiteral("%1%").arg(*m.cpuPercent, 0, 'f', 1)
                                         : tr("unknown"),
                            m.memoryPercent ? QStringLiteral("%1%").arg(*m.memoryPercent, 0, 'f', 1)
                                            : tr("unknown"),
                            m.source, Format::ago(m.at.secsTo(now)));
        if (meters.stale && !m_labMetrics->error().isEmpty())
            tip << tr("Stale: %1").arg(m_labMetrics->error());
        for (const QString &a : m.firingAlerts)
            tip << tr("Alert firing: %1").arg(a);
        if (m.targetDown)
            tip << tr("Prometheus target down: %1")
                       .arg(m.targetError.isEmpty() ? tr("no error given") : m.targetError);
        meters.tooltip = tip.join(QLatin1Char('\n'));
        card->setMeters(meters);
        // Firing alerts and a down target are part of the host's state.
        const QString id = HostModel::hostId(h.name);
        if (m.firingAlerts.isEmpty())
            m_model->setContribution(id, QStringLiteral("alerts"), Health::Unknown, QString());
        else
            m_model->setContribution(
                id, QStringLiteral("alerts"), m.criticalAlert ? Health::Critical : Health::Warning,
                tr("%n alert(s) firing: %1", nullptr, int(m.firingAlerts.size()))
                    .arg(m.firingAlerts.join(QStringLiteral("; "))));
        if (m.targetDown)
            m_model->setContribution(
                id, QStringLiteral("targets"), Health::Critical, // as the prometheus check says
                tr("Prometheus target down: %1")
                    .arg(m.targetError.isEmpty() ? tr("no error given") : m.targetError));
        else
            m_model->setContribution(id, QStringLiteral("targets"), Health::Unknown, QString());
    }
}

void MetricsPanes::updateStatus()
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QString text;
    Health health = Health::Unknown;
    if (!m_client) {
        text = tr("Prometheus: not configured");
    } else if (!m_labMetrics->error().isEmpty()) {
        text = tr("Prometheus \u25cf unreachable");
        health = Health::Critical;
    } else if (m_labMetrics->updatedAt().isValid()) {
        text = tr("Prometheus \u25cf %1").arg(Format::ago(m_labMetrics->updatedAt().secsTo(now)));
        health = m_labMetrics->updatedAt().msecsTo(now) > 2 * m_refresh.count() ? Health::Warning
                                                                                : Health::Ok;
    } else {
        text = tr("Prometheus: connecting…");
    }
    m_status->setText(text);
    m_status->setToolTip(m_labMetrics->error().isEmpty()
                             ? (m_client ? m_client->baseUrl().toDisplayString() : QString())
                             : m_labMetrics->error());
    m_status->setStyleSheet(
        health == Health::Ok
            ? QString()
            : QStringLiteral("QLabel { color: %1; }").arg(healthColor(health).name()));
}

} // namespace labdeck
