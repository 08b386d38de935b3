// RUN: %check --checks='-*,unlock-not-held' %s -- -std=c++17 \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error}}:'
#include <mutex>
#include <thread>

std::mutex mu;
int value;

// A thread entry that releases a lock it never took.
void worker() {
  value++;
  // CHECK: thread-entry.cpp:[[@LINE+1]]:3: error: releasing mutex 'mu' that this thread does not hold [unlock-not-held]
  mu.unlock();
  // CHECK: thread-entry.cpp:[[@LINE+11]]:15: note: thread running 'worker' started here
}

// Don't flag: an entry that takes the lock first.
void goodWorker() {
  mu.lock();
  value++;
  mu.unlock();
}

void start() {
  std::thread t(worker);
  std::thread u(goodWorker);
  t.join();
  u.join();
}
