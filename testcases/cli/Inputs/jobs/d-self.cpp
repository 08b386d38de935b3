#include "locks.h"

void self_again() {
  std::lock_guard<std::mutex> g(second);
  take_second();
}
