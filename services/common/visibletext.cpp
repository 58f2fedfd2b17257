#include "common/visibletext.h"

namespace labdeck {

namespace {

bool isLookalikeSpace(char16_t c)
{
    return c == 0x00a0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200a) || c == 0x202f ||
           c == 0x205f || c == 0x3000;
}

void appendEscape(QString &out, char16_t c)
{
    switch (c) {
    case u'\t':
        out += QLatin1String("\\t");
        return;
    case u'\n':
        out += QLatin1String("\\n");
        return;
    case u'\r':
        out += QLatin1String("\\r");
        return;
    default:
        break;
    }
    if (c < 0x100)
        out += QStringLiteral("\\x%1").arg(uint(c), 2, 16, QLatin1Char('0'));
    else
        out += QStringLiteral("\\u%1").arg(uint(c), 4, 16, QLatin1Char('0'));
}

} // namespace

bool VisibleText::isHidden(char16_t c)
{
    if (c < 0x20 || c == 0x7f || (c >= 0x80 && c <= 0x9f))
        return true;
    return c == 0x061c                     // Arabic letter mark
           || (c >= 0x200b && c <= 0x200f) // zero-width space/joiners, LRM, RLM
           ||
           (c >= 0x2028 && c <= 0x202e) // line/paragraph separators, bidi embeddings and overrides
           || (c >= 0x2060 && c <= 0x2064) // word joiner, invisible operators
           || (c >= 0x2066 && c <= 0x2069) // bidi isolates
           || c == 0xfeff;                 // zero-width no-break space (BOM)
}

QString VisibleText::escape(QStringView text)
{
    QString out;
    out.reserve(text.size());
    for (const QChar ch : text) {
        const char16_t c = ch.unicode();
        if (isHidden(c))
            appendEscape(out, c);
        else
            out += ch;
    }
    return out;
}

QString VisibleText::forReview(QStringView text, qsizetype maxChars)
{
    const qsizetype kept = std::min(text.size(), std::max<qsizetype>(maxChars, 0));
    const QStringView head = text.left(kept);
    qsizetype lead = 0;
    while (lead < head.size() && head[lead] == u' ')
        ++lead;
    qsizetype trail = 0;
    // Trailing spaces count only when the value is shown to its end.
    if (kept == text.size()) {
        while (trail < head.size() - lead && head[head.size() - 1 - trail] == u' ')
            ++trail;
    }
    QString out;
    out.reserve(head.size() + 16);
    for (qsizetype i = 0; i < head.size(); ++i) {
        const char16_t c = head[i].unicode();
        if (c == u' ' && (i < lead || i >= head.size() - trail))
            out += QChar(0x00b7); // "·"
        else if (c == u'\\')
            out += QLatin1String("\\\\");
        else if (isHidden(c) || isLookalikeSpace(c))
            appendEscape(out, c);
        else
            out += head[i];
    }
    if (kept < text.size())
        out += tr("… (%n more characters)", nullptr, int(text.size() - kept));
    return out;
}

} // namespace labdeck
