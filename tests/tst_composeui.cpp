// The Compose, GPU and Tailscale docks offscreen on the demo lab (its
// monitors built by the composition root, as the window has them): the models stay consistent
// (QAbstractItemModelTester), every change is confirmed first with one
// sentence, Stop is destructive (defaults to Cancel), actions show their
// output and exit status, the host model and the topology follow. A real
// lab without SSH says so and shows no data.

#include "compose/composepanes.h"
#include "compose/composeservice.h"
#include "demolab/demotransport.h"
#include "gpu/gpupanes.h"
#include "healthcolor.h"
#include "hostmodel.h"
#include "inventory/inventoryloader.h"
#include "inventory/inventorylocator.h"
#include "kube/tablepane.h"
#include "lab/lab.h"
#include "labselection.h"
#include "mainwindow.h"
#include "remote/remotepanes.h"
#include "remotemodels.h"
#include "remotestatus.h"
#include "topology/topologyscene.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QDockWidget>
#include <QLabel>
#include <QMenu>
#include <QPlainTextEdit>
#include <QPointer>
#include <QProgressBar>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTableView>
#include <QTcpServer>
#include <QTest>
#include <QTreeWidget>
#include <algorithm>

using namespace labdeck;

class TestComposeUi : public QObject
{
    Q_OBJECT

    std::unique_ptr<HostModel> m_hosts;
    std::unique_ptr<LabSelection> m_selection;
    std::unique_ptr<MainWindow> m_window;
    std::unique_ptr<lab::Lab> m_lab;
    std::unique_ptr<RemotePanes> m_remote;
    std::vector<std::unique_ptr<QAbstractItemModelTester>> m_testers;
    QStringList m_confirmations;
    bool m_answer = true;

    Health healthOf(const QString &id) const
    {
        return Health(m_hosts->indexForId(id).data(HostModel::HealthRole).toInt());
    }
    QString noteOf(const QString &id) const
    {
        return m_hosts->indexForId(id).data(HostModel::NoteRole).toString();
    }
    ComposePanes *panes() const { return m_remote->composePanes(); }
    ComposeModel *compose() const { return m_remote->status()->composeModel(); }
    bool selectService(const QString &service)
    {
        for (int r = 0; r < compose()->rowCount(); ++r) {
            if (compose()->at(r).service == service)
                return panes()->table()->selectKey(ComposeModel::key(compose()->at(r)));
        }
        return false;
    }
    QAction *menuAction(const QString &text) const
    {
        for (QAction *a : panes()->menu()->actions()) {
            if (a->text().remove(QLatin1Char('&')).startsWith(text))
                return a;
        }
        return nullptr;
    }
    QString stateOf(const QString &service) const
    {
        for (const compose::Container &c : compose()->rows())
            if (c.service == service)
                return c.stateText();
        return {};
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        m_hosts = std::make_unique<HostModel>();
        m_selection = std::make_unique<LabSelection>();
        m_window = std::make_unique<MainWindow>(m_hosts.get(), m_selection.get());
        QVERIFY(m_window->loadInventory(InventoryLocator::choose(QString())));
        m_window->useDefaultLayout();
        m_lab = lab::Lab::demo(m_hosts->inventory());
        m_lab->start();
        m_remote = std::make_unique<RemotePanes>(m_window.get(), m_hosts.get(), m_selection.get(),
                                                 m_lab.get());
        m_lab->demoTransport()->setTransition(300);
        m_lab->compose()->setSettleInterval(100);
        RemoteStatus *s = m_remote->status();
        for (QAbstractItemModel *m : {static_cast<QAbstractItemModel *>(s->composeModel()),
                                      static_cast<QAbstractItemModel *>(s->tunnelModel()),
                                      static_cast<QAbstractItemModel *>(s->gpuProcesses()),
                                      static_cast<QAbstractItemModel *>(s->ollamaModels()),
                                      static_cast<QAbstractItemModel *>(s->loadedModels()),
                                      static_cast<QAbstractItemModel *>(m_hosts.get())})
            m_testers.push_back(std::make_unique<QAbstractItemModelTester>(
                m, QAbstractItemModelTester::FailureReportingMode::QtTest));
        panes()->setConfirm([this](const QString &, const QString &text, const QString &button,
                                   bool destructive) {
            m_confirmations << QStringLiteral("%1|%2|%3")
                                   .arg(text, button,
                                        destructive ? QStringLiteral("destructive") : QString());
            return m_answer;
        });
        m_window->resize(1400, 900);
        m_window->show();
    }
    void cleanupTestCase()
    {
        m_testers.clear();
        m_remote.reset();
        m_lab.reset();
        m_window.reset();
    }
    void init()
    {
        m_confirmations.clear();
        m_answer = true;
    }

    void composeTableFills()
    {
        QTRY_COMPARE(compose()->rowCount(), 4);
        QTRY_COMPARE(healthOf(HostModel::composeId(QStringLiteral("traefik"))), Health::Ok);
        QCOMPARE(healthOf(HostModel::hostId(QStringLiteral("pochama"))), Health::Ok);
        QVERIFY(!compose()->freshness().stale);
        QVERIFY2(panes()->stateLabel()->text().startsWith(
                     QStringLiteral("pochama via demo lab \u00b7 fetched")),
                 qPrintable(panes()->stateLabel()->text()));
        QVERIFY(selectService(QStringLiteral("traefik")));
        const QModelIndex ports = compose()->index(
            compose()->rowOf(ComposeModel::key(compose()->at(1))), ComposeModel::Ports);
        QVERIFY(ports.isValid());
        // The table row selects the service in the lab.
        QCOMPARE(m_selection->current(), QStringLiteral("compose:traefik"));
        QVERIFY(menuAction(QStringLiteral("Restart Service"))->isEnabled());
    }

    void stopConfirmsAsDestructiveAndCancelSendsNothing()
    {
        QVERIFY(selectService(QStringLiteral("nextcloud")));
        const int sent = int(m_lab->demoTransport()->history().size());
        m_answer = false;
        menuAction(QStringLiteral("Stop Service"))->trigger();
        QCOMPARE(m_confirmations.size(), 1);
        QCOMPARE(m_confirmations.first(),
                 QStringLiteral("Stop service nextcloud of project infra on pochama: its container "
                                "stops and serves "
                                "nothing until it is started again.|Stop|destructive"));
        // Bounded check that Cancel sends nothing: no command within 100 ms.
        QVERIFY(
            !QTest::qWaitFor([&] { return m_lab->demoTransport()->history().size() > sent; }, 100));
        QCOMPARE(m_lab->demoTransport()->history().size(), sent);
    }

    void stopThenUp()
    {
        QVERIFY(selectService(QStringLiteral("nextcloud")));
        menuAction(QStringLiteral("Stop Service"))->trigger();
        QCOMPARE(m_confirmations.size(), 1);
        QTRY_COMPARE(stateOf(QStringLiteral("nextcloud")), QStringLiteral("exited (0)"));
        QTRY_COMPARE(healthOf(HostModel::composeId(QStringLiteral("nextcloud"))), Health::Warning);
        QCOMPARE(noteOf(HostModel::composeId(QStringLiteral("nextcloud"))),
                 QStringLiteral("exited (0)"));
        // The action log: command, status, exit status; the output pane shows it.
        QTreeWidgetItem *item = panes()->actionLog()->topLevelItem(0);
        QVERIFY(item);
        QCOMPARE(item->text(1), QStringLiteral("Stop nextcloud in infra"));
        QTRY_COMPARE(item->text(3), QStringLiteral("0"));
        QCOMPARE(item->text(5),
                 QStringLiteral(
                     "docker compose -p infra -f /home/ubuntu/infra/compose.yaml stop nextcloud"));
        QVERIFY2(panes()->output()->toPlainText().contains(
                     QStringLiteral("Container infra-nextcloud-1  Stopped")),
                 qPrintable(panes()->output()->toPlainText()));
        QVERIFY(panes()->output()->toPlainText().contains(QStringLiteral("[exit status 0 after")));

        QVERIFY(selectService(QStringLiteral("nextcloud")));
        menuAction(QStringLiteral("Up Service"))->trigger();
        QCOMPARE(m_confirmations.last(),
                 QStringLiteral("Up service nextcloud of project infra on pochama (up -d): it is "
                                "started as the compose "
                                "file says, and recreated if its configuration changed.|Up|"));
        QTRY_COMPARE(stateOf(QStringLiteral("nextcloud")), QStringLiteral("running (healthy)"));
        QTRY_COMPARE(healthOf(HostModel::composeId(QStringLiteral("nextcloud"))), Health::Ok);
    }

    void restartShowsRestartingThenRunning()
    {
        QVERIFY(selectService(QStringLiteral("traefik")));
        QStringList seen;
        connect(compose(), &QAbstractItemModel::dataChanged, this,
                [&] { seen << stateOf(QStringLiteral("traefik")); });
        menuAction(QStringLiteral("Restart Service"))->trigger();
        // The action, then what is behind Traefik (confirmationsStateTheBlastRadius).
        QVERIFY2(m_confirmations.last().startsWith(QStringLiteral(
                     "Restart service traefik of project infra on pochama: its container is "
                     "stopped and started again; it is unavailable for a moment.\n\n")),
                 qPrintable(m_confirmations.last()));
        QVERIFY(m_confirmations.last().endsWith(QLatin1String("|Restart|")));
        QTRY_VERIFY(seen.contains(QStringLiteral("restarting")));
        QTRY_COMPARE(stateOf(QStringLiteral("traefik")), QStringLiteral("running (healthy)"));
        disconnect(compose(), &QAbstractItemModel::dataChanged, this, nullptr);
    }

    void projectActionConfirmsWholeProject()
    {
        QVERIFY(selectService(QStringLiteral("traefik")));
        m_answer = false;
        panes()->act(compose::ComposeService::Verb::Restart, QStringLiteral("infra"), QString());
        QVERIFY2(m_confirmations.last().startsWith(QStringLiteral(
                     "Restart project infra on pochama: all 4 of its services are stopped and "
                     "started again; each is unavailable for a moment.\n\n")),
                 qPrintable(m_confirmations.last()));
        // The whole project: Traefik's URLs and the NFS server's volumes.
        QVERIFY2(m_confirmations.last().contains(QLatin1String("public URLs are served through")) &&
                     m_confirmations.last().contains(QLatin1String("keep their volumes on it")),
                 qPrintable(m_confirmations.last()));
        QVERIFY(m_confirmations.last().endsWith(QLatin1String("|Restart|")));
    }

    void logsNeedNoConfirmation()
    {
        QVERIFY(selectService(QStringLiteral("nfs-server")));
        panes()->logLines()->setValue(5);
        menuAction(QStringLiteral("Service Logs"))->trigger();
        QVERIFY(m_confirmations.isEmpty());
        QTRY_VERIFY(
            panes()->output()->toPlainText().contains(QStringLiteral("infra-nfs-server-1  | ")));
        QCOMPARE(panes()->actionLog()->topLevelItem(0)->text(1),
                 QStringLiteral("Logs of nfs-server in infra"));
        QVERIFY(m_lab->demoTransport()
                    ->history()
                    .last()
                    .argv.join(QLatin1Char(' '))
                    .endsWith(QStringLiteral("logs --no-color --tail 5 nfs-server")));
        QTRY_COMPARE(
            panes()->output()->toPlainText().count(QStringLiteral("infra-nfs-server-1  | ")), 5);
    }

    // The log keeps the last kKeepActions actions with their output; older
    // finished ones go (their actions too), a running one stays.
    void actionLogKeepsTheLastActions()
    {
        auto *service = m_lab->compose();
        QPointer<compose::ComposeAction> follow =
            service->run(compose::ComposeService::Verb::Logs, QStringLiteral("infra"),
                         QStringLiteral("traefik"), 1, true);
        QPointer<compose::ComposeAction> first =
            service->run(compose::ComposeService::Verb::Logs, QStringLiteral("infra"),
                         QStringLiteral("nfs-server"), 1, false);
        QTRY_VERIFY(first && first->state() != compose::ComposeAction::State::Running);
        QList<QPointer<compose::ComposeAction>> later;
        for (int i = 0; i < ComposePanes::kKeepActions + 20; ++i)
            later << service->run(compose::ComposeService::Verb::Logs, QStringLiteral("infra"),
                                  QStringLiteral("nfs-server"), 1, false);
        QTRY_VERIFY_WITH_TIMEOUT(
            std::all_of(later.cbegin(), later.cend(),
                        [](const auto &a) {
                            return !a || a->state() != compose::ComposeAction::State::Running;
                        }),
            20000);
        QCOMPARE(panes()->actionLog()->topLevelItemCount(), ComposePanes::kKeepActions);
        QTRY_VERIFY(first.isNull()); // deleted with its row
        QVERIFY(follow);             // still following: kept
        QCOMPARE(follow->state(), compose::ComposeAction::State::Running);
        QVERIFY(later.last());
        QCOMPARE(panes()->actionLog()->topLevelItem(0)->text(1),
                 QStringLiteral("Logs of nfs-server in infra"));
        follow->cancel();
        QTRY_VERIFY(follow.isNull() || follow->state() != compose::ComposeAction::State::Running);
    }

    void gpuPaneAndTopology()
    {
        GpuPanes *gpu = m_remote->gpuPanes();
        QTRY_VERIFY(m_remote->status()->loadedModels()->rowCount() == 2);
        QTRY_VERIFY(gpu->summary()->text().contains(QStringLiteral("2 models loaded")));
        QVERIFY2(gpu->summary()->text().contains(QStringLiteral("VRAM 5.3/8 GiB")),
                 qPrintable(gpu->summary()->text()));
        QVERIFY(gpu->summary()->text().startsWith(QStringLiteral("gpu-server: GPU ")));
        QCOMPARE(m_remote->status()->ollamaModels()->rowCount(), 2);
        QCOMPARE(m_remote->status()->gpuProcesses()->rowCount(), 1);
        QTRY_VERIFY(gpu->ollamaLabel()->text().contains(QStringLiteral("0.5.1")));
        // And in the status bar, with its state.
        QTRY_VERIFY2(gpu->ollamaStatus()->text().startsWith(
                         QStringLiteral("Ollama %1").arg(HealthText::glyph(Health::Ok))),
                     qPrintable(gpu->ollamaStatus()->text()));
        QVERIFY(gpu->ollamaStatus()->text().endsWith(QLatin1String("loaded")));
        QVERIFY(gpu->ollamaStatus()->isVisibleTo(m_window.get()));
        QTRY_VERIFY(gpu->webuiLabel()->text().contains(QStringLiteral("HTTP 200")));
        QCOMPARE(gpu->vram()->format(), QStringLiteral("5.3 GiB / 8.0 GiB"));
        QTRY_COMPARE(
            healthOf(HostModel::serviceId(QStringLiteral("gpu-server"), QStringLiteral("ollama"))),
            Health::Ok);
        QCOMPARE(
            noteOf(HostModel::serviceId(QStringLiteral("gpu-server"), QStringLiteral("ollama"))),
            QStringLiteral("2 loaded"));
        QCOMPARE(healthOf(HostModel::serviceId(QStringLiteral("gpu-server"),
                                               QStringLiteral("open-webui"))),
                 Health::Ok);

        // The GPU card says it; the tunnel too.
        TopologyScene *scene = m_window->topologyScene();
        HostCardItem *card = scene->hostCard(QStringLiteral("gpu-server"));
        QVERIFY(card);
        QTRY_VERIFY(card->note().contains(QStringLiteral("2 models loaded")));
        QTRY_VERIFY2(card->note().contains(QStringLiteral("Tailscale online \u00b7 DERP tok")),
                     qPrintable(card->note()));
        QTRY_VERIFY(scene->hostCard(QStringLiteral("metamon"))
                        ->note()
                        .contains(QStringLiteral("Tailscale online \u00b7 direct 10.0.0.")));
        // Tailscale links are coloured by the peer's state: the demo's GPU
        // server at home is relayed through DERP (a warning), the rest direct.
        int coloured = 0;
        for (LinkItem *l : scene->links()) {
            if (l->kind() != LinkKind::Tailscale)
                continue;
            const bool relayed = l->toolTip().contains(QStringLiteral("DERP tok"));
            QCOMPARE(relayed, l->to() == card);
            QCOMPARE(l->pen().color(), healthColor(relayed ? Health::Warning : Health::Ok));
            QVERIFY(l->toolTip().contains(QStringLiteral("Tailscale online")));
            ++coloured;
        }
        QCOMPARE(coloured, 4);
        QCOMPARE(m_remote->status()->tunnelModel()->rowCount(), 5);
        // LABDECK_SHOTS=dir saves the docks as pictures (for reviewing the layout).
        if (qEnvironmentVariableIsSet("LABDECK_SHOTS")) {
            const QString shots = qEnvironmentVariable("LABDECK_SHOTS");
            for (QDockWidget *d : {panes()->dock(), gpu->gpuDock(), gpu->tunnelDock()}) {
                d->show();
                d->raise();
                d->resize(1300, 420);
                d->widget()->resize(1300, 400);
                QVERIFY(QTest::qWaitForWindowExposed(d->window()));
                d->widget()->grab().save(shots + QLatin1Char('/') + d->objectName() +
                                         QStringLiteral(".png"));
            }
        }
        // Its Tailscale service says so too: relayed, a warning.
        QCOMPARE(healthOf(HostModel::serviceId(QStringLiteral("gpu-server"),
                                               QStringLiteral("tailscale"))),
                 Health::Warning);
        // Rebuilding the scene keeps the notes.
        m_window->loadInventory(InventoryLocator::choose(QString()));
        QTRY_VERIFY(m_window->topologyScene()
                        ->hostCard(QStringLiteral("gpu-server"))
                        ->note()
                        .contains(QStringLiteral("models loaded")));
    }

    void realLabWithoutSshShowsNoFakeData()
    {
        QTcpServer closed;
        QVERIFY(closed.listen(QHostAddress::LocalHost));
        const quint16 port = closed.serverPort();
        closed.close();
        const QString yaml =
            QStringLiteral(LABDECK_SOURCE_DIR "/resources/inventory/default-lab.yaml");
        QFile f(yaml);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QByteArray text = f.readAll();
        text.replace("http://gpu-server:11434",
                     QByteArray("http://127.0.0.1:") + QByteArray::number(port));
        QTemporaryDir dir;
        QFile out(dir.filePath(QStringLiteral("lab.yaml")));
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(text);
        out.close();

        HostModel hosts;
        LabSelection selection;
        MainWindow window(&hosts, &selection);
        QVERIFY(window.loadInventory(InventoryLocator::choose(out.fileName())));
        window.useDefaultLayout();
        // SSH not connected yet: no transport; Ollama and Open WebUI are HTTP.
        const std::unique_ptr<lab::Lab> lab = lab::Lab::real(hosts.inventory(), {});
        RemotePanes remote(&window, &hosts, &selection, lab.get());
        QVERIFY(remote.composePanes()->stateLabel()->text().contains(
            QStringLiteral("pochama: SSH: not connected")));
        QCOMPARE(remote.status()->composeModel()->rowCount(), 0);
        QCOMPARE(remote.status()->tunnelModel()->rowCount(), 0);
        QCOMPARE(Health(hosts.indexForId(HostModel::composeId(QStringLiteral("traefik")))
                            .data(HostModel::HealthRole)
                            .toInt()),
                 Health::Unknown);
        QCOMPARE(hosts.indexForId(HostModel::composeId(QStringLiteral("traefik")))
                     .data(HostModel::HealthReasonRole)
                     .toString(),
                 QStringLiteral("pochama: SSH: not connected"));
        QVERIFY(remote.gpuPanes()->summary()->text().contains(
            QStringLiteral("gpu-server: SSH: not connected")));
        QTRY_VERIFY(remote.gpuPanes()->ollamaLabel()->text().contains(
            QStringLiteral("connection refused")));
        QCOMPARE(Health(hosts
                            .indexForId(HostModel::serviceId(QStringLiteral("gpu-server"),
                                                             QStringLiteral("ollama")))
                            .data(HostModel::HealthRole)
                            .toInt()),
                 Health::Critical);
        QVERIFY(!remote.composePanes()->menu()->actions().at(2)->isEnabled()); // Restart Service
        QCOMPARE(window.topologyScene()->hostCard(QStringLiteral("gpu-server"))->note(), QString());
    }

    void confirmationsStateTheBlastRadius()
    {
        const Inventory &lab = m_hosts->inventory();
        // What the inventory says, counted here on its own.
        QStringList onNfs;
        for (const Workload &w : lab.workloads) {
            if (w.volume.startsWith(QLatin1String("/srv/nfs/")))
                onNfs << w.title();
        }
        for (const ComposeService &c : lab.compose.services) {
            if (c.volume.startsWith(QLatin1String("/srv/nfs/")))
                onNfs << c.title();
        }
        QStringList behindTraefik;
        for (const PublicUrl &u : lab.publicUrls())
            behindTraefik << u.url.host();
        QVERIFY(onNfs.size() >= 8);
        QVERIFY(behindTraefik.size() >= 7);

        m_answer = false;
        m_confirmations.clear();
        QVERIFY(selectService(QStringLiteral("nfs-server")));
        menuAction(QStringLiteral("Stop Service"))->trigger();
        QCOMPARE(m_confirmations.size(), 1);
        const QString stop = m_confirmations.first();
        QVERIFY2(stop.contains(QStringLiteral("%1 workloads keep their volumes on it (%2, %3")
                                   .arg(onNfs.size())
                                   .arg(onNfs.at(0), onNfs.at(1))),
                 qPrintable(stop));
        QVERIFY2(stop.contains(QStringLiteral("and %1 more) and will fail to read or write until "
                                              "it is back.")
                                   .arg(onNfs.size() - 4)),
                 qPrintable(stop));

        m_confirmations.clear();
        QVERIFY(selectService(QStringLiteral("traefik")));
        menuAction(QStringLiteral("Restart Service"))->trigger();
        QCOMPARE(m_confirmations.size(), 1);
        const QString restart = m_confirmations.first();
        QVERIFY2(restart.contains(QStringLiteral("%1 public URLs are served through it (%2")
                                      .arg(behindTraefik.size())
                                      .arg(behindTraefik.first())),
                 qPrintable(restart));
        QVERIFY2(restart.contains(QLatin1String("will not answer for a moment.")),
                 qPrintable(restart));
        // A service nothing depends on says nothing more.
        m_confirmations.clear();
        QVERIFY(selectService(QStringLiteral("nextcloud")));
        menuAction(QStringLiteral("Restart Service"))->trigger();
        QVERIFY2(!m_confirmations.first().contains(QLatin1String("\n\n")),
                 qPrintable(m_confirmations.first()));
        m_confirmations.clear();
    }
};

QTEST_MAIN(TestComposeUi)
#include "tst_composeui.moc"
