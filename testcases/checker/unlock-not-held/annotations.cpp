// RUN: %check --checks='-*,unlock-not-held' %s -- -std=c++17 \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error}}:'
#include <mutex>
#include <thread>

// A Clang thread-safety annotated wrapper: the capability is the Mutex
// object, not the std::mutex inside it.
class __attribute__((capability("mutex"))) Mutex {
public:
  void Lock() __attribute__((acquire_capability())) { mu_.lock(); }
  void Unlock() __attribute__((release_capability())) { mu_.unlock(); }

private:
  std::mutex mu_;
};

class __attribute__((scoped_lockable)) MutexLock {
public:
  explicit MutexLock(Mutex *mu) __attribute__((acquire_capability(mu)))
      : mu_(mu) {
    mu_->Lock();
  }
  ~MutexLock() __attribute__((release_capability())) { mu_->Unlock(); }

private:
  Mutex *mu_;
};

Mutex mu;

void unlockTwice() {
  mu.Lock();
  mu.Unlock();
  // CHECK: annotations.cpp:[[@LINE+1]]:3: error: releasing mutex 'mu' that is not held [unlock-not-held]
  mu.Unlock();
  // CHECK: annotations.cpp:[[@LINE-3]]:3: note: 'mu' already released here
}

// Don't flag: the scoped guard releases what it took.
void guarded() {
  MutexLock l(&mu);
}

// Don't flag: an annotated release-only helper, called by the holder.
void unlockMu() __attribute__((release_capability(mu))) { mu.Unlock(); }
void holder() {
  mu.Lock();
  unlockMu();
}

// A thread that calls the release-only helper without taking the lock: an
// annotated function is itself the release, as in Clang's analysis.
void worker() {
  // CHECK: annotations.cpp:[[@LINE+1]]:3: error: releasing mutex 'mu' that this thread does not hold [unlock-not-held]
  unlockMu();
  // CHECK: annotations.cpp:[[@LINE+3]]:15: note: thread running 'worker' started here
}
void start() {
  std::thread t(worker);
  t.join();
}
