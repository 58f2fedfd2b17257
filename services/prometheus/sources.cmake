# Prometheus: the HTTP API client, its parsers, range planning and the chart queries.
target_sources(labdeck_services PRIVATE
  prometheus/promtypes.h
  prometheus/promparse.h prometheus/promparse.cpp
  prometheus/rangeplan.h prometheus/rangeplan.cpp
  prometheus/promclient.h prometheus/promclient.cpp
  prometheus/chartqueries.h prometheus/chartqueries.cpp
  prometheus/labhosts.h prometheus/labhosts.cpp
)
