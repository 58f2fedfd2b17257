#include "checkcommand.h"
#include "commandline.h"
#include "demolabcommand.h"

#include <QCoreApplication>
#include <QTextStream>
#include <cstdio>
#include <cstring>

int main(int argc, char **argv)
{
    using namespace labdeck::app;
    if (argc >= 2 && std::strcmp(argv[1], "inventory") == 0)
        return runInventoryCommand(argc, argv);
    if (argc >= 2 && std::strcmp(argv[1], "check") == 0)
        return runCheckCommand(argc, argv);
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
