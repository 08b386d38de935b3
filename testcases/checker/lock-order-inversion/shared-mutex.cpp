// RUN: %check --checks='-*,lock-order-inversion' %s -- -std=c++17 \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error}}:'
#include <mutex>
#include <shared_mutex>

// A reader holding a shared_mutex blocks a writer like any holder: shared
// acquisitions order like exclusive ones.
std::shared_mutex config_rw;
std::mutex table_mu;

void readConfigThenTable() {
  std::shared_lock<std::shared_mutex> read(config_rw);
  std::lock_guard<std::mutex> table(table_mu);
}
void tableThenWriteConfig() {
  std::lock_guard<std::mutex> table(table_mu);
  // CHECK: shared-mutex.cpp:[[@LINE+1]]:3: warning: acquiring mutex 'config_rw' while holding 'table_mu' inverts the lock order: elsewhere 'table_mu' is acquired while holding 'config_rw' [lock-order-inversion]
  std::unique_lock<std::shared_mutex> write(config_rw);
  // CHECK-DAG: shared-mutex.cpp:[[@LINE-3]]:3: note: 'table_mu' acquired here
  // CHECK-DAG: shared-mutex.cpp:[[@LINE-7]]:3: note: 'table_mu' acquired here while holding 'config_rw'
  // CHECK-DAG: shared-mutex.cpp:[[@LINE-9]]:3: note: 'config_rw' acquired here
}

// lock_shared()/unlock_shared() members: the same order.
std::shared_mutex index_rw;
std::mutex log_mu;
void readIndexThenLog() {
  index_rw.lock_shared();
  log_mu.lock();
  log_mu.unlock();
  index_rw.unlock_shared();
}
void logThenWriteIndex() {
  log_mu.lock();
  // CHECK: shared-mutex.cpp:[[@LINE+1]]:3: warning: acquiring mutex 'index_rw' while holding 'log_mu' inverts the lock order: elsewhere 'log_mu' is acquired while holding 'index_rw' [lock-order-inversion]
  index_rw.lock();
  // CHECK-DAG: shared-mutex.cpp:[[@LINE-3]]:3: note: 'log_mu' acquired here
  // CHECK-DAG: shared-mutex.cpp:[[@LINE-9]]:3: note: 'log_mu' acquired here while holding 'index_rw'
  // CHECK-DAG: shared-mutex.cpp:[[@LINE-11]]:3: note: 'index_rw' acquired here
  index_rw.unlock();
  log_mu.unlock();
}

// Don't flag: the shared lock is dropped before 'table_mu' is taken.
std::shared_mutex stats_rw;
void readStatsThenTable() {
  {
    std::shared_lock<std::shared_mutex> read(stats_rw);
  }
  std::lock_guard<std::mutex> table(table_mu);
}
void tableThenWriteStats() {
  std::lock_guard<std::mutex> table(table_mu);
  std::unique_lock<std::shared_mutex> write(stats_rw);
}
