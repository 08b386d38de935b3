#include <mutex>

std::mutex d;

void only_with_the_database_flags() {
  d.lock();
#ifdef LOCK_TWICE
  d.lock();
#endif
  d.unlock();
}
