// RUN: %check --checks='-*,self-deadlock' %s -- -std=c++17 \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error}}:'
#include <mutex>

std::mutex mu;

// The mutex is held where try_lock() returned true.
void tryThenLock() {
  if (mu.try_lock()) {
    // CHECK: try-lock.cpp:[[@LINE+1]]:5: error: acquiring mutex 'mu' that is already held [self-deadlock]
    mu.lock();
    // CHECK: try-lock.cpp:[[@LINE-3]]:7: note: 'mu' first acquired here
  }
}

// The same with an early exit on failure.
void tryOrReturn() {
  if (!mu.try_lock())
    return;
  // CHECK: try-lock.cpp:[[@LINE+1]]:3: error: acquiring mutex 'mu' that is already held [self-deadlock]
  std::lock_guard<std::mutex> g(mu);
  // CHECK: try-lock.cpp:[[@LINE-4]]:8: note: 'mu' first acquired here
}

// Ignoring the result: held on some paths.
void tryIgnored() {
  mu.try_lock();
  // CHECK: try-lock.cpp:[[@LINE+1]]:3: warning: acquiring mutex 'mu' that may already be held [self-deadlock]
  mu.lock();
  // CHECK: try-lock.cpp:[[@LINE-3]]:3: note: 'mu' first acquired here
}

// Don't flag: not held where try_lock() failed.
void tryFailedThenLock() {
  if (!mu.try_lock())
    mu.lock();
  mu.unlock();
}

// Don't flag: a try-lock on a held mutex never blocks.
void lockThenTry() {
  std::lock_guard<std::mutex> g(mu);
  if (mu.try_lock())
    mu.unlock();
}
