#include "locks.h"

void take_second() {
  std::lock_guard<std::mutex> g(second);
}
