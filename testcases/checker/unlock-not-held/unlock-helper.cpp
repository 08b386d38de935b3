// RUN: %check --checks='-*,unlock-not-held' %s -- -std=c++17 \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error}}:'
#include <mutex>

std::mutex mu;
int value;

// Don't flag: an unlock-style helper; whoever calls it holds the lock.
void unlockState() { mu.unlock(); }

// Don't flag: nor a helper that releases on one path only.
void unlockIf(bool done) {
  if (done)
    mu.unlock();
}

// Don't flag: a helper through another helper.
void finishUpdate() {
  value++;
  unlockState();
}

// Don't flag: the holder calls them once.
void update(bool done) {
  mu.lock();
  finishUpdate();
  mu.lock();
  unlockIf(done);
  if (!done)
    mu.unlock();
}

// A holder that releases again after the helpers released: the earlier
// release is shown with the calls that lead to it.
void updateThenUnlock() {
  mu.lock();
  finishUpdate();
  mu.unlock();
  // CHECK:      unlock-helper.cpp:[[@LINE-1]]:3: error: releasing mutex 'mu' that is not held [unlock-not-held]
  // CHECK:      unlock-helper.cpp:[[@LINE-3]]:3: note: via call to 'finishUpdate'
  // CHECK:      unlock-helper.cpp:20:3: note: via call to 'unlockState'
  // CHECK:      unlock-helper.cpp:9:22: note: 'mu' already released here
  // CHECK-NOT:  note:
  // CHECK:      {{^[0-9]+ errors? generated}}
}
