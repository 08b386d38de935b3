// RUN: %check --checks='-*,lock-order-inversion' %s -- -std=c++17 \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error}}:'
#include <mutex>

// scoped_lock over several mutexes takes them together (std::lock): no
// order among them. Over one mutex it is a lock_guard.
std::mutex a_mu, b_mu, c_mu;

// Don't flag: opposite argument orders are fine.
void lockAB() { std::scoped_lock both(a_mu, b_mu); }
void lockBA() { std::scoped_lock both(b_mu, a_mu); }

void cThenA() {
  std::scoped_lock c(c_mu);
  // CHECK: scoped-lock.cpp:[[@LINE+1]]:3: warning: acquiring mutex 'a_mu' while holding 'c_mu' inverts the lock order: elsewhere 'c_mu' is acquired while holding 'a_mu' [lock-order-inversion]
  std::scoped_lock a(a_mu);
  // CHECK-DAG: scoped-lock.cpp:[[@LINE-3]]:3: note: 'c_mu' acquired here
}
void aThenBC() {
  std::scoped_lock a(a_mu);
  std::scoped_lock bc(b_mu, c_mu);
  // CHECK-DAG: scoped-lock.cpp:[[@LINE-1]]:3: note: 'c_mu' acquired here while holding 'a_mu'
  // CHECK-DAG: scoped-lock.cpp:[[@LINE-3]]:3: note: 'a_mu' acquired here
}
