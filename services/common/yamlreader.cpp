#include "common/yamlreader.h"

#include <exception>

namespace labdeck {

namespace {

// Offset of the first byte that does not belong to a well-formed UTF-8
// sequence (overlong forms, surrogates and values over U+10FFFF included),
// or -1 when all of it is UTF-8.
qsizetype firstInvalidUtf8(const QByteArray &s)
{
    const auto *p = reinterpret_cast<const unsigned char *>(s.constData());
    const qsizetype n = s.size();
    qsizetype i = 0;
    while (i < n) {
        const unsigned char c = p[i];
        if (c < 0x80) {
            ++i;
            continue;
        }
        int extra = 0;
        char32_t cp = 0;
        char32_t min = 0;
        if ((c & 0xe0) == 0xc0) {
            extra = 1;
            cp = c & 0x1f;
            min = 0x80;
        } else if ((c & 0xf0) == 0xe0) {
            extra = 2;
            cp = c & 0x0f;
            min = 0x800;
        } else if ((c & 0xf8) == 0xf0) {
            extra = 3;
            cp = c & 0x07;
            min = 0x10000;
        } else {
            return i;
        }
        if (i + extra >= n)
            return i;
        for (int k = 1; k <= extra; ++k) {
            if ((p[i + k] & 0xc0) != 0x80)
                return i;
            cp = (cp << 6) | (p[i + k] & 0x3f);
        }
        if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
            return i;
        i += extra + 1;
    }
    return -1;
}

// yaml-cpp also reads UTF-16 and UTF-32 when the text starts with their byte
// order mark; only text without one has to be UTF-8.
bool hasWideByteOrderMark(const QByteArray &s)
{
    return s.startsWith("\xfe\xff") || s.startsWith("\xff\xfe") ||
           s.startsWith(QByteArray("\x00\x00\xfe\xff", 4));
}

} // namespace

YamlReader::YamlReader(QString file, YamlLimits limits)
    : m_file(std::move(file))
    , m_limits(limits)
{}

LocatedError YamlReader::at(const YAML::Mark &mark, const QString &field,
                            const QString &message) const
{
    LocatedError e{m_file, 0, 0, field, message};
    if (!mark.is_null()) {
        e.line = mark.line + m_firstLine;
        e.column = mark.column + 1;
    }
    return e;
}

YAML::Mark YamlReader::markOf(const YAML::Node &node)
{
    if (!node.IsDefined())
        return YAML::Mark::null_mark();
    return node.Mark();
}

YAML::Node YamlReader::child(const YAML::Node &map, const char *key)
{
    if (!map.IsDefined() || !map.IsMap())
        return YAML::Node(YAML::NodeType::Undefined);
    for (auto it = map.begin(); it != map.end(); ++it) {
        const YAML::Node k = it->first; // a copy: the iterator's value is a temporary
        if (k.IsScalar() && k.Scalar() == key)
            return it->second;
    }
    return YAML::Node(YAML::NodeType::Undefined);
}

bool YamlReader::fail(const YAML::Mark &mark, const QString &message)
{
    m_error = at(mark, QString(), message);
    m_root.reset();
    return false;
}

bool YamlReader::checkUtf8(const QByteArray &yaml)
{
    if (hasWideByteOrderMark(yaml))
        return true;
    const qsizetype bad = firstInvalidUtf8(yaml);
    if (bad < 0)
        return true;
    const QByteArray before = yaml.left(bad);
    const qsizetype lineStart = before.lastIndexOf('\n') + 1;
    YAML::Mark mark;
    mark.pos = int(bad);
    mark.line = int(before.count('\n'));
    mark.column = int(QString::fromUtf8(before.mid(lineStart)).size());
    return fail(mark, tr("not valid YAML: byte 0x%1 is not UTF-8 text")
                          .arg(uchar(yaml.at(bad)), 2, 16, QLatin1Char('0')));
}

bool YamlReader::checkTree(const YAML::Node &node, int depth)
{
    if (++m_visited > m_limits.maxNodes)
        return fail(markOf(node),
                    tr("the document is too large: more than %1 values (aliases counted "
                       "each time they are used)")
                        .arg(m_limits.maxNodes));
    if (!node.IsMap() && !node.IsSequence())
        return true;
    for (const YAML::Node &ancestor : m_path) {
        if (ancestor.is(node))
            return fail(markOf(node), tr("an alias refers to a value that contains it"));
    }
    if (depth > m_limits.maxDepth)
        return fail(markOf(node), tr("nested more than %1 levels deep").arg(m_limits.maxDepth));
    m_path.push_back(node);
    bool ok = true;
    if (node.IsMap()) {
        for (auto it = node.begin(); ok && it != node.end(); ++it) {
            const YAML::Node key = it->first;
            const YAML::Node value = it->second;
            ok = checkTree(key, depth + 1) && checkTree(value, depth + 1);
        }
    } else {
        for (auto it = node.begin(); ok && it != node.end(); ++it) {
            const YAML::Node element = *it;
            ok = checkTree(element, depth + 1);
        }
    }
    m_path.pop_back();
    return ok;
}

bool YamlReader::load(const QByteArray &yaml)
{
    m_error.reset();
    m_root.reset();
    m_visited = 0;
    m_path.clear();
    if (!checkUtf8(yaml))
        return false;
    try {
        // reset(), not operator=: yaml-cpp's assignment would overwrite the
        // previous document's root in place.
        m_root.reset(YAML::Load(yaml.toStdString()));
        if (checkTree(m_root, 1))
            return true;
        m_root.reset();
        return false;
    } catch (const YAML::Exception &e) {
        return fail(e.mark, tr("not valid YAML: %1").arg(QString::fromStdString(e.msg)));
    } catch (const std::exception &e) {
        return fail(YAML::Mark::null_mark(),
                    tr("cannot read the file: %1").arg(QString::fromLocal8Bit(e.what())));
    }
}

std::optional<LocatedError> YamlReader::guard(const std::function<void()> &walk) const
{
    const YAML::Mark rootMark = markOf(m_root);
    try {
        walk();
    } catch (const YAML::Exception &e) {
        // A shape no rule expected: reported where yaml-cpp was.
        return at(e.mark.is_null() ? rootMark : e.mark, QString(),
                  tr("cannot read this part of the file: %1").arg(QString::fromStdString(e.msg)));
    } catch (const std::exception &e) {
        return at(rootMark, QString(),
                  tr("cannot read the file: %1").arg(QString::fromLocal8Bit(e.what())));
    }
    return std::nullopt;
}

} // namespace labdeck
