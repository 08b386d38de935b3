// RUN: %check --checks='-*,unlock-not-held' %s -- -std=c++17 \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error}}:'
#include <mutex>
#include <thread>

std::mutex mu, other;

// A lambda called directly that releases once too often. (The lambda's
// display name is not part of the contract; the note's place is.)
void namedLambda() {
  // CHECK: lambda.cpp:[[@LINE+1]]:23: error: releasing mutex 'mu' that is not held [unlock-not-held]
  auto release = [] { mu.unlock(); };
  mu.lock();
  mu.unlock();
  // CHECK: lambda.cpp:[[@LINE-1]]:3: note: 'mu' already released here
  // CHECK: lambda.cpp:[[@LINE+1]]:3: note: via call to '{{[^']+}}'
  release();
}

// Don't flag: the lambda releases what the caller took.
void releaseByLambda() {
  auto release = [] { mu.unlock(); };
  mu.lock();
  release();
}

// A lambda as a thread's entry.
void start() {
  std::thread t([] {
    // CHECK: lambda.cpp:[[@LINE+1]]:5: error: releasing mutex 'other' that this thread does not hold [unlock-not-held]
    other.unlock();
  });
  // CHECK: lambda.cpp:[[@LINE-4]]:15: note: thread running '{{[^']+}}' started here
  // Don't flag: this one takes the lock first.
  std::thread u([] {
    other.lock();
    other.unlock();
  });
  t.join();
  u.join();
}
