#pragma once

#include "inventory/inventory.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <functional>

namespace labdeck {

namespace demolab {
class DemoTransport;
class KubeSimulator;
} // namespace demolab

// The failures the demo lab can be put into, for the window's Demo →
// Simulate failure menu and for `--simulate` (window and `labdeck check`):
// one list, one way to switch each on and off.
class SimulatedFailures
{
    Q_DECLARE_TR_FUNCTIONS(SimulatedFailures)
public:
    struct Failure
    {
        QString id;    // "kubelet:<node>", "pressure:<node>", "oom:<ns>/<workload>",
                       // "image:<ns>/<deployment>", "deny:<plural>", "metrics", "paging",
                       // "cert:<host>", "tunnel:<host>"
        QString title; // the menu entry, translated
        bool separatorBefore = false;
    };
    // Where a switch acts. Any part may be missing; its failures are then not offered.
    struct Targets
    {
        // Runs the work with the simulator, on the simulator's thread.
        std::function<void(std::function<void(demolab::KubeSimulator *)>)> simulator;
        demolab::DemoTransport *transport = nullptr;
        // The demo HTTPS server of this URL host serves an expired certificate (or not).
        std::function<void(const QString &host, bool expired)> expireCertificate;
    };

    // In menu order, for the lab and the targets at hand.
    [[nodiscard]] static QList<Failure> list(const Inventory &lab, const Targets &targets);
    // Switches one on or off; false for an id that list() does not offer.
    static bool apply(const Inventory &lab, const Targets &targets, const QString &id, bool on);
};

} // namespace labdeck
