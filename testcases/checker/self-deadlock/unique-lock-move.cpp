// RUN: %check --checks='-*,self-deadlock' %s -- -std=c++17 \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error}}:'
#include <mutex>
#include <utility>

std::mutex mu;

// Moving a unique_lock moves ownership; the mutex stays held.
void movedStillHeld() {
  std::unique_lock<std::mutex> a(mu);
  std::unique_lock<std::mutex> b(std::move(a));
  // CHECK: unique-lock-move.cpp:[[@LINE+1]]:3: error: acquiring mutex 'mu' that is already held [self-deadlock]
  mu.lock();
  // CHECK: unique-lock-move.cpp:[[@LINE-4]]:3: note: 'mu' first acquired here
}

// Don't flag: the moved-to lock released the mutex at the end of its scope;
// the moved-from one releases nothing.
void movedReleasedOnce() {
  {
    std::unique_lock<std::mutex> a(mu);
    std::unique_lock<std::mutex> b = std::move(a);
  }
  mu.lock();
  mu.unlock();
}

// Move assignment: the same.
void moveAssigned() {
  std::unique_lock<std::mutex> a(mu);
  std::unique_lock<std::mutex> b;
  b = std::move(a);
  // CHECK: unique-lock-move.cpp:[[@LINE+1]]:3: error: acquiring mutex 'mu' that is already held [self-deadlock]
  mu.lock();
  // CHECK: unique-lock-move.cpp:[[@LINE-5]]:3: note: 'mu' first acquired here
}

// Don't flag: released once, by the move-assigned lock.
void moveAssignedReleasedOnce() {
  {
    std::unique_lock<std::mutex> a(mu);
    std::unique_lock<std::mutex> b;
    b = std::move(a);
  }
  mu.lock();
  mu.unlock();
}
