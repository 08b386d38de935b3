// RUN: %check --checks='-*,lock-order-inversion' %s -- -std=c++17 \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error}}:'
#include <mutex>

// An early return that releases leaves the lock held on every path that
// goes on: what is taken there is ordered after it.
std::mutex conn_mu, pool_mu;

bool reconnect(bool broken) {
  conn_mu.lock();
  if (broken) {
    conn_mu.unlock();
    return false;
  }
  pool_mu.lock();
  pool_mu.unlock();
  conn_mu.unlock();
  return true;
}
void shrinkPool() {
  std::lock_guard<std::mutex> pool(pool_mu);
  // CHECK: early-return.cpp:[[@LINE+1]]:3: warning: acquiring mutex 'conn_mu' while holding 'pool_mu' inverts the lock order: elsewhere 'pool_mu' is acquired while holding 'conn_mu' [lock-order-inversion]
  std::lock_guard<std::mutex> conn(conn_mu);
  // CHECK-DAG: early-return.cpp:[[@LINE-3]]:3: note: 'pool_mu' acquired here
  // CHECK-DAG: early-return.cpp:[[@LINE-10]]:3: note: 'pool_mu' acquired here while holding 'conn_mu'
  // CHECK-DAG: early-return.cpp:[[@LINE-16]]:3: note: 'conn_mu' acquired here
}

// Don't flag: past the if, 'log_mu' is held on one path only (the analysis
// is flow-sensitive, not path-sensitive, and orders only what is held on
// every path).
std::mutex log_mu;
void maybeLog(bool verbose) {
  if (verbose)
    log_mu.lock();
  conn_mu.lock();
  conn_mu.unlock();
  if (verbose)
    log_mu.unlock();
}
void connThenLog() {
  std::lock_guard<std::mutex> conn(conn_mu);
  std::lock_guard<std::mutex> log(log_mu);
}
