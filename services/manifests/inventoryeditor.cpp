#include "manifests/inventoryeditor.h"

#include "common/yamlreader.h"
#include "inventory/inventoryloader.h"
#include "manifests/savefile_p.h"
#include "manifests/writeplan.h"

#include <QFile>
#include <QSaveFile>
#include <yaml-cpp/yaml.h>

namespace labdeck {

namespace {

int indentOf(const QByteArray &line)
{
    int i = 0;
    while (i < line.size() && line.at(i) == ' ')
        ++i;
    return i;
}

bool isBlankOrComment(const QByteArray &line)
{
    const QByteArray t = line.trimmed();
    return t.isEmpty() || t.startsWith('#');
}

QByteArray quoted(const QString &s)
{
    QString e = s;
    e.replace(QLatin1Char('\\'), QLatin1String("\\\\"))
        .replace(QLatin1Char('"'), QLatin1String("\\\""));
    return '"' + e.toUtf8() + '"';
}

struct Entry
{
    int first = 0; // line index of "- "
    int last = 0;  // last non-blank line of the entry
};

} // namespace

QString InventoryEditor::refusal(const Inventory &lab)
{
    if (lab.isBuiltIn || lab.sourceFile.startsWith(QLatin1Char(':')))
        return tr("Labdeck is showing its built-in lab, which cannot be changed. Create your own "
                  "inventory "
                  "first (copy the built-in one to ~/.config/labdeck/inventory.yaml and start "
                  "Labdeck with it), "
                  "then add the URL again.");
    return {};
}

InventoryEdit InventoryEditor::addWorkloadUrl(const QByteArray &text, const QString &fileName,
                                              const Workload &workload)
{
    InventoryEdit edit;
    edit.before = text;
    QList<QByteArray> lines = text.split('\n');
    const bool trailingNewline = text.endsWith('\n');
    if (trailingNewline)
        lines.removeLast();

    // The top-level "workloads:" block.
    int start = -1;
    for (int i = 0; i < lines.size(); ++i) {
        if (lines.at(i).startsWith("workloads:")) {
            start = i;
            break;
        }
    }
    if (start < 0) {
        edit.error =
            tr("%1 has no workloads: section; add one by hand, then try again.").arg(fileName);
        return edit;
    }
    if (!lines.at(start).mid(10).trimmed().isEmpty() &&
        !lines.at(start).mid(10).trimmed().startsWith('#')) {
        edit.error = tr("%1:%2: workloads is written on one line; write it as a list (one entry "
                        "per line) to let "
                        "Labdeck add to it.")
                         .arg(fileName)
                         .arg(start + 1);
        return edit;
    }
    int end = int(lines.size()); // first line after the block
    for (int i = start + 1; i < lines.size(); ++i) {
        const QByteArray &l = lines.at(i);
        if (!isBlankOrComment(l) && indentOf(l) == 0 && !l.startsWith('-')) {
            end = i;
            break;
        }
    }
    // Its entries.
    QList<Entry> entries;
    int itemIndent = -1;
    for (int i = start + 1; i < end; ++i) {
        const QByteArray &l = lines.at(i);
        if (isBlankOrComment(l))
            continue;
        const int indent = indentOf(l);
        if (l.mid(indent).startsWith("- ") && (itemIndent < 0 || indent == itemIndent)) {
            itemIndent = indent;
            entries.append({i, i});
        } else if (!entries.isEmpty()) {
            entries.last().last = i;
        }
    }
    QByteArray url = workload.url.toString().toUtf8();
    for (const Entry &e : std::as_const(entries)) {
        QByteArray entryText;
        for (int i = e.first; i <= e.last; ++i)
            entryText += lines.at(i) + '\n';
        YamlReader reader(fileName);
        if (!reader.load(entryText))
            continue;
        const YAML::Node &node = reader.root();
        if (!node.IsSequence() || node.size() != 1 || !node[0].IsMap())
            continue;
        const YAML::Node item = node[0];
        auto str = [&item](const char *key) {
            const YAML::Node value = YamlReader::child(item, key);
            return value.IsScalar() ? QString::fromStdString(value.Scalar()) : QString();
        };
        if (str("name") != workload.name || str("namespace") != workload.ns)
            continue;
        const QString existing = str("url");
        if (existing == workload.url.toString()) {
            edit.after = text;
            return edit;
        }
        if (!existing.isEmpty()) {
            edit.error =
                tr("%1:%2: workload %3 already has the URL %4; change it by hand if it moved.")
                    .arg(fileName)
                    .arg(e.first + 1)
                    .arg(workload.qualifiedName(), existing);
            return edit;
        }
        QByteArray &lastLine = lines[e.last];
        const qsizetype brace = lastLine.lastIndexOf('}');
        if (lines.at(e.first).mid(itemIndent + 2).trimmed().startsWith('{') && brace > 0) {
            lastLine.insert(brace, ", url: " + quoted(workload.url.toString()));
        } else {
            const int keyIndent = itemIndent + 2;
            lines.insert(e.last + 1,
                         QByteArray(keyIndent, ' ') + "url: " + quoted(workload.url.toString()));
        }
        url.clear();
        break;
    }
    if (!url.isEmpty()) {
        // A new entry, in the style of the others (flow maps in the seed's file).
        QByteArray entry = QByteArray(qMax(itemIndent, 2), ' ') +
                           "- {name: " + workload.name.toUtf8() +
                           ", namespace: " + workload.ns.toUtf8() +
                           ", kind: " + workloadKindId(workload.kind).toUtf8() +
                           ", host: " + workload.host.toUtf8();
        if (workload.nodePort != 0)
            entry += ", nodePort: " + QByteArray::number(workload.nodePort);
        entry += ", url: " + quoted(workload.url.toString());
        if (!workload.volume.isEmpty())
            entry += ", volume: " + workload.volume.toUtf8();
        entry += '}';
        const int after = entries.isEmpty() ? start : entries.last().last;
        lines.insert(after + 1, entry);
    }
    edit.after = lines.join('\n');
    if (trailingNewline)
        edit.after += '\n';
    const InventoryLoadResult check = InventoryLoader::parse(edit.after, fileName);
    if (!check.ok()) {
        edit.error = tr("The changed inventory would not load, so it was not changed:\n%1")
                         .arg(check.errorText());
        return edit;
    }
    edit.diff =
        manifests::unifiedDiff(QString::fromUtf8(edit.before), QString::fromUtf8(edit.after),
                               QStringLiteral("a/") + fileName, QStringLiteral("b/") + fileName);
    return edit;
}

bool InventoryEditor::write(const QString &path, const InventoryEdit &edit, QString *error)
{
    auto fail = [error](const QString &why) {
        if (error)
            *error = why;
        return false;
    };
    if (!edit.ok())
        return fail(edit.error);
    QFile current(path);
    if (!current.open(QIODevice::ReadOnly))
        return fail(tr("%1: cannot read: %2").arg(path, current.errorString()));
    const QByteArray now = current.readAll();
    current.close();
    if (now != edit.before)
        return fail(
            tr("%1 changed since Labdeck read it; nothing was written. Try again.").arg(path));
    if (!edit.changes())
        return true;
    QSaveFile backup(path + QStringLiteral(".bak"));
    if (!backup.open(QIODevice::WriteOnly))
        return fail(tr("%1.bak: cannot keep a backup (%2); nothing was written.")
                        .arg(path, backup.errorString()));
    if (QString why; !manifests::writeWhole(backup, now, &why)) {
        backup.cancelWriting(); // an earlier backup stays as it was
        return fail(tr("%1.bak: cannot keep a backup (%2); nothing was written.").arg(path, why));
    }
    if (!backup.commit())
        return fail(tr("%1.bak: cannot keep a backup (%2); nothing was written.")
                        .arg(path, backup.errorString()));
    QSaveFile out(path);
    if (!out.open(QIODevice::WriteOnly))
        return fail(tr("%1: cannot write: %2").arg(path, out.errorString()));
    if (QString why; !manifests::writeWhole(out, edit.after, &why)) {
        out.cancelWriting(); // the inventory stays as it was
        return fail(tr("%1: cannot write: %2; the inventory was left as it was.").arg(path, why));
    }
    if (!out.commit())
        return fail(tr("%1: cannot write: %2").arg(path, out.errorString()));
    return true;
}

} // namespace labdeck
