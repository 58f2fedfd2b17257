#pragma once

#include <QDialog>

class QLabel;
class QLineEdit;
class QListView;
class QSortFilterProxyModel;
class QStandardItemModel;

namespace labdeck {

class HostModel;
class LabSelection;
class MainWindow;

// Ctrl+K: every menu action of the window and everything in the lab (hosts,
// workloads, compose services, host services, public URLs) in one list that
// filters as you type (all words, any order). Enter runs the action or
// selects the item everywhere; Esc closes. Disabled actions are left out,
// except the verbs that act on a lab item (kPaletteAppliesTo), which are
// offered for every item of their kind: "restart shlink" selects Shlink and
// runs Restart Workload. A line says when nothing matches.
class CommandPalette final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CommandPalette)
public:
    CommandPalette(MainWindow *window, HostModel *model, LabSelection *selection);
    ~CommandPalette() override;

    // Fills the list afresh and shows the palette with an empty filter.
    void open() override;
    [[nodiscard]] QLineEdit *filterEdit() const { return m_filter; }
    // Rows shown now, as their text (tests).
    [[nodiscard]] QStringList visibleEntries() const;
    // The "nothing matches" line as shown (empty when hidden).
    [[nodiscard]] QString noMatchText() const;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void populate();
    void activate(const QModelIndex &index);

    MainWindow *m_window;
    HostModel *m_model;
    LabSelection *m_selection;
    QLineEdit *m_filter;
    QListView *m_list;
    QLabel *m_noMatch;
    QStandardItemModel *m_entries;
    QSortFilterProxyModel *m_proxy;
};

} // namespace labdeck
