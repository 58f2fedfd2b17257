#include "tray/autostart.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QStandardPaths>

namespace labdeck {

QString Autostart::path()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation) +
           QStringLiteral("/autostart/io.github.labdeck.Labdeck.desktop");
}

bool Autostart::isEnabled()
{
    QFile f(path());
    if (!f.open(QIODevice::ReadOnly))
        return false;
    const QByteArray text = f.read(64 * 1024);
    return !text.contains("\nHidden=true");
}

QString Autostart::execLine(const QString &program)
{
    // Reserved characters make an argument quoted; inside the quotes ", `, $
    // and \ are escaped with a backslash; then, as in every string value of
    // the file, each backslash is written twice.
    static const QString reserved = QStringLiteral(" \t\n\"'\\><~|&;$*?#()`");
    QString arg = program;
    if (std::any_of(program.cbegin(), program.cend(),
                    [](QChar c) { return reserved.contains(c); })) {
        QString quoted;
        for (QChar c : program) {
            if (c == QLatin1Char('"') || c == QLatin1Char('`') || c == QLatin1Char('$') ||
                c == QLatin1Char('\\'))
                quoted += QLatin1Char('\\');
            quoted += c;
        }
        arg = QLatin1Char('"') + quoted + QLatin1Char('"');
    }
    arg.replace(QLatin1Char('\\'), QStringLiteral("\\\\"));
    return arg + QStringLiteral(" --minimized");
}

bool Autostart::setEnabled(bool enabled, QString *error, const QString &program)
{
    const QString file = path();
    if (!enabled) {
        if (QFile::exists(file) && !QFile::remove(file)) {
            *error = tr("could not remove %1").arg(file);
            return false;
        }
        return true;
    }
    const QString exe = program.isEmpty() ? QCoreApplication::applicationFilePath() : program;
    if (exe.contains(QLatin1Char('\n')) || exe.contains(QLatin1Char('\r')) ||
        exe.contains(QLatin1Char('%'))) {
        *error = tr("the program path %1 cannot be written in an autostart entry").arg(exe);
        return false;
    }
    if (!QDir().mkpath(QFileInfo(file).absolutePath())) {
        *error = tr("could not create the folder %1").arg(QFileInfo(file).absolutePath());
        return false;
    }
    const QString entry = QStringLiteral("[Desktop Entry]\n"
                                         "Type=Application\n"
                                         "Name=Labdeck\n"
                                         "Comment=%1\n"
                                         "Exec=%2\n"
                                         "Icon=io.github.labdeck.Labdeck\n"
                                         "Terminal=false\n"
                                         "X-GNOME-Autostart-enabled=true\n")
                              .arg(tr("Watch the lab from the system tray"), execLine(exe));
    QSaveFile out(file);
    if (!out.open(QIODevice::WriteOnly) || out.write(entry.toUtf8()) < 0 || !out.commit()) {
        *error = tr("could not write %1: %2").arg(file, out.errorString());
        return false;
    }
    return true;
}

} // namespace labdeck
