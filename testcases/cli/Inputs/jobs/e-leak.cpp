#include <mutex>

static std::mutex local_mu;
static int counter;

void leak(bool early) {
  local_mu.lock();
  ++counter;
  if (early)
    return;
  local_mu.unlock();
}
