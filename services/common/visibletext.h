#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringView>

namespace labdeck {

// Text from places Labdeck does not control (API servers, remote stderr,
// kubeconfigs), made safe to show: nothing in it can move a terminal's
// cursor, clear the screen, reorder what follows (bidi overrides) or hide
// between letters. Pure functions; any thread.
class VisibleText
{
    Q_DECLARE_TR_FUNCTIONS(VisibleText)
public:
    // True for what escape() rewrites: C0 controls, DEL, C1 controls, bidi
    // embeddings/overrides/isolates/marks, zero-width characters, the line and
    // paragraph separators and the byte order mark.
    [[nodiscard]] static bool isHidden(char16_t c);
    // Every hidden character as an escape: "\t", "\n", "\r", "\x1b", "\u202e".
    // Everything else is kept as it is.
    [[nodiscard]] static QString escape(QStringView text);
    // For a value the user approves (a program, an argument, an environment
    // value): escape(), plus spaces that look like ordinary ones (no-break,
    // ideographic, ...) as "\u00a0", a backslash as "\\" (so an escape is never
    // ambiguous), spaces at the start and the end as "·", and at most maxChars
    // characters of the value, then "… (N more characters)".
    [[nodiscard]] static QString forReview(QStringView text, qsizetype maxChars = 300);
};

} // namespace labdeck
