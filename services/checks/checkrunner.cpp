#include "checks/checkrunner.h"

#include <QPointer>

namespace labdeck::checks {

namespace {
constexpr int kGraceMs = 1000;
}

CheckRunner::CheckRunner(CheckRegistry registry, QObject *parent)
    : QObject(parent)
    , m_registry(std::move(registry))
{
    qRegisterMetaType<labdeck::checks::CheckResult>();
    m_deadline.setSingleShot(true);
    connect(&m_deadline, &QTimer::timeout, this, &CheckRunner::expire);
}

CheckRunner::~CheckRunner()
{
    for (Check *c : std::as_const(m_checks))
        c->disconnect(this);
    qDeleteAll(m_checks);
}

void CheckRunner::start(const QStringList &categories, const CheckContext &context)
{
    cancel();
    ++m_generation;
    m_results.clear();
    m_summary = RunSummary{};
    m_summary.startedAt = QDateTime::currentDateTimeUtc();
    m_summary.categories = categories;
    m_clock.start();
    m_running = true;
    Q_EMIT started(categories);

    const quint64 generation = m_generation;
    for (const QString &category : categories) {
        Check *check = m_registry.create(category, this);
        if (!check) {
            CheckResult r;
            r.category = category;
            r.target = category;
            r.summary = tr("could not run: there is no check called \"%1\"").arg(category);
            r.advice = tr("Use one of: %1.").arg(allCategories().join(QStringLiteral(", ")));
            QMetaObject::invokeMethod(
                this,
                [this, r, generation] {
                    if (generation == m_generation && m_running)
                        onResult(r);
                },
                Qt::QueuedConnection);
            continue;
        }
        m_checks << check;
        connect(check, &Check::resultReady, this, &CheckRunner::onResult);
        connect(check, &Check::finished, this, [this, check] { onCheckFinished(check); });
    }
    // Started from the event loop, so a check that answers at once does not
    // report before the caller has connected and returned.
    QMetaObject::invokeMethod(
        this,
        [this, context, generation] {
            if (generation != m_generation)
                return;
            const QList<Check *> checks = m_checks;
            for (Check *c : checks) {
                if (generation == m_generation && !c->isFinished())
                    c->start(context);
            }
            if (generation == m_generation && m_running && m_checks.isEmpty())
                finish();
        },
        Qt::QueuedConnection);
    m_deadline.start(int(context.options.timeout.count()) + kGraceMs);
}

void CheckRunner::cancel()
{
    if (!m_running)
        return;
    m_deadline.stop();
    const QList<Check *> checks = m_checks;
    m_checks.clear();
    for (Check *c : checks) {
        c->disconnect(this);
        c->cancel();
        c->deleteLater();
    }
    m_running = false;
    ++m_generation;
}

void CheckRunner::onResult(const CheckResult &result)
{
    m_results << result;
    m_summary.add(result.severity);
    Q_EMIT resultReady(result);
}

void CheckRunner::onCheckFinished(Check *check)
{
    m_checks.removeOne(check);
    check->disconnect(this);
    check->deleteLater();
    if (m_checks.isEmpty() && m_running)
        finish();
}

void CheckRunner::expire()
{
    // A check that outlived its targets' timeouts: say so and stop it.
    const QList<Check *> checks = m_checks;
    for (Check *c : checks) {
        CheckResult r;
        r.category = c->category();
        r.target = c->category();
        r.summary =
            tr("could not finish within %1 s").arg(double(m_clock.elapsed()) / 1000.0, 0, 'f', 1);
        r.advice = tr(
            "Run it again; if it keeps happening, raise --timeout or the timeout in the settings.");
        r.durationMs = m_clock.elapsed();
        // The schedule backs off on rounds that only timed out.
        r.details.insert(QStringLiteral("timedOut"), true);
        onResult(r);
        c->disconnect(this);
        c->cancel();
        c->deleteLater();
    }
    m_checks.clear();
    if (m_running)
        finish();
}

void CheckRunner::finish()
{
    m_deadline.stop();
    m_running = false;
    m_summary.durationMs = m_clock.elapsed();
    Q_EMIT finished(m_summary);
}

} // namespace labdeck::checks
