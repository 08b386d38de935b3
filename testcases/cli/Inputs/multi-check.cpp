#include <mutex>

std::mutex a;
std::mutex b;

void self_deadlock() {
  a.lock();
  a.lock();
  a.unlock();
}

void order_ab() {
  std::lock_guard<std::mutex> ga(a);
  std::lock_guard<std::mutex> gb(b);
}

void order_ba() {
  std::lock_guard<std::mutex> gb(b);
  std::lock_guard<std::mutex> ga(a);
}

void leak(bool c) {
  a.lock();
  if (c)
    return;
  a.unlock();
}

void double_unlock() {
  b.lock();
  b.unlock();
  b.unlock();
}
