// RUN: %check --checks='-*,lock-leak' %s -- -std=c++17 \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error}}:'
#include <mutex>
#include <thread>

// A thread entry has no caller to hand a lock to: whatever it still holds
// when it ends stays locked for good.
std::mutex jobs_mu;
int jobs = 0;

void worker() {
  jobs_mu.lock();
  ++jobs;
  // CHECK: thread-entry.cpp:[[@LINE+1]]:1: warning: mutex 'jobs_mu' is still held when thread 'worker' ends [lock-leak]
}
// CHECK: thread-entry.cpp:[[@LINE-4]]:3: note: 'jobs_mu' acquired here

// Through a call: the entry is reported, not the acquire function.
void takeJobs() { jobs_mu.lock(); }
void taker() {
  takeJobs();
  jobs = 0;
  // CHECK: thread-entry.cpp:[[@LINE+1]]:1: warning: mutex 'jobs_mu' is still held when thread 'taker' ends [lock-leak]
}
// CHECK: thread-entry.cpp:[[@LINE-4]]:3: note: via call to 'takeJobs'
// CHECK: thread-entry.cpp:[[@LINE-7]]:19: note: 'jobs_mu' acquired here

// Don't flag: a guarded thread body.
void counter() {
  std::lock_guard<std::mutex> guard(jobs_mu);
  ++jobs;
}

void start() {
  std::thread a(worker);
  std::thread b(taker);
  std::thread c(counter);
  a.join();
  b.join();
  c.join();
}
