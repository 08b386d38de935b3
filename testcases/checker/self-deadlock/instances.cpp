// RUN: %check --checks='-*,self-deadlock' %s -- -std=c++17 \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error}}:'
#include <mutex>

// Locks are told apart by object: the same field of the same object is the
// same lock, of another object is not.
struct Slot {
  std::mutex mu;
  int value;
};
Slot first, second;

void bump(Slot &s) {
  // CHECK: instances.cpp:[[@LINE+1]]:3: error: acquiring mutex 'mu' that is already held [self-deadlock]
  std::lock_guard<std::mutex> g(s.mu);
  s.value++;
}
void bumpSame() {
  // CHECK: instances.cpp:[[@LINE+1]]:3: note: 'mu' first acquired here
  std::lock_guard<std::mutex> g(first.mu);
  // CHECK: instances.cpp:[[@LINE+1]]:3: note: via call to 'bump'
  bump(first);
}

// Don't flag: another object's mutex.
void bumpOther() {
  std::lock_guard<std::mutex> g(first.mu);
  bump(second);
}

void direct() {
  std::lock_guard<std::mutex> g(first.mu);
  // CHECK: instances.cpp:[[@LINE+1]]:3: error: acquiring mutex 'mu' that is already held [self-deadlock]
  std::lock_guard<std::mutex> again(first.mu);
  // CHECK: instances.cpp:[[@LINE-3]]:3: note: 'mu' first acquired here
}

// Don't flag: two objects.
void directOther() {
  std::lock_guard<std::mutex> g(first.mu);
  std::lock_guard<std::mutex> g2(second.mu);
}

// A member function calling another on the same object ('this').
class Account {
public:
  void deposit(int v) {
    // CHECK: instances.cpp:[[@LINE+1]]:5: error: acquiring mutex 'mu_' that is already held [self-deadlock]
    std::lock_guard<std::mutex> g(mu_);
    balance_ += v;
  }
  void depositTwice(int v) {
    // CHECK: instances.cpp:[[@LINE+1]]:5: note: 'mu_' first acquired here
    std::lock_guard<std::mutex> g(mu_);
    balance_ += v;
    // CHECK: instances.cpp:[[@LINE+1]]:5: note: via call to 'Account::deposit'
    this->deposit(v);
  }

private:
  std::mutex mu_;
  int balance_ = 0;
};
