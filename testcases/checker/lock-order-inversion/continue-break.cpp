// RUN: %check --checks='-*,lock-order-inversion' %s -- -std=c++17 \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error}}:'
#include <mutex>

std::mutex a_mu, b_mu, c_mu, d_mu;

// A loop left only by a break taken with 'b_mu' held: 'b_mu' is held on
// every path after the loop.
void pollUntilReady(const bool *ready) {
  for (;;) {
    b_mu.lock();
    if (*ready)
      break;
    b_mu.unlock();
  }
  // CHECK: continue-break.cpp:[[@LINE+1]]:3: warning: acquiring mutex 'a_mu' while holding 'b_mu' inverts the lock order: elsewhere 'b_mu' is acquired while holding 'a_mu' [lock-order-inversion]
  a_mu.lock();
  // CHECK-DAG: continue-break.cpp:[[@LINE-7]]:5: note: 'b_mu' acquired here
  a_mu.unlock();
  b_mu.unlock();
}

// A continue that releases first: what follows in the body still runs
// with 'a_mu' held.
void skipEmpty(const int *sizes, int n) {
  for (int i = 0; i < n; ++i) {
    a_mu.lock();
    if (sizes[i] == 0) {
      a_mu.unlock();
      continue;
    }
    b_mu.lock();
    // CHECK-DAG: continue-break.cpp:[[@LINE-1]]:5: note: 'b_mu' acquired here while holding 'a_mu'
    // CHECK-DAG: continue-break.cpp:[[@LINE-7]]:5: note: 'a_mu' acquired here
    b_mu.unlock();
    a_mu.unlock();
  }
}

// Don't flag: every break and continue releases 'c_mu' first, so nothing
// after the loop or in the next iteration runs under it.
void drain(const bool *empty, const bool *skip, int n) {
  for (int i = 0; i < n; ++i) {
    c_mu.lock();
    if (skip[i]) {
      c_mu.unlock();
      continue;
    }
    if (empty[i]) {
      c_mu.unlock();
      break;
    }
    c_mu.unlock();
    d_mu.lock();
    d_mu.unlock();
  }
  d_mu.lock();
  d_mu.unlock();
}
void dThenC() {
  std::lock_guard<std::mutex> d(d_mu);
  std::lock_guard<std::mutex> c(c_mu);
}
