// RUN: %check --checks='-*,self-deadlock' %s -- -std=c++17 \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error}}:'
// Bug: std::lock (and std::scoped_lock) over unique_locks treats the
// unique_lock variables themselves ('la', 'lb') as the locks instead of the
// mutexes they wrap, so the re-acquisition of 'b' is missed.
#include <mutex>

std::mutex a, b;

// std::lock on deferred unique_locks acquires their mutexes.
void lockDeferred() {
  std::unique_lock<std::mutex> la(a, std::defer_lock);
  std::unique_lock<std::mutex> lb(b, std::defer_lock);
  std::lock(la, lb);
  // CHECK: std-lock-unique-lock.cpp:[[@LINE+1]]:3: error: acquiring mutex 'b' that is already held [self-deadlock]
  b.lock();
  // CHECK: std-lock-unique-lock.cpp:[[@LINE-3]]:3: note: 'b' first acquired here
}

// The same through a scoped_lock over the unique_locks.
void scopedDeferred() {
  std::unique_lock<std::mutex> la(a, std::defer_lock);
  std::unique_lock<std::mutex> lb(b, std::defer_lock);
  std::scoped_lock l(la, lb);
  // CHECK: std-lock-unique-lock.cpp:[[@LINE+1]]:3: error: acquiring mutex 'a' that is already held [self-deadlock]
  a.lock();
  // CHECK: std-lock-unique-lock.cpp:[[@LINE-3]]:3: note: 'a' first acquired here
}

// Don't flag: the unique_locks release their mutexes at the end of the scope.
void lockDeferredReleased() {
  {
    std::unique_lock<std::mutex> la(a, std::defer_lock);
    std::unique_lock<std::mutex> lb(b, std::defer_lock);
    std::lock(la, lb);
  }
  std::lock_guard<std::mutex> g(b);
}
