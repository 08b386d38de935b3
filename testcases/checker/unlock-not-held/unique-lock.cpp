// RUN: %check --checks='-*,unlock-not-held' %s -- -std=c++17 \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error}}:'
#include <mutex>
#include <thread>
#include <utility>

std::mutex mu;

// unlock() on the unique_lock releases; releasing by hand again is one too
// many.
void memberThenManual() {
  std::unique_lock<std::mutex> l(mu);
  l.unlock();
  // CHECK: unique-lock.cpp:[[@LINE+1]]:3: error: releasing mutex 'mu' that is not held [unlock-not-held]
  mu.unlock();
  // CHECK: unique-lock.cpp:[[@LINE-3]]:3: note: 'mu' already released here
}

// The same after the deferred lock was taken with lock().
void deferredThenTwice() {
  std::unique_lock<std::mutex> l(mu, std::defer_lock);
  l.lock();
  l.unlock();
  // CHECK: unique-lock.cpp:[[@LINE+1]]:3: error: releasing mutex 'mu' that is not held [unlock-not-held]
  mu.unlock();
  // CHECK: unique-lock.cpp:[[@LINE-3]]:3: note: 'mu' already released here
}

// Don't flag: unlock() leaves the unique_lock not owning; its destructor
// does not release again.
void memberUnlock() {
  std::unique_lock<std::mutex> l(mu);
  l.unlock();
}

// Don't flag: release() hands the still-locked mutex to the caller, who
// unlocks it by hand.
void releaseThenUnlock() {
  std::unique_lock<std::mutex> l(mu);
  l.release();
  mu.unlock();
}

// Don't flag: a deferred unique_lock that never locked releases nothing.
void deferredOnly() {
  std::unique_lock<std::mutex> l(mu, std::defer_lock);
}

// Don't flag: moved; only the new owner releases.
void moved() {
  std::unique_lock<std::mutex> a(mu);
  std::unique_lock<std::mutex> b(std::move(a));
}

// An adopting unique_lock in a thread that never took the mutex releases
// it at the end of its scope.
void worker() {
  std::unique_lock<std::mutex> l(mu, std::adopt_lock);
  // CHECK: unique-lock.cpp:[[@LINE+2]]:1: error: releasing mutex 'mu' that this thread does not hold [unlock-not-held]
  // CHECK: unique-lock.cpp:[[@LINE+3]]:15: note: thread running 'worker' started here
}
void start() {
  std::thread t(worker);
  t.join();
}
