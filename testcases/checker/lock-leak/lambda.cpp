// RUN: %check --checks='-*,lock-leak' %s -- -std=c++17 \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error}}:'
#include <mutex>

// A lambda body is a function of its own: its early return leaks, and a
// lambda that returns holding the lock hands it to its caller.
std::mutex cache_mu;
int cache[8];

int readCached(int key) {
  auto read = [key]() {
    cache_mu.lock();
    if (key < 0)
      // CHECK: lambda.cpp:[[@LINE+1]]:7: warning: mutex 'cache_mu' is still held when returning from 'lambda at lambda.cpp:11' here, but released on other paths [lock-leak]
      return -1;
    // CHECK: lambda.cpp:[[@LINE-4]]:5: note: 'cache_mu' acquired here
    int value = cache[key];
    cache_mu.unlock();
    return value;
  };
  return read();
}

// The caller of an acquiring lambda is checked instead.
int writeCached(int key, int value) {
  auto take = [] { cache_mu.lock(); };
  take();
  if (key < 0)
    // CHECK: lambda.cpp:[[@LINE+1]]:5: warning: mutex 'cache_mu' is still held when returning from 'writeCached' here, but released on other paths [lock-leak]
    return -1;
  // CHECK: lambda.cpp:[[@LINE-4]]:3: note: via call to 'lambda at lambda.cpp:26'
  // CHECK: lambda.cpp:[[@LINE-6]]:20: note: 'cache_mu' acquired here
  cache[key] = value;
  cache_mu.unlock();
  return value;
}
