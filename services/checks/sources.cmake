# Checks: the runner and one check per category (certs, routes, endpoints,
# k8s, tunnels, prometheus, gpu; all registered in builtInChecks()).
target_sources(labdeck_services PRIVATE
  checks/checkresult.h checks/checkresult.cpp
  checks/check.h checks/check.cpp
  checks/checkrunner.h checks/checkrunner.cpp
  checks/probe.h checks/probe.cpp
  checks/certcheck.h checks/certcheck.cpp
  checks/endpointcheck.h checks/endpointcheck.cpp
  checks/traefikrouters.h checks/traefikrouters.cpp
  checks/routescheck.h checks/routescheck.cpp
  checks/kubecheck.h checks/kubecheck.cpp
  checks/pendingcheck.h checks/pendingcheck.cpp
  checks/commandfailure.h checks/commandfailure.cpp
  checks/labchecks.h checks/labchecks.cpp
)
