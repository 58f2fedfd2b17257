#include "screenshot.h"

#include "clustermodels.h"
#include "labstatus.h"
#include "labwindow.h"
#include "mainwindow.h"
#include "topology/topologyview.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QImage>
#include <QTextStream>
#include <QTimer>
#include <memory>

namespace labdeck::app {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("labdeck::app",
                                       text); // the context lupdate files them under
}

} // namespace

void takeScreenshotWhenSettled(LabWindow *lab, const QString &path, QSize size, bool simulating)
{
    MainWindow *window = lab->window();
    ClusterModels *cluster = lab->cluster();
    window->useDefaultLayout();
    window->resize(size);
    window->show();
    auto waited = std::make_shared<QElapsedTimer>();
    waited->start();
    auto *poll = new QTimer(window);
    poll->start(100);
    QObject::connect(
        poll, &QTimer::timeout, window, [window, cluster, path, poll, waited, simulating] {
            const bool synced = cluster->status()->isLive() &&
                                (cluster->health() == Health::Ok ||
                                 (simulating && cluster->health() != Health::Unknown));
            if (!synced && waited->elapsed() < 5000)
                return;
            // Let the lab status and details settle (they follow at most twice a
            // second); a simulated failure takes a moment more.
            if (synced && waited->elapsed() < (simulating ? 2500 : 800))
                return;
            poll->stop();
            cluster->status()->update();
            window->topologyView()->fitToWindow();
            const QImage image = window->grab().toImage();
            if (!image.save(path, "PNG")) {
                QTextStream(stderr)
                    << tr("labdeck: could not write the screenshot to %1").arg(path) << Qt::endl;
                QCoreApplication::exit(1);
                return;
            }
            QTextStream(stdout)
                << tr("Wrote %1 (%2x%3)").arg(path).arg(image.width()).arg(image.height())
                << Qt::endl;
            QCoreApplication::exit(0);
        });
}

} // namespace labdeck::app
