// RUN: %check --checks='-*,lock-leak' %s -- -std=c++17 \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error}}:'
#include <shared_mutex>

// Shared (reader) holds leak like exclusive ones.
std::shared_mutex index_rw;
int index_size = 0;

int readSize(bool cached) {
  index_rw.lock_shared();
  if (cached)
    // CHECK: shared-mutex.cpp:[[@LINE+1]]:5: warning: mutex 'index_rw' is still held when returning from 'readSize' here, but released on other paths [lock-leak]
    return index_size;
  // CHECK: shared-mutex.cpp:[[@LINE-4]]:3: note: 'index_rw' acquired here
  int size = index_size;
  index_rw.unlock_shared();
  return size;
}

int grow(int by) {
  index_rw.lock();
  if (by <= 0)
    // CHECK: shared-mutex.cpp:[[@LINE+1]]:5: warning: mutex 'index_rw' is still held when returning from 'grow' here, but released on other paths [lock-leak]
    return index_size;
  // CHECK: shared-mutex.cpp:[[@LINE-4]]:3: note: 'index_rw' acquired here
  index_size += by;
  int size = index_size;
  index_rw.unlock();
  return size;
}

// Don't flag: shared_lock releases on every path; a failed
// try_lock_shared holds nothing.
int readGuarded(bool cached) {
  std::shared_lock<std::shared_mutex> read(index_rw);
  if (cached)
    return 0;
  return index_size;
}
int tryRead() {
  if (!index_rw.try_lock_shared())
    return -1;
  int size = index_size;
  index_rw.unlock_shared();
  return size;
}
