// Shared declarations of the two translation units of cross-tu.test.
#include <mutex>

extern std::mutex registry_mu;
extern std::mutex cache_mu;

void refreshCache();  // takes cache_mu (cache.cpp)
void lookupRegistry(); // takes registry_mu (registry.cpp)
