#include <mutex>

std::mutex a;
std::mutex b;
std::mutex c;
std::recursive_mutex r;

void ab() {
  std::lock_guard<std::mutex> ga(a);
  std::lock_guard<std::mutex> gb(b);
}

void ba() {
  std::lock_guard<std::mutex> gb(b);
  std::lock_guard<std::mutex> ga(a);
}

void ac() {
  std::lock_guard<std::mutex> ga(a);
  std::lock_guard<std::mutex> gc(c);
}

void rc() {
  std::lock_guard<std::recursive_mutex> gr(r);
  std::lock_guard<std::mutex> gc(c);
}
