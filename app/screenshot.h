#pragma once

#include <QSize>
#include <QString>

namespace labdeck::app {

class LabWindow;

// --screenshot: shows the window at `size`, waits until the cluster's state
// has arrived (or 5 s; a simulated failure a moment longer to play out),
// writes it to `path` as PNG and quits the application with 0, or 1 when
// the file could not be written. Call before the event loop runs.
void takeScreenshotWhenSettled(LabWindow *lab, const QString &path, QSize size, bool simulating);

} // namespace labdeck::app
