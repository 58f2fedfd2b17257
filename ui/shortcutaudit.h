#pragma once

// Finds keyboard clashes in a window or dialog as the user would meet them:
// two menu titles or two entries of one menu with the same mnemonic (Alt+
// letter), a shortcut that two actions answer at the same time (Qt then
// runs neither and prints "Ambiguous shortcut overload"), a shortcut that
// takes a menu title's Alt+letter, and two controls of one dialog page with
// the same mnemonic. Each clash is one line in words. Used by tests and by
// the hidden `labdeck --audit-shortcuts`.

#include <QStringList>

class QWidget;

namespace labdeck {

class ShortcutAudit
{
public:
    // The mnemonic letter of a text ("&File" → "F", "ファイル(&F)" → "F"),
    // upper case; empty when it has none ("&&" is a literal ampersand).
    [[nodiscard]] static QString mnemonic(const QString &text);

    // A main window: its menu bar, menus and every action with a shortcut.
    [[nodiscard]] static QStringList auditWindow(QWidget *window);
    // The controls shown together on `page` (labels with a buddy, buttons,
    // group boxes, tabs) and `extra` (e.g. a wizard's own buttons).
    [[nodiscard]] static QStringList auditPage(QWidget *page, const QList<QWidget *> &extra = {});
};

} // namespace labdeck
