// RUN: %check --checks='-*,lock-order-inversion' %s -- -std=c++17 \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error}}:'
#include <mutex>

// A guard that adopts a lock takes nothing: the lock was acquired by the
// earlier lock() call, and the guard only releases it.
std::mutex a_mu, b_mu;

void bThenA() {
  b_mu.lock();
  std::lock_guard<std::mutex> b(b_mu, std::adopt_lock);
  // CHECK: adopt-lock.cpp:[[@LINE+1]]:3: warning: acquiring mutex 'a_mu' while holding 'b_mu' inverts the lock order: elsewhere 'b_mu' is acquired while holding 'a_mu' [lock-order-inversion]
  a_mu.lock();
  // CHECK-DAG: adopt-lock.cpp:[[@LINE-4]]:3: note: 'b_mu' acquired here
  std::unique_lock<std::mutex> a(a_mu, std::adopt_lock);
}
void aThenB() {
  a_mu.lock();
  std::unique_lock<std::mutex> a(a_mu, std::adopt_lock);
  std::lock_guard<std::mutex> b(b_mu);
  // CHECK-DAG: adopt-lock.cpp:[[@LINE-1]]:3: note: 'b_mu' acquired here while holding 'a_mu'
  // CHECK-DAG: adopt-lock.cpp:[[@LINE-4]]:3: note: 'a_mu' acquired here
}

// Don't flag: the adopting guard releases 'c_mu' at the end of its scope,
// before 'a_mu' is taken.
std::mutex c_mu;
void cReleasedByAdoptingGuard() {
  c_mu.lock();
  {
    std::lock_guard<std::mutex> c(c_mu, std::adopt_lock);
  }
  std::lock_guard<std::mutex> a(a_mu);
}
void aThenC() {
  std::lock_guard<std::mutex> a(a_mu);
  std::lock_guard<std::mutex> c(c_mu);
}
