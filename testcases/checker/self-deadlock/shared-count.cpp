// RUN: %check --checks='-*,self-deadlock' %s -- -std=c++17 \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error}}:'
// Bug: shared holds taken by hand (lock_shared) are not counted: after two
// lock_shared() and one unlock_shared() the thread still reads, so lock()
// deadlocks, but the checker treats the lock as released. (The same with
// shared_lock guards is found.)
#include <shared_mutex>

std::shared_mutex sm;

void stillReading() {
  sm.lock_shared();
  sm.lock_shared();
  sm.unlock_shared();
  // CHECK: shared-count.cpp:[[@LINE+1]]:3: error: acquiring mutex 'sm' that is already held [self-deadlock]
  sm.lock();
  // CHECK: shared-count.cpp:[[@LINE-5]]:3: note: 'sm' first acquired here
}

// Don't flag: both shared holds released.
void allReleased() {
  sm.lock_shared();
  sm.lock_shared();
  sm.unlock_shared();
  sm.unlock_shared();
  sm.lock();
  sm.unlock();
}
