// RUN: %check --checks='-*,lock-order-inversion' %s -- -std=c++17 \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error}}:'
#include <mutex>

// Each instantiation has its own edges: underA<TakeB> orders 'a_mu' before
// 'b_mu' only, underA<TakeC> before 'c_mu' only. The first instantiation
// must not hide the second.
std::mutex a_mu, b_mu, c_mu;

template <typename Step> void underA() {
  std::lock_guard<std::mutex> a(a_mu);
  Step::take();
}
struct TakeB {
  static void take() { std::lock_guard<std::mutex> b(b_mu); }
};
struct TakeC {
  static void take() { std::lock_guard<std::mutex> c(c_mu); }
};
void runB() { underA<TakeB>(); }
void runC() { underA<TakeC>(); }

void cThenA() {
  std::lock_guard<std::mutex> c(c_mu);
  // CHECK: template-instances.cpp:[[@LINE+1]]:3: warning: acquiring mutex 'a_mu' while holding 'c_mu' inverts the lock order: elsewhere 'c_mu' is acquired while holding 'a_mu' [lock-order-inversion]
  std::lock_guard<std::mutex> a(a_mu);
  // CHECK-DAG: template-instances.cpp:[[@LINE-3]]:3: note: 'c_mu' acquired here
  // CHECK-DAG: template-instances.cpp:[[@LINE-10]]:24: note: 'c_mu' acquired here while holding 'a_mu'
  // CHECK-DAG: template-instances.cpp:[[@LINE-17]]:3: note: via call to 'TakeC::take'
  // CHECK-DAG: template-instances.cpp:[[@LINE-19]]:3: note: 'a_mu' acquired here
}

