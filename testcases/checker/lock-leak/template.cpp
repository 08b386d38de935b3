// RUN: %check --checks='-*,lock-leak' %s -- -std=c++17 \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error}}:'
#include <mutex>
#include <shared_mutex>

// Templates are checked as instantiated, once per instantiation.
int data = 0;

template <typename Lockable> int readWith(Lockable &mu, int key) {
  mu.lock();
  if (key < 0)
    // CHECK: template.cpp:[[@LINE+1]]:5: warning: mutex 'mu' is still held when returning from 'readWith' here, but released on other paths [lock-leak]
    return -1;
  // CHECK: template.cpp:[[@LINE-4]]:3: note: 'mu' acquired here
  int value = data + key;
  mu.unlock();
  return value;
}
std::mutex plain_mu;
int readPlain(int key) { return readWith(plain_mu, key); }

// Don't flag: a guard in the template body; and a template that is never
// instantiated.
template <typename Lockable> int readGuarded(Lockable &mu, int key) {
  std::lock_guard<Lockable> guard(mu);
  if (key < 0)
    return -1;
  return data + key;
}
std::shared_mutex rw_mu;
int readShared(int key) { return readGuarded(rw_mu, key); }

template <typename Lockable> int neverUsed(Lockable &mu, int key) {
  mu.lock();
  if (key < 0)
    return -1;
  mu.unlock();
  return data;
}
