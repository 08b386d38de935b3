// RUN: %check --checks='-*,lock-leak' %s -- -std=c++17 \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error}}:'
#include <mutex>
#include <thread>

// std::lock takes several locks at once; each one leaks on its own.
std::mutex from_mu, to_mu;
int from_balance = 0, to_balance = 0;

int move(int amount) {
  std::lock(from_mu, to_mu);
  if (amount > from_balance)
    // CHECK: std-lock.cpp:[[@LINE+1]]:5: warning: mutex 'from_mu' is still held when returning from 'move' here, but released on other paths [lock-leak]
    return from_balance;
  // CHECK: std-lock.cpp:[[@LINE-4]]:3: note: 'from_mu' acquired here
  // CHECK: std-lock.cpp:[[@LINE-2]]:5: warning: mutex 'to_mu' is still held when returning from 'move' here, but released on other paths [lock-leak]
  // CHECK: std-lock.cpp:[[@LINE-6]]:3: note: 'to_mu' acquired here
  from_balance -= amount;
  to_balance += amount;
  int left = from_balance;
  to_mu.unlock();
  from_mu.unlock();
  return left;
}

// Don't flag: adopted by guards right away, or taken by scoped_lock.
int moveAdopted(int amount) {
  std::lock(from_mu, to_mu);
  std::lock_guard<std::mutex> from(from_mu, std::adopt_lock);
  std::lock_guard<std::mutex> to(to_mu, std::adopt_lock);
  if (amount > from_balance)
    return from_balance;
  from_balance -= amount;
  to_balance += amount;
  return from_balance;
}
int moveScoped(int amount) {
  std::scoped_lock both(from_mu, to_mu);
  if (amount > from_balance)
    return from_balance;
  from_balance -= amount;
  to_balance += amount;
  return from_balance;
}

// Run as threads, so that a guard that did not release would show.
void startAll() {
  std::thread a(moveAdopted, 1), b(moveScoped, 1);
  a.join();
  b.join();
}
