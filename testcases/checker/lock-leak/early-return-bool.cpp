// RUN: %check --checks='-*,lock-leak' %s -- -std=c++17 \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error}}:'
// An early return that keeps the lock is a leak even when every return
// yields a constant: a function that takes the lock on every path is no
// try-acquire function, whatever it returns.
#include <mutex>

std::mutex table_mu;
int table[16];

bool store(int key, int value) {
  table_mu.lock();
  if (key < 0 || key >= 16)
    // CHECK: early-return-bool.cpp:[[@LINE+1]]:5: warning: mutex 'table_mu' is still held when returning from 'store' here, but released on other paths [lock-leak]
    return false;
  // CHECK: early-return-bool.cpp:[[@LINE-4]]:3: note: 'table_mu' acquired here
  table[key] = value;
  table_mu.unlock();
  return true;
}

enum class Status { Ok, Invalid, Full };
Status append(int value) {
  static int used = 0;
  table_mu.lock();
  if (value < 0)
    // CHECK: early-return-bool.cpp:[[@LINE+1]]:5: warning: mutex 'table_mu' is still held when returning from 'append' here, but released on other paths [lock-leak]
    return Status::Invalid;
  // CHECK: early-return-bool.cpp:[[@LINE-4]]:3: note: 'table_mu' acquired here
  if (used == 16) {
    table_mu.unlock();
    return Status::Full;
  }
  table[used++] = value;
  table_mu.unlock();
  return Status::Ok;
}

// The C idiom: -1 on error, 0 on success.
int erase(int key) {
  table_mu.lock();
  if (key < 0)
    // CHECK: early-return-bool.cpp:[[@LINE+1]]:5: warning: mutex 'table_mu' is still held when returning from 'erase' here, but released on other paths [lock-leak]
    return -1;
  // CHECK: early-return-bool.cpp:[[@LINE-4]]:3: note: 'table_mu' acquired here
  table[key] = 0;
  table_mu.unlock();
  return 0;
}
