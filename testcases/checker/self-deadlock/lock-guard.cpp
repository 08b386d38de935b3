// RUN: %check --checks='-*,self-deadlock' %s -- -std=c++17 \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error}}:'
#include <mutex>

std::mutex mu;
int value;

void nested() {
  std::lock_guard<std::mutex> outer(mu);
  {
    // CHECK: lock-guard.cpp:[[@LINE+1]]:5: error: acquiring mutex 'mu' that is already held [self-deadlock]
    std::lock_guard<std::mutex> inner(mu);
    // CHECK: lock-guard.cpp:[[@LINE-4]]:3: note: 'mu' first acquired here
    value = 1;
  }
}

// Don't flag: sibling scopes, each guard released before the next.
void siblings() {
  {
    std::lock_guard<std::mutex> first(mu);
    value = 1;
  }
  {
    std::lock_guard<std::mutex> second(mu);
    value = 2;
  }
}

// Class template argument deduction: the same finding.
void deduced() {
  std::lock_guard outer(mu);
  // CHECK: lock-guard.cpp:[[@LINE+1]]:3: error: acquiring mutex 'mu' that is already held [self-deadlock]
  mu.lock();
  // CHECK: lock-guard.cpp:[[@LINE-3]]:3: note: 'mu' first acquired here
}
