// RUN: %check --checks='-*,lock-order-inversion' %s -- -std=c++17 \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error}}:'
#include <mutex>

// A recursive mutex only lets its own holder back in: against another
// thread it orders like any mutex.
std::recursive_mutex model_mu;
std::mutex view_mu;

void redraw() {
  std::lock_guard<std::recursive_mutex> model(model_mu);
  std::lock_guard<std::recursive_mutex> again(model_mu);
  std::lock_guard<std::mutex> view(view_mu);
}
void resize() {
  std::lock_guard<std::mutex> view(view_mu);
  // CHECK: recursive.cpp:[[@LINE+1]]:3: warning: acquiring mutex 'model_mu' while holding 'view_mu' inverts the lock order: elsewhere 'view_mu' is acquired while holding 'model_mu' [lock-order-inversion]
  std::lock_guard<std::recursive_mutex> model(model_mu);
  // CHECK-DAG: recursive.cpp:[[@LINE-3]]:3: note: 'view_mu' acquired here
  // CHECK-DAG: recursive.cpp:[[@LINE-7]]:3: note: 'view_mu' acquired here while holding 'model_mu'
  // CHECK-DAG: recursive.cpp:[[@LINE-10]]:3: note: 'model_mu' acquired here
}

