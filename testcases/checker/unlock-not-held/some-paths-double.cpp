// RUN: %check --checks='-*,unlock-not-held' %s -- -std=c++17 \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error}}:'
// XFAIL: *
// Known limit (docs/checks/unlock-not-held.md): a second release that
// happens on some paths only (the lock was already released in a branch, or
// in an earlier loop iteration) is not reported, because the analysis does
// not correlate conditions and cannot tell it from `if (c) unlock(); ...
// if (!c) unlock();`. This test states the behaviour the contract asks
// for; it turns into an unexpected pass when path-sensitivity lands.
#include <mutex>

std::mutex mu;
bool more();

void releasedInBranch(bool early) {
  mu.lock();
  if (early)
    mu.unlock();
  // CHECK: some-paths-double.cpp:[[@LINE+1]]:3: {{warning|error}}: releasing mutex 'mu' that {{.*}} [unlock-not-held]
  mu.unlock();
  // CHECK: some-paths-double.cpp:[[@LINE-3]]:5: note: 'mu' already released here
}

void releasedInEarlierIteration() {
  mu.lock();
  while (more())
    // CHECK: some-paths-double.cpp:[[@LINE+2]]:5: {{warning|error}}: releasing mutex 'mu' that {{.*}} [unlock-not-held]
    // CHECK: some-paths-double.cpp:[[@LINE+1]]:5: note: 'mu' already released here
    mu.unlock();
}

// Don't flag: released exactly once on each path.
void releasedOnce(bool early) {
  mu.lock();
  if (early) {
    mu.unlock();
    return;
  }
  mu.unlock();
}
