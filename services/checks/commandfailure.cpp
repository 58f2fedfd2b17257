#include "checks/commandfailure.h"

#include <QDir>
#include <QFileInfo>

namespace labdeck::checks {

namespace {

// A path for a shell line: ~/… when it is under the home directory and needs
// no quoting there, else quoted.
QString shellPath(const QString &path)
{
    const QString home = QDir::cleanPath(QDir::homePath());
    if (!home.isEmpty() && path.startsWith(home + QLatin1Char('/'))) {
        const QString rest = path.mid(home.size() + 1);
        if (remote::shellQuote(rest) == rest)
            return QStringLiteral("~/") + rest;
    }
    return remote::shellQuote(path);
}

// ssh-keyscan's -t name of an SSH key type ("ssh-ed25519" -> "ed25519").
QString keyscanType(const QString &type)
{
    if (type.startsWith(QLatin1String("ecdsa")))
        return QStringLiteral("ecdsa");
    if (type == QLatin1String("ssh-dss"))
        return QStringLiteral("dsa");
    if (type.startsWith(QLatin1String("ssh-")))
        return type.mid(4);
    return type;
}

} // namespace

QString CommandFailure::keyscanCommand(const remote::HostKeyProblem &problem)
{
    QStringList argv{QStringLiteral("ssh-keyscan")};
    if (!problem.offeredType.isEmpty())
        argv << QStringLiteral("-t") << keyscanType(problem.offeredType);
    if (problem.port != 22)
        argv << QStringLiteral("-p") << QString::number(problem.port);
    argv << problem.hostName;
    const QString line =
        remote::displayCommand(argv) + QStringLiteral(" >> ") + shellPath(problem.addToFile);
    // Labdeck makes its data folder when it first remembers a key.
    const QString folder = QFileInfo(problem.addToFile).absolutePath();
    if (QFileInfo::exists(folder))
        return line;
    return QStringLiteral("mkdir -p %1 && %2").arg(shellPath(folder), line);
}

QString CommandFailure::removeCommand(const remote::HostKeyProblem &problem)
{
    return QStringLiteral("ssh-keygen -R %1 -f %2")
        .arg(remote::shellQuote(problem.address), shellPath(problem.knownHostsFile));
}

CheckResult CommandFailure::result(const remote::CommandResult &failed, const QString &target,
                                   const QString &host)
{
    CheckResult c;
    c.target = target;
    c.host = host;
    const remote::HostKeyProblem &key = failed.hostKey;
    const QString who = host.isEmpty() ? key.address : host;
    switch (key.kind) {
    case remote::HostKeyFailure::Changed: {
        c.severity = Health::Critical;
        c.summary = tr("the host key of %1 changed \u2014 possible interception").arg(who);
        QStringList advice;
        if (!key.offeredFingerprint.isEmpty() && !key.recordedFingerprint.isEmpty())
            advice << tr("%1 now offers %2 %3; %4 line %5 records %6 %7.")
                          .arg(key.address, key.offeredType, key.offeredFingerprint,
                               shellPath(key.knownHostsFile))
                          .arg(key.knownHostsLine)
                          .arg(key.recordedType, key.recordedFingerprint);
        else if (!key.knownHostsFile.isEmpty())
            advice << tr("The recorded key is in %1 line %2.")
                          .arg(shellPath(key.knownHostsFile))
                          .arg(key.knownHostsLine);
        advice << tr("Do not connect until you have checked the new key with the host's owner.");
        if (!key.knownHostsFile.isEmpty())
            advice << tr("If %1 was rebuilt and the new key is right, remove the old one with: %2")
                          .arg(who, removeCommand(key));
        c.advice = advice.join(QLatin1Char(' '));
        c.details =
            QJsonObject{{QStringLiteral("hostKey"), QStringLiteral("changed")},
                        {QStringLiteral("offeredFingerprint"), key.offeredFingerprint},
                        {QStringLiteral("recordedFingerprint"), key.recordedFingerprint},
                        {QStringLiteral("knownHosts"),
                         QStringLiteral("%1:%2").arg(key.knownHostsFile).arg(key.knownHostsLine)}};
        return c;
    }
    case remote::HostKeyFailure::Revoked:
        c.severity = Health::Critical;
        c.summary = tr("the host key of %1 is revoked \u2014 do not connect").arg(who);
        c.advice = tr("%1 offers %2 %3, which %4 line %5 marks @revoked: a key that must not be "
                      "trusted any more (stolen, or the host was rebuilt). Labdeck ran nothing. "
                      "Ask the host's owner which key %6 should have; do not remove the "
                      "@revoked line to make the check pass.")
                       .arg(key.address, key.offeredType, key.offeredFingerprint,
                            shellPath(key.knownHostsFile))
                       .arg(key.knownHostsLine)
                       .arg(who);
        c.details =
            QJsonObject{{QStringLiteral("hostKey"), QStringLiteral("revoked")},
                        {QStringLiteral("offeredFingerprint"), key.offeredFingerprint},
                        {QStringLiteral("knownHosts"),
                         QStringLiteral("%1:%2").arg(key.knownHostsFile).arg(key.knownHostsLine)}};
        return c;
    case remote::HostKeyFailure::Unknown:
        c.severity = Health::Unknown;
        c.summary = key.offeredFingerprint.isEmpty()
                        ? tr("could not run: the host key of %1 is not known").arg(who)
                        : tr("could not run: the host key of %1 is not known (%2 %3)")
                              .arg(who, key.offeredType, key.offeredFingerprint);
        c.advice = tr("Check the fingerprint with the host's owner, then add the key with: %1 "
                      "(or connect once from the window and accept it).")
                       .arg(keyscanCommand(key));
        c.details = QJsonObject{{QStringLiteral("hostKey"), QStringLiteral("unknown")},
                                {QStringLiteral("offeredFingerprint"), key.offeredFingerprint}};
        return c;
    case remote::HostKeyFailure::None:
        break;
    }
    c.severity = Health::Unknown;
    c.summary = tr("could not run: %1").arg(failed.error);
    return c;
}

} // namespace labdeck::checks
