// One half of cross-tu.test: registry_mu, then cache_mu through a call into
// the other translation unit.
#include "registry.h"

std::mutex registry_mu;

void lookupRegistry() { std::lock_guard<std::mutex> guard(registry_mu); }

void reload() {
  std::lock_guard<std::mutex> guard(registry_mu);
  refreshCache();
}
