// RUN: %check --checks='-*,lock-order-inversion' %s -- -std=c++17 \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error}}:'
#include <mutex>

std::mutex a_mu, b_mu, c_mu;

void takeBThenA() {
  b_mu.lock();
  // CHECK: direct.cpp:[[@LINE+1]]:3: warning: acquiring mutex 'a_mu' while holding 'b_mu' inverts the lock order: elsewhere 'b_mu' is acquired while holding 'a_mu' [lock-order-inversion]
  a_mu.lock();
  // CHECK-DAG: direct.cpp:[[@LINE-3]]:3: note: 'b_mu' acquired here
  a_mu.unlock();
  b_mu.unlock();
}

void takeAThenB() {
  a_mu.lock();
  b_mu.lock();
  // CHECK-DAG: direct.cpp:[[@LINE-1]]:3: note: 'b_mu' acquired here while holding 'a_mu'
  // CHECK-DAG: direct.cpp:[[@LINE-3]]:3: note: 'a_mu' acquired here
  b_mu.unlock();
  a_mu.unlock();
}

// Don't flag: the same order as takeAThenB.
void takeAThenC() {
  a_mu.lock();
  c_mu.lock();
  c_mu.unlock();
  a_mu.unlock();
}
void alsoAThenC() {
  a_mu.lock();
  c_mu.lock();
  c_mu.unlock();
  a_mu.unlock();
}

// Don't flag: 'c_mu' is released before 'a_mu' is taken, so nothing is
// acquired while 'c_mu' is held.
void cThenAUnnested() {
  c_mu.lock();
  c_mu.unlock();
  a_mu.lock();
  a_mu.unlock();
}
