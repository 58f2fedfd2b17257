#include "manifests/writeplan.h"

#include "common/kubenames.h"
#include "common/visibletext.h"
#include "common/yamlreader.h"
#include "manifests/savefile_p.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <memory>
#include <vector>
#include <yaml-cpp/yaml.h>

namespace labdeck::manifests {

namespace {

QStringList lines(const QString &text)
{
    QStringList l = text.split(QLatin1Char('\n'));
    if (!l.isEmpty() && l.last().isEmpty())
        l.removeLast();
    return l;
}

struct Edit
{
    char op; // ' ', '-', '+'
    QString line;
};

// Longest common subsequence by lines: manifests are short, O(n*m) is fine;
// very large inputs fall back to "all removed, all added".
QList<Edit> diffLines(const QStringList &a, const QStringList &b)
{
    QList<Edit> edits;
    const qsizetype n = a.size();
    const qsizetype m = b.size();
    if (n * m > 4'000'000) {
        for (const QString &l : a)
            edits.append({'-', l});
        for (const QString &l : b)
            edits.append({'+', l});
        return edits;
    }
    std::vector<int> table(size_t((n + 1) * (m + 1)), 0);
    auto at = [&](qsizetype i, qsizetype j) -> int & { return table[size_t(i * (m + 1) + j)]; };
    for (qsizetype i = n - 1; i >= 0; --i)
        for (qsizetype j = m - 1; j >= 0; --j)
            at(i, j) =
                a.at(i) == b.at(j) ? at(i + 1, j + 1) + 1 : std::max(at(i + 1, j), at(i, j + 1));
    qsizetype i = 0;
    qsizetype j = 0;
    while (i < n && j < m) {
        if (a.at(i) == b.at(j)) {
            edits.append({' ', a.at(i)});
            ++i;
            ++j;
        } else if (at(i + 1, j) >= at(i, j + 1)) {
            edits.append({'-', a.at(i++)});
        } else {
            edits.append({'+', b.at(j++)});
        }
    }
    while (i < n)
        edits.append({'-', a.at(i++)});
    while (j < m)
        edits.append({'+', b.at(j++)});
    return edits;
}

} // namespace

QString unifiedDiff(const QString &oldText, const QString &newText, const QString &oldName,
                    const QString &newName, int context)
{
    if (oldText == newText)
        return {};
    const QList<Edit> edits = diffLines(lines(oldText), lines(newText));
    QString out = QStringLiteral("--- %1\n+++ %2\n").arg(oldName, newName);
    const qsizetype count = edits.size();
    qsizetype k = 0;
    while (k < count) {
        // Find the next change.
        qsizetype firstChange = k;
        while (firstChange < count && edits.at(firstChange).op == ' ')
            ++firstChange;
        if (firstChange == count)
            break;
        qsizetype start = std::max(k, firstChange - context);
        // Extend the hunk while changes are within 2*context of each other.
        qsizetype end = firstChange;
        qsizetype lastChange = firstChange;
        while (end < count) {
            if (edits.at(end).op != ' ')
                lastChange = end;
            else if (end - lastChange > 2 * context)
                break;
            ++end;
        }
        end = std::min(count, lastChange + context + 1);
        // Line numbers at the hunk's start.
        int oldLine = 1;
        int newLine = 1;
        for (qsizetype x = 0; x < start; ++x) {
            if (edits.at(x).op != '+')
                ++oldLine;
            if (edits.at(x).op != '-')
                ++newLine;
        }
        int oldCount = 0;
        int newCount = 0;
        QString body;
        for (qsizetype x = start; x < end; ++x) {
            const Edit &e = edits.at(x);
            if (e.op != '+')
                ++oldCount;
            if (e.op != '-')
                ++newCount;
            body += QLatin1Char(e.op) + e.line + QLatin1Char('\n');
        }
        out += QStringLiteral("@@ -%1,%2 +%3,%4 @@\n")
                   .arg(oldCount == 0 ? oldLine - 1 : oldLine)
                   .arg(oldCount)
                   .arg(newCount == 0 ? newLine - 1 : newLine)
                   .arg(newCount);
        out += body;
        k = end;
    }
    return out;
}

QList<PlannedFile> WritePlan::plan(const QString &folder, const QList<ExtraFile> &files)
{
    QList<PlannedFile> out;
    const QDir dir(folder);
    for (const ExtraFile &f : files) {
        PlannedFile p;
        p.relative = f.file;
        p.path = dir.filePath(f.file);
        p.content = f.content;
        QFile existing(p.path);
        if (existing.exists()) {
            QByteArray old;
            if (existing.open(QIODevice::ReadOnly))
                old = existing.readAll();
            if (old == f.content) {
                p.state = PlannedFile::State::Same;
            } else {
                p.state = PlannedFile::State::Differs;
                p.diff = unifiedDiff(QString::fromUtf8(old), QString::fromUtf8(f.content),
                                     QStringLiteral("a/") + f.file, QStringLiteral("b/") + f.file);
            }
        }
        out.append(p);
    }
    return out;
}

bool WritePlan::write(const PlannedFile &file, bool overwrite, QString *error)
{
    auto fail = [error](const QString &why) {
        if (error)
            *error = why;
        return false;
    };
    if (file.state == PlannedFile::State::Same)
        return true;
    QFile current(file.path);
    if (current.exists()) {
        QByteArray old;
        if (current.open(QIODevice::ReadOnly))
            old = current.readAll();
        current.close();
        if (old == file.content)
            return true;
        if (!overwrite || file.state != PlannedFile::State::Differs)
            return fail(
                tr("%1 exists and differs from what would be written; it was left as it is. "
                   "Review the difference and choose Overwrite to replace it.")
                    .arg(file.path));
    }
    const QFileInfo info(file.path);
    if (!QDir().mkpath(info.absolutePath()))
        return fail(
            tr("%1: cannot create the folder; check its permissions.").arg(info.absolutePath()));
    QSaveFile out(file.path);
    if (!out.open(QIODevice::WriteOnly))
        return fail(tr("%1: cannot write: %2").arg(file.path, out.errorString()));
    if (QString why; !writeWhole(out, file.content, &why)) {
        out.cancelWriting(); // the file on disk stays as it was
        return fail(tr("%1: cannot write: %2").arg(file.path, why));
    }
    if (!out.commit())
        return fail(tr("%1: cannot write: %2").arg(file.path, out.errorString()));
    return true;
}

bool WritePlan::writeAll(const QList<PlannedFile> &files, bool overwrite, QString *error)
{
    auto fail = [error](const QString &why) {
        if (error)
            *error = why;
        return false;
    };
    struct Staged
    {
        const PlannedFile *file = nullptr;
        bool existed = false;
        QByteArray old; // what to put back should a later file fail
        std::unique_ptr<QSaveFile> out;
    };
    std::vector<Staged> staged;
    // Checked first, all of them: a refusal changes nothing.
    for (const PlannedFile &f : files) {
        if (f.state == PlannedFile::State::Same)
            continue;
        Staged st;
        st.file = &f;
        QFile current(f.path);
        st.existed = current.exists();
        if (st.existed) {
            if (!current.open(QIODevice::ReadOnly))
                return fail(tr("%1: cannot read: %2; nothing was written.")
                                .arg(f.path, current.errorString()));
            st.old = current.readAll();
            current.close();
            if (st.old == f.content)
                continue;
            if (!overwrite || f.state != PlannedFile::State::Differs)
                return fail(
                    tr("%1 exists and differs from what would be written; nothing was written. "
                       "Review the difference and choose Overwrite to replace it.")
                        .arg(f.path));
        }
        staged.push_back(std::move(st));
    }
    // Folders made for the plan, deepest last, to remove should it fail.
    QStringList madeFolders;
    auto removeMadeFolders = [&madeFolders] {
        for (auto it = madeFolders.crbegin(); it != madeFolders.crend(); ++it)
            QDir().rmdir(*it);
    };
    auto makeFolder = [&madeFolders](const QString &folder) {
        QStringList missing;
        for (QDir d(folder); !d.exists(); d.setPath(QFileInfo(d.path()).path())) {
            missing.prepend(d.path());
            if (d.isRoot())
                break;
        }
        if (!QDir().mkpath(folder))
            return false;
        madeFolders += missing;
        return true;
    };
    // Every file written whole to its temporary file before any is moved.
    for (Staged &st : staged) {
        const QString folder = QFileInfo(st.file->path).absolutePath();
        QString why;
        if (!makeFolder(folder)) {
            why = tr("%1: cannot create the folder; check its permissions. Nothing was written.")
                      .arg(folder);
        } else {
            st.out = std::make_unique<QSaveFile>(st.file->path);
            if (!st.out->open(QIODevice::WriteOnly))
                why = st.out->errorString();
            else if (writeWhole(*st.out, st.file->content, &why))
                continue;
            why = tr("%1: cannot write: %2. Nothing was written.").arg(st.file->path, why);
        }
        staged.clear(); // each QSaveFile removes its temporary file
        removeMadeFolders();
        return fail(why);
    }
    for (size_t i = 0; i < staged.size(); ++i) {
        if (staged[i].out->commit())
            continue;
        const QString path = staged[i].file->path;
        const QString why = staged[i].out->errorString();
        // Put back what was already moved into place.
        QStringList notRestored;
        for (size_t j = 0; j < i; ++j) {
            const Staged &done = staged[j];
            bool restored = false;
            if (done.existed) {
                QSaveFile back(done.file->path);
                QString ignored;
                restored = back.open(QIODevice::WriteOnly) &&
                           writeWhole(back, done.old, &ignored) && back.commit();
            } else {
                restored = QFile::remove(done.file->path);
            }
            if (!restored)
                notRestored << done.file->path;
        }
        staged.clear();
        removeMadeFolders();
        if (!notRestored.isEmpty())
            return fail(tr("%1: cannot write: %2. These files were written and could not be put "
                           "back: %3")
                            .arg(path, why, notRestored.join(QStringLiteral(", "))));
        return fail(tr("%1: cannot write: %2. Nothing was changed.").arg(path, why));
    }
    return true;
}

QString defaultManifestsFolder()
{
    return QDir::home().filePath(QStringLiteral("labdeck-manifests"));
}

QString FolderDocument::title() const
{
    const QString id = ns.isEmpty() ? name : ns + QLatin1Char('/') + name;
    return QStringLiteral("%1 %2").arg(kind, id);
}

QStringList ManifestFolder::orderedFiles(const QString &folder)
{
    const QDir root(folder);
    const QStringList patterns{QStringLiteral("*.yaml"), QStringLiteral("*.yml")};
    QStringList order{QStringLiteral("base"), QStringLiteral("apps"), QStringLiteral("monitoring"),
                      QStringLiteral("devops")};
    QStringList others = root.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
    others.removeIf([&](const QString &d) {
        return order.contains(d) || d == QLatin1String("traefik") || d.startsWith(QLatin1Char('.'));
    });
    order += others;
    QStringList files;
    for (const QString &sub : std::as_const(order)) {
        const QDir d(root.filePath(sub));
        if (!d.exists())
            continue;
        for (const QString &f : d.entryList(patterns, QDir::Files, QDir::Name))
            files << d.filePath(f);
    }
    for (const QString &f : root.entryList(patterns, QDir::Files, QDir::Name))
        files << root.filePath(f);
    return files;
}

QList<FolderDocument> ManifestFolder::read(const QString &folder)
{
    QList<FolderDocument> docs;
    for (const QString &path : orderedFiles(folder)) {
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly)) {
            FolderDocument d;
            d.file = path;
            d.error = tr("%1: cannot read: %2").arg(path, f.errorString());
            docs.append(d);
            continue;
        }
        // A manifest is text of a few kilobytes; a larger file is not read.
        constexpr qint64 kMaxManifestBytes = 8 * 1024 * 1024;
        const QByteArray contents = f.read(kMaxManifestBytes + 1);
        if (contents.size() > kMaxManifestBytes) {
            FolderDocument d;
            d.file = path;
            d.error = tr("%1: larger than %2 MiB; not a manifest Labdeck reads")
                          .arg(path)
                          .arg(kMaxManifestBytes / (1024 * 1024));
            docs.append(d);
            continue;
        }
        docs += parseFile(path, contents);
    }
    return docs;
}

QList<FolderDocument> ManifestFolder::parseFile(const QString &path, const QByteArray &contents)
{
    QList<FolderDocument> docs;
    for (const YamlDocumentText &text : splitDocuments(contents)) {
        FolderDocument d;
        d.file = path;
        d.line = text.line;
        d.text = text.text;
        YamlReader reader(path);
        reader.setFirstLine(text.line);
        if (!reader.load(text.text)) {
            d.error = reader.error()->toString();
            docs.append(d);
            continue;
        }
        const YAML::Node &node = reader.root();
        if (!node.IsMap()) {
            LocatedError e = reader.at(
                node, QString(), tr("not a Kubernetes object (a YAML map with kind and metadata)"));
            if (e.line == 0)
                e.line = text.line;
            d.error = e.toString();
            docs.append(d);
            continue;
        }
        auto str = [](const YAML::Node &n) {
            return n.IsDefined() && n.IsScalar() ? QString::fromStdString(n.Scalar()) : QString();
        };
        const YAML::Node metadata = YamlReader::child(node, "metadata");
        d.apiVersion = str(YamlReader::child(node, "apiVersion"));
        d.kind = str(YamlReader::child(node, "kind"));
        d.name = str(YamlReader::child(metadata, "name"));
        d.ns = str(YamlReader::child(metadata, "namespace"));
        QStringList missing;
        if (d.apiVersion.isEmpty())
            missing << QStringLiteral("apiVersion");
        if (d.kind.isEmpty())
            missing << QStringLiteral("kind");
        if (d.name.isEmpty())
            missing << QStringLiteral("metadata.name");
        if (!missing.isEmpty()) {
            d.error = reader
                          .at(node, missing.join(QStringLiteral(", ")),
                              tr("apiVersion, kind and metadata.name are required"))
                          .toString();
        } else if (const QString why = kubenames::nameProblem(d.kind, d.name); !why.isEmpty()) {
            // Names become parts of API paths: checked before anything is sent.
            d.error = reader
                          .at(YamlReader::child(metadata, "name"), QStringLiteral("metadata.name"),
                              VisibleText::escape(why))
                          .toString();
        } else if (const QString nsWhy =
                       d.ns.isEmpty() ? QString() : kubenames::namespaceProblem(d.ns);
                   !nsWhy.isEmpty()) {
            d.error = reader
                          .at(YamlReader::child(metadata, "namespace"),
                              QStringLiteral("metadata.namespace"), VisibleText::escape(nsWhy))
                          .toString();
        }
        docs.append(d);
    }
    return docs;
}

} // namespace labdeck::manifests
