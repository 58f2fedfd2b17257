// A manifests file: every document is read or has a located error.

#include "fuzzsupport.h"
#include "manifests/writeplan.h"

using namespace labdeck;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString path = QStringLiteral("apps/app.yaml");
    const QList<manifests::FolderDocument> docs =
        manifests::ManifestFolder::parseFile(path, fuzz::bytes(data, size));
    for (const manifests::FolderDocument &d : docs) {
        fuzz::require(d.file == path, "a document names its file");
        fuzz::require(d.line >= 1, "a document starts on a line");
        if (!d.error.isEmpty())
            fuzz::require(d.error.startsWith(path), "an error names the file");
        else
            fuzz::require(!d.kind.isEmpty() && !d.name.isEmpty(),
                          "a document without error has a kind and a name");
    }
    return 0;
}
