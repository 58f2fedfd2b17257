#include "checks/checkspanes.h"

#include "checkresultsfilter.h"
#include "checkresultsmodel.h"
#include "checks/checkrunner.h"
#include "checks/checkschedule.h"
#include "checks/checksource.h"
#include "checks/checkssettingspage.h"
#include "hostmodel.h"
#include "kube/kubeclient.h"
#include "labselection.h"
#include "mainwindow.h"
#include "remote/commandtransport.h"
#include "settings/settingsdialog.h"
#include "topology/topologyitems.h"
#include "topology/topologyscene.h"

#include <QAction>
#include <QCheckBox>
#include <QClipboard>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDockWidget>
#include <QFormLayout>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenu>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QSplitter>
#include <QTableView>
#include <QTextBrowser>
#include <QTime>
#include <QToolButton>
#include <QVBoxLayout>

namespace labdeck {

namespace {} // namespace

ChecksPanes::ChecksPanes(MainWindow *window, HostModel *hosts, LabSelection *selection)
    : QObject(window)
    , m_window(window)
    , m_hosts(hosts)
    , m_selection(selection)
    , m_model(new CheckResultsModel(this))
    , m_proxy(new CheckResultsFilter(m_model, this))
    , m_table(new QTableView)
    , m_filter(new QLineEdit)
    , m_problemsOnly(new QCheckBox(tr("&Problems only")))
    , m_summary(new QLabel)
    , m_selected(new QTextBrowser)
    , m_subject(new QLabel)
    , m_status(new QLabel)
    , m_runButton(new QPushButton)
    , m_background(Background::load())
{
    // Details: the last run's problems for the selected host or URL.
    window->detailsPanel()->addSection([this](const QString &id) { return detailsFor(id); });
    auto *pane = new QWidget;
    auto *layout = new QVBoxLayout(pane);
    layout->setContentsMargins(4, 4, 4, 4);
    auto *bar = new QHBoxLayout;
    auto *copyButton = new QPushButton(tr("Copy as text"));
    auto *settingsButton = new QPushButton(tr("Thresholds…"));
    bar->addWidget(m_runButton);
    bar->addWidget(copyButton);
    bar->addWidget(settingsButton);
    bar->addWidget(m_status, 1);
    layout->addLayout(bar);
    // Filter, problems only, and the counts of what is shown.
    auto *filterBar = new QHBoxLayout;
    m_filter->setPlaceholderText(tr("Filter results (Ctrl+F): words in any order"));
    m_filter->setClearButtonEnabled(true);
    m_filter->setAccessibleName(tr("Filter check results"));
    m_problemsOnly->setToolTip(
        tr("Show only critical, warning and could-not-run results (on after a run with problems)"));
    m_subject->setVisible(false);
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    filterBar->addWidget(m_filter, 2);
    filterBar->addWidget(m_problemsOnly);
    filterBar->addWidget(m_subject);
    layout->addLayout(filterBar);
    layout->addWidget(m_summary);
    // The table, and below it the whole text of the selected result.
    auto *split = new QSplitter(Qt::Vertical);
    split->addWidget(m_table);
    split->addWidget(m_selected);
    split->setStretchFactor(0, 4);
    split->setStretchFactor(1, 1);
    m_selected->setOpenLinks(false);
    m_selected->setAccessibleName(tr("Selected check result"));
    m_selected->setPlaceholderText(
        tr("Select a result to read all of what is wrong and what to do."));
    layout->addWidget(split, 1);
    m_status->setText(tr("Not run yet: press Check all (Ctrl+Shift+C)."));
    m_status->setWordWrap(true);

    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(CheckResultsModel::SeverityColumn, Qt::DescendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(false);
    m_table->horizontalHeader()->setSectionResizeMode(CheckResultsModel::SummaryColumn,
                                                      QHeaderView::Stretch);
    m_table->horizontalHeader()->setSectionResizeMode(CheckResultsModel::AdviceColumn,
                                                      QHeaderView::Stretch);
    m_table->setAccessibleName(tr("Check results"));
    m_table->horizontalHeader()->resizeSection(CheckResultsModel::SeverityColumn, 100);
    m_table->horizontalHeader()->resizeSection(CheckResultsModel::CategoryColumn, 90);
    m_table->horizontalHeader()->resizeSection(CheckResultsModel::TargetColumn, 260);
    connect(m_filter, &QLineEdit::textChanged, m_proxy, &CheckResultsFilter::setText);
    connect(m_filter, &QLineEdit::textChanged, this, &ChecksPanes::updateSummary);
    connect(m_problemsOnly, &QCheckBox::toggled, this, [this](bool on) {
        m_proxy->setProblemsOnly(on);
        updateSummary();
    });
    connect(m_problemsOnly, &QCheckBox::clicked, this, [this] { m_problemsOnlyTouched = true; });
    window->addFilterField(pane, m_filter); // Ctrl+F in the pane
    m_subject->setTextFormat(Qt::RichText);
    connect(m_subject, &QLabel::linkActivated, this, [this] { showResultsFor({}, {}); });
    for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(m_model, signal, this, &ChecksPanes::updateSummary);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &ChecksPanes::updateSummary);
    connect(m_model, &QAbstractItemModel::modelReset, this, &ChecksPanes::updateSummary);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &ChecksPanes::showSelected);
    connect(m_proxy, &QAbstractItemModel::dataChanged, this, &ChecksPanes::showSelected);
    connect(m_table, &QTableView::activated, this, &ChecksPanes::activateRow);

    m_dock = new QDockWidget(tr("Checks"), window);
    m_dock->setObjectName(QStringLiteral("checksDock"));
    m_dock->setWidget(pane);
    window->addBottomDock(m_dock);
    window->addViewToggle(m_dock->toggleViewAction());

    m_menu = window->addMenuBeforeHelp(tr("Chec&ks"));
    m_checkAll = m_menu->addAction(tr("Check &all"));
    m_checkAll->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C));
    m_checkAll->setShortcutContext(Qt::ApplicationShortcut);
    m_checkAll->setToolTip(
        tr("Check certificates, routes, endpoints, tunnels, Kubernetes, Prometheus and the GPU "
           "(Ctrl+Shift+C)"));
    connect(m_checkAll, &QAction::triggered, this, &ChecksPanes::checkAll);
    m_cancel = m_menu->addAction(tr("&Stop checking"));
    m_cancel->setEnabled(false);
    connect(m_cancel, &QAction::triggered, this, &ChecksPanes::cancel);
    m_copy = m_menu->addAction(tr("&Copy results as text"));
    m_copy->setShortcut(QKeySequence::Copy);
    m_copy->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(m_copy, &QAction::triggered, this, &ChecksPanes::copyResults);
    m_table->addAction(m_copy);
    pane->addAction(m_copy);
    QAction *ofSelection = m_menu->addAction(tr("&Results of the Selected Host or URL"));
    connect(ofSelection, &QAction::triggered, this, [this] {
        const QString id = m_selection->current();
        if (id.startsWith(QLatin1String("host:")))
            showResultsFor(id.mid(5), {});
        else if (id.startsWith(QLatin1String("url:")))
            showResultsFor({}, id.mid(4));
        else
            showResultsFor({}, {});
    });
    ofSelection->setProperty(kPaletteAppliesTo, QStringLiteral("host"));
    // One category now ("check certs" in the palette).
    QMenu *only = m_menu->addMenu(tr("Check &Only"));
    for (const QString &category : checks::allCategories()) {
        QAction *a = only->addAction(ChecksSettingsPage::categoryTitle(category));
        a->setProperty(kPaletteKeywords, category);
        connect(a, &QAction::triggered, this, [this, category] {
            m_status->setText(tr("Checking %1…").arg(ChecksSettingsPage::categoryTitle(category)));
            m_dock->show();
            m_dock->raise();
            runRound(category);
        });
    }
    QAction *settings = m_menu->addAction(tr("&Thresholds…"));
    connect(settings, &QAction::triggered, this, &ChecksPanes::editSettings);

    auto *tool = new QToolButton;
    tool->setDefaultAction(m_checkAll);
    tool->setToolButtonStyle(Qt::ToolButtonTextOnly);
    window->addToolBarWidget(tool);
    m_runButton->setText(tr("Check all"));
    connect(m_runButton, &QPushButton::clicked, this, [this] {
        if (m_runner && m_runner->isRunning())
            cancel();
        else
            checkAll();
    });
    connect(copyButton, &QPushButton::clicked, this, &ChecksPanes::copyResults);
    connect(settingsButton, &QPushButton::clicked, this, &ChecksPanes::editSettings);

    // A new inventory: new URLs for the demo's servers, and the old results
    // are about another lab.
    connect(m_hosts, &QAbstractItemModel::modelReset, this, [this] {
        cancel();
        const bool background = m_schedule != nullptr;
        stopBackground();
        m_model->clear();
        m_hostBadges.clear();
        m_urlBadges.clear();
        if (background)
            startBackground();
    });
    // The lab status rewrites host notes; the check badge is put back after.
    connect(m_hosts, &HostModel::dataChanged, this, &ChecksPanes::applyBadges);
    connect(m_window->topologyScene(), &TopologyScene::rebuilt, this, &ChecksPanes::applyBadges);
    connect(m_window, &MainWindow::settingsCreated, this, [this](SettingsDialog *dialog) {
        dialog->addPage(new ChecksSettingsPage(this), tr("&Checks"));
    });
}

ChecksPanes::~ChecksPanes()
{
    stopBackground();
}

std::chrono::seconds ChecksPanes::Background::defaultInterval(const QString &category)
{
    using namespace std::chrono_literals;
    return category == QLatin1String("certs") ? std::chrono::seconds(6h)
                                              : std::chrono::seconds(5min);
}

std::chrono::seconds ChecksPanes::Background::interval(const QString &category) const
{
    return intervals.value(category, defaultInterval(category));
}

ChecksPanes::Background ChecksPanes::Background::load()
{
    QSettings s;
    Background b;
    b.enabled = s.value(QLatin1String(checksettings::kBackground), true).toBool();
    for (const QString &category : checks::allCategories()) {
        const QString key =
            QLatin1String(checksettings::kIntervalPrefix) + QLatin1Char('/') + category;
        bool ok = false;
        const qint64 seconds = s.value(key).toLongLong(&ok);
        // From a minute to a week; anything else is the default.
        if (ok && seconds >= 60 && seconds <= 7 * 24 * 3600)
            b.intervals.insert(category, std::chrono::seconds(seconds));
    }
    return b;
}

void ChecksPanes::Background::save() const
{
    QSettings s;
    s.setValue(QLatin1String(checksettings::kBackground), enabled);
    for (const QString &category : checks::allCategories()) {
        const QString key =
            QLatin1String(checksettings::kIntervalPrefix) + QLatin1Char('/') + category;
        if (intervals.contains(category) && intervals.value(category) != defaultInterval(category))
            s.setValue(key, qint64(intervals.value(category).count()));
        else
            s.remove(key);
    }
}

void ChecksPanes::setBackground(const Background &background)
{
    m_background = background;
    if (m_schedule) {
        stopBackground();
        startBackground();
    }
}

void ChecksPanes::startBackground()
{
    if (m_schedule || !m_background.enabled)
        return;
    QPointer<ChecksPanes> self(this);
    m_schedule = std::make_unique<checks::CheckSchedule>(
        [self](const QString &category, checks::CheckSchedule::Done done) {
            if (self)
                self->runRound(category, std::move(done));
        });
    for (const QString &category : checks::allCategories())
        m_schedule->addCategory(category, m_background.interval(category));
    m_schedule->start();
}

void ChecksPanes::stopBackground()
{
    ++m_roundGeneration;
    const QHash<QString, checks::CheckRunner *> rounds = std::exchange(m_rounds, {});
    for (checks::CheckRunner *runner : rounds) {
        runner->disconnect(this);
        runner->cancel();
        runner->deleteLater();
    }
    m_schedule.reset();
}

void ChecksPanes::runRound(const QString &category,
                           std::function<void(const QList<checks::CheckResult> &, qint64)> done)
{
    const checks::CheckOptions options = optionsFromSettings();
    QPointer<ChecksPanes> self(this);
    const quint64 generation = m_roundGeneration;
    auto ready = [self, generation, category, done = std::move(done)](
                     checks::CheckContext ctx, checks::CheckRegistry registry) mutable {
        if (!self || generation != self->m_roundGeneration)
            return; // stopped meanwhile: the schedule that asked is gone
        self->startRound(category, std::move(ctx), std::move(registry), std::move(done));
    };
    if (!m_source) {
        checks::CheckContext ctx;
        ctx.options = options;
        ctx.kubeUnavailable = tr("no Kubernetes cluster is connected");
        ready(std::move(ctx), checks::builtInChecks());
        return;
    }
    m_source->prepareChecks(options, {category}, std::move(ready));
}

void ChecksPanes::startRound(const QString &category, checks::CheckContext ctx,
                             checks::CheckRegistry registry,
                             std::function<void(const QList<checks::CheckResult> &, qint64)> done)
{
    ctx.inventory = m_hosts->inventory();
    if (checks::CheckRunner *old = m_rounds.take(category)) {
        // Not the schedule's doing (it never overlaps): a round asked for by hand.
        old->disconnect(this);
        old->cancel();
        old->deleteLater();
    }
    auto *runner = new checks::CheckRunner(std::move(registry), this);
    m_rounds.insert(category, runner);
    connect(runner, &checks::CheckRunner::finished, this,
            [this, category, runner, done = std::move(done)](const checks::RunSummary &summary) {
                const QList<checks::CheckResult> results = runner->results();
                if (m_rounds.value(category) == runner)
                    m_rounds.remove(category);
                runner->deleteLater();
                roundDone(category, results);
                if (done)
                    done(results, summary.durationMs);
            });
    runner->start({category}, ctx);
}

void ChecksPanes::roundDone(const QString &category, const QList<checks::CheckResult> &results)
{
    // While Check all runs, its own results for this category are on the way.
    if (!(m_runner && m_runner->isRunning()) && !m_waiting) {
        m_model->replaceCategory(category, results);
        rebuildBadges();
        checks::RunSummary summary;
        for (const checks::CheckResult &r : m_model->results())
            summary.add(r.severity);
        m_status->setText(tr("%1 — %2 checked in the background at %3")
                              .arg(checks::CheckReport::summaryLine(summary), category,
                                   QLocale().toString(QTime::currentTime(), QLocale::ShortFormat)));
    }
    Q_EMIT roundFinished({category}, results);
}

checks::CheckOptions ChecksPanes::optionsFromSettings() const
{
    QSettings s;
    checks::CheckOptions o;
    const checks::Thresholds d;
    o.thresholds.certWarningDays =
        s.value(QLatin1String(checksettings::kWarnDays), d.certWarningDays).toInt();
    o.thresholds.certCriticalDays =
        s.value(QLatin1String(checksettings::kCriticalDays), d.certCriticalDays).toInt();
    o.thresholds.latencyWarningMs =
        s.value(QLatin1String(checksettings::kLatencyMs), d.latencyWarningMs).toInt();
    o.timeout = std::chrono::seconds(
        qBound(1, s.value(QLatin1String(checksettings::kTimeoutSeconds), 10).toInt(), 120));
    return o;
}

void ChecksPanes::checkAll()
{
    cancel();
    m_model->clear();
    clearBadges();
    m_checkAll->setEnabled(false);
    m_cancel->setEnabled(true);
    m_runButton->setText(tr("Stop"));
    const int generation = ++m_generation;
    m_waiting = true;
    const checks::CheckOptions options = optionsFromSettings();
    QPointer<ChecksPanes> self(this);
    auto ready = [self, generation](checks::CheckContext ctx, checks::CheckRegistry registry) {
        if (!self || generation != self->m_generation || !self->m_waiting)
            return; // stopped, or another run was asked for since
        self->m_waiting = false;
        self->startRun(std::move(ctx), std::move(registry));
    };
    if (!m_source) {
        checks::CheckContext ctx;
        ctx.options = options;
        ctx.kubeUnavailable = tr("no Kubernetes cluster is connected");
        ready(std::move(ctx), checks::builtInChecks());
        return;
    }
    const QString waitingFor = m_source->prepareChecks(options, checks::allCategories(), ready);
    if (m_waiting)
        m_status->setText(waitingFor);
}

void ChecksPanes::startRun(checks::CheckContext ctx, checks::CheckRegistry registry)
{
    // The lab as the window shows it.
    ctx.inventory = m_hosts->inventory();
    m_runner = std::make_unique<checks::CheckRunner>(std::move(registry));
    connect(m_runner.get(), &checks::CheckRunner::resultReady, this, &ChecksPanes::onResult);
    connect(m_runner.get(), &checks::CheckRunner::finished, this, &ChecksPanes::onFinished);
    m_status->setText(tr("Checking…"));
    m_runner->start(checks::allCategories(), ctx);
    m_dock->raise();
}

void ChecksPanes::cancel()
{
    m_waiting = false;
    if (m_runner && m_runner->isRunning()) {
        m_runner->cancel();
        m_status->setText(tr("Stopped after %1 results.").arg(m_model->rowCount()));
    }
    m_checkAll->setEnabled(true);
    m_cancel->setEnabled(false);
    m_runButton->setText(tr("Check all"));
}

void ChecksPanes::onResult(const checks::CheckResult &r)
{
    m_model->append(r);
    m_status->setText(tr("Checking… %1 results so far").arg(m_model->rowCount()));
    addToBadges(r);
    applyBadges();
}

void ChecksPanes::addToBadges(const checks::CheckResult &r)
{
    // A URL label shows its worst result (green when all passed); a host
    // card counts its problems.
    const QString line = HealthText::glyph(r.severity) + QLatin1Char(' ') + r.category +
                         QStringLiteral(": ") + r.summary;
    auto add = [&](Badge &b) {
        if (b.lines.isEmpty() || problemRank(r.severity) > problemRank(b.worst))
            b.worst = r.severity;
        if (r.severity == Health::Warning || r.severity == Health::Critical)
            ++b.problems;
        b.lines << line;
    };
    if (!r.url.isEmpty())
        add(m_urlBadges[r.url]);
    else if (!r.host.isEmpty() && r.severity != Health::Ok)
        add(m_hostBadges[r.host]);
    // The host card and the item of a URL roll the result up. k8s results
    // are left out: the live view judges the same objects the same way, and
    // more recently than the last run.
    // A URL's item also learns that its checks passed (its Details then
    // show a state, not "not checked yet").
    const bool problem = r.severity == Health::Warning || r.severity == Health::Critical;
    if (r.category != QLatin1String("k8s") && !r.url.isEmpty()) {
        Contribution &c = m_urlContributions[r.url];
        c.worst = std::max(c.worst, r.severity);
        if (problem)
            c.lines << r.target + QStringLiteral(": ") + r.summary;
    } else if (r.category != QLatin1String("k8s") && problem && !r.host.isEmpty()) {
        Contribution &c = m_hostContributions[r.host];
        c.worst = std::max(c.worst, r.severity);
        c.lines << r.target + QStringLiteral(": ") + r.summary;
    }
}

void ChecksPanes::rebuildBadges()
{
    // From the rows as they are now; what no row speaks of any more goes
    // back to unknown, without passing through "unknown" for the rest.
    const QHash<QString, Badge> oldUrls = std::exchange(m_urlBadges, {});
    const QHash<QString, Contribution> oldUrlContributions = std::exchange(m_urlContributions, {});
    m_hostBadges.clear();
    m_hostContributions.clear();
    for (const checks::CheckResult &r : m_model->results())
        addToBadges(r);
    TopologyScene *scene = m_window->topologyScene();
    for (auto it = oldUrls.constBegin(); it != oldUrls.constEnd(); ++it) {
        if (m_urlBadges.contains(it.key()))
            continue;
        if (StatusItem *item = scene->itemForId(TopologyScene::urlId(QUrl(it.key())))) {
            item->setHealth(Health::Unknown);
            item->setToolTip(QString());
        }
    }
    for (auto it = oldUrlContributions.constBegin(); it != oldUrlContributions.constEnd(); ++it) {
        if (m_urlContributions.contains(it.key()))
            continue;
        for (const QString &id : m_hosts->idsForUrl(QUrl(it.key())))
            m_hosts->setContribution(id, QStringLiteral("checks"), Health::Unknown, {});
    }
    applyBadges();
}

void ChecksPanes::onFinished()
{
    // When it ran, so the results say how fresh they are.
    m_status->setText(tr("%1 — checked at %2")
                          .arg(checks::CheckReport::summaryLine(m_runner->summary()),
                               QLocale().toString(QTime::currentTime(), QLocale::ShortFormat)));
    m_checkAll->setEnabled(true);
    m_cancel->setEnabled(false);
    m_runButton->setText(tr("Check all"));
    // Problems first: after a run with problems, only those (unless the
    // user chose otherwise since).
    if (!m_problemsOnlyTouched) {
        const checks::RunSummary &summary = m_runner->summary();
        m_problemsOnly->setChecked(summary.critical + summary.warning + summary.unknown > 0);
    }
    Q_EMIT runFinished();
    Q_EMIT roundFinished(m_runner->summary().categories, m_runner->results());
}

void ChecksPanes::clearBadges()
{
    const QHash<QString, Badge> urls = m_urlBadges;
    m_hostBadges.clear();
    m_urlBadges.clear();
    m_hostContributions.clear();
    m_urlContributions.clear();
    m_hosts->clearContributions(QStringLiteral("checks"));
    TopologyScene *scene = m_window->topologyScene();
    for (auto it = urls.constBegin(); it != urls.constEnd(); ++it) {
        if (StatusItem *item = scene->itemForId(TopologyScene::urlId(QUrl(it.key())))) {
            item->setHealth(Health::Unknown);
            item->setToolTip(QString());
        }
    }
    applyBadges();
}

DetailsPanel::Section ChecksPanes::detailsFor(const QString &id) const
{
    DetailsPanel::Section section{tr("Checks"), {}};
    Badge badge;
    if (id.startsWith(QLatin1String("host:")))
        badge = m_hostBadges.value(id.mid(5));
    else if (id.startsWith(QLatin1String("url:")))
        badge = m_urlBadges.value(id.mid(4));
    else
        return section;
    for (const QString &line : std::as_const(badge.lines))
        section.rows.append({HealthText::glyph(badge.worst), line});
    return section;
}

void ChecksPanes::applyBadges()
{
    m_window->detailsPanel()->refreshSoon();
    TopologyScene *scene = m_window->topologyScene();
    for (const Host &h : m_hosts->inventory().hosts) {
        HostCardItem *card = scene->hostCard(h.name);
        if (!card)
            continue;
        const auto it = m_hostBadges.constFind(h.name);
        QString badge;
        bool warning = false;
        if (it != m_hostBadges.constEnd() && it->problems > 0) {
            badge = tr("checks %1 %2").arg(HealthText::glyph(it->worst)).arg(it->problems);
            warning = it->worst == Health::Warning || it->worst == Health::Critical;
        }
        card->setExtraNote(QStringLiteral("checks"), badge, warning);
        const Contribution c = m_hostContributions.value(h.name);
        m_hosts->setContribution(HostModel::hostId(h.name), QStringLiteral("checks"), c.worst,
                                 c.lines.isEmpty()
                                     ? QString()
                                     : tr("checks: %1").arg(c.lines.join(QStringLiteral("; "))));
    }
    for (auto it = m_urlContributions.constBegin(); it != m_urlContributions.constEnd(); ++it) {
        for (const QString &id : m_hosts->idsForUrl(QUrl(it.key())))
            m_hosts->setContribution(
                id, QStringLiteral("checks"), it->worst,
                it->lines.isEmpty() ? tr("checks of %1 passed").arg(it.key())
                                    : tr("checks: %1").arg(it->lines.join(QStringLiteral("; "))));
    }
    for (auto it = m_urlBadges.constBegin(); it != m_urlBadges.constEnd(); ++it) {
        if (StatusItem *item = scene->itemForId(TopologyScene::urlId(QUrl(it.key())))) {
            item->setHealth(it->worst);
            item->setToolTip(it->lines.join(QLatin1Char('\n')));
        }
    }
}

void ChecksPanes::activateRow(const QModelIndex &index)
{
    const QString url = index.data(CheckResultsModel::UrlRole).toString();
    const QString host = index.data(CheckResultsModel::HostRole).toString();
    if (!url.isEmpty())
        m_selection->select(TopologyScene::urlId(QUrl(url)));
    else if (!host.isEmpty())
        m_selection->select(HostModel::hostId(host));
}

QString ChecksPanes::resultsText(bool selectedOnly) const
{
    QList<checks::CheckResult> rows;
    const QModelIndexList selected =
        m_table->selectionModel() ? m_table->selectionModel()->selectedRows() : QModelIndexList{};
    if (selectedOnly && !selected.isEmpty()) {
        for (const QModelIndex &i : selected)
            rows << m_model->result(m_proxy->mapToSource(i).row());
        QStringList lines;
        for (const checks::CheckResult &r : std::as_const(rows))
            lines << checks::CheckReport::toText(r);
        return lines.join(QLatin1Char('\n')) + QLatin1Char('\n');
    }
    checks::RunSummary summary = m_runner ? m_runner->summary() : checks::RunSummary{};
    if (!m_runner) {
        for (const checks::CheckResult &r : m_model->results())
            summary.add(r.severity);
    }
    return checks::CheckReport::toText(m_model->results(), summary);
}

QString ChecksPanes::summaryText() const
{
    return m_summary->text();
}

QString ChecksPanes::selectedText() const
{
    return m_selected->toPlainText();
}

void ChecksPanes::updateSummary()
{
    const QList<checks::CheckResult> &all = m_model->results();
    if (all.isEmpty()) {
        m_summary->clear();
        return;
    }
    QString text = CheckResultsFilter::summaryText(all);
    if (m_proxy->rowCount() != m_model->rowCount())
        text += QStringLiteral(" · ") +
                tr("showing %1 of %2").arg(m_proxy->rowCount()).arg(m_model->rowCount());
    m_summary->setText(text);
}

void ChecksPanes::showSelected()
{
    const QModelIndexList rows =
        m_table->selectionModel() ? m_table->selectionModel()->selectedRows() : QModelIndexList{};
    if (rows.size() != 1) {
        m_selected->clear();
        return;
    }
    const checks::CheckResult &r = m_model->result(m_proxy->mapToSource(rows.first()).row());
    QString html = QStringLiteral("<p><b>%1 %2</b> · %3 · %4</p>")
                       .arg(HealthText::glyph(r.severity).toHtmlEscaped(),
                            HealthText::name(r.severity).toHtmlEscaped(),
                            r.category.toHtmlEscaped(), r.target.toHtmlEscaped());
    html += QStringLiteral("<p>%1</p>").arg(r.summary.toHtmlEscaped());
    if (!r.advice.isEmpty())
        html += QStringLiteral("<p><b>%1</b> %2</p>")
                    .arg(tr("What to do:").toHtmlEscaped(), r.advice.toHtmlEscaped());
    m_selected->setHtml(html);
}

void ChecksPanes::showResultsFor(const QString &host, const QString &url)
{
    m_proxy->setSubject(host, url);
    if (host.isEmpty() && url.isEmpty()) {
        m_subject->setVisible(false);
    } else {
        m_subject->setText(tr("only %1 \u00b7 <a href=\"all\">show all</a>")
                               .arg((url.isEmpty() ? host : url).toHtmlEscaped()));
        m_subject->setVisible(true);
        m_problemsOnly->setChecked(false);
    }
    updateSummary();
    m_dock->show();
    m_dock->raise();
}

void ChecksPanes::copyResults()
{
    QGuiApplication::clipboard()->setText(resultsText(true));
    m_status->setText(tr("Copied %1 results as text.")
                          .arg(m_table->selectionModel()->selectedRows().isEmpty()
                                   ? m_model->rowCount()
                                   : int(m_table->selectionModel()->selectedRows().size())));
}

void ChecksPanes::editSettings()
{
    QDialog dialog(m_window);
    dialog.setWindowTitle(tr("Check thresholds"));
    auto *form = new QFormLayout(&dialog);
    const checks::CheckOptions o = optionsFromSettings();
    auto spin = [&form](const QString &label, int value, int min, int max, const QString &suffix) {
        auto *s = new QSpinBox;
        s->setRange(min, max);
        s->setValue(value);
        s->setSuffix(suffix);
        form->addRow(label, s);
        return s;
    };
    QSpinBox *warn =
        spin(tr("Certificate warning under"), o.thresholds.certWarningDays, 0, 365, tr(" days"));
    QSpinBox *crit =
        spin(tr("Certificate critical under"), o.thresholds.certCriticalDays, 0, 365, tr(" days"));
    QSpinBox *latency =
        spin(tr("Slow answer above"), o.thresholds.latencyWarningMs, 50, 60000, tr(" ms"));
    QSpinBox *timeout = spin(
        tr("Each target's timeout"),
        int(std::chrono::duration_cast<std::chrono::seconds>(o.timeout).count()), 1, 120, tr(" s"));
    form->addRow(new QLabel(
        tr("An invalid certificate (expired, wrong name, untrusted) is always critical.")));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel);
    buttons->addButton(tr("Save thresholds"), QDialogButtonBox::AcceptRole);
    form->addRow(buttons);
    connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    if (dialog.exec() != QDialog::Accepted)
        return;
    QSettings s;
    s.setValue(QLatin1String(checksettings::kWarnDays), warn->value());
    s.setValue(QLatin1String(checksettings::kCriticalDays), qMin(crit->value(), warn->value()));
    s.setValue(QLatin1String(checksettings::kLatencyMs), latency->value());
    s.setValue(QLatin1String(checksettings::kTimeoutSeconds), timeout->value());
}

} // namespace labdeck
