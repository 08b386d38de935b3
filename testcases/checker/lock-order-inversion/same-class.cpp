// RUN: %check --checks='-*,lock-order-inversion' %s -- -std=c++17 \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error}}:'
#include <mutex>

// Every Account's mu_ is one lock class: transfer(a, b) racing with
// transfer(b, a) deadlocks.
struct Account {
  std::mutex mu_;
  long balance = 0;
};

void transfer(Account &from, Account &to, long amount) {
  std::lock_guard<std::mutex> source(from.mu_);
  // CHECK: same-class.cpp:[[@LINE+1]]:3: warning: acquiring 'to.mu_' while holding 'from.mu_', another lock of the same kind: a call with the two objects swapped can deadlock [lock-order-inversion]
  std::lock_guard<std::mutex> target(to.mu_);
  // CHECK-DAG: same-class.cpp:[[@LINE-3]]:3: note: 'mu_' acquired here
  from.balance -= amount;
  to.balance += amount;
}

// Don't flag: a Wallet's mu_ is its own lock class, and its two
// instances are taken together, or one at a time.
struct Wallet {
  std::mutex mu_;
  long coins = 0;
};
void payTogether(Wallet &from, Wallet &to, long amount) {
  std::scoped_lock both(from.mu_, to.mu_);
  from.coins -= amount;
  to.coins += amount;
}
void payOneByOne(Wallet &from, Wallet &to, long amount) {
  {
    std::lock_guard<std::mutex> source(from.mu_);
    from.coins -= amount;
  }
  std::lock_guard<std::mutex> target(to.mu_);
  to.coins += amount;
}
