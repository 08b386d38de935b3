// RUN: %check --checks='-*,self-deadlock' %s -- -std=c++17 \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error}}:'
#include <mutex>

std::mutex mu;
bool more();

// Held from the previous iteration on the back edge, not on entry.
void lockEveryIteration(int n) {
  for (int i = 0; i < n; ++i) {
    // CHECK: loops.cpp:[[@LINE+1]]:5: warning: acquiring mutex 'mu' that may already be held [self-deadlock]
    mu.lock();
    // CHECK: loops.cpp:[[@LINE-1]]:5: note: 'mu' first acquired here
  }
}

// Held before the loop: every iteration re-acquires.
void lockedAroundLoop() {
  std::lock_guard<std::mutex> g(mu);
  while (more()) {
    // CHECK: loops.cpp:[[@LINE+1]]:5: error: acquiring mutex 'mu' that is already held [self-deadlock]
    std::lock_guard<std::mutex> inner(mu);
    // CHECK: loops.cpp:[[@LINE-4]]:3: note: 'mu' first acquired here
  }
}

// Don't flag: released in every iteration, also on 'continue'.
void lockPerIteration(int n) {
  for (int i = 0; i < n; ++i) {
    std::lock_guard<std::mutex> g(mu);
    if (i % 2)
      continue;
  }
  do {
    mu.lock();
    mu.unlock();
  } while (more());
}

// Don't flag: the loop is left with the lock held and never loops back.
void breakHolding() {
  for (;;) {
    mu.lock();
    if (more())
      break;
    mu.unlock();
  }
  mu.unlock();
}
