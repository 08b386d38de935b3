// RUN: %check --checks='-*,unlock-not-held' %s -- -std=c++17 \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error}}:'
// Bug: shared holds taken by hand (lock_shared) are not counted: the second
// unlock_shared() of two readers is reported as releasing a lock not held.
// (Two shared_lock guards are handled.)
#include <shared_mutex>

std::shared_mutex sm;

// Don't flag: two shared holds, two shared releases.
void twoReaders() {
  sm.lock_shared();
  sm.lock_shared();
  sm.unlock_shared();
  sm.unlock_shared();
}

// One release more than holds: this one must stay.
void threeReleases() {
  sm.lock_shared();
  sm.lock_shared();
  sm.unlock_shared();
  sm.unlock_shared();
  // CHECK: shared-count.cpp:[[@LINE+1]]:3: error: releasing mutex 'sm' that is not held [unlock-not-held]
  sm.unlock_shared();
  // CHECK: shared-count.cpp:[[@LINE-3]]:3: note: 'sm' already released here
}
