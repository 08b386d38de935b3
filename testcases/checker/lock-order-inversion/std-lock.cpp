// RUN: %check --checks='-*,lock-order-inversion' %s -- -std=c++17 \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error}}:'
#include <mutex>

// std::lock takes its locks together with deadlock avoidance: no order
// among them, but each is ordered before what is taken next.
std::mutex a_mu, b_mu, c_mu;

// Don't flag: the two calls name the locks in opposite orders.
void lockAB() {
  std::lock(a_mu, b_mu);
  std::lock_guard<std::mutex> a(a_mu, std::adopt_lock);
  std::lock_guard<std::mutex> b(b_mu, std::adopt_lock);
}
void lockBA() {
  std::lock(b_mu, a_mu);
  b_mu.unlock();
  a_mu.unlock();
}

void cThenA() {
  std::lock_guard<std::mutex> c(c_mu);
  // CHECK: std-lock.cpp:[[@LINE+1]]:3: warning: acquiring mutex 'a_mu' while holding 'c_mu' inverts the lock order: elsewhere 'c_mu' is acquired while holding 'a_mu' [lock-order-inversion]
  std::lock_guard<std::mutex> a(a_mu);
  // CHECK-DAG: std-lock.cpp:[[@LINE-3]]:3: note: 'c_mu' acquired here
}
void abThenC() {
  std::lock(a_mu, b_mu);
  c_mu.lock();
  // CHECK-DAG: std-lock.cpp:[[@LINE-1]]:3: note: 'c_mu' acquired here while holding 'a_mu'
  // CHECK-DAG: std-lock.cpp:[[@LINE-3]]:3: note: 'a_mu' acquired here
  c_mu.unlock();
  b_mu.unlock();
  a_mu.unlock();
}
