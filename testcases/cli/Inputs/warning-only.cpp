#include <mutex>

std::mutex w;

void maybe_twice(bool c) {
  if (c)
    w.lock();
  w.lock();
  w.unlock();
}
