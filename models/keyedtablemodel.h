#pragma once

#include "relativetimeticker.h"
#include "roles.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QSet>
#include <QStringList>
#include <algorithm>
#include <functional>

namespace labdeck {

// A table of values with a string key that changes row by row: upsert()
// inserts or emits dataChanged for one row, remove() removes one row, and
// replaceAll() (a relist) resets only when it must. Each key is in at most one
// row, also when a batch names it twice (an ADDED and a MODIFIED of one
// object in one watch burst): the later value wins. rowOf() is right whenever
// a signal is emitted. Large batches of modifications emit one dataChanged
// over the whole table instead of one per row, so a stream of thousands of
// watch events does not flood views.
// dataChanged always names its roles: those given to upsert(), else
// rowRoles(), every role a row answers.
// Subclasses implement columnCount(), data(), headerData() and rowRoles()
// over at(row), or describe their columns to KeyedColumnModel below.
template<typename T> class KeyedTableModel : public QAbstractTableModel, public RelativeTimeColumns
{
public:
    using KeyFn = std::function<QString(const T &)>;

    KeyedTableModel(KeyFn key, QObject *parent)
        : QAbstractTableModel(parent)
        , m_key(std::move(key))
    {}

    int rowCount(const QModelIndex &parent = {}) const override
    {
        return parent.isValid() ? 0 : int(m_rows.size());
    }

    [[nodiscard]] const T &at(int row) const { return m_rows.at(row); }
    [[nodiscard]] const QList<T> &rows() const { return m_rows; }
    [[nodiscard]] int rowOf(const QString &key) const { return m_index.value(key, -1); }
    [[nodiscard]] QString keyOf(const T &value) const { return m_key(value); }
    [[nodiscard]] const T *find(const QString &key) const
    {
        const int r = rowOf(key);
        return r < 0 ? nullptr : &m_rows.at(r);
    }

    // Every role a row answers: what dataChanged names when a whole row changed.
    [[nodiscard]] virtual const QList<int> &rowRoles() const = 0;

    // Inserts or updates one value. roles: what changed for an existing row
    // (empty: everything, rowRoles()).
    void upsert(const T &value, const QList<int> &roles = {})
    {
        upsertMany(QList<T>{value}, roles);
    }

    void remove(const QString &key) { removeMany(QStringList{key}); }

    // Removes the rows of these keys (unknown keys are ignored); contiguous
    // rows go in one rowsRemoved.
    void removeMany(const QStringList &keys)
    {
        QList<int> rows;
        rows.reserve(keys.size());
        for (const QString &key : keys) {
            const int r = rowOf(key);
            if (r >= 0)
                rows << r;
        }
        removeRows(rows);
    }

    // Applies many updates in order: for a key that comes more than once the
    // last value wins, and a key new to the table becomes one new row. One
    // dataChanged for the whole table when more than half the rows changed,
    // else one per run of adjacent changed rows; the new rows are appended in
    // one rowsInserted. roles: what changed in the existing rows (empty:
    // everything, rowRoles()).
    void upsertMany(const QList<T> &values, const QList<int> &roles = {})
    {
        QList<int> changed;
        QList<T> added;
        QHash<QString, int> addedAt; // key -> position in added
        for (const T &v : values) {
            const QString key = m_key(v);
            const int r = rowOf(key);
            if (r >= 0) {
                m_rows[r] = v;
                changed << r;
                continue;
            }
            const auto it = addedAt.constFind(key);
            if (it != addedAt.cend()) {
                added[*it] = v;
            } else {
                addedAt.insert(key, int(added.size()));
                added << v;
            }
        }
        std::sort(changed.begin(), changed.end());
        changed.erase(std::unique(changed.begin(), changed.end()), changed.end());
        const int last = this->columnCount() - 1;
        const QList<int> &named = roles.isEmpty() ? rowRoles() : roles;
        if (changed.size() * 2 > m_rows.size()) {
            Q_EMIT this->dataChanged(this->index(0, 0), this->index(int(m_rows.size()) - 1, last),
                                     named);
        } else {
            for (qsizetype i = 0; i < changed.size();) {
                qsizetype j = i;
                while (j + 1 < changed.size() && changed.at(j + 1) == changed.at(j) + 1)
                    ++j;
                Q_EMIT this->dataChanged(this->index(changed.at(i), 0),
                                         this->index(changed.at(j), last), named);
                i = j + 1;
            }
        }
        if (!added.isEmpty()) {
            const int first = int(m_rows.size());
            this->beginInsertRows({}, first, first + int(added.size()) - 1);
            for (const T &v : std::as_const(added)) {
                m_index.insert(m_key(v), int(m_rows.size()));
                m_rows << v;
            }
            this->endInsertRows();
        }
    }

    // A full list: keeps rows that are still there (dataChanged), removes the
    // rest, adds the new ones; a key listed twice is one row (the later
    // value). A reset only when the table was empty.
    void replaceAll(const QList<T> &values)
    {
        if (m_rows.isEmpty()) {
            if (values.isEmpty())
                return;
            this->beginResetModel();
            m_index.clear();
            for (const T &v : values) {
                const QString key = m_key(v);
                const auto it = m_index.constFind(key);
                if (it != m_index.cend()) {
                    m_rows[*it] = v;
                } else {
                    m_index.insert(key, int(m_rows.size()));
                    m_rows << v;
                }
            }
            this->endResetModel();
            return;
        }
        QSet<QString> keep;
        keep.reserve(values.size());
        for (const T &v : values)
            keep.insert(m_key(v));
        QList<int> gone;
        for (int r = 0; r < m_rows.size(); ++r) {
            if (!keep.contains(m_key(m_rows.at(r))))
                gone << r;
        }
        removeRows(gone);
        upsertMany(values);
    }

    // Pages of a LIST in progress, applied by commitStaged().
    void clearStaged() { m_staged.clear(); }
    void stage(const QList<T> &values) { m_staged.append(values); }
    void commitStaged() { replaceAll(std::exchange(m_staged, {})); }

    // A LIST of Kubernetes objects arrives in pages (Reflector::listStarted,
    // listPage, listed): the pages are parsed as they come and replace the
    // table at the end. Needs a parse function (setParse()).
    void beginList() { clearStaged(); }
    void addListPage(const QList<QJsonObject> &items)
    {
        QList<T> page;
        page.reserve(items.size());
        for (const QJsonObject &o : items)
            page << m_parse(o);
        stage(page);
    }
    void endList()
    {
        commitStaged();
        listReplaced();
    }
    void setList(const QList<QJsonObject> &items) // all three at once
    {
        beginList();
        addListPage(items);
        endList();
    }

    void clear()
    {
        this->beginResetModel();
        m_rows.clear();
        m_index.clear();
        this->endResetModel();
    }

protected:
    void setParse(std::function<T(const QJsonObject &)> parse) { m_parse = std::move(parse); }
    // After endList(): subclasses announce the change.
    virtual void listReplaced() {}

private:
    // Removes rows (any order, duplicates allowed): runs of adjacent rows in
    // one beginRemoveRows each, from the bottom up, then the index of the rows
    // below the first removed one is rebuilt.
    void removeRows(QList<int> rows)
    {
        if (rows.isEmpty())
            return;
        std::sort(rows.begin(), rows.end());
        rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
        for (qsizetype j = rows.size() - 1; j >= 0;) {
            qsizetype i = j;
            while (i > 0 && rows.at(i - 1) == rows.at(i) - 1)
                --i;
            const int first = rows.at(i);
            const int last = rows.at(j);
            this->beginRemoveRows({}, first, last);
            for (int r = first; r <= last; ++r)
                m_index.remove(m_key(m_rows.at(r)));
            m_rows.remove(first, last - first + 1);
            // The rows below moved up: the index follows before views look.
            for (int r = first; r < m_rows.size(); ++r)
                m_index[m_key(m_rows.at(r))] = r;
            this->endRemoveRows();
            j = i - 1;
        }
    }

    KeyFn m_key;
    std::function<T(const QJsonObject &)> m_parse;
    QList<T> m_staged;
    QList<T> m_rows;
    QHash<QString, int> m_index;
};

// A column of a KeyedColumnModel: its header, a row's text in it and a value
// that sorts right.
template<typename T> struct TableColumn
{
    QString header;
    std::function<QVariant(const T &)> display;
    std::function<QVariant(const T &)> sort; // may be empty: display
};

// A keyed table whose columns are a table of descriptions (the column-table
// idiom of the remote and Kubernetes tables): the columns answer
// headerData(), Qt::DisplayRole and roles::Sort, the key answers roles::Key;
// subclasses answer the other roles in rowData() and list them in the
// constructor (extraRoles), so rowRoles() names them all.
template<typename T> class KeyedColumnModel : public KeyedTableModel<T>
{
public:
    using Column = TableColumn<T>;

    KeyedColumnModel(typename KeyedTableModel<T>::KeyFn key, QList<Column> columns,
                     const QList<int> &extraRoles, QObject *parent)
        : KeyedTableModel<T>(std::move(key), parent)
        , m_columns(std::move(columns))
        , m_roles(QList<int>{Qt::DisplayRole, roles::Sort, roles::Key} + extraRoles)
    {}

    int columnCount(const QModelIndex &parent = {}) const override
    {
        return parent.isValid() ? 0 : int(m_columns.size());
    }

    QVariant headerData(int section, Qt::Orientation o, int role = Qt::DisplayRole) const override
    {
        if (o == Qt::Horizontal && role == Qt::DisplayRole && section >= 0 &&
            section < m_columns.size())
            return m_columns.at(section).header;
        return {};
    }

    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override
    {
        if (!this->checkIndex(index, QAbstractItemModel::CheckIndexOption::IndexIsValid))
            return {};
        const T &v = this->at(index.row());
        const Column &c = m_columns.at(index.column());
        switch (role) {
        case Qt::DisplayRole:
            return c.display(v);
        case roles::Sort:
            return c.sort ? c.sort(v) : c.display(v);
        case roles::Key:
            return this->keyOf(v);
        default:
            return rowData(v, index.column(), role);
        }
    }

    [[nodiscard]] const QList<int> &rowRoles() const final { return m_roles; }

protected:
    // The roles beyond display, sort and key, for the row v in column.
    virtual QVariant rowData(const T &v, int column, int role) const = 0;

private:
    QList<Column> m_columns;
    QList<int> m_roles;
};

} // namespace labdeck
