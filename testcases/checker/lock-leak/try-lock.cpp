// RUN: %check --checks='-*,lock-leak' %s -- -std=c++17 \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error}}:'
#include <mutex>

// A lock taken with try_lock is held on the success branch only.
std::mutex mu;
int data = 0;

// Don't flag: released on the success branch, never held on the other.
int tryRead() {
  if (mu.try_lock()) {
    int value = data;
    mu.unlock();
    return value;
  }
  return -1;
}
bool tryWrite(int value) {
  if (!mu.try_lock())
    return false;
  data = value;
  mu.unlock();
  return true;
}
void tryStored(int value) {
  bool locked = mu.try_lock();
  if (!locked)
    return;
  data = value;
  mu.unlock();
}

// An early return on the success branch keeps it.
int tryUpdate(int delta) {
  if (mu.try_lock()) {
    if (delta == 0)
      // CHECK: try-lock.cpp:[[@LINE+1]]:7: warning: mutex 'mu' is still held when returning from 'tryUpdate' here, but released on other paths [lock-leak]
      return data;
    // CHECK: try-lock.cpp:[[@LINE-4]]:7: note: 'mu' acquired here
    data += delta;
    mu.unlock();
  }
  return data;
}
