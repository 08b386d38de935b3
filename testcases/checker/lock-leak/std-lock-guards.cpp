// RUN: %check --checks='-*,lock-leak' %s -- -std=c++17 \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error}}:'
// Bug: std::lock over unique_lock objects is taken to lock the guard
// objects themselves ('a' and 'b'), which nothing ever unlocks, so the
// cppreference idiom in 'transfer' is reported as leaking "mutex 'a'" and
// "mutex 'b'" when the thread ends.
#include <mutex>
#include <thread>

std::mutex a_mu, b_mu;
int total = 0;

// Don't flag: the deferred guards own the locks std::lock took and release
// them when the thread entry returns.
void transfer() {
  std::unique_lock<std::mutex> a(a_mu, std::defer_lock);
  std::unique_lock<std::mutex> b(b_mu, std::defer_lock);
  std::lock(a, b);
  ++total;
}

// std::lock on the mutexes themselves, never unlocked.
void hoard() {
  std::lock(a_mu, b_mu);
  ++total;
  // CHECK: std-lock-guards.cpp:[[@LINE+3]]:1: warning: mutex 'a_mu' is still held when thread 'hoard' ends [lock-leak]
  // CHECK: std-lock-guards.cpp:[[@LINE-3]]:3: note: 'a_mu' acquired here
  // CHECK: std-lock-guards.cpp:[[@LINE+1]]:1: warning: mutex 'b_mu' is still held when thread 'hoard' ends [lock-leak]
}
// CHECK: std-lock-guards.cpp:[[@LINE-6]]:3: note: 'b_mu' acquired here

int main() {
  std::thread t1(transfer);
  std::thread t2(hoard);
  t1.join();
  t2.join();
}
