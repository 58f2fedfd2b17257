#pragma once

// The built-in demo lab and the service specs the wizard, manifest and apply
// tests build from it.

#include "inventory/inventory.h"
#include "manifests/servicespec.h"

namespace labdeck::test {

// The built-in lab inventory (loaded once).
const Inventory &builtInLab();

// hello in apps: registry.example.com/hello:1.0, everything else the lab's defaults.
manifests::ServiceSpec minimalSpec();
// notes in tools (created) on the DevOps node: two replicas, a NodePort, an
// env with one secret, storage, an HTTP readiness probe and a public host.
manifests::ServiceSpec notesSpec();
// notesSpec() with resources, more env, a mount path and a TCP liveness probe.
manifests::ServiceSpec fullNotesSpec();

} // namespace labdeck::test
