#include "shortcutaudit.h"

#include <QAbstractButton>
#include <QAction>
#include <QGroupBox>
#include <QHash>
#include <QLabel>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QTabBar>

namespace labdeck {

namespace {

QString plain(const QString &text)
{
    QString t = text;
    t.remove(QLatin1Char('&'));
    return t;
}

void auditMenu(QMenu *menu, const QString &path, QStringList *out)
{
    QHash<QString, QString> seen; // letter -> first entry
    for (QAction *a : menu->actions()) {
        if (a->isSeparator() || !a->isVisible())
            continue;
        const QString m = ShortcutAudit::mnemonic(a->text());
        if (!m.isEmpty()) {
            if (seen.contains(m))
                out->append(QStringLiteral("%1: \"%2\" and \"%3\" share Alt+%4")
                                .arg(path, plain(seen.value(m)), plain(a->text()), m));
            else
                seen.insert(m, a->text());
        }
        if (a->menu())
            auditMenu(a->menu(), path + QStringLiteral(" > ") + plain(a->text()), out);
    }
}

// The widgets an action's shortcut is active in (null: the whole window).
QList<QWidget *> scopes(QAction *a)
{
    QList<QWidget *> widgets;
    if (a->shortcutContext() == Qt::WindowShortcut ||
        a->shortcutContext() == Qt::ApplicationShortcut)
        return {nullptr};
    for (QObject *o : a->associatedObjects()) {
        auto *w = qobject_cast<QWidget *>(o);
        if (w && !qobject_cast<QMenu *>(w) && !qobject_cast<QMenuBar *>(w))
            widgets << w;
    }
    return widgets;
}

bool related(QWidget *a, QWidget *b)
{
    if (!a || !b)
        return true; // a window-wide shortcut meets every other
    return a == b || a->isAncestorOf(b) || b->isAncestorOf(a);
}

} // namespace

QString ShortcutAudit::mnemonic(const QString &text)
{
    for (qsizetype i = 0; i + 1 < text.size(); ++i) {
        if (text.at(i) != QLatin1Char('&'))
            continue;
        if (text.at(i + 1) == QLatin1Char('&')) {
            ++i;
            continue;
        }
        return text.at(i + 1).toUpper();
    }
    return {};
}

QStringList ShortcutAudit::auditWindow(QWidget *window)
{
    QStringList out;
    QStringList titleLetters;
    if (auto *main = qobject_cast<QMainWindow *>(window)) {
        QHash<QString, QString> seen;
        for (QAction *a : main->menuBar()->actions()) {
            if (!a->isVisible())
                continue;
            const QString m = mnemonic(a->text());
            if (!m.isEmpty()) {
                if (seen.contains(m))
                    out << QStringLiteral("menu bar: \"%1\" and \"%2\" share Alt+%3")
                               .arg(plain(seen.value(m)), plain(a->text()), m);
                seen.insert(m, a->text());
                titleLetters << m;
            }
            if (a->menu())
                auditMenu(a->menu(), plain(a->text()), &out);
        }
    }
    // Shortcuts: every action of the window, once.
    QList<QAction *> actions = window->findChildren<QAction *>();
    QHash<QString, QList<QAction *>> byKey;
    for (QAction *a : std::as_const(actions)) {
        if (a->menu() && a->shortcuts().isEmpty())
            continue;
        for (const QKeySequence &k : a->shortcuts()) {
            if (k.isEmpty())
                continue;
            byKey[k.toString(QKeySequence::PortableText)] << a;
            // Alt+letter taken from a menu title.
            if (k.count() == 1 && k[0].keyboardModifiers() == Qt::AltModifier) {
                const QString letter = QKeySequence(k[0].key()).toString().toUpper();
                if (titleLetters.contains(letter))
                    out << QStringLiteral("\"%1\" has %2, which opens a menu")
                               .arg(plain(a->text()), k.toString(QKeySequence::PortableText));
            }
        }
    }
    for (auto it = byKey.constBegin(); it != byKey.constEnd(); ++it) {
        const QList<QAction *> &list = it.value();
        for (qsizetype i = 0; i < list.size(); ++i) {
            for (qsizetype j = i + 1; j < list.size(); ++j) {
                bool clash = false;
                for (QWidget *x : scopes(list.at(i))) {
                    for (QWidget *y : scopes(list.at(j)))
                        clash = clash || related(x, y);
                }
                if (clash)
                    out << QStringLiteral("%1: both \"%2\" and \"%3\"")
                               .arg(it.key(), plain(list.at(i)->text()), plain(list.at(j)->text()));
            }
        }
    }
    return out;
}

QStringList ShortcutAudit::auditPage(QWidget *page, const QList<QWidget *> &extra)
{
    QStringList out;
    QHash<QString, QString> seen;
    auto add = [&](const QString &text) {
        const QString m = mnemonic(text);
        if (m.isEmpty())
            return;
        if (seen.contains(m))
            out << QStringLiteral("\"%1\" and \"%2\" share Alt+%3")
                       .arg(plain(seen.value(m)), plain(text), m);
        else
            seen.insert(m, text);
    };
    QList<QWidget *> widgets = page->findChildren<QWidget *>();
    widgets += extra;
    for (QWidget *w : std::as_const(widgets)) {
        if (!extra.contains(w) && !w->isVisibleTo(page))
            continue;
        if (auto *label = qobject_cast<QLabel *>(w); label && label->buddy())
            add(label->text());
        else if (auto *button = qobject_cast<QAbstractButton *>(w))
            add(button->text());
        else if (auto *box = qobject_cast<QGroupBox *>(w))
            add(box->title());
        else if (auto *tabs = qobject_cast<QTabBar *>(w)) {
            for (int i = 0; i < tabs->count(); ++i)
                add(tabs->tabText(i));
        }
    }
    return out;
}

} // namespace labdeck
