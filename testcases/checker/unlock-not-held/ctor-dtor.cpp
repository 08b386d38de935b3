// RUN: %check --checks='-*,unlock-not-held' %s -- -std=c++17 \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error}}:'
#include <mutex>
#include <thread>

std::mutex mu;

// A hand-written RAII type: the constructor takes the lock, the destructor
// releases it.
struct Session {
  Session() { mu.lock(); }
  // CHECK: ctor-dtor.cpp:[[@LINE+1]]:16: error: releasing mutex 'mu' that is not held [unlock-not-held]
  ~Session() { mu.unlock(); }
};

// Released by hand, then again by the destructor at the end of the scope.
void releasedEarly() {
  Session s;
  // CHECK: ctor-dtor.cpp:[[@LINE+1]]:3: note: 'mu' already released here
  mu.unlock();
  // CHECK: ctor-dtor.cpp:[[@LINE+1]]:1: note: via call to 'Session::~Session'
}

// Don't flag: constructed and destroyed.
void scoped() {
  Session s;
}

// A destructor run by a thread that never took the lock.
struct Releaser {
  // CHECK: ctor-dtor.cpp:[[@LINE+1]]:17: error: releasing mutex 'mu' that this thread does not hold [unlock-not-held]
  ~Releaser() { mu.unlock(); }
};
void worker() {
  Releaser r;
  // CHECK: ctor-dtor.cpp:[[@LINE+4]]:15: note: thread running 'worker' started here
  // CHECK: ctor-dtor.cpp:[[@LINE+1]]:1: note: via call to 'Releaser::~Releaser'
}
void start() {
  std::thread t(worker);
  t.join();
}

// Member functions: a close() that releases twice through a helper member.
class Account {
public:
  void unlockAll() {
    // CHECK: ctor-dtor.cpp:[[@LINE+1]]:5: error: releasing mutex 'mu_' that is not held [unlock-not-held]
    mu_.unlock();
  }
  void close() {
    mu_.lock();
    // CHECK: ctor-dtor.cpp:[[@LINE+1]]:5: note: 'mu_' already released here
    mu_.unlock();
    // CHECK: ctor-dtor.cpp:[[@LINE+1]]:5: note: via call to 'Account::unlockAll'
    unlockAll();
  }
  // Don't flag: the helper releases what this member took.
  void withdraw(int v) {
    mu_.lock();
    balance_ -= v;
    unlockAll();
  }

private:
  std::mutex mu_;
  int balance_ = 0;
};
