// bench/kubepods: 10,000 pods on 3 nodes from the demo lab into Labdeck's pod
// model, then 10,000 MODIFIED watch events streamed into it; wall time, peak
// RSS and the longest stall of the (UI) thread that owns the model, side by
// side with `kubectl get pods -A -o json` against the same server.
//
// The demo lab runs in its own process (`labdeck demolab --tls`), so neither
// side's memory includes the server; the client path is the real one:
// kubeconfig, TLS, token, paged LIST, WATCH.

#include "kube/credentials.h"
#include "kube/execapproval.h"
#include "kube/kubeclient.h"
#include "kube/kubeconfig.h"
#include "kube/providerauthenticator.h"
#include "kube/reflector.h"
#include "kubemodels.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QProcess>
#include <QTemporaryDir>
#include <QTextStream>
#include <QTimer>
#include <algorithm>
#include <sys/resource.h>

using namespace labdeck;

namespace {

QTextStream out(stdout);

struct Stall
{
    QElapsedTimer since;
    qint64 worst = 0;
    QTimer timer;
    void start()
    {
        worst = 0;
        since.start();
        timer.setTimerType(Qt::PreciseTimer);
        timer.start(1);
    }
};

long maxRssKb(int who)
{
    rusage usage{};
    getrusage(who, &usage);
    return usage.ru_maxrss;
}

bool waitFor(const std::function<bool()> &done, int ms)
{
    QElapsedTimer t;
    t.start();
    while (!done() && t.elapsed() < ms)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
    return done();
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const QString labdeck = args.value(1, QStringLiteral("build/app/labdeck"));
    const int pods = args.value(2, QStringLiteral("10000")).toInt();
    const int events = args.value(3, QStringLiteral("10000")).toInt();

    QTemporaryDir dir;
    const QString kubeconfigPath = dir.filePath(QStringLiteral("demo.kubeconfig"));
    // The server runs at the lowest priority: on a small machine it would
    // otherwise take the CPU from the client being measured.
    QProcess server;
    server.setProgram(QStringLiteral("nice"));
    server.setArguments({QStringLiteral("-n"), QStringLiteral("19"), labdeck,
                         QStringLiteral("demolab"), QStringLiteral("--kubeconfig"), kubeconfigPath,
                         QStringLiteral("--tls"), QStringLiteral("--bulk-pods"),
                         QString::number(pods), QStringLiteral("--control-stdin"),
                         QStringLiteral("--ready-delay"), QStringLiteral("50")});
    server.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    server.start();
    QByteArray serverOut;
    if (!waitFor(
            [&] {
                serverOut += server.readAllStandardOutput();
                return serverOut.contains("export KUBECONFIG=");
            },
            30000)) {
        out << "demolab did not start: " << serverOut << Qt::endl;
        return 1;
    }

    const auto loaded = kube::KubeConfig::loadExplicit(kubeconfigPath);
    QString error;
    const auto context = loaded.config ? loaded.config->resolve(QString(), &error) : std::nullopt;
    if (!context) {
        out << "kubeconfig: " << error << Qt::endl;
        return 1;
    }
    kube::ExecApprovalStore approvals(dir.filePath(QStringLiteral("approvals.json")));
    kube::CredentialProvider provider(*context, &approvals);
    kube::ProviderAuthenticator auth(&provider);
    kube::KubeClient client(context->cluster.server, &auth);

    Stall stall;
    QObject::connect(&stall.timer, &QTimer::timeout, [&] {
        const qint64 gap = stall.since.restart();
        stall.worst = std::max(stall.worst, gap);
    });

    // Phase 1: LIST everything into the model.
    PodModel model;
    kube::Reflector reflector(&client, QStringLiteral("/api/v1/pods"));
    int modified = 0;
    QObject::connect(&reflector, &kube::Reflector::listStarted, &model, &PodModel::beginList);
    QObject::connect(&reflector, &kube::Reflector::listPage, &model, &PodModel::addListPage);
    QObject::connect(&reflector, &kube::Reflector::listed, &model, &PodModel::endList);
    qint64 longestApply = 0;
    QObject::connect(&reflector, &kube::Reflector::events, &model,
                     [&](const QList<kube::WatchEvent> &batch) {
                         QElapsedTimer apply;
                         apply.start();
                         model.applyEvents(batch);
                         longestApply = std::max(longestApply, apply.elapsed());
                         for (const kube::WatchEvent &e : batch)
                             modified += e.type == kube::WatchEvent::Type::Modified ? 1 : 0;
                     });
    QObject::connect(&reflector, &kube::Reflector::stateChanged,
                     [&](kube::Reflector::State st, const QString &d) {
                         if (qEnvironmentVariableIsSet("BENCH_VERBOSE"))
                             out << "reflector " << int(st) << " " << d
                                 << " lists=" << reflector.listCount() << Qt::endl;
                     });
    QElapsedTimer t;
    t.start();
    stall.start();
    reflector.start();
    if (!waitFor([&] { return model.rowCount() >= pods; }, 120000)) {
        out << "list did not complete" << Qt::endl;
        return 1;
    }
    const qint64 listMs = t.elapsed();
    const qint64 listStall = stall.worst;
    waitFor([&] { return reflector.state() == kube::Reflector::State::Watching; }, 10000);

    // Phase 2: stream MODIFIED events.
    stall.start();
    t.restart();
    server.write(QByteArrayLiteral("modify ") + QByteArray::number(events) + '\n');
    if (!waitFor([&] { return modified >= events; }, 120000)) {
        out << "only " << modified << " of " << events << " events arrived" << Qt::endl;
        return 1;
    }
    const qint64 streamMs = t.elapsed();
    const qint64 streamStall = stall.worst;
    stall.timer.stop();
    const long labdeckRss = maxRssKb(RUSAGE_SELF);

    // kubectl against the same server, same run.
    QProcess kubectl;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("KUBECONFIG"), kubeconfigPath);
    kubectl.setProcessEnvironment(env);
    kubectl.setStandardOutputFile(QProcess::nullDevice());
    QElapsedTimer kt;
    kt.start();
    kubectl.start(QStringLiteral("kubectl"),
                  {QStringLiteral("get"), QStringLiteral("pods"), QStringLiteral("-A"),
                   QStringLiteral("-o"), QStringLiteral("json")});
    kubectl.waitForFinished(300000);
    const qint64 kubectlMs = kt.elapsed();
    const long kubectlRss = maxRssKb(RUSAGE_CHILDREN);

    out << "pods in model:            " << model.rowCount() << Qt::endl
        << "labdeck list -> model:    " << listMs << " ms (longest stall " << listStall << " ms)"
        << Qt::endl
        << "labdeck " << events << " MODIFIED: " << streamMs << " ms (longest stall " << streamStall
        << " ms)" << Qt::endl
        << "longest model update:     " << longestApply << " ms" << Qt::endl
        << "labdeck peak RSS:         " << labdeckRss / 1024 << " MB" << Qt::endl
        << "kubectl get pods -A -o json: " << kubectlMs << " ms, exit " << kubectl.exitCode()
        << ", peak RSS " << kubectlRss / 1024 << " MB" << Qt::endl
        << "RESULT list_ms=" << listMs << " stream_ms=" << streamMs
        << " stall_ms=" << std::max(listStall, streamStall) << " rss_mb=" << labdeckRss / 1024
        << " kubectl_ms=" << kubectlMs << " kubectl_rss_mb=" << kubectlRss / 1024 << Qt::endl;
    server.closeWriteChannel();
    server.terminate();
    server.waitForFinished(5000);
    return 0;
}
