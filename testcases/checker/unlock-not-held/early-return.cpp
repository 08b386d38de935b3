// RUN: %check --checks='-*,unlock-not-held' %s -- -std=c++17 \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error}}:'
#include <mutex>

std::mutex mu;
int value;

// The path that does not return early reaches a second release.
void releaseTwiceAfterReturn(bool stop) {
  mu.lock();
  if (stop)
    return;
  mu.unlock();
  value = 1;
  // CHECK: early-return.cpp:[[@LINE+1]]:3: error: releasing mutex 'mu' that is not held [unlock-not-held]
  mu.unlock();
  // CHECK: early-return.cpp:[[@LINE-4]]:3: note: 'mu' already released here
}

// Released in the early-return branch, and again after it on that path's
// twin.
bool update(bool stop) {
  mu.lock();
  if (stop) {
    mu.unlock();
    // CHECK: early-return.cpp:[[@LINE+1]]:5: error: releasing mutex 'mu' that is not held [unlock-not-held]
    mu.unlock();
    // CHECK: early-return.cpp:[[@LINE-3]]:5: note: 'mu' already released here
    return false;
  }
  mu.unlock();
  return true;
}

// Don't flag: every path releases once.
bool tryUpdate(bool stop) {
  mu.lock();
  if (stop) {
    mu.unlock();
    return false;
  }
  value = 2;
  mu.unlock();
  return true;
}

// Don't flag: a guard with early returns.
int read(bool stop) {
  std::lock_guard<std::mutex> g(mu);
  if (stop)
    return 0;
  return value;
}
