// RUN: %check --checks='-*,lock-leak' %s -- -std=c++17 \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error}}:'
#include <mutex>

// A function that takes a lock on some paths and never releases it is a
// conditional acquire function, like `if (enabled) lock(m)`: its callers
// decide. Only a path that keeps a lock which another path releases leaks.
std::mutex trace_mu;
bool tracing = false;

// Don't flag: nothing here ever releases 'trace_mu'.
void beginTrace() {
  if (tracing)
    trace_mu.lock();
}
void endTrace() {
  if (tracing)
    trace_mu.unlock();
}
void traced(int n) {
  beginTrace();
  endTrace();
}

// Releases on one path and keeps it on another.
void flushTrace(bool partial) {
  trace_mu.lock();
  if (!partial)
    trace_mu.unlock();
  // CHECK: conditional-acquire.cpp:[[@LINE+1]]:1: warning: mutex 'trace_mu' is still held when returning from 'flushTrace' here, but released on other paths [lock-leak]
}
// CHECK: conditional-acquire.cpp:[[@LINE-5]]:3: note: 'trace_mu' acquired here
