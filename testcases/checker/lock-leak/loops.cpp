// RUN: %check --checks='-*,lock-leak' %s -- -std=c++17 \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error}}:'
#include <mutex>

// Leaving a loop early with the lock of the iteration still held.
std::mutex slot_mu;
int slots[8];

int findFree() {
  for (int i = 0; i < 8; ++i) {
    slot_mu.lock();
    if (slots[i] == 0)
      break;
    slot_mu.unlock();
  }
  int used = 0;
  for (int i = 0; i < 8; ++i)
    used += slots[i] != 0;
  // CHECK: loops.cpp:[[@LINE+1]]:3: warning: mutex 'slot_mu' is still held when returning from 'findFree' here, but released on other paths [lock-leak]
  return used;
}
// CHECK: loops.cpp:[[@LINE-11]]:5: note: 'slot_mu' acquired here

int firstUsed() {
  for (int i = 0; i < 8; ++i) {
    slot_mu.lock();
    if (slots[i] != 0)
      // CHECK: loops.cpp:[[@LINE+1]]:7: warning: mutex 'slot_mu' is still held when returning from 'firstUsed' here, but released on other paths [lock-leak]
      return i;
    // CHECK: loops.cpp:[[@LINE-4]]:5: note: 'slot_mu' acquired here
    slot_mu.unlock();
  }
  return -1;
}

// Don't flag: every way out of the loop unlocks first.
int firstUsedChecked() {
  for (int i = 0; i < 8; ++i) {
    slot_mu.lock();
    if (slots[i] != 0) {
      slot_mu.unlock();
      return i;
    }
    slot_mu.unlock();
  }
  return -1;
}
