#include "blastradius.h"

namespace labdeck {

namespace {

const ComposeService *composeService(const Inventory &lab, const QString &name)
{
    for (const ComposeService &s : lab.compose.services) {
        if (s.name == name)
            return &s;
    }
    return nullptr;
}

bool isNfsServer(const Inventory &lab, const ComposeService &s)
{
    if (lab.nfs.server.isEmpty() || lab.nfs.server != lab.compose.host)
        return false;
    return s.ports.contains(2049) || s.name.contains(QLatin1String("nfs"), Qt::CaseInsensitive);
}

bool onExports(const Inventory &lab, const QString &volume)
{
    if (volume.isEmpty())
        return false;
    if (lab.nfs.exports.isEmpty())
        return true;
    for (const NfsExport &e : lab.nfs.exports) {
        const QString root = e.path.endsWith(QLatin1Char('/')) ? e.path : e.path + QLatin1Char('/');
        if (volume == e.path || volume.startsWith(root))
            return true;
    }
    return false;
}

} // namespace

QStringList BlastRadius::urlsBehind(const Inventory &lab, const QString &service)
{
    QStringList out;
    if (lab.ingress.via.isEmpty() || lab.ingress.via != service ||
        lab.ingress.host != lab.compose.host)
        return out;
    for (const PublicUrl &u : lab.publicUrls())
        out << u.url.host(); // its own dashboard too

    return out;
}

QStringList BlastRadius::volumesOn(const Inventory &lab, const QString &service)
{
    QStringList out;
    const ComposeService *s = composeService(lab, service);
    if (!s || !isNfsServer(lab, *s))
        return out;
    for (const Workload &w : lab.workloads) {
        if (onExports(lab, w.volume))
            out << w.title();
    }
    for (const ComposeService &c : lab.compose.services) {
        if (c.name != service && onExports(lab, c.volume))
            out << c.title();
    }
    return out;
}

QString BlastRadius::list(const QStringList &names, int shown)
{
    if (names.size() <= shown + 1)
        return names.join(QStringLiteral(", "));
    return tr("%1 and %2 more")
        .arg(names.mid(0, shown).join(QStringLiteral(", ")))
        .arg(names.size() - shown);
}

QString BlastRadius::text(const Inventory &lab, const QStringList &services, bool stop)
{
    QStringList urls;
    QStringList volumes;
    for (const QString &s : services) {
        for (const QString &u : urlsBehind(lab, s)) {
            if (!urls.contains(u))
                urls << u;
        }
        for (const QString &v : volumesOn(lab, s)) {
            if (!volumes.contains(v))
                volumes << v;
        }
    }
    // A service that stops is not also listed as losing its volume.
    for (const QString &s : services) {
        if (const ComposeService *c = composeService(lab, s)) {
            volumes.removeAll(c->title());
        }
    }
    QStringList parts;
    if (!urls.isEmpty())
        parts << (stop ? tr("%1 public URLs are served through it (%2) and will not answer until "
                            "it is back.")
                       : tr("%1 public URLs are served through it (%2) and will not answer for a "
                            "moment."))
                     .arg(urls.size())
                     .arg(list(urls));
    if (!volumes.isEmpty())
        parts << (stop ? tr("%1 workloads keep their volumes on it (%2) and will fail to read or "
                            "write until it is back.")
                       : tr("%1 workloads keep their volumes on it (%2); their reads and writes "
                            "stall while it restarts."))
                     .arg(volumes.size())
                     .arg(list(volumes));
    return parts.join(QLatin1Char(' '));
}

} // namespace labdeck
