// RUN: %check --checks='-*,lock-order-inversion' %s -- -std=c++17 \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error}}:'
// Bug: the gate held by every caller is only looked for among global
// locks. Here both private helpers are only called by members holding the
// same object's 'gate_' (a field gate taken directly is honoured, see
// gate-member.cpp), but the cycle is reported at 'a_mu_' in baOrder.
#include <mutex>

class Db {
public:
  void runAB() {
    std::lock_guard<std::mutex> gate(gate_);
    abOrder();
  }
  void runBA() {
    std::lock_guard<std::mutex> gate(gate_);
    baOrder();
  }

  // The cycle is gated for runCD only: runDCUngated can deadlock with it.
  void runCD() {
    std::lock_guard<std::mutex> gate(gate_);
    cdOrder();
  }
  void runDCUngated() { dcOrder(); }

private:
  // Don't flag: only called with 'gate_' held.
  void abOrder() {
    std::lock_guard<std::mutex> a(a_mu_);
    std::lock_guard<std::mutex> b(b_mu_);
  }
  void baOrder() {
    std::lock_guard<std::mutex> b(b_mu_);
    std::lock_guard<std::mutex> a(a_mu_);
  }

  void dcOrder() {
    std::lock_guard<std::mutex> d(d_mu_);
    // CHECK: gate-member-callers.cpp:[[@LINE+1]]:5: warning: acquiring mutex 'c_mu_' while holding 'd_mu_' inverts the lock order: elsewhere 'd_mu_' is acquired while holding 'c_mu_' [lock-order-inversion]
    std::lock_guard<std::mutex> c(c_mu_);
    // CHECK-DAG: gate-member-callers.cpp:[[@LINE-3]]:5: note: 'd_mu_' acquired here
  }
  void cdOrder() {
    std::lock_guard<std::mutex> c(c_mu_);
    std::lock_guard<std::mutex> d(d_mu_);
    // CHECK-DAG: gate-member-callers.cpp:[[@LINE-1]]:5: note: 'd_mu_' acquired here while holding 'c_mu_'
    // CHECK-DAG: gate-member-callers.cpp:[[@LINE-3]]:5: note: 'c_mu_' acquired here
  }

  std::mutex gate_, a_mu_, b_mu_, c_mu_, d_mu_;
};
