// RUN: %check --checks='-*,unlock-not-held' %s -- -std=c++17 \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error}}:'
#include <mutex>
#include <thread>

// Instantiated for two mutex types: one finding for the template's line.
template <typename M> class Counter {
public:
  void add() {
    mu_.lock();
    ++n_;
    mu_.unlock();
    // CHECK: template.cpp:[[@LINE+1]]:5: error: releasing mutex 'mu_' that is not held [unlock-not-held]
    mu_.unlock();
    // CHECK: template.cpp:[[@LINE-3]]:5: note: 'mu_' already released here
  }

private:
  M mu_;
  int n_ = 0;
};

std::mutex mu;

template <typename L> void releaseTwice(L &l) {
  l.lock();
  l.unlock();
  // CHECK: template.cpp:[[@LINE+1]]:3: error: releasing mutex 'l' that is not held [unlock-not-held]
  l.unlock();
  // CHECK: template.cpp:[[@LINE-3]]:3: note: 'l' already released here
}

// A thread entry template.
template <typename L> void worker(L *l) {
  // CHECK: template.cpp:[[@LINE+1]]:3: error: releasing mutex 'l' that this thread does not hold [unlock-not-held]
  l->unlock();
  // CHECK: template.cpp:[[@LINE+15]]:15: note: thread running 'worker' started here
}

// Don't flag: never instantiated.
template <typename L> void neverUsed(L &l) {
  l.unlock();
  l.unlock();
}

void use() {
  Counter<std::mutex> plain;
  plain.add();
  Counter<std::timed_mutex> timed;
  timed.add();
  releaseTwice(mu);
  std::thread t(worker<std::mutex>, &mu);
  t.join();
}
