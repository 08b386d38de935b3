// RUN: %check --checks='-*,lock-order-inversion' %s -- -std=c++17 \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error}}:'
#include <mutex>

// A unique_lock built with defer_lock acquires at its lock() call, not at
// its construction.
std::mutex pool_mu, queue_mu;

void queueThenPool() {
  std::unique_lock<std::mutex> queue(queue_mu, std::defer_lock);
  std::unique_lock<std::mutex> pool(pool_mu, std::defer_lock);
  queue.lock();
  // CHECK: defer-lock.cpp:[[@LINE+1]]:3: warning: acquiring mutex 'pool_mu' while holding 'queue_mu' inverts the lock order: elsewhere 'queue_mu' is acquired while holding 'pool_mu' [lock-order-inversion]
  pool.lock();
  // CHECK-DAG: defer-lock.cpp:[[@LINE-3]]:3: note: 'queue_mu' acquired here
}

void poolThenQueue() {
  std::lock_guard<std::mutex> pool(pool_mu);
  std::unique_lock<std::mutex> queue(queue_mu, std::defer_lock);
  queue.lock();
  // CHECK-DAG: defer-lock.cpp:[[@LINE-1]]:3: note: 'queue_mu' acquired here while holding 'pool_mu'
  // CHECK-DAG: defer-lock.cpp:[[@LINE-4]]:3: note: 'pool_mu' acquired here
}

// Don't flag: the deferred lock is taken only after 'jobs_mu' is unlocked,
// so the reverse order in workersThenJobs closes no cycle.
std::mutex jobs_mu, workers_mu;
void deferredPastUnlock() {
  std::unique_lock<std::mutex> jobs(jobs_mu);
  std::unique_lock<std::mutex> workers(workers_mu, std::defer_lock);
  jobs.unlock();
  workers.lock();
}
void workersThenJobs() {
  std::lock_guard<std::mutex> workers(workers_mu);
  std::lock_guard<std::mutex> jobs(jobs_mu);
}
