#pragma once

#include "history/historytypes.h"

#include <QDateTime>
#include <QPointer>
#include <QWidget>
#include <functional>

class QComboBox;
class QLabel;
class QLineEdit;
class QTimer;
class QTreeWidget;

namespace labdeck {

namespace history {
class HistoryStore;
}

// The History dock: every transition of the last 30 days, newest first
// (when, item, from → to, what was said), filtered by text (item or reason)
// and severity; a banner says when the history is not being kept. Activating
// a row selects the item. UI thread.
class TransitionsPane final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TransitionsPane)
public:
    explicit TransitionsPane(history::HistoryStore *store, QWidget *parent = nullptr);

    static constexpr int kRows = 500;

    // Asks again now.
    void refresh();
    void setClock(std::function<QDateTime()> now) { m_now = std::move(now); }
    // The store's state in words; empty hides the banner.
    void setProblem(const QString &text);

    [[nodiscard]] QLineEdit *filterEdit() const { return m_filter; }
    [[nodiscard]] QComboBox *severityBox() const { return m_severity; }
    [[nodiscard]] QTreeWidget *list() const { return m_list; }
    [[nodiscard]] QLabel *banner() const { return m_banner; }

Q_SIGNALS:
    void updated();
    // A row was activated: its item id ("host:bracky").
    void itemActivated(const QString &id);

private:
    void show(const QList<history::Transition> &transitions);

    // Guarded: the window may outlive the store while it closes.
    QPointer<history::HistoryStore> m_store;
    QLabel *m_banner;
    QLineEdit *m_filter;
    QComboBox *m_severity;
    QTreeWidget *m_list;
    QTimer *m_soon;
    std::function<QDateTime()> m_now;
    int m_request = 0;
};

} // namespace labdeck
