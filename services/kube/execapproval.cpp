#include "kube/execapproval.h"

#include "kube/logging_p.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QSaveFile>
#include <QStandardPaths>
#include <algorithm>

namespace labdeck::kube {

namespace {

constexpr int kFormatVersion = 1;

} // namespace

ExecApprovalStore::ExecApprovalStore(QString path)
    : m_path(std::move(path))
{
    reload();
}

QString ExecApprovalStore::defaultPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation) +
           QStringLiteral("/labdeck/exec-approvals.json");
}

QString ExecApprovalStore::normalizedFile(const QString &kubeconfigFile)
{
    return QDir::cleanPath(QFileInfo(kubeconfigFile).absoluteFilePath());
}

QString ExecApprovalStore::keyFor(const QString &kubeconfigFile, const QString &commandLine)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(normalizedFile(kubeconfigFile).toUtf8());
    hash.addData(QByteArrayView("\0", 1));
    hash.addData(commandLine.toUtf8());
    return QString::fromLatin1(hash.result().toHex());
}

QString ExecApprovalStore::fileStamp() const
{
    const QFileInfo info(m_path);
    if (!info.exists())
        return {};
    return QStringLiteral("%1/%2")
        .arg(info.size())
        .arg(info.fileTime(QFileDevice::FileModificationTime).toMSecsSinceEpoch());
}

void ExecApprovalStore::reloadIfChanged() const
{
    if (fileStamp() != m_loadedStamp)
        reload();
}

void ExecApprovalStore::reload() const
{
    m_entries.clear();
    m_lastError.clear();
    m_loadedStamp = fileStamp();
    QFile file(m_path);
    if (!file.exists())
        return;
    if (!file.open(QIODevice::ReadOnly)) {
        m_lastError = tr("cannot read %1: %2").arg(m_path, file.errorString());
        qCWarning(lcKube).noquote() << m_lastError;
        return;
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject()) {
        m_lastError = tr("%1 is not a Labdeck exec approval file (%2); it will be replaced, and "
                         "you will be asked again")
                          .arg(m_path, parseError.error != QJsonParseError::NoError
                                           ? parseError.errorString()
                                           : tr("not a JSON object"));
        qCWarning(lcKube).noquote() << m_lastError;
        return;
    }
    const QJsonArray decisions = doc.object().value(QLatin1String("decisions")).toArray();
    for (const QJsonValue &v : decisions) {
        const QJsonObject o = v.toObject();
        const QString key = o.value(QLatin1String("key")).toString();
        const QJsonValue allowed = o.value(QLatin1String("allowed"));
        if (key.size() != 64 || !allowed.isBool())
            continue; // not ours, or damaged: ignoring it means asking again, the safe side
        ExecApprovalEntry e;
        e.key = key;
        e.kubeconfigFile = o.value(QLatin1String("kubeconfig")).toString();
        e.context = o.value(QLatin1String("context")).toString();
        e.user = o.value(QLatin1String("user")).toString();
        e.command = o.value(QLatin1String("command")).toString();
        e.allowed = allowed.toBool();
        e.decidedAt =
            QDateTime::fromString(o.value(QLatin1String("decidedAt")).toString(), Qt::ISODate);
        m_entries.insert(key, e);
    }
}

bool ExecApprovalStore::save()
{
    QJsonArray decisions;
    QStringList keys = m_entries.keys();
    keys.sort(); // stable output, easy to diff
    for (const QString &key : std::as_const(keys)) {
        const ExecApprovalEntry &e = m_entries[key];
        QJsonObject o{
            {QStringLiteral("kubeconfig"), e.kubeconfigFile},
            {QStringLiteral("key"), key},
            {QStringLiteral("allowed"), e.allowed},
            {QStringLiteral("decidedAt"), e.decidedAt.toUTC().toString(Qt::ISODate)},
        };
        // Names only, never the arguments or the environment.
        if (!e.context.isEmpty())
            o.insert(QStringLiteral("context"), e.context);
        if (!e.user.isEmpty())
            o.insert(QStringLiteral("user"), e.user);
        if (!e.command.isEmpty())
            o.insert(QStringLiteral("command"), e.command);
        decisions.append(o);
    }
    const QJsonObject root{
        {QStringLiteral("version"), kFormatVersion},
        {QStringLiteral("about"),
         QStringLiteral("Labdeck: your answers to 'run this kubeconfig exec plugin?'. key is "
                        "SHA-256 of the kubeconfig path, a NUL byte and the command line. Forget "
                        "an entry in Labdeck's Settings (or delete it here) to be asked "
                        "again.")},
        {QStringLiteral("decisions"), decisions},
    };

    const QFileInfo info(m_path);
    if (!QDir().mkpath(info.absolutePath())) {
        m_lastError = tr("cannot create the folder %1").arg(info.absolutePath());
        qCWarning(lcKube).noquote() << m_lastError;
        return false;
    }
    QSaveFile file(m_path);
    if (!file.open(QIODevice::WriteOnly)) {
        m_lastError = tr("cannot write %1: %2").arg(m_path, file.errorString());
        qCWarning(lcKube).noquote() << m_lastError;
        return false;
    }
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    file.write(QJsonDocument(root).toJson(QJsonDocument::Indented));
    if (!file.commit()) {
        m_lastError = tr("cannot write %1: %2").arg(m_path, file.errorString());
        qCWarning(lcKube).noquote() << m_lastError;
        return false;
    }
    m_lastError.clear();
    m_loadedStamp = fileStamp();
    return true;
}

std::optional<bool> ExecApprovalStore::decision(const QString &kubeconfigFile,
                                                const QString &commandLine) const
{
    reloadIfChanged();
    const auto it = m_entries.constFind(keyFor(kubeconfigFile, commandLine));
    if (it == m_entries.cend())
        return std::nullopt;
    return it->allowed;
}

bool ExecApprovalStore::store(const QString &key, ExecApprovalEntry entry)
{
    // The file is the truth: pick up what another store (another window) wrote since.
    reload();
    entry.key = key;
    entry.decidedAt = QDateTime::currentDateTimeUtc();
    qCInfo(lcKube).noquote() << "exec plugin of" << entry.kubeconfigFile
                             << (entry.allowed ? "allowed" : "denied") << "and remembered";
    m_entries.insert(key, entry);
    return save();
}

bool ExecApprovalStore::remember(const QString &kubeconfigFile, const QString &commandLine,
                                 bool allowed)
{
    ExecApprovalEntry e;
    e.kubeconfigFile = normalizedFile(kubeconfigFile);
    e.allowed = allowed;
    return store(keyFor(kubeconfigFile, commandLine), e);
}

bool ExecApprovalStore::remember(const ExecApprovalRequest &request, bool allowed)
{
    ExecApprovalEntry e;
    e.kubeconfigFile = normalizedFile(request.kubeconfigFile);
    e.context = request.context;
    e.user = request.user;
    e.command = request.command;
    e.allowed = allowed;
    return store(keyFor(request.kubeconfigFile, request.commandLine), e);
}

bool ExecApprovalStore::forget(const QString &kubeconfigFile, const QString &commandLine)
{
    return forget(keyFor(kubeconfigFile, commandLine));
}

bool ExecApprovalStore::forget(const QString &key)
{
    reload();
    if (m_entries.remove(key) == 0)
        return m_lastError.isEmpty();
    qCInfo(lcKube).noquote() << "a remembered exec plugin answer was forgotten";
    return save();
}

bool ExecApprovalStore::forgetAll()
{
    reload();
    if (m_entries.isEmpty() && !QFile::exists(m_path))
        return m_lastError.isEmpty();
    m_entries.clear();
    qCInfo(lcKube).noquote() << "every remembered exec plugin answer was forgotten";
    return save();
}

QList<ExecApprovalEntry> ExecApprovalStore::entries() const
{
    reloadIfChanged();
    QList<ExecApprovalEntry> list = m_entries.values();
    std::sort(list.begin(), list.end(), [](const ExecApprovalEntry &a, const ExecApprovalEntry &b) {
        if (a.decidedAt != b.decidedAt)
            return a.decidedAt > b.decidedAt;
        return a.key < b.key;
    });
    return list;
}

} // namespace labdeck::kube
