// The watch stream parser: however the bytes are cut, the same events come
// out as when the stream arrives in one piece.

#include "fuzzsupport.h"
#include "kube/watchparser.h"

#include <QJsonDocument>

using namespace labdeck;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    // The first byte chooses the cut: chunks of 1..16 bytes, varying.
    const unsigned seed = data[0];
    const QByteArray stream = fuzz::bytes(data + 1, size - 1);

    kube::WatchParser whole;
    const QList<kube::WatchEvent> expected = whole.feed(stream);

    kube::WatchParser cut;
    QList<kube::WatchEvent> got;
    qsizetype at = 0;
    unsigned step = seed;
    while (at < stream.size()) {
        step = step * 1103515245u + 12345u;
        const qsizetype n = qsizetype(1 + (step >> 16) % 16);
        got += cut.feed(stream.mid(at, n));
        at += n;
    }
    fuzz::require(got.size() == expected.size(), "the same number of events");
    for (qsizetype i = 0; i < got.size(); ++i) {
        fuzz::require(got.at(i).type == expected.at(i).type, "the same event types");
        fuzz::require(got.at(i).object == expected.at(i).object, "the same objects");
    }
    fuzz::require(cut.malformedLines() == whole.malformedLines(), "the same malformed lines");
    fuzz::require(cut.pendingBytes() == whole.pendingBytes(), "the same unfinished line");
    return 0;
}
