// RUN: %check --checks='-*,lock-leak' %s -- -std=c++17 \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error}}:'
// Bug: a unique_lock returned by a function is not owned by the guard that
// receives it: 'mu' stays held past the end of 'worker', which is reported
// as ending with it held (and so is 'keeper', besides its real leak).
#include <mutex>
#include <thread>

// A function may hand its guard to the caller; the caller's guard then
// releases it.
std::mutex mu;
int data = 0;

// Don't flag: the guard is returned to the caller (an acquire function).
std::unique_lock<std::mutex> lockData() {
  std::unique_lock<std::mutex> guard(mu);
  return guard;
}

// Don't flag: the received guard releases when the thread entry ends.
void worker() {
  std::unique_lock<std::mutex> guard = lockData();
  ++data;
}

// A raw lock next to the received guard still leaks.
std::mutex log_mu;
void keeper() {
  std::unique_lock<std::mutex> guard = lockData();
  log_mu.lock();
  ++data;
  // CHECK: guard-return.cpp:[[@LINE+1]]:1: warning: mutex 'log_mu' is still held when thread 'keeper' ends [lock-leak]
}
// CHECK: guard-return.cpp:[[@LINE-4]]:3: note: 'log_mu' acquired here

int main() {
  std::thread a(worker);
  std::thread b(keeper);
  a.join();
  b.join();
}
