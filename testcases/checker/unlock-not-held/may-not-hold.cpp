// RUN: %check --checks='-*,unlock-not-held' %s -- -std=c++17 \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error}}:'
// Bug: when an entry (main or a thread's function) itself takes a lock on
// some path, its releases of that lock are not checked against what the
// thread holds: releasing after a lock taken on some paths only ("may not
// hold"), or in the branch where a try-lock failed ("does not hold"), is not
// reported. Without any acquisition in the function they are.
#include <mutex>
#include <thread>

std::mutex mu;

// Taken on one path only.
void worker(int n) {
  if (n > 1)
    mu.lock();
  // CHECK: may-not-hold.cpp:[[@LINE+1]]:3: warning: releasing mutex 'mu' that this thread may not hold [unlock-not-held]
  mu.unlock();
  // CHECK: may-not-hold.cpp:[[@LINE+32]]:15: note: thread running 'worker' started here
}

// Taken only when try_lock() succeeded, and the result is ignored.
void tryWorker() {
  mu.try_lock();
  // CHECK: may-not-hold.cpp:[[@LINE+1]]:3: warning: releasing mutex 'mu' that this thread may not hold [unlock-not-held]
  mu.unlock();
  // CHECK: may-not-hold.cpp:[[@LINE+25]]:15: note: thread running 'tryWorker' started here
}

// Released in the branch where try_lock() failed (and, correctly, also in
// the branch where it succeeded).
void tryFailWorker() {
  if (!mu.try_lock()) {
    // CHECK: may-not-hold.cpp:[[@LINE+1]]:5: error: releasing mutex 'mu' that this thread does not hold [unlock-not-held]
    mu.unlock();
    // CHECK: may-not-hold.cpp:[[@LINE+18]]:15: note: thread running 'tryFailWorker' started here
  } else {
    mu.unlock();
  }
}

// Don't flag: released only where it was taken.
void goodWorker(int n) {
  if (n > 1)
    mu.lock();
  if (n > 1)
    mu.unlock();
}

int main(int argc, char **) {
  std::thread t(worker, argc);
  std::thread u(tryWorker);
  std::thread v(goodWorker, argc);
  std::thread w(tryFailWorker);
  t.join();
  u.join();
  v.join();
  w.join();
  if (argc > 2)
    mu.lock();
  // CHECK: may-not-hold.cpp:[[@LINE+1]]:3: warning: releasing mutex 'mu' that the main thread may not hold [unlock-not-held]
  mu.unlock();
  return 0;
}
