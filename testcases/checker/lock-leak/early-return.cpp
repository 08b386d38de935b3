// RUN: %check --checks='-*,lock-leak' %s -- -std=c++17 \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error}}:'
#include <mutex>

// The classic early return that forgets to unlock.
std::mutex table_mu;
int table[16];

int lookup(int key) {
  table_mu.lock();
  if (key < 0 || key >= 16)
    // CHECK: early-return.cpp:[[@LINE+1]]:5: warning: mutex 'table_mu' is still held when returning from 'lookup' here, but released on other paths [lock-leak]
    return -1;
  // CHECK: early-return.cpp:[[@LINE-4]]:3: note: 'table_mu' acquired here
  int value = table[key];
  table_mu.unlock();
  return value;
}

// One report per lock, at its first leaking return.
void clear(int from, int to) {
  table_mu.lock();
  if (from < 0)
    // CHECK: early-return.cpp:[[@LINE+1]]:5: warning: mutex 'table_mu' is still held when returning from 'clear' here, but released on other paths [lock-leak]
    return;
  // CHECK: early-return.cpp:[[@LINE-4]]:3: note: 'table_mu' acquired here
  if (to > 16)
    return;
  for (int i = from; i < to; ++i)
    table[i] = 0;
  table_mu.unlock();
}

// Don't flag: every early return unlocks first.
int lookupChecked(int key) {
  table_mu.lock();
  if (key < 0 || key >= 16) {
    table_mu.unlock();
    return -1;
  }
  int value = table[key];
  table_mu.unlock();
  return value;
}
