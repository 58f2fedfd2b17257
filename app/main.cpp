#include "commandline.h"

#include <QTextStream>

#include <cstdio>
#include <cstring>

int main(int argc, char **argv)
{
    using namespace labdeck::app;
    if (argc >= 2 && std::strcmp(argv[1], "inventory") == 0)
        return runInventoryCommand(argc, argv);
    if (!hasDisplay(argc, argv)) {
        if (!canRunOffscreen(argc, argv)) {
            QTextStream(stderr) << noDisplayMessage() << Qt::endl;
            return 2;
        }
        qputenv("QT_QPA_PLATFORM", "offscreen");
    }
    return runGui(argc, argv);
}
