// RUN: %check --checks='-*,lock-order-inversion' %s -- -std=c++17 \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error}}:'
#include <mutex>

// A lambda called directly runs under its caller's locks.
std::mutex a_mu, b_mu;

void bThenA() {
  std::lock_guard<std::mutex> b(b_mu);
  // CHECK: lambda.cpp:[[@LINE+1]]:21: warning: acquiring mutex 'a_mu' while holding 'b_mu' inverts the lock order: elsewhere 'b_mu' is acquired while holding 'a_mu' [lock-order-inversion]
  auto takeA = [] { std::lock_guard<std::mutex> a(a_mu); };
  takeA();
  // CHECK-DAG: lambda.cpp:[[@LINE-1]]:3: note: via call to 'lambda at lambda.cpp:11'
  // CHECK-DAG: lambda.cpp:[[@LINE-5]]:3: note: 'b_mu' acquired here
}
void aThenB() {
  std::lock_guard<std::mutex> a(a_mu);
  [] { b_mu.lock(); b_mu.unlock(); }();
  // CHECK-DAG: lambda.cpp:[[@LINE-1]]:8: note: 'b_mu' acquired here while holding 'a_mu'
  // CHECK-DAG: lambda.cpp:[[@LINE-2]]:3: note: via call to 'lambda at lambda.cpp:18'
  // CHECK-DAG: lambda.cpp:[[@LINE-4]]:3: note: 'a_mu' acquired here
}

// Don't flag: the lambda is made under 'c_mu' but called after it is
// released.
std::mutex c_mu;
void cThenLaterA() {
  std::unique_lock<std::mutex> c(c_mu);
  auto takeA = [] { std::lock_guard<std::mutex> a(a_mu); };
  c.unlock();
  takeA();
}
void aThenC() {
  std::lock_guard<std::mutex> a(a_mu);
  std::lock_guard<std::mutex> c(c_mu);
}
