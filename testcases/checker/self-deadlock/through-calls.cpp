// RUN: %check --checks='-*,self-deadlock' %s -- -std=c++17 \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error}}:'
#include <mutex>

class Cache {
public:
  void put(int v) {
    // CHECK-DAG: through-calls.cpp:[[@LINE+1]]:5: note: 'mu_' first acquired here
    std::lock_guard<std::mutex> guard(mu_);
    value_ = v;
    // CHECK-DAG: through-calls.cpp:[[@LINE+1]]:5: note: via call to 'Cache::trim'
    trim();
  }
  void trim() {
    // CHECK-DAG: through-calls.cpp:[[@LINE+1]]:5: error: acquiring mutex 'mu_' that is already held [self-deadlock]
    std::lock_guard<std::mutex> guard(mu_);
    value_ = 0;
  }
  // Don't flag: the guard's scope ends before the call.
  void putThenTrim(int v) {
    {
      std::lock_guard<std::mutex> guard(mu_);
      value_ = v;
    }
    trim();
  }

private:
  std::mutex mu_;
  int value_ = 0;
};
