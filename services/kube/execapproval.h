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

// One remembered answer, as Settings lists it. The names say which plugin
// it was without the command line itself, whose arguments and environment
// may carry secrets.
struct ExecApprovalEntry
{
    QString key;            // identifies the entry (forget(key))
    QString kubeconfigFile; // absolute path
    QString context;        // empty in entries written before Labdeck recorded it
    QString user;
    QString command; // the program as the kubeconfig names it ("aws", "/usr/bin/kubelogin")
    bool allowed = false;
    QDateTime decidedAt; // UTC
};

// Remembers allow/deny per (kubeconfig file, command line) in a JSON file,
// written atomically (QSaveFile, mode 0600). The file never holds secrets:
// an entry stores the kubeconfig path, a SHA-256 of file + command line (the
// command line may carry env values), the answer and when it was given.
//
// Thread: not thread-safe; use it from one thread (the UI thread in the app).
// The file is read in the constructor, re-read before each write, and
// re-read by decision() and entries() when it changed on disk, so two stores
// on the same path (the connection's and the Settings dialog's) see each
// other's answers and forgetting one in Settings takes effect at once.
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
    // The request's context, user and command are kept so that Settings can
    // name the entry.
    bool remember(const QString &kubeconfigFile, const QString &commandLine, bool allowed);
    bool remember(const ExecApprovalRequest &request, bool allowed);
    // Drops a stored answer, so the user is asked again. false on a write error.
    bool forget(const QString &kubeconfigFile, const QString &commandLine);
    bool forget(const QString &key);
    // Drops every stored answer. false on a write error.
    bool forgetAll();

    // Every remembered answer, newest first.
    [[nodiscard]] QList<ExecApprovalEntry> entries() const;

    [[nodiscard]] QString path() const { return m_path; }
    // Why the last read or write failed ("" after a success). A corrupt file is
    // reported here and treated as empty; it is replaced on the next write.
    [[nodiscard]] QString lastError() const { return m_lastError; }

private:
    [[nodiscard]] static QString keyFor(const QString &kubeconfigFile, const QString &commandLine);
    [[nodiscard]] static QString normalizedFile(const QString &kubeconfigFile);
    [[nodiscard]] QString fileStamp() const;
    void reload() const;
    void reloadIfChanged() const;
    bool store(const QString &key, ExecApprovalEntry entry);
    bool save();

    QString m_path;
    // Mutable: a const read picks up what another store wrote.
    mutable QHash<QString, ExecApprovalEntry> m_entries; // key: keyFor()
    mutable QString m_lastError;
    mutable QString m_loadedStamp; // the file's size and mtime when read
};

} // namespace labdeck::kube
