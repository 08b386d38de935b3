// RUN: %check --checks='-*,lock-order-inversion' %s -- -std=c++17 \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error}}:'
#include <mutex>

// Templates are checked as instantiated.
std::mutex a_mu, b_mu;

template <typename Lockable> void holdThenTakeA(Lockable &held) {
  std::lock_guard<Lockable> guard(held);
  // CHECK: template.cpp:[[@LINE+1]]:3: warning: acquiring mutex 'a_mu' while holding 'b_mu' inverts the lock order: elsewhere 'b_mu' is acquired while holding 'a_mu' [lock-order-inversion]
  std::lock_guard<std::mutex> a(a_mu);
}
void bThenA() { holdThenTakeA(b_mu); }
// The held lock is the caller's argument: both acquisitions are reached
// through the same call.
// CHECK-DAG: template.cpp:[[@LINE-3]]:17: note: via call to 'holdThenTakeA'
// CHECK-DAG: template.cpp:[[@LINE-4]]:17: note: via call to 'holdThenTakeA'
// CHECK-DAG: template.cpp:[[@LINE-9]]:3: note: 'b_mu' acquired here

template <int N> struct Stage {
  static void run() {
    std::lock_guard<std::mutex> a(a_mu);
    std::lock_guard<std::mutex> b(b_mu);
  }
};
void aThenB() { Stage<1>::run(); }
// CHECK-DAG: template.cpp:[[@LINE-4]]:5: note: 'b_mu' acquired here while holding 'a_mu'
// CHECK-DAG: template.cpp:[[@LINE-6]]:5: note: 'a_mu' acquired here

// Don't flag: a template that is never instantiated does nothing.
std::mutex c_mu;
template <typename T> void neverUsed(T &t) {
  std::lock_guard<std::mutex> c(c_mu);
  std::lock_guard<std::mutex> a(a_mu);
}
void aThenC() {
  std::lock_guard<std::mutex> a(a_mu);
  std::lock_guard<std::mutex> c(c_mu);
}
