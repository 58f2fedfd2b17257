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

void ExecApprovalStore::reload()
{
    m_entries.clear();
    m_lastError.clear();
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
        Entry e;
        e.kubeconfigFile = o.value(QLatin1String("kubeconfig")).toString();
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
        const Entry &e = m_entries[key];
        decisions.append(QJsonObject{
            {QStringLiteral("kubeconfig"), e.kubeconfigFile},
            {QStringLiteral("key"), key},
            {QStringLiteral("allowed"), e.allowed},
            {QStringLiteral("decidedAt"), e.decidedAt.toUTC().toString(Qt::ISODate)},
        });
    }
    const QJsonObject root{
        {QStringLiteral("version"), kFormatVersion},
        {QStringLiteral("about"),
         QStringLiteral("Labdeck: your answers to 'run this kubeconfig exec plugin?'. key is "
                        "SHA-256 of the kubeconfig path, a NUL byte and the command line. Delete "
                        "an entry to be asked again.")},
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
    return true;
}

std::optional<bool> ExecApprovalStore::decision(const QString &kubeconfigFile,
                                                const QString &commandLine) const
{
    const auto it = m_entries.constFind(keyFor(kubeconfigFile, commandLine));
    if (it == m_entries.cend())
        return std::nullopt;
    return it->allowed;
}

bool ExecApprovalStore::remember(const QString &kubeconfigFile, const QString &commandLine,
                                 bool allowed)
{
    // The file is the truth: pick up what another store (another window) wrote since.
    reload();
    m_entries.insert(
        keyFor(kubeconfigFile, commandLine),
        Entry{normalizedFile(kubeconfigFile), allowed, QDateTime::currentDateTimeUtc()});
    qCInfo(lcKube).noquote() << "exec plugin of" << normalizedFile(kubeconfigFile)
                             << (allowed ? "allowed" : "denied") << "and remembered";
    return save();
}

bool ExecApprovalStore::forget(const QString &kubeconfigFile, const QString &commandLine)
{
    reload();
    if (m_entries.remove(keyFor(kubeconfigFile, commandLine)) == 0)
        return m_lastError.isEmpty();
    return save();
}

} // namespace labdeck::kube
