// RUN: %check --checks='-*,lock-leak' %s -- -std=c++17 \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error}}:'
#include <mutex>

// main has no caller either: a lock it still holds when it returns is
// reported like a thread's.
std::mutex config_mu, log_mu;

void lockConfig() { config_mu.lock(); }

int main(int argc, char **argv) {
  lockConfig();
  // Don't flag: 'log_mu' is released before every return.
  log_mu.lock();
  if (argc > 2) {
    log_mu.unlock();
    // CHECK: main.cpp:[[@LINE+1]]:5: warning: mutex 'config_mu' is still held when 'main' returns [lock-leak]
    return 2;
  }
  // CHECK: main.cpp:[[@LINE-8]]:3: note: via call to 'lockConfig'
  // CHECK: main.cpp:[[@LINE-12]]:21: note: 'config_mu' acquired here
  log_mu.unlock();
  return 0;
}
