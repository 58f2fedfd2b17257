#pragma once

#include <QWidget>

class QTextBrowser;

namespace labdeck {

class HostModel;
class LabSelection;

// The Details dock: everything the inventory says about the selection, and
// its live state (unknown until a source is connected).
class DetailsPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DetailsPanel)
public:
    DetailsPanel(HostModel *model, LabSelection *selection, QWidget *parent = nullptr);

    // The HTML shown now (for tests).
    [[nodiscard]] QString html() const;

private:
    void refresh();
    [[nodiscard]] QString hostHtml(const QString &name) const;
    [[nodiscard]] QString itemHtml(const QString &id) const;
    [[nodiscard]] QString urlHtml(const QString &url) const;

    HostModel *m_model;
    LabSelection *m_selection;
    QTextBrowser *m_view;
};

} // namespace labdeck
