// The other half of cross-tu.test: cache_mu, then registry_mu through a
// call into registry.cpp.
#include "registry.h"

std::mutex cache_mu;

void refreshCache() { std::lock_guard<std::mutex> guard(cache_mu); }

void evict() {
  std::lock_guard<std::mutex> guard(cache_mu);
  lookupRegistry();
}
