#pragma once

#include "manifests/servicespec.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

namespace labdeck::manifests {

// A unified diff ("--- a\n+++ b\n@@ -1,3 +1,4 @@ ...") of two texts, by
// lines, with `context` lines around each change; empty when equal.
[[nodiscard]] QString unifiedDiff(const QString &oldText, const QString &newText,
                                  const QString &oldName, const QString &newName, int context = 3);

// One file the wizard wants to write, compared with what is on disk.
struct PlannedFile
{
    enum class State { New, Same, Differs };
    QString relative; // "apps/hello.yaml"
    QString path;     // absolute
    QByteArray content;
    State state = State::New;
    QString diff; // Differs: from the file on disk to the new content
};

class WritePlan
{
    Q_DECLARE_TR_FUNCTIONS(WritePlan)
public:
    // Compares each file with the folder's current content. Reads only.
    [[nodiscard]] static QList<PlannedFile> plan(const QString &folder,
                                                 const QList<ExtraFile> &files);
    // Writes one file through QSaveFile (creating its folder). A file that
    // Differs is written only when overwrite is true (the user saw the diff
    // and agreed); a Same file is left untouched. Re-checks the disk first, so a
    // file created since plan() is never clobbered. Returns false with why.
    static bool write(const PlannedFile &file, bool overwrite, QString *error);
    // Writes every file of a plan, or none: each is checked as write() does,
    // then written to a temporary file beside it (QSaveFile) and only when
    // all of them were written whole (a full disk fails here) are they moved
    // into place. Should a move fail, the files already moved get their old
    // content back (new ones are removed), and folders made for the plan are
    // removed again. Returns false with why, naming the file.
    static bool writeAll(const QList<PlannedFile> &files, bool overwrite, QString *error);
};

// The manifests folder when the user has not chosen one: ~/labdeck-manifests.
[[nodiscard]] QString defaultManifestsFolder();

// One YAML document of a manifests folder, in apply order.
struct FolderDocument
{
    QString file; // absolute
    int line = 1; // where the document starts
    QByteArray text;
    QString apiVersion;
    QString kind;
    QString ns; // as written; may be empty
    QString name;
    QString error; // non-empty: cannot be applied ("file:line:column: kind: ...")

    [[nodiscard]] QString title() const;
};

class ManifestFolder
{
    Q_DECLARE_TR_FUNCTIONS(ManifestFolder)
public:
    // The seed's order: base/, then apps/, monitoring/, devops/, then any
    // other subfolder (alphabetical; traefik/ is not Kubernetes and is
    // skipped), then YAML files at the top. Files alphabetical inside a folder.
    [[nodiscard]] static QStringList orderedFiles(const QString &folder);
    // Every document of those files, with its identity read by yaml-cpp.
    [[nodiscard]] static QList<FolderDocument> read(const QString &folder);
    // Every document of one file's contents; path is used in messages.
    [[nodiscard]] static QList<FolderDocument> parseFile(const QString &path,
                                                         const QByteArray &contents);
};

} // namespace labdeck::manifests
