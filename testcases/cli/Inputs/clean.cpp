#include <mutex>

std::mutex clean_mu;
int clean_value = 0;

void guarded() {
  std::lock_guard<std::mutex> guard(clean_mu);
  ++clean_value;
}
