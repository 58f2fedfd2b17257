# Tailscale: `tailscale status --json` and its periodic monitor.
target_sources(labdeck_services PRIVATE
  tailscale/tailscalestatus.h tailscale/tailscalestatus.cpp
)
target_sources(labdeck_services PRIVATE
  tailscale/tailscalemonitor.h tailscale/tailscalemonitor.cpp
)
