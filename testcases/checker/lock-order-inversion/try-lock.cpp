// RUN: %check --checks='-*,lock-order-inversion' %s -- -std=c++17 \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error}}:'
#include <chrono>
#include <mutex>

// A try-lock cannot wait, so it adds no order edge; a lock it obtained is
// held like any other on the success branch.
std::mutex a_mu, b_mu;

// Don't flag: 'b_mu' -> 'a_mu' and 't_mu' -> 'a_mu' are blocking edges,
// but the other directions are only ever tried (try_lock, try_to_lock, a
// timed lock).
void tryBWhileA() {
  std::lock_guard<std::mutex> a(a_mu);
  if (b_mu.try_lock())
    b_mu.unlock();
}
void tryToLockBWhileA() {
  std::lock_guard<std::mutex> a(a_mu);
  std::unique_lock<std::mutex> b(b_mu, std::try_to_lock);
}
void blockingAWhileB() {
  std::lock_guard<std::mutex> b(b_mu);
  std::lock_guard<std::mutex> a(a_mu);
}
std::timed_mutex t_mu;
void timedTWhileA() {
  std::lock_guard<std::mutex> a(a_mu);
  if (t_mu.try_lock_for(std::chrono::milliseconds(10)))
    t_mu.unlock();
  std::unique_lock<std::timed_mutex> t(t_mu, std::chrono::milliseconds(10));
}
void blockingAWhileT() {
  std::lock_guard<std::timed_mutex> t(t_mu);
  std::lock_guard<std::mutex> a(a_mu);
}

// The success branch holds 'c_mu': taking 'd_mu' there is an edge.
std::mutex c_mu, d_mu;
void cUnderD() {
  std::lock_guard<std::mutex> d(d_mu);
  // CHECK: try-lock.cpp:[[@LINE+1]]:3: warning: acquiring mutex 'c_mu' while holding 'd_mu' inverts the lock order: elsewhere 'd_mu' is acquired while holding 'c_mu' [lock-order-inversion]
  std::lock_guard<std::mutex> c(c_mu);
  // CHECK-DAG: try-lock.cpp:[[@LINE-3]]:3: note: 'd_mu' acquired here
}
void dUnderTriedC() {
  if (c_mu.try_lock()) {
    d_mu.lock();
    // CHECK-DAG: try-lock.cpp:[[@LINE-1]]:5: note: 'd_mu' acquired here while holding 'c_mu'
    // CHECK-DAG: try-lock.cpp:[[@LINE-3]]:7: note: 'c_mu' acquired here
    d_mu.unlock();
    c_mu.unlock();
  }
}
