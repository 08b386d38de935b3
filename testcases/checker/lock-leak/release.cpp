// RUN: %check --checks='-*,lock-leak' --format=json %s -- -std=c++17 \
// RUN:   | FileCheck %s
#include <mutex>

// unique_lock::release() hands the still-locked mutex over to whoever gets
// the pointer: what happens to it then is not this function's leak.
std::mutex mu;

// Don't flag: on one path the guard unlocks, on the other the caller gets
// the locked mutex.
std::mutex *handOff(bool keep) {
  std::unique_lock<std::mutex> guard(mu);
  if (keep)
    return guard.release();
  return nullptr;
}
std::mutex *handOffLater(int n) {
  std::unique_lock<std::mutex> guard(mu, std::defer_lock);
  if (n < 0)
    return nullptr;
  guard.lock();
  if (n == 0)
    return nullptr;
  return guard.release();
}

// CHECK: "findings": []
