// RUN: %check --checks='-*,unlock-not-held' %s -- -std=c++17 \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error}}:'
#include <mutex>
#include <thread>

std::mutex mu;
bool more();

// Released before the loop; every iteration releases again.
void releaseInLoop() {
  mu.lock();
  // CHECK: loops.cpp:[[@LINE+4]]:5: error: releasing mutex 'mu' that is not held [unlock-not-held]
  // CHECK: loops.cpp:[[@LINE+1]]:3: note: 'mu' already released here
  mu.unlock();
  while (more()) {
    mu.unlock();
  }
}

// Released twice inside each iteration.
void twicePerIteration(int n) {
  for (int i = 0; i < n; ++i) {
    mu.lock();
    mu.unlock();
    // CHECK: loops.cpp:[[@LINE+1]]:5: error: releasing mutex 'mu' that is not held [unlock-not-held]
    mu.unlock();
    // CHECK: loops.cpp:[[@LINE-3]]:5: note: 'mu' already released here
  }
}

// Don't flag: one release per acquisition, also on 'continue' and 'break'.
void balanced(int n) {
  for (int i = 0; i < n; ++i) {
    std::lock_guard<std::mutex> g(mu);
    if (i % 2)
      continue;
    if (i > 10)
      break;
  }
  do {
    mu.lock();
    mu.unlock();
  } while (more());
}

// A thread entry whose loop body always runs at least once.
void worker() {
  do {
    // CHECK: loops.cpp:[[@LINE+1]]:5: error: releasing mutex 'mu' that this thread does not hold [unlock-not-held]
    mu.unlock();
    // CHECK: loops.cpp:[[@LINE+5]]:15: note: thread running 'worker' started here
  } while (more());
}

void start() {
  std::thread t(worker);
  t.join();
}
