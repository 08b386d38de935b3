// RUN: %check --checks='-*,lock-order-inversion' %s -- -std=c++17 \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error}}:'
#include <mutex>

std::mutex accounts_mu, log_mu, stats_mu;

void appendLog() {
  // CHECK: through-calls.cpp:[[@LINE+1]]:3: warning: acquiring mutex 'accounts_mu' while holding 'log_mu' inverts the lock order: elsewhere 'log_mu' is acquired while holding 'accounts_mu' [lock-order-inversion]
  std::lock_guard<std::mutex> guard(accounts_mu);
}

void flushLog() {
  std::lock_guard<std::mutex> guard(log_mu);
  appendLog();
}
// CHECK-DAG: through-calls.cpp:[[@LINE-2]]:3: note: via call to 'appendLog'
// CHECK-DAG: through-calls.cpp:[[@LINE-4]]:3: note: 'log_mu' acquired here

// Three levels down: transfer -> audit -> record -> log_mu.
void record() {
  log_mu.lock();
  log_mu.unlock();
}
void audit() { record(); }
void transfer() {
  std::lock_guard<std::mutex> guard(accounts_mu);
  audit();
}
// CHECK-DAG: through-calls.cpp:[[@LINE-8]]:3: note: 'log_mu' acquired here while holding 'accounts_mu'
// CHECK-DAG: through-calls.cpp:[[@LINE-3]]:3: note: via call to 'audit'
// CHECK-DAG: through-calls.cpp:[[@LINE-7]]:16: note: via call to 'record'
// CHECK-DAG: through-calls.cpp:[[@LINE-6]]:3: note: 'accounts_mu' acquired here

// Don't flag: 'stats_mu' -> 'log_mu' alone is no cycle; the callee takes
// 'stats_mu' only after the caller has released 'log_mu'.
void bumpStats() { std::lock_guard<std::mutex> guard(stats_mu); }
void flushThenCount() {
  {
    std::lock_guard<std::mutex> guard(log_mu);
  }
  bumpStats();
}
void countThenFlush() {
  std::lock_guard<std::mutex> guard(stats_mu);
  record();
}
