// RUN: %check --checks='-*,lock-order-inversion' %s -- -std=c++17 \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error}}:'
#include <mutex>

// A cycle of three: no two functions invert each other, all three do.
std::mutex alpha, beta, gamma_mu;

void alphaBeta() {
  std::lock_guard<std::mutex> a(alpha);
  std::lock_guard<std::mutex> b(beta);
}

void betaGamma() {
  std::lock_guard<std::mutex> b(beta);
  std::lock_guard<std::mutex> g(gamma_mu);
}

void gammaAlpha() {
  std::lock_guard<std::mutex> g(gamma_mu);
  // CHECK: three-locks.cpp:[[@LINE+1]]:3: warning: acquiring mutex 'alpha' while holding 'gamma_mu' closes a lock-order cycle: alpha -> beta -> gamma_mu -> alpha [lock-order-inversion]
  std::lock_guard<std::mutex> a(alpha);
}
// CHECK-DAG: three-locks.cpp:[[@LINE-4]]:3: note: 'gamma_mu' acquired here
// CHECK-DAG: three-locks.cpp:[[@LINE-14]]:3: note: 'beta' acquired here while holding 'alpha'
// CHECK-DAG: three-locks.cpp:[[@LINE-16]]:3: note: 'alpha' acquired here
// CHECK-DAG: three-locks.cpp:[[@LINE-11]]:3: note: 'gamma_mu' acquired here while holding 'beta'
// CHECK-DAG: three-locks.cpp:[[@LINE-13]]:3: note: 'beta' acquired here

// Don't flag: a chain that never comes back to its start.
std::mutex delta, epsilon, zeta;
void deltaEpsilon() {
  std::lock_guard<std::mutex> d(delta);
  std::lock_guard<std::mutex> e(epsilon);
}
void epsilonZeta() {
  std::lock_guard<std::mutex> e(epsilon);
  std::lock_guard<std::mutex> z(zeta);
}
void deltaZeta() {
  std::lock_guard<std::mutex> d(delta);
  std::lock_guard<std::mutex> z(zeta);
}
