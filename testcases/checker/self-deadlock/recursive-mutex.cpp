// RUN: %check --checks='-*,self-deadlock' %s -- -std=c++17 \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error}}:'
#include <mutex>

class Tree {
public:
  // Don't flag: a recursive mutex re-acquired through calls.
  void insert(int v) {
    std::lock_guard<std::recursive_mutex> g(mu_);
    rebalance();
    size_ += v;
  }
  void rebalance() {
    std::lock_guard<std::recursive_mutex> g(mu_);
    size_ = 0;
  }

private:
  std::recursive_mutex mu_;
  int size_ = 0;
};

// Don't flag: recursive_timed_mutex is recursive too.
std::recursive_timed_mutex rtm;
void timedRecursive() {
  std::lock_guard<std::recursive_timed_mutex> outer(rtm);
  std::lock_guard<std::recursive_timed_mutex> inner(rtm);
}

// A timed_mutex is not.
std::timed_mutex tm;
void timedNonRecursive() {
  std::lock_guard<std::timed_mutex> outer(tm);
  // CHECK: recursive-mutex.cpp:[[@LINE+1]]:3: error: acquiring mutex 'tm' that is already held [self-deadlock]
  std::lock_guard<std::timed_mutex> inner(tm);
  // CHECK: recursive-mutex.cpp:[[@LINE-3]]:3: note: 'tm' first acquired here
}
