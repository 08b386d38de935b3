// RUN: %check --checks='-*,unguarded-shared-state' %s -- -std=c++20 \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error}}:'
#include <mutex>
#include <thread>

class Counter {
public:
  void run() {
    for (int i = 0; i < 1000; ++i)
      hits_ = hits_ + 1;
  }
  int hits() const { return hits_; }

private:
  int hits_ = 0;
};

class SafeCounter {
public:
  void run() {
    for (int i = 0; i < 1000; ++i) {
      std::lock_guard<std::mutex> g(mu_);
      ++hits_;
    }
  }

private:
  std::mutex mu_;
  int hits_ = 0;
};

int main() {
  Counter c;
  std::thread t1(&Counter::run, &c);
  std::thread t2(&Counter::run, &c);
  t1.join();
  t2.join();

  SafeCounter s;
  std::thread u1(&SafeCounter::run, &s);
  std::thread u2(&SafeCounter::run, &s);
  u1.join();
  u2.join();
  return c.hits();
}
// CHECK: this-fields.cpp:10:7: warning: writing 'hits_' with no lock held in thread 'Counter::run' races with a read in thread 'Counter::run' with no lock held [unguarded-shared-state]
// CHECK: this-fields.cpp:10:15: note: conflicting read of 'hits_' with no lock held
