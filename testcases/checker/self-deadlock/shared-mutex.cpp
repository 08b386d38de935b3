// RUN: %check --checks='-*,self-deadlock' %s -- -std=c++17 \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error}}:'
#include <mutex>
#include <shared_mutex>

std::shared_mutex sm;

// A writer cannot take the lock while this thread reads it.
void readThenWrite() {
  std::shared_lock<std::shared_mutex> r(sm);
  // CHECK: shared-mutex.cpp:[[@LINE+1]]:3: error: acquiring mutex 'sm' that is already held [self-deadlock]
  std::unique_lock<std::shared_mutex> w(sm);
  // CHECK: shared-mutex.cpp:[[@LINE-3]]:3: note: 'sm' first acquired here
}

// Nor can a reader while this thread writes.
void writeThenRead() {
  sm.lock();
  // CHECK: shared-mutex.cpp:[[@LINE+1]]:3: error: acquiring mutex 'sm' that is already held [self-deadlock]
  sm.lock_shared();
  // CHECK: shared-mutex.cpp:[[@LINE-3]]:3: note: 'sm' first acquired here
}

// Don't flag: two readers.
void twoReaders() {
  std::shared_lock<std::shared_mutex> r1(sm);
  std::shared_lock<std::shared_mutex> r2(sm);
}

// Don't flag: two readers, by hand.
void twoReadersByHand() {
  sm.lock_shared();
  sm.lock_shared();
  sm.unlock_shared();
  sm.unlock_shared();
}

// Don't flag: the reader released before the writer.
void readReleaseWrite() {
  {
    std::shared_lock<std::shared_mutex> r(sm);
  }
  std::lock_guard<std::shared_mutex> w(sm);
}
