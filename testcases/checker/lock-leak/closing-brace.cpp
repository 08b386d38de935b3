// RUN: %check --checks='-*,lock-leak' %s -- -std=c++17 \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error}}:'
#include <mutex>

// Falling off the end of a function is a return too: the report is at the
// closing brace.
std::mutex queue_mu;
int pending = 0;

void enqueue(bool urgent) {
  queue_mu.lock();
  ++pending;
  if (urgent) {
    queue_mu.unlock();
    return;
  }
  // CHECK: closing-brace.cpp:[[@LINE+1]]:1: warning: mutex 'queue_mu' is still held when returning from 'enqueue' here, but released on other paths [lock-leak]
}
// CHECK: closing-brace.cpp:[[@LINE-8]]:3: note: 'queue_mu' acquired here

// Don't flag: released before the end on both paths.
void enqueueBoth(bool urgent) {
  queue_mu.lock();
  ++pending;
  if (urgent) {
    queue_mu.unlock();
    return;
  }
  queue_mu.unlock();
}
