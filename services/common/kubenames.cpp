#include "common/kubenames.h"

#include <QCoreApplication>

namespace labdeck::kubenames {

namespace {

bool alnum(QChar c)
{
    return (c >= QLatin1Char('a') && c <= QLatin1Char('z')) ||
           (c >= QLatin1Char('0') && c <= QLatin1Char('9'));
}

bool labelOf(QStringView s)
{
    if (s.isEmpty() || s.size() > 63 || !alnum(s.front()) || !alnum(s.back()))
        return false;
    for (const QChar c : s) {
        if (!alnum(c) && c != QLatin1Char('-'))
            return false;
    }
    return true;
}

class Text
{
    Q_DECLARE_TR_FUNCTIONS(KubeNames)
};

} // namespace

bool isDns1123Label(const QString &name)
{
    return labelOf(name);
}

bool isDns1123Subdomain(const QString &name)
{
    if (name.isEmpty() || name.size() > 253)
        return false;
    for (const QStringView part : QStringView(name).split(QLatin1Char('.'))) {
        if (!labelOf(part))
            return false;
    }
    return true;
}

bool isDns1035Label(const QString &name)
{
    return labelOf(name) && name.front() >= QLatin1Char('a') && name.front() <= QLatin1Char('z');
}

QString nameProblem(const QString &kind, const QString &name)
{
    if (kind == QLatin1String("Namespace")) {
        if (isDns1123Label(name))
            return {};
        return Text::tr("\"%1\" is not a valid name: a namespace name is a lowercase RFC 1123 "
                        "label (at most 63 of a-z, 0-9 and '-', starting and ending with a "
                        "letter or digit)")
            .arg(name);
    }
    if (kind == QLatin1String("Service")) {
        if (isDns1035Label(name))
            return {};
        return Text::tr("\"%1\" is not a valid name: a Service name is an RFC 1035 label (at "
                        "most 63 of a-z, 0-9 and '-', starting with a letter and ending with a "
                        "letter or digit)")
            .arg(name);
    }
    if (isDns1123Subdomain(name))
        return {};
    return Text::tr("\"%1\" is not a valid name: it must be a lowercase RFC 1123 subdomain (at "
                    "most 253 of a-z, 0-9, '-' and '.', each dot-separated part starting and "
                    "ending with a letter or digit)")
        .arg(name);
}

QString namespaceProblem(const QString &ns)
{
    if (isDns1123Label(ns))
        return {};
    return Text::tr("\"%1\" is not a valid namespace: a namespace is a lowercase RFC 1123 label "
                    "(at most 63 of a-z, 0-9 and '-', starting and ending with a letter or "
                    "digit)")
        .arg(ns);
}

} // namespace labdeck::kubenames
