#pragma once

#include "common/locatederror.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>
#include <functional>
#include <optional>
#include <yaml-cpp/yaml.h>

namespace labdeck {

// How much of a document the reader accepts before it refuses it. Aliases
// count once per use, so a document that expands exponentially (nested
// anchors, "billion laughs") is refused before anything walks it.
struct YamlLimits
{
    int maxDepth = 64;           // nesting of maps and lists, the root being depth 1
    qsizetype maxNodes = 250000; // nodes a full walk visits, aliases expanded
};

// Reads one YAML document with yaml-cpp and turns every problem into a
// located error ("file:line:column: field: message", 1-based). Nothing it
// does throws: syntax errors, bytes that are not UTF-8, a self-referencing
// alias and documents over the limits become error(). Once load() succeeded,
// the tree is finite and within the limits, so callers may walk it freely.
// Any thread; one reader per document.
class YamlReader
{
    Q_DECLARE_TR_FUNCTIONS(labdeck::YamlReader)
public:
    // file is only used in messages.
    explicit YamlReader(QString file, YamlLimits limits = {});

    // The document starts at this 1-based line of its file (a document cut
    // from a multi-document file); positions in errors count from it.
    void setFirstLine(int line) { m_firstLine = line; }

    // Parses yaml. False when it cannot be used; error() says why.
    [[nodiscard]] bool load(const QByteArray &yaml);

    [[nodiscard]] const QString &file() const { return m_file; }
    [[nodiscard]] const YAML::Node &root() const { return m_root; }
    // No document, or a document that is only null ("", "~", "---").
    [[nodiscard]] bool isEmpty() const { return !m_root.IsDefined() || m_root.IsNull(); }
    [[nodiscard]] const std::optional<LocatedError> &error() const { return m_error; }

    // An error located at mark (no line/column for a null mark).
    [[nodiscard]] LocatedError at(const YAML::Mark &mark, const QString &field,
                                  const QString &message) const;
    // An error located at node; a node that is not in the file (a missing
    // key) has no position, and the error concerns the whole file.
    [[nodiscard]] LocatedError at(const YAML::Node &node, const QString &field,
                                  const QString &message) const
    {
        return at(markOf(node), field, message);
    }

    // Runs walk (code reading root()); an exception it throws becomes a
    // located error instead of leaving the caller.
    [[nodiscard]] std::optional<LocatedError> guard(const std::function<void()> &walk) const;

    // The node's position; a null mark for a missing key (where yaml-cpp's
    // Mark() would throw InvalidNode).
    [[nodiscard]] static YAML::Mark markOf(const YAML::Node &node);
    // 1-based line of node, 0 when it has none.
    [[nodiscard]] static int lineOf(const YAML::Node &node) { return markOf(node).line + 1; }
    // map[key] without creating it and without throwing; undefined when map is
    // not a mapping or has no such key. With a repeated key, the first wins.
    [[nodiscard]] static YAML::Node child(const YAML::Node &map, const char *key);

private:
    bool fail(const YAML::Mark &mark, const QString &message);
    bool checkUtf8(const QByteArray &yaml);
    bool checkTree(const YAML::Node &node, int depth);

    QString m_file;
    YamlLimits m_limits;
    int m_firstLine = 1;
    YAML::Node m_root;
    std::optional<LocatedError> m_error;
    qsizetype m_visited = 0;
    std::vector<YAML::Node> m_path; // ancestors of the node checkTree is at
};

} // namespace labdeck
