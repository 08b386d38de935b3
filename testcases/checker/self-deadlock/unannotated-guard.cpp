// RUN: %check --checks='-*,self-deadlock' %s -- -std=c++17 \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error}}:'
// An unannotated RAII guard that keeps a reference to the lock it was given:
// the guard's member names that lock, so a second acquisition is matched.
#include <mutex>

class Mutex {
public:
  // CHECK: unannotated-guard.cpp:[[@LINE+1]]:17: error: acquiring mutex 'm_' that is already held [self-deadlock]
  void lock() { m_.lock(); }
  void unlock() { m_.unlock(); }

private:
  std::mutex m_;
};

class Guard {
public:
  explicit Guard(Mutex &m) : m_(m) { m_.lock(); }
  ~Guard() { m_.unlock(); }

private:
  Mutex &m_;
};

Mutex g;

void twice() {
  // CHECK: unannotated-guard.cpp:[[@LINE+1]]:9: note: via call to 'Guard::Guard'
  Guard a(g);
  // CHECK: unannotated-guard.cpp:[[@LINE+1]]:3: note: via call to 'Mutex::lock'
  g.lock();
}

// Don't flag: the guard's scope ends before the direct acquisition.
void sequential() {
  { Guard a(g); }
  g.lock();
  g.unlock();
}
