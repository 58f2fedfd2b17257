#pragma once

// The user's consent before Labdeck runs a program named in a kubeconfig.
// A kubeconfig is often copied from elsewhere; its exec plugin is arbitrary
// code, so nothing runs until the user has said yes to that exact command
// line from that exact file.

#include <QCoreApplication>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>
#include <optional>

namespace labdeck::kube {

// What the approval dialog shows.
struct ExecApprovalRequest
{
    QString kubeconfigFile; // absolute path of the file that defines the user
    QString commandLine;    // ExecConfig::commandLine(): env assignments, command, quoted args
    QString installHint;    // the kubeconfig's installHint (may be empty)
    // Added beyond the shared contract, for the dialog's wording:
    QString context; // the context being connected
    QString user;    // users[].name
    // The parts, for a dialog that shows each one on its own line:
    QString command; // as the kubeconfig writes it
    QString program; // the absolute path that runs; empty: not found (the run will fail)
    QStringList arguments;
    QList<QPair<QString, QString>> environment; // added to Labdeck's environment, in this order
};

// Remembers allow/deny per (kubeconfig file, command line) in a JSON file,
// written atomically (QSaveFile, mode 0600). The file never holds secrets:
// an entry stores the kubeconfig path, a SHA-256 of file + command line (the
// command line may carry env values), the answer and when it was given.
//
// Thread: not thread-safe; use it from one thread (the UI thread in the app).
// The file is read in the constructor and re-read before each write, so two
// stores on the same path do not drop each other's answers.
class ExecApprovalStore
{
    Q_DECLARE_TR_FUNCTIONS(ExecApprovalStore)
public:
    // path: where the decisions live; Labdeck passes defaultPath().
    explicit ExecApprovalStore(QString path);

    // ~/.config/labdeck/exec-approvals.json (QStandardPaths::GenericConfigLocation).
    [[nodiscard]] static QString defaultPath();

    // nullopt: never asked (or forgotten).
    [[nodiscard]] std::optional<bool> decision(const QString &kubeconfigFile,
                                               const QString &commandLine) const;
    // Stores the answer and writes the file. false when the file could not be
    // written (the answer is still kept in memory); see lastError().
    bool remember(const QString &kubeconfigFile, const QString &commandLine, bool allowed);
    // Drops a stored answer, so the user is asked again. false on a write error.
    bool forget(const QString &kubeconfigFile, const QString &commandLine);

    [[nodiscard]] QString path() const { return m_path; }
    // Why the last read or write failed ("" after a success). A corrupt file is
    // reported here and treated as empty; it is replaced on the next write.
    [[nodiscard]] QString lastError() const { return m_lastError; }

private:
    struct Entry
    {
        QString kubeconfigFile;
        bool allowed = false;
        QDateTime decidedAt;
    };

    [[nodiscard]] static QString keyFor(const QString &kubeconfigFile, const QString &commandLine);
    [[nodiscard]] static QString normalizedFile(const QString &kubeconfigFile);
    void reload();
    bool save();

    QString m_path;
    QHash<QString, Entry> m_entries; // key: keyFor()
    QString m_lastError;
};

} // namespace labdeck::kube
