// RUN: %check --checks='-*,lock-leak' %s -- -std=c++17 \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error}}:'
// A throw is not a return: guards unlock while the exception unwinds,
// locks taken by hand stay held.
#include <mutex>
#include <stdexcept>

std::mutex mu;
int value;

void manual(int x) {
  mu.lock();
  if (x < 0)
    // CHECK: exception.cpp:[[@LINE+2]]:5: warning: mutex 'mu' is still held when an exception leaves 'manual' here [lock-leak]
    // CHECK: exception.cpp:[[@LINE-3]]:3: note: 'mu' acquired here
    throw std::invalid_argument("negative");
  value = x;
  mu.unlock();
}

// Don't flag: the guard unlocks during unwinding.
void guarded(int x) {
  std::lock_guard<std::mutex> lock(mu);
  if (x < 0)
    throw std::invalid_argument("negative");
  value = x;
}

// Don't flag: unlocked before the throw.
void unlockFirst(int x) {
  mu.lock();
  if (x < 0) {
    mu.unlock();
    throw std::invalid_argument("negative");
  }
  value = x;
  mu.unlock();
}

// Don't flag: caught in the same function.
void caught(int x) {
  mu.lock();
  try {
    if (x < 0)
      throw std::invalid_argument("negative");
  } catch (const std::exception &) {
    value = 0;
  }
  mu.unlock();
}
