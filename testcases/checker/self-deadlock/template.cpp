// RUN: %check --checks='-*,self-deadlock' %s -- -std=c++17 \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error}}:'
#include <mutex>

// Reported for the instantiation with a non-recursive mutex only, once.
template <typename M> class Box {
public:
  void normalize() {
    // CHECK: template.cpp:[[@LINE+1]]:5: error: acquiring mutex 'mu_' that is already held [self-deadlock]
    std::lock_guard<M> g(mu_);
    value_ = 0;
  }
  void set(int v) {
    // CHECK: template.cpp:[[@LINE+1]]:5: note: 'mu_' first acquired here
    std::lock_guard<M> g(mu_);
    value_ = v;
    // CHECK: template.cpp:[[@LINE+1]]:5: note: via call to 'Box<std::mutex>::normalize'
    normalize();
  }

private:
  M mu_;
  int value_ = 0;
};

std::mutex mu;

// A function template acquiring its argument twice.
template <typename L> void lockTwice(L &l) {
  l.lock();
  // CHECK: template.cpp:[[@LINE+1]]:3: error: acquiring mutex 'l' that is already held [self-deadlock]
  l.lock();
  // CHECK: template.cpp:[[@LINE-3]]:3: note: 'l' first acquired here
}

// Don't flag: a template that is never instantiated.
template <typename L> void neverUsed(L &l) {
  l.lock();
  l.lock();
}

void use() {
  Box<std::mutex> plain;
  plain.set(1);
  // Don't flag: the recursive instantiation.
  Box<std::recursive_mutex> recursive;
  recursive.set(2);
  lockTwice(mu);
}
