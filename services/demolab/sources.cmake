# Demo lab: the in-process Kubernetes API simulator and its command.
target_sources(labdeck_services PRIVATE
  demolab/kubesimulator.h demolab/kubesimulator.cpp
  demolab/demolabcommand.cpp
  demolab/logging_p.h
  demolab/httpserver_p.h demolab/httpserver_p.cpp
  demolab/store_p.h demolab/store_p.cpp
  demolab/jsonutil_p.h demolab/jsonutil_p.cpp
  demolab/objects_p.h demolab/objects_p.cpp
  demolab/cluster_p.h demolab/cluster_p.cpp
  demolab/failures_p.cpp
  demolab/podlogs_p.h demolab/podlogs_p.cpp
  demolab/tables_p.h demolab/tables_p.cpp
  demolab/discovery_p.h demolab/discovery_p.cpp
  demolab/apiserver_p.h demolab/apiserver_p.cpp
  demolab/seed_p.h demolab/seed_p.cpp
  demolab/promsimulator.h demolab/promsimulator.cpp
  demolab/nodemetrics_p.h demolab/nodemetrics_p.cpp
)
