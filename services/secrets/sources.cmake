# Secrets: an async wrapper around QtKeychain (system keychain only, no file fallback).
target_sources(labdeck_services PRIVATE
  secrets/secretstore.h secrets/secretstore.cpp
)
target_link_libraries(labdeck_services PRIVATE Qt6Keychain::Qt6Keychain)
