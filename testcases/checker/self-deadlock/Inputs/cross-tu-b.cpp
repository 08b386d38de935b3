// Second translation unit of cross-tu.test: the re-acquisition, two calls
// down. Line numbers are checked there.
#include <mutex>

std::mutex accounts_mu;
int audited;

static void record(int id) {
  std::lock_guard<std::mutex> g(accounts_mu);
  audited = id;
}

void audit(int id) { record(id); }
