// RUN: %check --checks='-*,self-deadlock' %s -- -std=c++17 \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error}}:'
// Bug: unlock() on a unique_lock that received ownership by a move is not
// seen as a release; the later lock() is reported as a self-deadlock.
#include <mutex>
#include <utility>

std::mutex mu;

// Don't flag: the moved-to lock was unlocked before the mutex is taken again.
void movedThenUnlocked() {
  std::unique_lock<std::mutex> a(mu);
  std::unique_lock<std::mutex> b(std::move(a));
  b.unlock();
  mu.lock();
  mu.unlock();
}

// Don't flag: the same after a move assignment.
void moveAssignedThenUnlocked() {
  std::unique_lock<std::mutex> a(mu);
  std::unique_lock<std::mutex> b;
  b = std::move(a);
  b.unlock();
  mu.lock();
  mu.unlock();
}

// The finding that must remain, so the file cannot pass vacuously.
void movedStillHeld() {
  std::unique_lock<std::mutex> a(mu);
  std::unique_lock<std::mutex> b(std::move(a));
  // CHECK: unique-lock-move-unlock.cpp:[[@LINE+1]]:3: error: acquiring mutex 'mu' that is already held [self-deadlock]
  mu.lock();
  // CHECK: unique-lock-move-unlock.cpp:[[@LINE-4]]:3: note: 'mu' first acquired here
}
