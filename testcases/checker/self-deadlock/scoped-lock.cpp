// RUN: %check --checks='-*,self-deadlock' %s -- -std=c++17 \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error}}:'
#include <mutex>

std::mutex a, b, c;

// A scoped_lock holds every mutex it names.
void secondOfTwo() {
  std::scoped_lock l(a, b);
  // CHECK: scoped-lock.cpp:[[@LINE+1]]:3: error: acquiring mutex 'b' that is already held [self-deadlock]
  b.lock();
  // CHECK: scoped-lock.cpp:[[@LINE-3]]:3: note: 'b' first acquired here
}

void firstOfThree() {
  std::scoped_lock<std::mutex, std::mutex, std::mutex> l(a, b, c);
  // CHECK: scoped-lock.cpp:[[@LINE+1]]:3: error: acquiring mutex 'a' that is already held [self-deadlock]
  std::lock_guard<std::mutex> g(a);
  // CHECK: scoped-lock.cpp:[[@LINE-3]]:3: note: 'a' first acquired here
}

// Don't flag: a mutex the scoped_lock does not name.
void other() {
  std::scoped_lock l(a, b);
  std::lock_guard<std::mutex> g(c);
}

// Don't flag: the scoped_lock released both at the end of its scope.
void afterScope() {
  {
    std::scoped_lock l(a, b);
  }
  std::scoped_lock l(b, a);
}
