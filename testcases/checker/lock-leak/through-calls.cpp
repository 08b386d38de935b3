// RUN: %check --checks='-*,lock-leak' %s -- -std=c++17 \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error}}:'
#include <mutex>

// Locks taken and released through calls, several levels down.
std::mutex state_mu;
int state = 0;

void lockState() { state_mu.lock(); }
void unlockState() { state_mu.unlock(); }
void enter() { lockState(); }
void leave() { unlockState(); }

int update(int delta) {
  enter();
  if (delta == 0)
    // CHECK: through-calls.cpp:[[@LINE+1]]:5: warning: mutex 'state_mu' is still held when returning from 'update' here, but released on other paths [lock-leak]
    return state;
  // CHECK: through-calls.cpp:[[@LINE-4]]:3: note: via call to 'enter'
  // CHECK: through-calls.cpp:[[@LINE-9]]:16: note: via call to 'lockState'
  // CHECK: through-calls.cpp:[[@LINE-12]]:20: note: 'state_mu' acquired here
  state += delta;
  int result = state;
  leave();
  return result;
}

// Don't flag: lockState/enter hold the lock on every return (acquire
// functions: their callers are checked instead), and both paths of
// updateChecked release it through a call.
int updateChecked(int delta) {
  enter();
  if (delta == 0) {
    int result = state;
    leave();
    return result;
  }
  state += delta;
  int result = state;
  leave();
  return result;
}
