// RUN: %check --checks='-*,self-deadlock' %s -- -std=c++17 \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error}}:'
#include <mutex>

std::mutex g_mu;

void twice() {
  g_mu.lock();
  // CHECK: direct.cpp:[[@LINE+1]]:3: error: acquiring mutex 'g_mu' that is already held [self-deadlock]
  g_mu.lock();
  // CHECK: direct.cpp:[[@LINE-3]]:3: note: 'g_mu' first acquired here
  g_mu.unlock();
}

// Don't flag: released before the second acquisition.
void sequential() {
  g_mu.lock();
  g_mu.unlock();
  g_mu.lock();
  g_mu.unlock();
}

// Don't flag: a recursive mutex may be re-acquired by its holder.
std::recursive_mutex g_rmu;
void recursive() {
  g_rmu.lock();
  g_rmu.lock();
  g_rmu.unlock();
  g_rmu.unlock();
}

void maybe(bool c) {
  if (c)
    g_mu.lock();
  // CHECK: direct.cpp:[[@LINE+1]]:3: warning: acquiring mutex 'g_mu' that may already be held [self-deadlock]
  g_mu.lock();
  // CHECK: direct.cpp:[[@LINE-3]]:5: note: 'g_mu' first acquired here
  g_mu.unlock();
}
