#pragma once

namespace labdeck::app {

// `labdeck demolab --kubeconfig FILE [--port N] [--tls]`: serves the demo lab
// headless until SIGINT/SIGTERM, writes the kubeconfig (prints the URL and
// `export KUBECONFIG=FILE`). Returns the exit code. argv[1] is "demolab".
int runDemoLabCommand(int argc, char **argv);

} // namespace labdeck::app
