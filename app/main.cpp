#include "checkcommand.h"
#include "commandline.h"
#include "demolabcommand.h"
#include "historycommand.h"

#include <QCoreApplication>
#include <QTextStream>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <sys/stat.h>
#include <unistd.h>

namespace {

// Outside a desktop session (cron, a systemd timer, ssh) XDG_RUNTIME_DIR is
// unset and Qt says so on stderr, which cron mails to the user. Labdeck
// makes the private directory Qt would fall back to itself and names it, so
// nothing is printed; a directory that is not ours alone is left to Qt,
// which then refuses it loudly.
void ensureRuntimeDir()
{
    const char *set = std::getenv("XDG_RUNTIME_DIR");
    if (set && *set)
        return;
    const std::string dir = "/tmp/runtime-labdeck-" + std::to_string(::getuid());
    if (::mkdir(dir.c_str(), 0700) != 0 && errno != EEXIST)
        return;
    struct stat st = {};
    if (::lstat(dir.c_str(), &st) != 0 || !S_ISDIR(st.st_mode) || st.st_uid != ::getuid() ||
        (st.st_mode & 0777) != 0700)
        return;
    ::setenv("XDG_RUNTIME_DIR", dir.c_str(), 1);
}

} // namespace

int main(int argc, char **argv)
{
    using namespace labdeck::app;
    ensureRuntimeDir();
    if (argc >= 2 && std::strcmp(argv[1], "inventory") == 0)
        return runInventoryCommand(argc, argv);
    if (argc >= 2 && std::strcmp(argv[1], "check") == 0)
        return runCheckCommand(argc, argv);
    if (argc >= 2 && std::strcmp(argv[1], "history") == 0)
        return runHistoryCommand(argc, argv);
    if (argc >= 2 && std::strcmp(argv[1], "demolab") == 0)
        return runDemoLabCommand(argc, argv);
    if (!hasDisplay(argc, argv)) {
        if (!canRunOffscreen(argc, argv)) {
            // A core application, so the message can be translated.
            QCoreApplication app(argc, argv);
            installTranslations(app);
            QTextStream(stderr) << noDisplayMessage() << Qt::endl;
            return 2;
        }
        qputenv("QT_QPA_PLATFORM", "offscreen");
    }
    return runGui(argc, argv);
}
