#include <mutex>

static std::mutex other_mu;

void twice() {
  other_mu.lock();
  other_mu.lock();
  other_mu.unlock();
}
