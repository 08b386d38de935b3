// RUN: %check --checks='-*,unlock-not-held' %s -- -std=c++17 \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error}}:'
#include <mutex>

namespace store {
std::mutex mu;
void finish();
void close();

void release() {
  // CHECK: call-chain.cpp:[[@LINE+1]]:3: error: releasing mutex 'mu' that is not held [unlock-not-held]
  mu.unlock();
}

// Released, then released again three calls down: one note per call,
// from the function that released first.
void flushTwice() {
  mu.lock();
  // CHECK: call-chain.cpp:[[@LINE+1]]:3: note: 'mu' already released here
  mu.unlock();
  // CHECK: call-chain.cpp:[[@LINE+1]]:3: note: via call to 'store::finish'
  finish();
}
void finish() {
  // CHECK: call-chain.cpp:[[@LINE+1]]:3: note: via call to 'store::close'
  close();
}
void close() {
  // CHECK: call-chain.cpp:[[@LINE+1]]:3: note: via call to 'store::release'
  release();
}

// Don't flag: the caller holds the lock the helpers release.
void flushOnce() {
  mu.lock();
  finish();
}
} // namespace store
