// RUN: %check --checks='-*,lock-leak' %s -- -std=c++17 \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error}}:'
#include <mutex>
#include <thread>

// Constructors and destructors leak like any function.
std::mutex registry_mu;
int live = 0;

class Session {
public:
  explicit Session(bool anonymous) {
    registry_mu.lock();
    if (anonymous)
      // CHECK: ctor-dtor.cpp:[[@LINE+1]]:7: warning: mutex 'registry_mu' is still held when returning from 'Session::Session' here, but released on other paths [lock-leak]
      return;
    // CHECK: ctor-dtor.cpp:[[@LINE-4]]:5: note: 'registry_mu' acquired here
    ++live;
    registry_mu.unlock();
  }
  ~Session() {
    registry_mu.lock();
    if (live == 0)
      // CHECK: ctor-dtor.cpp:[[@LINE+1]]:7: warning: mutex 'registry_mu' is still held when returning from 'Session::~Session' here, but released on other paths [lock-leak]
      return;
    // CHECK: ctor-dtor.cpp:[[@LINE-4]]:5: note: 'registry_mu' acquired here
    --live;
    registry_mu.unlock();
  }
};

// Don't flag: a hand-written guard takes the lock in its constructor and
// lets go in its destructor, on every path, even in a thread entry.
class Hold {
public:
  explicit Hold(std::mutex &mu) : mu_(mu) { mu_.lock(); }
  ~Hold() { mu_.unlock(); }

private:
  std::mutex &mu_;
};
void countLive(bool skip, int *out) {
  Hold hold(registry_mu);
  if (skip)
    return;
  *out = live;
}
void startCounting(int *out) {
  std::thread counter(countLive, false, out);
  counter.join();
}
