// RUN: %check --checks='-*,unlock-not-held' %s -- -std=c++17 \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error}}:'
// Bug: a guard whose mutex was released by hand (or that adopts a mutex
// known to be released) still releases it in its destructor; that second
// release is not reported.
#include <mutex>

std::mutex mu, a, b;

void lockGuardThenUnlock() {
  std::lock_guard<std::mutex> g(mu);
  // CHECK: guard-after-unlock.cpp:[[@LINE+3]]:1: error: releasing mutex 'mu' that is not held [unlock-not-held]
  // CHECK: guard-after-unlock.cpp:[[@LINE+1]]:3: note: 'mu' already released here
  mu.unlock();
}

void uniqueLockThenUnlock() {
  std::unique_lock<std::mutex> l(mu);
  // CHECK: guard-after-unlock.cpp:[[@LINE+3]]:1: error: releasing mutex 'mu' that is not held [unlock-not-held]
  // CHECK: guard-after-unlock.cpp:[[@LINE+1]]:3: note: 'mu' already released here
  mu.unlock();
}

void scopedLockThenUnlock() {
  std::scoped_lock l(a, b);
  // CHECK: guard-after-unlock.cpp:[[@LINE+3]]:1: error: releasing mutex 'a' that is not held [unlock-not-held]
  // CHECK: guard-after-unlock.cpp:[[@LINE+1]]:3: note: 'a' already released here
  a.unlock();
}

void adoptAfterRelease() {
  mu.lock();
  // CHECK: guard-after-unlock.cpp:[[@LINE+5]]:3: error: releasing mutex 'mu' that is not held [unlock-not-held]
  // CHECK: guard-after-unlock.cpp:[[@LINE+1]]:3: note: 'mu' already released here
  mu.unlock();
  {
    std::lock_guard<std::mutex> g(mu, std::adopt_lock);
  }
}

// Don't flag: unique_lock's own unlock() clears its ownership.
void uniqueLockMemberUnlock() {
  std::unique_lock<std::mutex> l(mu);
  l.unlock();
}
