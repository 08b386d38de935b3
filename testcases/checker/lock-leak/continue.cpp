// RUN: %check --checks='-*,lock-leak' %s -- -std=c++17 \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error}}:'
#include <mutex>

// A continue that skips the unlock carries the lock into the next
// iteration and out of the loop.
std::mutex row_mu;
int rows[8];

void clearRows(int n) {
  for (int i = 0; i < n; ++i) {
    row_mu.lock();
    if (rows[i] == 0)
      continue;
    rows[i] = 0;
    row_mu.unlock();
  }
  // CHECK: continue.cpp:[[@LINE+1]]:1: warning: mutex 'row_mu' is still held when returning from 'clearRows' here, but released on other paths [lock-leak]
}
// CHECK: continue.cpp:[[@LINE-8]]:5: note: 'row_mu' acquired here

// Don't flag: the continue unlocks first.
void clearRowsChecked(int n) {
  for (int i = 0; i < n; ++i) {
    row_mu.lock();
    if (rows[i] == 0) {
      row_mu.unlock();
      continue;
    }
    rows[i] = 0;
    row_mu.unlock();
  }
}
