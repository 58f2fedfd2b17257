#include "kube/logspane.h"

#include "kube/podlogstream.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QScrollBar>
#include <QSpinBox>
#include <QTextDocument>
#include <QVBoxLayout>

namespace labdeck {

namespace {
constexpr int kMaxLines = 50000;
}

LogsPane::LogsPane(QWidget *parent)
    : QWidget(parent)
    , m_title(new QLabel)
    , m_container(new QComboBox)
    , m_tail(new QSpinBox)
    , m_follow(new QCheckBox(tr("Follow")))
    , m_timestamps(new QCheckBox(tr("Timestamps")))
    , m_search(new QLineEdit)
    , m_state(new QLabel)
    , m_view(new QPlainTextEdit)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    auto *bar = new QHBoxLayout;
    m_title->setText(tr("Choose a pod or workload and press Logs (Ctrl+Shift+L)."));
    bar->addWidget(m_title, 1);
    bar->addWidget(new QLabel(tr("Container:")));
    m_container->setAccessibleName(tr("Container"));
    bar->addWidget(m_container);
    bar->addWidget(new QLabel(tr("Last lines:")));
    m_tail->setRange(0, 100000);
    m_tail->setValue(500);
    m_tail->setSpecialValueText(tr("all"));
    m_tail->setAccessibleName(tr("Last lines"));
    bar->addWidget(m_tail);
    m_follow->setChecked(true);
    bar->addWidget(m_follow);
    bar->addWidget(m_timestamps);
    m_search->setPlaceholderText(tr("Search (Enter: next, Shift+Enter: previous)"));
    m_search->setClearButtonEnabled(true);
    bar->addWidget(m_search, 1);
    layout->addLayout(bar);
    m_view->setReadOnly(true);
    m_view->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_view->setMaximumBlockCount(kMaxLines);
    m_view->setFont(QFont(QStringLiteral("monospace")));
    m_view->setAccessibleName(tr("Log"));
    layout->addWidget(m_view, 1);
    layout->addWidget(m_state);

    connect(m_container, &QComboBox::activated, this, &LogsPane::restart);
    connect(m_tail, &QSpinBox::editingFinished, this, &LogsPane::restart);
    connect(m_follow, &QCheckBox::toggled, this, &LogsPane::restart);
    connect(m_timestamps, &QCheckBox::toggled, this, &LogsPane::restart);
    connect(m_search, &QLineEdit::returnPressed, this, [this] {
        if (QGuiApplication::keyboardModifiers() & Qt::ShiftModifier)
            findPrevious();
        else
            findNext();
    });
}

void LogsPane::setClient(kube::KubeClient *client)
{
    m_client = client;
    if (m_stream) {
        m_stream->deleteLater();
        m_stream = nullptr;
    }
}

void LogsPane::openPod(const QString &ns, const QString &pod, const QStringList &containers)
{
    m_ns = ns;
    m_pod = pod;
    m_container->clear();
    m_container->addItems(containers);
    m_container->setEnabled(containers.size() > 1);
    m_title->setText(tr("Pod %1 in %2").arg(pod, ns));
    restart();
}

void LogsPane::restart()
{
    if (m_stream) {
        m_stream->stop();
        m_stream->deleteLater();
        m_stream = nullptr;
    }
    m_view->clear();
    if (m_pod.isEmpty() || !m_client) {
        m_state->setText(m_client ? QString() : tr("Not connected to a cluster."));
        return;
    }
    kube::PodLogStream::Options options;
    options.container = m_container->currentText();
    options.tailLines = m_tail->value();
    options.follow = m_follow->isChecked();
    options.timestamps = m_timestamps->isChecked();
    m_stream = new kube::PodLogStream(m_client, m_ns, m_pod, options, this);
    connect(m_stream, &kube::PodLogStream::lines, this, &LogsPane::append);
    connect(m_stream, &kube::PodLogStream::ended, this, [this](const QString &error) {
        m_state->setText(error.isEmpty() ? tr("Log ended (%n line(s)).", nullptr, lineCount())
                                         : tr("Log stopped: %1").arg(error));
    });
    m_state->setText(options.follow ? tr("Following...") : tr("Loading..."));
    m_stream->start();
}

void LogsPane::append(const QStringList &lines)
{
    // Stay at the bottom while following, unless the user scrolled up to read.
    QScrollBar *bar = m_view->verticalScrollBar();
    const bool atBottom = bar->value() >= bar->maximum() - 2;
    m_view->setUpdatesEnabled(false);
    m_view->appendPlainText(lines.join(QLatin1Char('\n')));
    m_view->setUpdatesEnabled(true);
    if (atBottom)
        bar->setValue(bar->maximum());
    if (m_follow->isChecked())
        m_state->setText(tr("Following: %n line(s)", nullptr, lineCount()));
}

QString LogsPane::text() const
{
    return m_view->toPlainText();
}

int LogsPane::lineCount() const
{
    return m_view->document()->blockCount() - (m_view->document()->isEmpty() ? 1 : 0);
}

void LogsPane::findNext()
{
    if (!m_search->text().isEmpty() && !m_view->find(m_search->text())) {
        m_view->moveCursor(QTextCursor::Start);
        if (!m_view->find(m_search->text()))
            m_state->setText(tr("\"%1\" not found").arg(m_search->text()));
    }
}

void LogsPane::findPrevious()
{
    if (!m_search->text().isEmpty() &&
        !m_view->find(m_search->text(), QTextDocument::FindBackward)) {
        m_view->moveCursor(QTextCursor::End);
        if (!m_view->find(m_search->text(), QTextDocument::FindBackward))
            m_state->setText(tr("\"%1\" not found").arg(m_search->text()));
    }
}

} // namespace labdeck
