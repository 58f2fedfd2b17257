#pragma once

#include "kube/manifestapply.h"

#include <QDialog>
#include <functional>

class QPushButton;
class QTreeWidget;

namespace labdeck {

// Server-side apply found fields another field manager owns with other
// values: lists each field, its object and the other manager, and offers
// "Force" as an explicit choice (Cancel is the default).
class ConflictDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConflictDialog)
public:
    explicit ConflictDialog(const QList<QPair<QString, kube::ApplyConflict>> &conflicts,
                            QWidget *parent = nullptr);

    [[nodiscard]] QTreeWidget *list() const { return m_list; }
    [[nodiscard]] QPushButton *forceButton() const { return m_force; }

    // Opens the dialog (window-modal, no nested event loop) and calls done
    // with true when the user chose Force, false otherwise.
    static void ask(const QList<QPair<QString, kube::ApplyConflict>> &conflicts, QWidget *parent,
                    std::function<void(bool force)> done);

private:
    QTreeWidget *m_list;
    QPushButton *m_force;
};

} // namespace labdeck
