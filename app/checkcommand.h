#pragma once

namespace labdeck::app {

// `labdeck check [certs|routes|endpoints|tunnels|k8s|prometheus|gpu|all]...
// [--json] [--inventory FILE | --demo] [--timeout S] [--ca-file FILE]
// [--resolve HOST:PORT:ADDR] [--connect-to HOST:PORT:ADDR:PORT2]
// [--kubeconfig FILE] [--context NAME] [--traefik-api URL]
// [--serve ADDRESS:PORT [--interval D] [--cert-interval D]] [--textfile DIR] [--record]`:
// runs the checks without a display and prints a table (or JSON,
// docs/checks.md). Exit code: 0 all ok, 1 a warning, 2 a critical result, 3 a
// check could not run (also for wrong arguments, a --textfile DIR that
// cannot be written and a --record whose history file cannot be written). With --serve it serves
// /metrics until SIGINT or SIGTERM and exits 0. argv[1] is "check".
int runCheckCommand(int argc, char **argv);

} // namespace labdeck::app
