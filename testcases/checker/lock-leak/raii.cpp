// RUN: %check --checks='-*,lock-leak' %s -- -std=c++17 \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error}}:'
#include <mutex>
#include <thread>
#include <shared_mutex>

// Guards release on every path, early returns included.
std::mutex a_mu, b_mu;
std::shared_mutex rw;
int data = 0;

// Don't flag: each guard lets go when its scope ends.
int withLockGuard(int key) {
  std::lock_guard<std::mutex> guard(a_mu);
  if (key < 0)
    return -1;
  return data;
}
int withScopedLock(int key) {
  std::scoped_lock both(a_mu, b_mu);
  if (key < 0)
    return -1;
  return data;
}
int withUniqueLock(int key) {
  std::unique_lock<std::mutex> guard(a_mu);
  if (key < 0)
    return -1;
  guard.unlock();
  return data;
}
int withSharedLock(int key) {
  std::shared_lock<std::shared_mutex> guard(rw);
  if (key < 0)
    return -1;
  return data;
}

// Run as threads, so that a guard that did not release would show.
void startAll() {
  std::thread a(withLockGuard, 1), b(withScopedLock, 1), c(withUniqueLock, 1),
      d(withSharedLock, 1);
  a.join();
  b.join();
  c.join();
  d.join();
}

// A raw lock next to a guard still leaks on its own.
int mixed(int key) {
  std::lock_guard<std::mutex> guard(a_mu);
  b_mu.lock();
  if (key < 0)
    // CHECK: raii.cpp:[[@LINE+1]]:5: warning: mutex 'b_mu' is still held when returning from 'mixed' here, but released on other paths [lock-leak]
    return -1;
  // CHECK: raii.cpp:[[@LINE-4]]:3: note: 'b_mu' acquired here
  b_mu.unlock();
  return data;
}
