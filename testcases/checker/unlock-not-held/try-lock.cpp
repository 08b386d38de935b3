// RUN: %check --checks='-*,unlock-not-held' %s -- -std=c++17 \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error}}:'
#include <mutex>
#include <thread>

std::mutex mu;

// Held where try_lock() returned true; released twice there.
void twiceOnSuccess() {
  if (mu.try_lock()) {
    mu.unlock();
    // CHECK: try-lock.cpp:[[@LINE+1]]:5: error: releasing mutex 'mu' that is not held [unlock-not-held]
    mu.unlock();
    // CHECK: try-lock.cpp:[[@LINE-3]]:5: note: 'mu' already released here
  }
}

// Don't flag: released where the attempt succeeded.
void releaseOnSuccess() {
  if (mu.try_lock())
    mu.unlock();
}

// Don't flag: the same with an early exit on failure, in a thread entry.
void worker() {
  if (!mu.try_lock())
    return;
  mu.unlock();
}

// Don't flag: a try_to_lock unique_lock releases only what it got.
void tryToLock() {
  std::unique_lock<std::mutex> l(mu, std::try_to_lock);
}

int main() {
  std::thread t(worker);
  t.join();
  releaseOnSuccess();
  tryToLock();
  if (mu.try_lock()) {
    mu.unlock();
  }
  return 0;
}
