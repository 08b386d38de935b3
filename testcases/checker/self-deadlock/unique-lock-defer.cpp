// RUN: %check --checks='-*,self-deadlock' %s -- -std=c++17 \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error}}:'
#include <mutex>

std::mutex mu;

// A deferred unique_lock acquires at its lock() member, not at construction.
void lockedLater() {
  std::unique_lock<std::mutex> l(mu, std::defer_lock);
  l.lock();
  // CHECK: unique-lock-defer.cpp:[[@LINE+1]]:3: error: acquiring mutex 'mu' that is already held [self-deadlock]
  mu.lock();
  // CHECK: unique-lock-defer.cpp:[[@LINE-3]]:3: note: 'mu' first acquired here
}

void lockedTwiceThroughGuard() {
  mu.lock();
  std::unique_lock<std::mutex> l(mu, std::defer_lock);
  // CHECK: unique-lock-defer.cpp:[[@LINE+1]]:3: error: acquiring mutex 'mu' that is already held [self-deadlock]
  l.lock();
  // CHECK: unique-lock-defer.cpp:[[@LINE-4]]:3: note: 'mu' first acquired here
}

// Don't flag: constructing with defer_lock does not acquire.
void deferredOnly() {
  std::unique_lock<std::mutex> l(mu, std::defer_lock);
  mu.lock();
  mu.unlock();
}
