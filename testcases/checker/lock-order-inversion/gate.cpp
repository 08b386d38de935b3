// RUN: %check --checks='-*,lock-order-inversion' %s -- -std=c++17 \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error}}:'
#include <mutex>

// A cycle whose every edge is taken under one common other lock (a gate)
// cannot deadlock: only one thread at a time can be inside it.
std::mutex gate_mu, a_mu, b_mu;

// Don't flag: both orders are taken under 'gate_mu'.
void gatedAB() {
  std::lock_guard<std::mutex> gate(gate_mu);
  std::lock_guard<std::mutex> a(a_mu);
  std::lock_guard<std::mutex> b(b_mu);
}
void gatedBA() {
  std::lock_guard<std::mutex> gate(gate_mu);
  std::lock_guard<std::mutex> b(b_mu);
  std::lock_guard<std::mutex> a(a_mu);
}

// One edge outside the gate: the cycle can deadlock.
std::mutex c_mu, d_mu;
void ungatedDC() {
  std::lock_guard<std::mutex> d(d_mu);
  // CHECK: gate.cpp:[[@LINE+1]]:3: warning: acquiring mutex 'c_mu' while holding 'd_mu' inverts the lock order: elsewhere 'd_mu' is acquired while holding 'c_mu' [lock-order-inversion]
  std::lock_guard<std::mutex> c(c_mu);
  // CHECK-DAG: gate.cpp:[[@LINE-3]]:3: note: 'd_mu' acquired here
}
void gatedCD() {
  std::lock_guard<std::mutex> gate(gate_mu);
  std::lock_guard<std::mutex> c(c_mu);
  std::lock_guard<std::mutex> d(d_mu);
  // CHECK-DAG: gate.cpp:[[@LINE-1]]:3: note: 'd_mu' acquired here while holding 'c_mu'
  // CHECK-DAG: gate.cpp:[[@LINE-3]]:3: note: 'c_mu' acquired here
}

// A gate held on one path only is no gate.
std::mutex e_mu, f_mu;
void maybeGatedEF(bool gated) {
  if (gated)
    gate_mu.lock();
  e_mu.lock();
  f_mu.lock();
  f_mu.unlock();
  e_mu.unlock();
  if (gated)
    gate_mu.unlock();
}
void gatedFE() {
  std::lock_guard<std::mutex> gate(gate_mu);
  std::lock_guard<std::mutex> f(f_mu);
  // CHECK: gate.cpp:[[@LINE+1]]:3: warning: acquiring mutex 'e_mu' while holding 'f_mu' inverts the lock order: elsewhere 'f_mu' is acquired while holding 'e_mu' [lock-order-inversion]
  std::lock_guard<std::mutex> e(e_mu);
  // CHECK-DAG: gate.cpp:[[@LINE-3]]:3: note: 'f_mu' acquired here
  // CHECK-DAG: gate.cpp:[[@LINE-12]]:3: note: 'f_mu' acquired here while holding 'e_mu'
  // CHECK-DAG: gate.cpp:[[@LINE-14]]:3: note: 'e_mu' acquired here
}
