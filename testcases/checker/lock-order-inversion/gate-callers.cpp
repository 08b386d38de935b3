// RUN: %check --checks='-*,lock-order-inversion' %s -- -std=c++17 \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error}}:'
#include <mutex>

// A gate held by every caller of a function gates the edges inside it, down
// any number of calls.
std::mutex gate_mu, a_mu, b_mu;

// Don't flag: abOrder and baOrder are only ever called with 'gate_mu'
// held, one of them two calls down.
void abOrder() {
  std::lock_guard<std::mutex> a(a_mu);
  std::lock_guard<std::mutex> b(b_mu);
}
void baOrder() {
  std::lock_guard<std::mutex> b(b_mu);
  std::lock_guard<std::mutex> a(a_mu);
}
void stepBA() { baOrder(); }
void runAB() {
  std::lock_guard<std::mutex> gate(gate_mu);
  abOrder();
}
void runBA() {
  std::lock_guard<std::mutex> gate(gate_mu);
  stepBA();
}

// One caller of dcOrder does not hold the gate: the cycle can deadlock.
std::mutex c_mu, d_mu;
void dcOrder() {
  std::lock_guard<std::mutex> d(d_mu);
  // CHECK: gate-callers.cpp:[[@LINE+1]]:3: warning: acquiring mutex 'c_mu' while holding 'd_mu' inverts the lock order: elsewhere 'd_mu' is acquired while holding 'c_mu' [lock-order-inversion]
  std::lock_guard<std::mutex> c(c_mu);
  // CHECK-DAG: gate-callers.cpp:[[@LINE-3]]:3: note: 'd_mu' acquired here
}
void cdOrder() {
  std::lock_guard<std::mutex> c(c_mu);
  std::lock_guard<std::mutex> d(d_mu);
  // CHECK-DAG: gate-callers.cpp:[[@LINE-1]]:3: note: 'd_mu' acquired here while holding 'c_mu'
  // CHECK-DAG: gate-callers.cpp:[[@LINE-3]]:3: note: 'c_mu' acquired here
}
void runCD() {
  std::lock_guard<std::mutex> gate(gate_mu);
  cdOrder();
}
void runDC() {
  std::lock_guard<std::mutex> gate(gate_mu);
  dcOrder();
}
void runDCUngated() { dcOrder(); }
