// RUN: %check --checks='-*,unlock-not-held' %s -- -std=c++17 \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error}}:'
#include <mutex>

std::mutex g_mu;

void twice() {
  g_mu.lock();
  g_mu.unlock();
  // CHECK: double-unlock.cpp:[[@LINE+1]]:3: error: releasing mutex 'g_mu' that is not held [unlock-not-held]
  g_mu.unlock();
  // CHECK: double-unlock.cpp:[[@LINE-3]]:3: note: 'g_mu' already released here
}

// Don't flag: each release follows its own acquisition.
void sequential() {
  g_mu.lock();
  g_mu.unlock();
  g_mu.lock();
  g_mu.unlock();
}
