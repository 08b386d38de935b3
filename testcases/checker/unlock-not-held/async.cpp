// RUN: %check --checks='-*,unlock-not-held' %s -- -std=c++17 \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error}}:'
#include <future>
#include <mutex>

std::mutex mu;

int compute(int x) {
  // CHECK: async.cpp:[[@LINE+1]]:3: error: releasing mutex 'mu' that this thread does not hold [unlock-not-held]
  mu.unlock();
  // CHECK: async.cpp:[[@LINE+11]]:12: note: thread running 'compute' started here
  return x;
}

// Don't flag: the task locks before it unlocks.
int computeLocked(int x) {
  std::lock_guard<std::mutex> g(mu);
  return x;
}

int start() {
  auto f = std::async(std::launch::async, compute, 1);
  auto g = std::async(std::launch::async, computeLocked, 2);
  return f.get() + g.get();
}
