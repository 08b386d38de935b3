// RUN: %check --checks='-*,unguarded-shared-state' %s -- -std=c++20 \
// RUN:   | count 0
// A hand-off through a condition variable with every access under the
// mutex: quiet.
#include <condition_variable>
#include <mutex>
#include <thread>

std::mutex mu;
std::condition_variable cv;
bool ready = false;
int payload = 0;

void produce() {
  {
    std::lock_guard<std::mutex> g(mu);
    payload = 42;
    ready = true;
  }
  cv.notify_one();
}

void consume() {
  std::unique_lock<std::mutex> lk(mu);
  cv.wait(lk, [] { return ready; });
  int v = payload;
  (void)v;
}

int main() {
  std::thread p(produce), c(consume);
  p.join();
  c.join();
}
