#include "remote/commandtransport.h"

namespace labdeck::remote {

QString StepText::name(Step step)
{
    switch (step) {
    case Step::None:
        return tr("none");
    case Step::NameLookup:
        return tr("name lookup");
    case Step::Connect:
        return tr("connect");
    case Step::HostKey:
        return tr("host key");
    case Step::Authentication:
        return tr("authentication");
    case Step::Command:
        return tr("command");
    case Step::Timeout:
        return tr("timeout");
    case Step::Cancelled:
        return tr("cancelled");
    }
    return {};
}

QString shellQuote(const QString &argument)
{
    static const QString safe =
        QStringLiteral("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_./=:,@%+");
    bool plain = !argument.isEmpty();
    for (const QChar c : argument) {
        if (!safe.contains(c)) {
            plain = false;
            break;
        }
    }
    if (plain)
        return argument;
    QString quoted = argument;
    quoted.replace(QLatin1Char('\''), QLatin1String("'\\''"));
    return QLatin1Char('\'') + quoted + QLatin1Char('\'');
}

namespace {

bool plainWord(const QString &argument)
{
    // '=' and '%' are safe inside a word but not at its start (zsh's
    // =command expansion, fish's old %process expansion).
    static const QString safe =
        QStringLiteral("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_./=:,@%+");
    if (argument.isEmpty() || argument.front() == QLatin1Char('=') ||
        argument.front() == QLatin1Char('%'))
        return false;
    for (const QChar c : argument) {
        if (!safe.contains(c))
            return false;
    }
    return true;
}

QString portableWord(const QString &argument)
{
    if (plainWord(argument))
        return argument;
    if (argument.isEmpty())
        return QStringLiteral("''");
    QString word;
    word.reserve(argument.size() + 8);
    bool open = false;
    for (const QChar c : argument) {
        if (c == QLatin1Char('\'') || c == QLatin1Char('\\')) {
            if (open) {
                word += QLatin1Char('\'');
                open = false;
            }
            word += QLatin1Char('\\');
            word += c;
            continue;
        }
        if (!open) {
            word += QLatin1Char('\'');
            open = true;
        }
        word += c;
    }
    if (open)
        word += QLatin1Char('\'');
    return word;
}

} // namespace

void appendCapped(QByteArray &buffer, const QByteArray &chunk, qsizetype cap)
{
    static const QByteArray marker = QByteArrayLiteral("\n[Labdeck: the rest was dropped]\n");
    if (buffer.size() >= cap) {
        if (!buffer.endsWith(marker))
            buffer += marker;
        return;
    }
    const qsizetype room = cap - buffer.size();
    buffer += chunk.left(room);
    if (chunk.size() > room)
        buffer += marker;
}

QString remoteCommandLine(const QStringList &argv)
{
    QStringList words;
    words.reserve(argv.size());
    for (const QString &a : argv)
        words << portableWord(a);
    return words.join(QLatin1Char(' '));
}

QString displayCommand(const QStringList &argv)
{
    QStringList parts;
    parts.reserve(argv.size());
    for (const QString &a : argv)
        parts << shellQuote(a);
    return parts.join(QLatin1Char(' '));
}

} // namespace labdeck::remote
