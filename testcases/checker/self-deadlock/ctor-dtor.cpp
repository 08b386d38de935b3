// RUN: %check --checks='-*,self-deadlock' %s -- -std=c++17 \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error}}:'
#include <mutex>

std::mutex registry_mu;

// A constructor that takes the registry lock, constructed under it.
struct Entry {
  Entry() {
    // CHECK: ctor-dtor.cpp:[[@LINE+1]]:5: error: acquiring mutex 'registry_mu' that is already held [self-deadlock]
    std::lock_guard<std::mutex> g(registry_mu);
  }
};
void addEntry() {
  // CHECK: ctor-dtor.cpp:[[@LINE+1]]:3: note: 'registry_mu' first acquired here
  std::lock_guard<std::mutex> g(registry_mu);
  // CHECK: ctor-dtor.cpp:[[@LINE+1]]:9: note: via call to 'Entry::Entry'
  Entry e;
}

// A destructor that takes it, run at the end of the scope while the guard
// declared before it is still held.
struct Flusher {
  ~Flusher() {
    // CHECK: ctor-dtor.cpp:[[@LINE+1]]:5: error: acquiring mutex 'registry_mu' that is already held [self-deadlock]
    std::lock_guard<std::mutex> g(registry_mu);
  }
};
void flushAtEnd() {
  // CHECK: ctor-dtor.cpp:[[@LINE+1]]:3: note: 'registry_mu' first acquired here
  std::lock_guard<std::mutex> g(registry_mu);
  Flusher f;
  // CHECK: ctor-dtor.cpp:[[@LINE+1]]:1: note: via call to 'Flusher::~Flusher'
}

// A class whose constructor and destructor lock its own mutex and call a
// member that locks it again.
class Logger {
public:
  void open() {
    // CHECK: ctor-dtor.cpp:[[@LINE+1]]:5: error: acquiring mutex 'mu_' that is already held [self-deadlock]
    std::lock_guard<std::mutex> g(mu_);
  }
  Logger() {
    // CHECK: ctor-dtor.cpp:[[@LINE+1]]:5: note: 'mu_' first acquired here
    std::lock_guard<std::mutex> g(mu_);
    // CHECK: ctor-dtor.cpp:[[@LINE+1]]:5: note: via call to 'Logger::open'
    open();
  }
  void close() {
    // CHECK: ctor-dtor.cpp:[[@LINE+1]]:5: error: acquiring mutex 'mu_' that is already held [self-deadlock]
    std::lock_guard<std::mutex> g(mu_);
  }
  ~Logger() {
    // CHECK: ctor-dtor.cpp:[[@LINE+1]]:5: note: 'mu_' first acquired here
    std::lock_guard<std::mutex> g(mu_);
    // CHECK: ctor-dtor.cpp:[[@LINE+1]]:5: note: via call to 'Logger::close'
    close();
  }

private:
  std::mutex mu_;
};

// Don't flag: the object is constructed and destroyed outside the lock.
void outsideTheLock() {
  {
    Entry e;
    Flusher f;
  }
  std::lock_guard<std::mutex> g(registry_mu);
}
