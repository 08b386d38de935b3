// RUN: %check --checks='-*,lock-leak' %s -- -std=c++17 \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error}}:'
#include <mutex>
#include <thread>

// unique_lock in all its constructions releases what it owns when it dies.
std::mutex mu;
int data = 0;

// Don't flag: deferred, tried, adopted, locked and unlocked by member
// calls: the guard owns the lock on every path that returns.
int deferred(int key) {
  std::unique_lock<std::mutex> guard(mu, std::defer_lock);
  if (key < 0)
    return -1;
  guard.lock();
  if (key == 0)
    return 0;
  guard.unlock();
  guard.lock();
  return data;
}
int tried(int key) {
  std::unique_lock<std::mutex> guard(mu, std::try_to_lock);
  if (!guard.owns_lock())
    return -1;
  if (key < 0)
    return -2;
  return data;
}
int adopted(int key) {
  mu.lock();
  std::unique_lock<std::mutex> guard(mu, std::adopt_lock);
  if (key < 0)
    return -1;
  return data;
}

// Run as threads, so that a guard that did not release would show.
void startAll() {
  std::thread a(deferred, 1), b(tried, 1), c(adopted, 1);
  a.join();
  b.join();
  c.join();
}

// Adopted too late: the early return comes before the guard exists.
int adoptedLate(int key) {
  mu.lock();
  if (key < 0)
    // CHECK: unique-lock.cpp:[[@LINE+1]]:5: warning: mutex 'mu' is still held when returning from 'adoptedLate' here, but released on other paths [lock-leak]
    return -1;
  // CHECK: unique-lock.cpp:[[@LINE-4]]:3: note: 'mu' acquired here
  std::lock_guard<std::mutex> guard(mu, std::adopt_lock);
  return data;
}
