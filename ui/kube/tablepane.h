#pragma once

#include <QSortFilterProxyModel>
#include <QWidget>

class QLineEdit;
class QComboBox;
class QTableView;
class QHBoxLayout;

namespace labdeck {

class RelativeTimeTicker;

// Filters a Kubernetes table as the user types (every column) and by
// namespace; sorts by roles::Sort.
class KubeFilterProxy final : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit KubeFilterProxy(QObject *parent = nullptr);
    void setNamespace(const QString &ns); // empty: all
    void setText(const QString &text);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QString m_namespace;
    QString m_text;
};

// A filter line, an optional namespace picker and a sortable table: the
// common shape of the Workloads, Pods and Events panes.
class TablePane : public QWidget
{
    Q_OBJECT
public:
    TablePane(QAbstractItemModel *model, const QString &placeholder, bool namespacePicker,
              QWidget *parent = nullptr);

    [[nodiscard]] QTableView *table() const { return m_table; }
    [[nodiscard]] KubeFilterProxy *proxy() const { return m_proxy; }
    [[nodiscard]] QLineEdit *filter() const { return m_filter; }
    // Refreshes the model's relative-time columns while the table is shown;
    // nullptr when the model has none (see RelativeTimeColumns).
    [[nodiscard]] RelativeTimeTicker *ticker() const { return m_ticker; }
    // The source row of the current table row, or -1.
    [[nodiscard]] int currentSourceRow() const;
    void setFilterText(const QString &text);
    // Selects the row whose roles::Key is key (source model).
    bool selectKey(const QString &key);

protected:
    QHBoxLayout *toolbar() const { return m_bar; }
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void refreshNamespaces();

    QAbstractItemModel *m_model;
    KubeFilterProxy *m_proxy;
    QLineEdit *m_filter;
    QComboBox *m_namespaces = nullptr;
    QTableView *m_table;
    QHBoxLayout *m_bar;
    RelativeTimeTicker *m_ticker = nullptr;
};

} // namespace labdeck
