#pragma once

#include "relativetimeticker.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <functional>

namespace labdeck {

// A table of values with a string key that changes row by row: upsert()
// inserts or emits dataChanged for one row, remove() removes one row, and
// replaceAll() (a relist) resets only when it must. Large batches of
// modifications emit one dataChanged over the whole table instead of one per
// row, so a stream of thousands of watch events does not flood views.
// Subclasses implement columnCount(), data() and headerData() over at(row).
template<typename T> class KeyedTableModel : public QAbstractTableModel, public RelativeTimeColumns
{
public:
    using KeyFn = std::function<QString(const T &)>;

    KeyedTableModel(KeyFn key, QObject *parent)
        : QAbstractTableModel(parent)
        , m_key(std::move(key))
    {
    }

    int rowCount(const QModelIndex &parent = {}) const override
    {
        return parent.isValid() ? 0 : int(m_rows.size());
    }

    [[nodiscard]] const T &at(int row) const { return m_rows.at(row); }
    [[nodiscard]] const QList<T> &rows() const { return m_rows; }
    [[nodiscard]] int rowOf(const QString &key) const { return m_index.value(key, -1); }
    [[nodiscard]] const T *find(const QString &key) const
    {
        const int r = rowOf(key);
        return r < 0 ? nullptr : &m_rows.at(r);
    }

    // Inserts or updates one value.
    void upsert(const T &value)
    {
        const QString key = m_key(value);
        const int r = rowOf(key);
        if (r >= 0) {
            m_rows[r] = value;
            Q_EMIT this->dataChanged(this->index(r, 0), this->index(r, this->columnCount() - 1));
            return;
        }
        const int row = int(m_rows.size());
        this->beginInsertRows({}, row, row);
        m_rows << value;
        m_index.insert(key, row);
        this->endInsertRows();
    }

    void remove(const QString &key)
    {
        const int r = rowOf(key);
        if (r < 0)
            return;
        this->beginRemoveRows({}, r, r);
        m_rows.removeAt(r);
        m_index.remove(key);
        for (int i = r; i < m_rows.size(); ++i)
            m_index[m_key(m_rows.at(i))] = i;
        this->endRemoveRows();
    }

    // Applies many updates; one dataChanged for the whole table when more
    // than half the rows changed, else one per row.
    void upsertMany(const QList<T> &values)
    {
        QList<int> changed;
        QList<T> added;
        for (const T &v : values) {
            const int r = rowOf(m_key(v));
            if (r >= 0) {
                m_rows[r] = v;
                changed << r;
            } else {
                added << v;
            }
        }
        if (changed.size() * 2 > m_rows.size() && !m_rows.isEmpty()) {
            Q_EMIT this->dataChanged(this->index(0, 0),
                                     this->index(int(m_rows.size()) - 1, this->columnCount() - 1));
        } else {
            for (int r : changed)
                Q_EMIT this->dataChanged(this->index(r, 0), this->index(r, this->columnCount() - 1));
        }
        if (!added.isEmpty()) {
            const int first = int(m_rows.size());
            this->beginInsertRows({}, first, first + int(added.size()) - 1);
            for (const T &v : added) {
                m_index.insert(m_key(v), int(m_rows.size()));
                m_rows << v;
            }
            this->endInsertRows();
        }
    }

    // A full list: keeps rows that are still there (dataChanged), removes the
    // rest, adds the new ones; a reset only when the table was empty.
    void replaceAll(const QList<T> &values)
    {
        if (m_rows.isEmpty()) {
            this->beginResetModel();
            m_rows = values;
            reindex();
            this->endResetModel();
            return;
        }
        QHash<QString, int> keep;
        for (int i = 0; i < values.size(); ++i)
            keep.insert(m_key(values.at(i)), i);
        for (int r = int(m_rows.size()) - 1; r >= 0; --r) {
            if (!keep.contains(m_key(m_rows.at(r)))) {
                this->beginRemoveRows({}, r, r);
                m_rows.removeAt(r);
                this->endRemoveRows();
            }
        }
        reindex();
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
    void reindex()
    {
        m_index.clear();
        m_index.reserve(m_rows.size());
        for (int i = 0; i < m_rows.size(); ++i)
            m_index.insert(m_key(m_rows.at(i)), i);
    }

    KeyFn m_key;
    std::function<T(const QJsonObject &)> m_parse;
    QList<T> m_staged;
    QList<T> m_rows;
    QHash<QString, int> m_index;
};

} // namespace labdeck
