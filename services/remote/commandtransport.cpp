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

QString displayCommand(const QStringList &argv)
{
    QStringList parts;
    parts.reserve(argv.size());
    for (const QString &a : argv)
        parts << shellQuote(a);
    return parts.join(QLatin1Char(' '));
}

} // namespace labdeck::remote
