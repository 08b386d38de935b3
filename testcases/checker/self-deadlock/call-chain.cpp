// RUN: %check --checks='-*,self-deadlock' %s -- -std=c++17 \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error}}:'
#include <mutex>

namespace store {
std::mutex mu;
void trim();
void compact();

void flush() {
  // CHECK: call-chain.cpp:[[@LINE+1]]:3: error: acquiring mutex 'mu' that is already held [self-deadlock]
  std::lock_guard<std::mutex> g(mu);
}

// Three calls from the holder down to the re-acquisition: one note each,
// holder first.
void put() {
  // CHECK: call-chain.cpp:[[@LINE+1]]:3: note: 'mu' first acquired here
  std::lock_guard<std::mutex> g(mu);
  // CHECK: call-chain.cpp:[[@LINE+1]]:3: note: via call to 'store::trim'
  trim();
}
void trim() {
  // CHECK: call-chain.cpp:[[@LINE+1]]:3: note: via call to 'store::compact'
  compact();
}
void compact() {
  // CHECK: call-chain.cpp:[[@LINE+1]]:3: note: via call to 'store::flush'
  flush();
}

// Don't flag: the chain runs after the guard's scope ends.
void putThenTrim() {
  {
    std::lock_guard<std::mutex> g(mu);
  }
  trim();
}
} // namespace store
