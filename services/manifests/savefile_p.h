#pragma once

#include <QByteArray>
#include <QSaveFile>
#include <QString>
#include <cerrno>
#include <cstring>

namespace labdeck::manifests {

// Writes all of data to out. On a disk that fills up part way,
// QFileDevice::write() returns a short count and sets no error, and
// QSaveFile::commit() would then move the truncated file into place: a short
// write is retried with the rest, which fails with the system's reason
// (ENOSPC, EFBIG, EDQUOT). False with that reason in why when not all of it
// was written; the caller must then not commit (cancelWriting()).
[[nodiscard]] inline bool writeWhole(QSaveFile &out, const QByteArray &data, QString *why)
{
    qint64 done = 0;
    while (done < data.size()) {
        errno = 0;
        const qint64 n = out.write(data.constData() + done, data.size() - done);
        if (n <= 0) {
            const int error = errno;
            // Qt's words are "Unknown error" when the failing call was not its last.
            *why = error != 0 ? QString::fromLocal8Bit(std::strerror(error)) : out.errorString();
            return false;
        }
        done += n;
    }
    errno = 0;
    if (!out.flush()) {
        const int error = errno;
        *why = error != 0 ? QString::fromLocal8Bit(std::strerror(error)) : out.errorString();
        return false;
    }
    return true;
}

} // namespace labdeck::manifests
