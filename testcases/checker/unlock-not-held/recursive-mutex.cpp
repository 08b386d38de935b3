// RUN: %check --checks='-*,unlock-not-held' %s -- -std=c++17 \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error}}:'
#include <mutex>

std::recursive_mutex rm;

// Don't flag: two acquisitions, two releases.
void balanced() {
  rm.lock();
  rm.lock();
  rm.unlock();
  rm.unlock();
}

// Don't flag: nested guards on a recursive mutex.
void nestedGuards() {
  std::lock_guard<std::recursive_mutex> outer(rm);
  std::lock_guard<std::recursive_mutex> inner(rm);
}

// One release more than acquisitions.
void oneTooMany() {
  rm.lock();
  rm.lock();
  rm.unlock();
  rm.unlock();
  // CHECK: recursive-mutex.cpp:[[@LINE+1]]:3: error: releasing mutex 'rm' that is not held [unlock-not-held]
  rm.unlock();
  // CHECK: recursive-mutex.cpp:[[@LINE-3]]:3: note: 'rm' already released here
}
