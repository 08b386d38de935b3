// RUN: %check --checks='-*,lock-leak' %s -- -std=c++17 \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error}}:'
#include <mutex>

// A recursive mutex is released when every lock() has had its unlock().
std::recursive_mutex tree_mu;
int depth = 0;

int descend(bool bail) {
  tree_mu.lock();
  tree_mu.lock();
  ++depth;
  if (bail) {
    tree_mu.unlock();
    // CHECK: recursive.cpp:[[@LINE+1]]:5: warning: mutex 'tree_mu' is still held when returning from 'descend' here, but released on other paths [lock-leak]
    return depth;
  }
  // CHECK: recursive.cpp:[[@LINE-8]]:3: note: 'tree_mu' acquired here
  tree_mu.unlock();
  tree_mu.unlock();
  return 0;
}

// Don't flag: balanced on both paths.
int descendChecked(bool bail) {
  tree_mu.lock();
  tree_mu.lock();
  ++depth;
  if (bail) {
    tree_mu.unlock();
    tree_mu.unlock();
    return depth;
  }
  tree_mu.unlock();
  tree_mu.unlock();
  return 0;
}
