// RUN: %check --checks='-*,lock-order-inversion' %s -- -std=c++17 \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error}}:'
// Bug: a unique_lock returned by a function is not owned by the guard that
// receives it, so 'reset' is summarised as returning with 'config_mu'
// held and 'reload' gets a false 'config_mu' -> 'cache_mu' edge.
#include <mutex>

// A function may hand its guard to the caller; the caller's guard then
// releases it when it dies.
std::mutex config_mu, cache_mu;

std::unique_lock<std::mutex> lockConfig() {
  return std::unique_lock<std::mutex>(config_mu);
}
void reset() { std::unique_lock<std::mutex> config = lockConfig(); }

// Don't flag: 'config_mu' is released when reset() returns.
void reload() {
  reset();
  std::lock_guard<std::mutex> cache(cache_mu);
}
void cacheThenConfig() {
  std::lock_guard<std::mutex> cache(cache_mu);
  std::lock_guard<std::mutex> config(config_mu);
}

// While the received guard lives, the lock is held.
std::mutex stats_mu;
void statsUnderConfig() {
  std::unique_lock<std::mutex> config = lockConfig();
  stats_mu.lock();
  stats_mu.unlock();
}
void configUnderStats() {
  std::lock_guard<std::mutex> stats(stats_mu);
  // CHECK: guard-return.cpp:[[@LINE+1]]:3: warning: acquiring mutex 'config_mu' while holding 'stats_mu' inverts the lock order: elsewhere 'stats_mu' is acquired while holding 'config_mu' [lock-order-inversion]
  std::lock_guard<std::mutex> config(config_mu);
  // CHECK-DAG: guard-return.cpp:[[@LINE-3]]:3: note: 'stats_mu' acquired here
  // CHECK-DAG: guard-return.cpp:[[@LINE-8]]:3: note: 'stats_mu' acquired here while holding 'config_mu'
  // CHECK-DAG: guard-return.cpp:[[@LINE-10]]:41: note: via call to 'lockConfig'
  // CHECK-DAG: guard-return.cpp:[[@LINE-28]]:10: note: 'config_mu' acquired here
}
