// RUN: %check --checks='-*,unlock-not-held' %s -- -std=c++17 \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error}}:'
#include <mutex>
#include <shared_mutex>

std::shared_mutex sm;

void readerTwice() {
  sm.lock_shared();
  sm.unlock_shared();
  // CHECK: shared-mutex.cpp:[[@LINE+1]]:3: error: releasing mutex 'sm' that is not held [unlock-not-held]
  sm.unlock_shared();
  // CHECK: shared-mutex.cpp:[[@LINE-3]]:3: note: 'sm' already released here
}

// shared_lock's unlock() member releases; a later manual release is one too
// many.
void sharedLockThenManual() {
  std::shared_lock<std::shared_mutex> r(sm);
  r.unlock();
  // CHECK: shared-mutex.cpp:[[@LINE+1]]:3: error: releasing mutex 'sm' that is not held [unlock-not-held]
  sm.unlock_shared();
  // CHECK: shared-mutex.cpp:[[@LINE-3]]:3: note: 'sm' already released here
}

void writerTwice() {
  sm.lock();
  sm.unlock();
  // CHECK: shared-mutex.cpp:[[@LINE+1]]:3: error: releasing mutex 'sm' that is not held [unlock-not-held]
  sm.unlock();
  // CHECK: shared-mutex.cpp:[[@LINE-3]]:3: note: 'sm' already released here
}

// Don't flag: two shared_locks, each released by its unlock().
void twoReaders() {
  std::shared_lock<std::shared_mutex> r1(sm);
  std::shared_lock<std::shared_mutex> r2(sm);
  r2.unlock();
  r1.unlock();
}

// Don't flag: guards.
void guards() {
  {
    std::shared_lock<std::shared_mutex> r1(sm);
    std::shared_lock<std::shared_mutex> r2(sm);
  }
  std::unique_lock<std::shared_mutex> w(sm);
  w.unlock();
}
