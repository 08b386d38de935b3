// RUN: %check --checks='-*,lock-order-inversion' %s -- -std=c++17 \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error}}:'
// Bug: std::lock over unique_lock objects is taken to lock the guard
// objects themselves (nodes 'cThenAB::a', 'cThenAB::b') instead of the
// mutexes they manage, so the edges to and from 'a_mu' are missing and
// the cycle below goes unreported.
#include <mutex>

// std::lock over deferred unique_locks locks the guards' mutexes.
std::mutex a_mu, b_mu, c_mu;

void aThenC() {
  std::lock_guard<std::mutex> a(a_mu);
  std::lock_guard<std::mutex> c(c_mu);
}
void cThenAB() {
  std::lock_guard<std::mutex> c(c_mu);
  std::unique_lock<std::mutex> a(a_mu, std::defer_lock);
  std::unique_lock<std::mutex> b(b_mu, std::defer_lock);
  // CHECK: std-lock-guards.cpp:[[@LINE+1]]:3: warning: acquiring mutex 'a_mu' while holding 'c_mu' inverts the lock order: elsewhere 'c_mu' is acquired while holding 'a_mu' [lock-order-inversion]
  std::lock(a, b);
  // CHECK-DAG: std-lock-guards.cpp:[[@LINE-5]]:3: note: 'c_mu' acquired here
  // CHECK-DAG: std-lock-guards.cpp:[[@LINE-9]]:3: note: 'c_mu' acquired here while holding 'a_mu'
  // CHECK-DAG: std-lock-guards.cpp:[[@LINE-11]]:3: note: 'a_mu' acquired here
}

// Don't flag: the guards are unlocked before 'c_mu' is taken.
void abUnlockedThenC() {
  std::unique_lock<std::mutex> a(a_mu, std::defer_lock);
  std::unique_lock<std::mutex> b(b_mu, std::defer_lock);
  std::lock(a, b);
  a.unlock();
  b.unlock();
  std::lock_guard<std::mutex> c(c_mu);
}
