// RUN: %check --checks='-*,self-deadlock' %s -- -std=c++17 \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error}}:'
#include <mutex>

std::mutex mu;
int value;

// Only the path that kept the lock reaches the second acquisition.
void unlockOnEarlyReturn(bool stop) {
  mu.lock();
  if (stop) {
    mu.unlock();
    return;
  }
  // CHECK: early-return.cpp:[[@LINE+1]]:3: error: acquiring mutex 'mu' that is already held [self-deadlock]
  mu.lock();
  // CHECK: early-return.cpp:[[@LINE-7]]:3: note: 'mu' first acquired here
}

// A guard with an early return: the call after it still runs under the lock.
void refresh() {
  // CHECK: early-return.cpp:[[@LINE+1]]:3: error: acquiring mutex 'mu' that is already held [self-deadlock]
  std::lock_guard<std::mutex> g(mu);
  value = 0;
}
void guardedEarlyReturn(bool stop) {
  // CHECK: early-return.cpp:[[@LINE+1]]:3: note: 'mu' first acquired here
  std::lock_guard<std::mutex> g(mu);
  if (stop)
    return;
  // CHECK: early-return.cpp:[[@LINE+1]]:3: note: via call to 'refresh'
  refresh();
}

// Don't flag: every early return releases; the later acquisition is clean.
bool tryUpdate(bool stop) {
  mu.lock();
  if (stop) {
    mu.unlock();
    return false;
  }
  value = 1;
  mu.unlock();
  mu.lock();
  mu.unlock();
  return true;
}

// Don't flag: the early return leaves before re-acquiring.
void returnBeforeRelock(bool stop) {
  mu.lock();
  if (stop)
    return;
  mu.unlock();
  mu.lock();
  mu.unlock();
}
