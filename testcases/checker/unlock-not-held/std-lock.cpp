// RUN: %check --checks='-*,unlock-not-held' %s -- -std=c++17 \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error}}:'
#include <mutex>
#include <thread>

std::mutex a, b;

// std::lock takes each once; the third release is one too many.
void releaseThree() {
  std::lock(a, b);
  a.unlock();
  b.unlock();
  // CHECK: std-lock.cpp:[[@LINE+1]]:3: error: releasing mutex 'a' that is not held [unlock-not-held]
  a.unlock();
  // CHECK: std-lock.cpp:[[@LINE-4]]:3: note: 'a' already released here
}

// Don't flag: the adopt idiom.
void adoptBoth() {
  std::lock(a, b);
  std::lock_guard<std::mutex> ga(a, std::adopt_lock);
  std::lock_guard<std::mutex> gb(b, std::adopt_lock);
}

// A scoped_lock adopting locks the thread never took releases both at the
// end of its scope.
void worker() {
  std::scoped_lock l(std::adopt_lock, a, b);
  // CHECK: std-lock.cpp:[[@LINE+4]]:1: error: releasing mutex 'a' that this thread does not hold [unlock-not-held]
  // CHECK: std-lock.cpp:[[@LINE+5]]:15: note: thread running 'worker' started here
  // CHECK: std-lock.cpp:[[@LINE+2]]:1: error: releasing mutex 'b' that this thread does not hold [unlock-not-held]
  // CHECK: std-lock.cpp:[[@LINE+3]]:15: note: thread running 'worker' started here
}
void start() {
  std::thread t(worker);
  t.join();
}
