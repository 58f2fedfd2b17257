#include "palette/commandpalette.h"

#include "hostmodel.h"
#include "labselection.h"
#include "mainwindow.h"

#include <QAction>
#include <QDesktopServices>
#include <QHash>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMenu>
#include <QMenuBar>
#include <QPointer>
#include <QRegularExpression>
#include <QSortFilterProxyModel>
#include <QStandardItemModel>
#include <QStatusBar>
#include <QVBoxLayout>

namespace labdeck {

namespace {

constexpr int kActionRole = Qt::UserRole + 1; // QVariant of a QAction* (as QObject*)
constexpr int kIdRole = Qt::UserRole + 2;     // lab item id
constexpr int kSearchRole = Qt::UserRole + 3; // lower-case text matched against
constexpr int kUrlRole = Qt::UserRole + 4;    // a public URL to open

// Every word of the filter appears somewhere in the entry, in any order.
class WordsFilter final : public QSortFilterProxyModel
{
public:
    using QSortFilterProxyModel::QSortFilterProxyModel;
    void setWords(const QString &text)
    {
        m_words = text.toLower().split(QLatin1Char(' '), Qt::SkipEmptyParts);
        invalidateFilter();
    }

protected:
    bool filterAcceptsRow(int row, const QModelIndex &parent) const override
    {
        const QString text = sourceModel()->index(row, 0, parent).data(kSearchRole).toString();
        for (const QString &w : m_words)
            if (!text.contains(w))
                return false;
        return true;
    }

private:
    QStringList m_words;
};

QString plain(QString text)
{
    text.remove(QRegularExpression(QStringLiteral("\\(&\\w\\)"))); // Japanese accelerators "(&R)"
    text.remove(QLatin1Char('&'));
    while (text.endsWith(QLatin1Char('.')) || text.endsWith(QChar(0x2026)))
        text.chop(1);
    return text.trimmed();
}

} // namespace

CommandPalette::CommandPalette(MainWindow *window, HostModel *model, LabSelection *selection)
    : QDialog(window)
    , m_window(window)
    , m_model(model)
    , m_selection(selection)
    , m_filter(new QLineEdit)
    , m_list(new QListView)
    , m_noMatch(new QLabel)
    , m_entries(new QStandardItemModel(this))
    , m_proxy(new WordsFilter(this))
{
    setWindowTitle(tr("Command Palette"));
    setObjectName(QStringLiteral("command-palette"));
    m_filter->setPlaceholderText(tr("Type an action, a host or a workload…"));
    m_filter->setAccessibleName(tr("Command palette filter"));
    m_filter->setClearButtonEnabled(true);
    m_filter->installEventFilter(this);
    m_proxy->setSourceModel(m_entries);
    m_list->setModel(m_proxy);
    m_list->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_list->setUniformItemSizes(true);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(m_filter);
    layout->addWidget(m_list);
    layout->addWidget(m_noMatch);
    m_noMatch->setWordWrap(true);
    m_noMatch->hide();
    resize(560, 420);

    connect(m_filter, &QLineEdit::textChanged, this, [this](const QString &text) {
        static_cast<WordsFilter *>(m_proxy)->setWords(text);
        m_list->setCurrentIndex(m_proxy->index(0, 0));
        const bool none = m_proxy->rowCount() == 0 && !text.trimmed().isEmpty();
        m_noMatch->setText(none ? tr("Nothing matches \"%1\". Try fewer words, or a verb and a "
                                     "name: \"restart shlink\", \"logs traefik\", \"check "
                                     "certs\".")
                                      .arg(text.trimmed())
                                : QString());
        m_noMatch->setVisible(none);
    });
    connect(m_list, &QListView::activated, this, &CommandPalette::activate);

    auto *show = new QAction(tr("Command Palette…"), window);
    show->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_K));
    show->setShortcutContext(Qt::ApplicationShortcut);
    connect(show, &QAction::triggered, this, &CommandPalette::open);
    window->addAction(show);
    window->addViewToggle(show);
}

CommandPalette::~CommandPalette() = default;

void CommandPalette::populate()
{
    m_entries->clear();
    // Verbs on lab items, by the kind of item they work on.
    QHash<QString, QList<QPair<QAction *, QString>>> verbs; // kind -> (action, its menu path)
    // The window's actions, as the menus show them: "Cluster › Restart Workload".
    const std::function<void(QMenu *, const QString &)> walk = [&](QMenu *menu,
                                                                   const QString &path) {
        for (QAction *a : menu->actions()) {
            if (a->isSeparator() || !a->isVisible())
                continue;
            if (a->menu()) {
                walk(a->menu(), path + QStringLiteral(" \u203a ") + plain(a->text()));
                continue;
            }
            const QString kind = a->property(kPaletteAppliesTo).toString();
            if (!kind.isEmpty())
                verbs[kind].append({a, path});
            if (!a->isEnabled() || a->text().isEmpty())
                continue;
            auto *item = new QStandardItem(path + QStringLiteral(" \u203a ") + plain(a->text()));
            if (!a->shortcut().isEmpty())
                item->setText(item->text() + QStringLiteral("    ") +
                              a->shortcut().toString(QKeySequence::NativeText));
            item->setData(QVariant::fromValue<QObject *>(a), kActionRole);
            item->setData(
                (item->text() + QLatin1Char(' ') + a->property(kPaletteKeywords).toString())
                    .toLower(),
                kSearchRole);
            item->setToolTip(a->toolTip());
            m_entries->appendRow(item);
        }
    };
    for (QAction *top : m_window->menuBar()->actions())
        if (top->menu())
            walk(top->menu(), plain(top->text()));

    // The lab: every row of the host model, "Go to".
    const std::function<void(const QModelIndex &)> lab = [&](const QModelIndex &parent) {
        for (int r = 0; r < m_model->rowCount(parent); ++r) {
            const QModelIndex idx = m_model->index(r, 0, parent);
            const QString id = idx.data(HostModel::IdRole).toString();
            const QString host = idx.data(HostModel::HostNameRole).toString();
            const QString name = idx.data(Qt::DisplayRole).toString();
            const QString text =
                parent.isValid() ? tr("Go to %1 on %2").arg(name, host) : tr("Go to %1").arg(name);
            auto *item = new QStandardItem(text);
            item->setData(id, kIdRole);
            item->setData((text + QLatin1Char(' ') + id).toLower(), kSearchRole);
            m_entries->appendRow(item);
            // Each verb for this kind of item: "Restart Workload › Shlink on bracky".
            const QString kind = id.section(QLatin1Char(':'), 0, 0);
            for (const auto &[a, path] : verbs.value(kind)) {
                QString verbText = plain(a->text()) + QStringLiteral(" \u203a ") + name;
                if (parent.isValid())
                    verbText = tr("%1 on %2").arg(verbText, host);
                if (!a->shortcut().isEmpty())
                    verbText +=
                        QStringLiteral("    ") + a->shortcut().toString(QKeySequence::NativeText);
                auto *verb = new QStandardItem(verbText);
                verb->setData(id, kIdRole);
                verb->setData(QVariant::fromValue<QObject *>(a), kActionRole);
                verb->setData(
                    (verbText + QLatin1Char(' ') + path + QLatin1Char(' ') + id).toLower(),
                    kSearchRole);
                verb->setToolTip(tr("Selects %1, then: %2").arg(name, plain(a->text())));
                m_entries->appendRow(verb);
            }
            lab(idx);
        }
    };
    lab({});
    // Every public URL, to open in the browser.
    for (const PublicUrl &u : m_model->inventory().publicUrls()) {
        auto *item = new QStandardItem(tr("Open %1").arg(u.url.toString()));
        item->setData(u.url, kUrlRole);
        item->setData(
            (item->text() + QLatin1Char(' ') + u.title + QLatin1Char(' ') + u.target).toLower(),
            kSearchRole);
        item->setToolTip(tr("%1, served by %2 on %3").arg(u.title, u.target, u.host));
        m_entries->appendRow(item);
    }
}

QString CommandPalette::noMatchText() const
{
    return m_noMatch->isVisible() ? m_noMatch->text() : QString();
}

void CommandPalette::open()
{
    populate();
    m_filter->clear();
    m_list->setCurrentIndex(m_proxy->index(0, 0));
    QDialog::open();
    m_filter->setFocus();
}

QStringList CommandPalette::visibleEntries() const
{
    QStringList out;
    for (int r = 0; r < m_proxy->rowCount(); ++r)
        out << m_proxy->index(r, 0).data().toString();
    return out;
}

void CommandPalette::activate(const QModelIndex &index)
{
    if (!index.isValid())
        return;
    const QPointer<QAction> action =
        qobject_cast<QAction *>(index.data(kActionRole).value<QObject *>());
    const QString id = index.data(kIdRole).toString();
    const QUrl url = index.data(kUrlRole).toUrl();
    accept();
    if (url.isValid()) {
        QDesktopServices::openUrl(url);
        return;
    }
    // A verb on an item: the item first, so that the action works on it.
    if (!id.isEmpty())
        m_selection->select(id);
    if (!action)
        return;
    // After the palette is gone, so a dialog the action opens is on top.
    QPointer<MainWindow> window = m_window;
    QMetaObject::invokeMethod(
        action,
        [action, window] {
            if (!action)
                return;
            if (action->isEnabled())
                action->trigger();
            else if (window)
                window->statusBar()->showMessage(
                    tr("%1 is not available for the selection now (not connected, or not that "
                       "kind of item).")
                        .arg(plain(action->text())),
                    8000);
        },
        Qt::QueuedConnection);
}

bool CommandPalette::eventFilter(QObject *watched, QEvent *event)
{
    // Up/Down move in the list while typing; Enter runs the current entry.
    if (watched == m_filter && event->type() == QEvent::KeyPress) {
        auto *key = static_cast<QKeyEvent *>(event);
        const int row = m_list->currentIndex().row();
        switch (key->key()) {
        case Qt::Key_Down:
            m_list->setCurrentIndex(m_proxy->index(std::min(row + 1, m_proxy->rowCount() - 1), 0));
            return true;
        case Qt::Key_Up:
            m_list->setCurrentIndex(m_proxy->index(std::max(row - 1, 0), 0));
            return true;
        case Qt::Key_Return:
        case Qt::Key_Enter:
            activate(m_list->currentIndex());
            return true;
        default:
            break;
        }
    }
    return QDialog::eventFilter(watched, event);
}

} // namespace labdeck
