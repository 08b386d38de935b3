// RUN: %check --checks='-*,self-deadlock' %s -- -std=c++17 \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error}}:'
#include <mutex>

std::mutex mu;

// unlock() then lock() on the unique_lock: held again after lock().
void relockMember() {
  std::unique_lock<std::mutex> l(mu);
  l.unlock();
  l.lock();
  // CHECK: unique-lock-members.cpp:[[@LINE+1]]:3: error: acquiring mutex 'mu' that is already held [self-deadlock]
  mu.lock();
  // CHECK: unique-lock-members.cpp:[[@LINE-3]]:3: note: 'mu' first acquired here
}

// release() gives up ownership without unlocking: the mutex is still held.
void releaseKeepsLock() {
  std::unique_lock<std::mutex> l(mu);
  l.release();
  // CHECK: unique-lock-members.cpp:[[@LINE+1]]:3: error: acquiring mutex 'mu' that is already held [self-deadlock]
  mu.lock();
  // CHECK: unique-lock-members.cpp:[[@LINE-4]]:3: note: 'mu' first acquired here
}

// Don't flag: unlock() releases before the second acquisition.
void unlockMember() {
  std::unique_lock<std::mutex> l(mu);
  l.unlock();
  mu.lock();
  mu.unlock();
}

// Don't flag: the released mutex is unlocked by hand before it is taken again.
void releaseThenUnlock() {
  std::unique_lock<std::mutex> l(mu);
  l.release();
  mu.unlock();
  mu.lock();
  mu.unlock();
}
