#pragma once

#include "kube/kubeclient.h"

#include <QPointer>
#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QSpinBox;
class QCheckBox;

namespace labdeck {

namespace kube {
class PodLogStream;
} // namespace kube

// Pod logs: the last N lines and (follow) new ones, a container picker,
// timestamps, and search. Keeps at most 50,000 lines; appends in batches so
// a fast log stays smooth.
class LogsPane final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LogsPane)
public:
    explicit LogsPane(QWidget *parent = nullptr);

    void setClient(kube::KubeClient *client);
    // Shows the log of a pod; containers lists its containers (the first is shown).
    void openPod(const QString &ns, const QString &pod, const QStringList &containers);
    [[nodiscard]] QString text() const;
    [[nodiscard]] int lineCount() const;

public Q_SLOTS:
    void findNext();
    void findPrevious();

private:
    void restart();
    void append(const QStringList &lines);

    QPointer<kube::KubeClient> m_client;
    QString m_ns;
    QString m_pod;
    QLabel *m_title;
    QComboBox *m_container;
    QSpinBox *m_tail;
    QCheckBox *m_follow;
    QCheckBox *m_timestamps;
    QLineEdit *m_search;
    QLabel *m_state;
    QPlainTextEdit *m_view;
    kube::PodLogStream *m_stream = nullptr;
};

} // namespace labdeck
