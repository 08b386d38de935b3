// RUN: %check --checks='-*,self-deadlock' %s -- -std=c++17 \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error}}:'
#include <mutex>
#include <thread>

std::mutex mu;
int value;

// A named lambda called while the lock is held. (The lambda's display name
// is not part of the contract; the note's place is.)
void namedLambda() {
  std::lock_guard<std::mutex> g(mu);
  // CHECK: lambda.cpp:[[@LINE+1]]:23: error: acquiring mutex 'mu' that is already held [self-deadlock]
  auto relock = [&] { std::lock_guard<std::mutex> inner(mu); };
  // CHECK: lambda.cpp:[[@LINE-3]]:3: note: 'mu' first acquired here
  // CHECK: lambda.cpp:[[@LINE+1]]:3: note: via call to '{{[^']+}}'
  relock();
}

// An immediately invoked lambda.
void invokedInPlace() {
  std::lock_guard<std::mutex> g(mu);
  // CHECK: lambda.cpp:[[@LINE+2]]:9: error: acquiring mutex 'mu' that is already held [self-deadlock]
  // CHECK: lambda.cpp:[[@LINE-2]]:3: note: 'mu' first acquired here
  [&] { mu.lock(); }();
  // CHECK: lambda.cpp:[[@LINE-1]]:3: note: via call to '{{[^']+}}'
}

// Don't flag: the lambda is defined under the lock but called after it.
void calledLater() {
  auto set = [] {
    std::lock_guard<std::mutex> inner(mu);
    value = 1;
  };
  {
    std::lock_guard<std::mutex> g(mu);
    value = 0;
  }
  set();
}

// Don't flag: the lambda runs on another thread, which waits rather than
// deadlocking itself.
void onAnotherThread() {
  std::thread t([] { std::lock_guard<std::mutex> inner(mu); });
  {
    std::lock_guard<std::mutex> g(mu);
    value = 2;
  }
  t.join();
}
