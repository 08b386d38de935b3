#include <mutex>

inline std::mutex hm;

inline void header_suppressed() {
  hm.lock();
  hm.lock(); // lockgraph: ignore[self-deadlock]
  hm.unlock();
}

inline void header_twice() {
  hm.lock();
  hm.lock();
  hm.unlock();
}
