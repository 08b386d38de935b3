// RUN: %check --checks='-*,lock-order-inversion' %s -- -std=c++17 \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error}}:'
#include <mutex>

// A field can be the gate: every edge of the cycle is taken under the
// object's own 'gate_'.
class Store {
public:
  // Don't flag: both orders are taken under 'gate_'.
  void readThenWrite() {
    std::lock_guard<std::mutex> gate(gate_);
    std::lock_guard<std::mutex> read(read_mu_);
    std::lock_guard<std::mutex> write(write_mu_);
  }
  void writeThenRead() {
    std::lock_guard<std::mutex> gate(gate_);
    std::lock_guard<std::mutex> write(write_mu_);
    std::lock_guard<std::mutex> read(read_mu_);
  }

  // 'index_mu_' -> 'data_mu_' is taken without the gate.
  void dataThenIndex() {
    std::lock_guard<std::mutex> gate(gate_);
    std::lock_guard<std::mutex> data(data_mu_);
    std::lock_guard<std::mutex> index(index_mu_);
  }
  void indexThenData() {
    std::lock_guard<std::mutex> index(index_mu_);
    // CHECK: gate-member.cpp:[[@LINE+1]]:5: warning: acquiring mutex 'data_mu_' while holding 'index_mu_' inverts the lock order: elsewhere 'index_mu_' is acquired while holding 'data_mu_' [lock-order-inversion]
    std::lock_guard<std::mutex> data(data_mu_);
    // CHECK-DAG: gate-member.cpp:[[@LINE-3]]:5: note: 'index_mu_' acquired here
    // CHECK-DAG: gate-member.cpp:[[@LINE-7]]:5: note: 'index_mu_' acquired here while holding 'data_mu_'
    // CHECK-DAG: gate-member.cpp:[[@LINE-9]]:5: note: 'data_mu_' acquired here
  }

private:
  std::mutex gate_, read_mu_, write_mu_, data_mu_, index_mu_;
};
