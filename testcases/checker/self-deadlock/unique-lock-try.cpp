// RUN: %check --checks='-*,self-deadlock' %s -- -std=c++17 \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error}}:'
#include <mutex>

std::mutex mu;

// After a try_to_lock construction the mutex is held when the attempt
// succeeded: a blocking acquisition afterwards may deadlock.
void tryThenLock() {
  std::unique_lock<std::mutex> l(mu, std::try_to_lock);
  // CHECK: unique-lock-try.cpp:[[@LINE+1]]:3: warning: acquiring mutex 'mu' that may already be held [self-deadlock]
  mu.lock();
  // CHECK: unique-lock-try.cpp:[[@LINE-3]]:3: note: 'mu' first acquired here
}

// Held where the unique_lock says it owns the mutex.
void testedWithBool() {
  std::unique_lock<std::mutex> l(mu, std::try_to_lock);
  if (l) {
    // CHECK: unique-lock-try.cpp:[[@LINE+1]]:5: error: acquiring mutex 'mu' that is already held [self-deadlock]
    mu.lock();
    // CHECK: unique-lock-try.cpp:[[@LINE-4]]:3: note: 'mu' first acquired here
  }
}

void testedWithOwnsLock() {
  std::unique_lock<std::mutex> l(mu, std::try_to_lock);
  if (l.owns_lock()) {
    // CHECK: unique-lock-try.cpp:[[@LINE+1]]:5: error: acquiring mutex 'mu' that is already held [self-deadlock]
    mu.lock();
    // CHECK: unique-lock-try.cpp:[[@LINE-4]]:3: note: 'mu' first acquired here
  }
}

// The try_lock() member of a deferred unique_lock.
void deferredTryLock() {
  std::unique_lock<std::mutex> l(mu, std::defer_lock);
  if (l.try_lock()) {
    // CHECK: unique-lock-try.cpp:[[@LINE+1]]:5: error: acquiring mutex 'mu' that is already held [self-deadlock]
    mu.lock();
    // CHECK: unique-lock-try.cpp:[[@LINE-3]]:7: note: 'mu' first acquired here
  }
}

// Don't flag: the attempt failed.
void failed() {
  std::unique_lock<std::mutex> l(mu, std::try_to_lock);
  if (!l) {
    mu.lock();
    mu.unlock();
  }
}

// Don't flag: a try-lock never blocks, even when the mutex is held.
void lockThenTry() {
  std::lock_guard<std::mutex> g(mu);
  std::unique_lock<std::mutex> l(mu, std::try_to_lock);
}
