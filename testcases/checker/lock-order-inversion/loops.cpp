// RUN: %check --checks='-*,lock-order-inversion' %s -- -std=c++17 \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error}}:'
#include <mutex>

// Order edges inside loop bodies, and none across iterations once the lock
// of the previous iteration is gone.
std::mutex batch_mu, item_mu;

void processItems(int n) {
  for (int i = 0; i < n; ++i) {
    std::lock_guard<std::mutex> item(item_mu);
    // CHECK: loops.cpp:[[@LINE+1]]:5: warning: acquiring mutex 'batch_mu' while holding 'item_mu' inverts the lock order: elsewhere 'item_mu' is acquired while holding 'batch_mu' [lock-order-inversion]
    std::lock_guard<std::mutex> batch(batch_mu);
    // CHECK-DAG: loops.cpp:[[@LINE-3]]:5: note: 'item_mu' acquired here
  }
}
void processBatch(int n) {
  std::lock_guard<std::mutex> batch(batch_mu);
  int i = 0;
  while (i < n) {
    item_mu.lock();
    // CHECK-DAG: loops.cpp:[[@LINE-1]]:5: note: 'item_mu' acquired here while holding 'batch_mu'
    // CHECK-DAG: loops.cpp:[[@LINE-5]]:3: note: 'batch_mu' acquired here
    item_mu.unlock();
    ++i;
  }
}

// Don't flag: 'tail_mu' is released at the end of each iteration, before
// the next one takes 'head_mu'.
std::mutex head_mu, tail_mu;
void alternate(int n) {
  for (int i = 0; i < n; ++i) {
    head_mu.lock();
    head_mu.unlock();
    tail_mu.lock();
    tail_mu.unlock();
  }
}
void headThenTail() {
  std::lock_guard<std::mutex> head(head_mu);
  std::lock_guard<std::mutex> tail(tail_mu);
}
