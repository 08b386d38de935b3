// RUN: %check --checks='-*,lock-order-inversion' %s -- -std=c++17 \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error}}:'
// Bug: a guard moved with std::move keeps its lock in the checker's eyes
// (the std::move call hides the source guard), so the lock is released
// when the moved-from guard dies instead of the guard that owns it: the
// edge in aKeptByMovedGuard is missed and cMovedAwayThenA gets one it
// does not have.
#include <mutex>
#include <utility>

// Moving a unique_lock moves the ownership: the mutex stays held until the
// guard it was moved into lets go.
std::mutex a_mu, b_mu;

void bThenA() {
  std::lock_guard<std::mutex> b(b_mu);
  // CHECK: guard-move.cpp:[[@LINE+1]]:3: warning: acquiring mutex 'a_mu' while holding 'b_mu' inverts the lock order: elsewhere 'b_mu' is acquired while holding 'a_mu' [lock-order-inversion]
  std::lock_guard<std::mutex> a(a_mu);
  // CHECK-DAG: guard-move.cpp:[[@LINE-3]]:3: note: 'b_mu' acquired here
}
void aKeptByMovedGuard() {
  std::unique_lock<std::mutex> kept;
  {
    std::unique_lock<std::mutex> first(a_mu);
    kept = std::move(first);
  }
  std::lock_guard<std::mutex> b(b_mu);
  // CHECK-DAG: guard-move.cpp:[[@LINE-1]]:3: note: 'b_mu' acquired here while holding 'a_mu'
  // CHECK-DAG: guard-move.cpp:[[@LINE-5]]:5: note: 'a_mu' acquired here
}

// Don't flag: the guard 'c_mu' was moved into is gone before 'a_mu' is
// taken.
std::mutex c_mu;
void cMovedAwayThenA() {
  std::unique_lock<std::mutex> outer(c_mu);
  {
    std::unique_lock<std::mutex> inner(std::move(outer));
  }
  std::lock_guard<std::mutex> a(a_mu);
}
void aThenC() {
  std::lock_guard<std::mutex> a(a_mu);
  std::lock_guard<std::mutex> c(c_mu);
}
