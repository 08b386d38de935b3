#include "locks.h"

void inverse_order() {
  std::lock_guard<std::mutex> g2(second);
  std::lock_guard<std::mutex> g1(first);
}
