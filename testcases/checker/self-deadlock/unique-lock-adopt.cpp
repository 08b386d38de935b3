// RUN: %check --checks='-*,self-deadlock' %s -- -std=c++17 \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error}}:'
#include <mutex>

std::mutex mu;

// adopt_lock takes over a lock already held: the first acquisition is the
// explicit lock(), and the mutex stays held for the guard's scope.
void adoptThenLock() {
  mu.lock();
  std::unique_lock<std::mutex> l(mu, std::adopt_lock);
  // CHECK: unique-lock-adopt.cpp:[[@LINE+1]]:3: error: acquiring mutex 'mu' that is already held [self-deadlock]
  mu.lock();
  // CHECK: unique-lock-adopt.cpp:[[@LINE-4]]:3: note: 'mu' first acquired here
}

// Don't flag: adopt_lock does not acquire again.
void adoptOnly() {
  mu.lock();
  std::unique_lock<std::mutex> l(mu, std::adopt_lock);
}

// Don't flag: the adopting lock_guard released the mutex at the end of its
// scope.
void adoptedGuardReleases() {
  mu.lock();
  {
    std::lock_guard<std::mutex> g(mu, std::adopt_lock);
  }
  mu.lock();
  mu.unlock();
}
