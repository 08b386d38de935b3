// RUN: %check --checks='-*,self-deadlock' %s -- -std=c++17 \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error}}:'
#include <mutex>

std::mutex a, b;

// std::lock acquires every argument.
void lockBoth() {
  std::lock(a, b);
  // CHECK: std-lock.cpp:[[@LINE+1]]:3: error: acquiring mutex 'a' that is already held [self-deadlock]
  a.lock();
  // CHECK: std-lock.cpp:[[@LINE-3]]:3: note: 'a' first acquired here
}

// Don't flag: the usual idiom, adopting guards release both.
void adoptBoth() {
  {
    std::lock(a, b);
    std::lock_guard<std::mutex> ga(a, std::adopt_lock);
    std::lock_guard<std::mutex> gb(b, std::adopt_lock);
  }
  std::lock(b, a);
  a.unlock();
  b.unlock();
}
