// RUN: %check --checks='-*,unlock-not-held' %s -- -std=c++17 \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error}}:'
// Bug: when a thread releases a lock it holds on no path reaching the
// release, but the release itself runs only on some paths (in a branch, in
// a loop that may run zero times), the finding is "may not hold" (a
// warning) instead of "does not hold" (an error). "may" belongs to a lock
// held on some paths to the release only, as with self-deadlock's "may
// already be held".
#include <mutex>
#include <thread>

std::mutex mu;

// Released only when asked, never taken.
void worker(bool done) {
  if (done)
    // CHECK: conditional-release.cpp:[[@LINE+1]]:5: error: releasing mutex 'mu' that this thread does not hold [unlock-not-held]
    mu.unlock();
  // CHECK: conditional-release.cpp:[[@LINE+20]]:15: note: thread running 'worker' started here
}

// Released in a loop, never taken.
void loopWorker(int n) {
  for (int i = 0; i < n; ++i)
    // CHECK: conditional-release.cpp:[[@LINE+1]]:5: error: releasing mutex 'mu' that this thread does not hold [unlock-not-held]
    mu.unlock();
  // CHECK: conditional-release.cpp:[[@LINE+13]]:15: note: thread running 'loopWorker' started here
}

// Don't flag: released where taken.
void goodWorker(bool done) {
  if (done) {
    mu.lock();
    mu.unlock();
  }
}

int main(int argc, char **) {
  std::thread t(worker, argc > 1);
  std::thread v(loopWorker, argc);
  std::thread w(goodWorker, argc > 2);
  t.join();
  v.join();
  w.join();
  return 0;
}
