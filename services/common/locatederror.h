#pragma once

#include <QList>
#include <QString>

namespace labdeck {

// "file:line:column: field: message", as compilers print, so editors and
// terminals can jump to it. line/column 0 and an empty field are left out.
[[nodiscard]] QString locatedErrorText(const QString &file, int line, int column,
                                       const QString &field, const QString &message);

// One problem in a file (inventory, kubeconfig, manifest), located as
// precisely as the YAML allows.
struct LocatedError
{
    QString file;   // path as given, or a built-in resource name
    int line = 0;   // 1-based; 0 when the problem concerns the whole file
    int column = 0; // 1-based; 0 when unknown
    QString field;  // "hosts[2].resources.memoryGB"; empty for file-level problems
    QString message;

    // "lab.yaml:12:5: hosts[1].site: unknown site "oic" ..."
    [[nodiscard]] QString toString() const;
};

// All errors, one per line.
[[nodiscard]] QString locatedErrorsText(const QList<LocatedError> &errors);
// Orders errors by line, then column; errors on the same spot keep their order.
void sortByPosition(QList<LocatedError> &errors);

} // namespace labdeck
