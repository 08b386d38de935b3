// RUN: %check --checks='-*,unlock-not-held' %s -- -std=c++17 \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error}}:'
#include <mutex>

std::mutex mu, other;
void work();

void cleanup() {
  // CHECK: main.cpp:[[@LINE+1]]:3: error: releasing mutex 'other' that the main thread does not hold [unlock-not-held]
  other.unlock();
}

// Don't flag: released after being taken.
void unlockMu() { mu.unlock(); }

int main() {
  mu.lock();
  work();
  unlockMu();
  // CHECK: main.cpp:[[@LINE+1]]:3: note: via call to 'cleanup'
  cleanup();
  // Don't flag: taken and released in main.
  mu.lock();
  mu.unlock();
  return 0;
}
