// RUN: %check --checks='-*,lock-order-inversion' %s -- -std=c++17 \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error}}:'
#include <mutex>

// unique_lock::release() hands the mutex over still locked: what is taken
// afterwards is taken while it is held.
std::mutex a_mu, b_mu;

void bThenA() {
  std::lock_guard<std::mutex> b(b_mu);
  // CHECK: release.cpp:[[@LINE+1]]:3: warning: acquiring mutex 'a_mu' while holding 'b_mu' inverts the lock order: elsewhere 'b_mu' is acquired while holding 'a_mu' [lock-order-inversion]
  std::lock_guard<std::mutex> a(a_mu);
  // CHECK-DAG: release.cpp:[[@LINE-3]]:3: note: 'b_mu' acquired here
}
void aReleasedThenB() {
  std::unique_lock<std::mutex> a(a_mu);
  std::mutex *owned = a.release();
  b_mu.lock();
  // CHECK-DAG: release.cpp:[[@LINE-1]]:3: note: 'b_mu' acquired here while holding 'a_mu'
  // CHECK-DAG: release.cpp:[[@LINE-4]]:3: note: 'a_mu' acquired here
  b_mu.unlock();
  owned->unlock();
}

// Don't flag: unlock(), unlike release(), lets the mutex go.
std::mutex c_mu;
void cUnlockedThenA() {
  std::unique_lock<std::mutex> c(c_mu);
  c.unlock();
  std::lock_guard<std::mutex> a(a_mu);
}
void aThenC() {
  std::lock_guard<std::mutex> a(a_mu);
  std::lock_guard<std::mutex> c(c_mu);
}
