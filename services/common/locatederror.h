#pragma once

#include <QString>

namespace labdeck {

// "file:line:column: field: message", as compilers print, so editors and
// terminals can jump to it. line/column 0 and an empty field are left out.
[[nodiscard]] QString locatedErrorText(const QString &file, int line, int column, const QString &field,
                                       const QString &message);

} // namespace labdeck
