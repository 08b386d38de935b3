#include <mutex>

std::mutex m;

void twice() {
  m.lock();
  m.lock();
  m.unlock();
}

void maybe(bool c) {
  if (c)
    m.lock();
  m.lock();
  m.unlock();
}
