// RUN: %check --checks='-*,self-deadlock' %s -- -std=c++17 \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error}}:'
#include <mutex>

// A Clang thread-safety annotated wrapper: the capability is the Mutex
// object, not the std::mutex inside it.
class __attribute__((capability("mutex"))) Mutex {
public:
  void Lock() __attribute__((acquire_capability())) { mu_.lock(); }
  void Unlock() __attribute__((release_capability())) { mu_.unlock(); }
  void ReaderLock() __attribute__((acquire_shared_capability())) { mu_.lock(); }
  void ReaderUnlock() __attribute__((release_shared_capability())) { mu_.unlock(); }

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
Mutex other;

void lockTwice() {
  mu.Lock();
  // CHECK: annotations.cpp:[[@LINE+1]]:3: error: acquiring mutex 'mu' that is already held [self-deadlock]
  mu.Lock();
  // CHECK: annotations.cpp:[[@LINE-3]]:3: note: 'mu' first acquired here
}

void guardThenLock() {
  MutexLock l(&mu);
  // CHECK: annotations.cpp:[[@LINE+1]]:3: error: acquiring mutex 'mu' that is already held [self-deadlock]
  mu.Lock();
  // CHECK: annotations.cpp:[[@LINE-3]]:3: note: 'mu' first acquired here
}

void update() {
  // CHECK: annotations.cpp:[[@LINE+1]]:3: error: acquiring mutex 'mu' that is already held [self-deadlock]
  MutexLock l(&mu);
}
void guardThroughCall() {
  // CHECK: annotations.cpp:[[@LINE+1]]:3: note: 'mu' first acquired here
  MutexLock l(&mu);
  // CHECK: annotations.cpp:[[@LINE+1]]:3: note: via call to 'update'
  update();
}

// Don't flag: released in between.
void sequential() {
  mu.Lock();
  mu.Unlock();
  {
    MutexLock l(&mu);
  }
  mu.Lock();
  mu.Unlock();
}

// Don't flag: two different capabilities.
void twoMutexes() {
  MutexLock a(&mu);
  MutexLock b(&other);
}

// Don't flag: two shared holds.
void twoReaders() {
  mu.ReaderLock();
  mu.ReaderLock();
  mu.ReaderUnlock();
  mu.ReaderUnlock();
}
