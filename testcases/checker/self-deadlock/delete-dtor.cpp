// RUN: %check --checks='-*,self-deadlock' %s -- -std=c++17 \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error}}:'
// Bug: a delete-expression is not followed into the destructor it runs
// (an explicit 'p->~Flusher()' is), so this self-deadlock is missed.
#include <mutex>

std::mutex mu;

struct Flusher {
  ~Flusher() {
    // CHECK: delete-dtor.cpp:[[@LINE+1]]:5: error: acquiring mutex 'mu' that is already held [self-deadlock]
    std::lock_guard<std::mutex> g(mu);
  }
};

void destroy(Flusher *p) {
  // CHECK: delete-dtor.cpp:[[@LINE+1]]:3: note: 'mu' first acquired here
  std::lock_guard<std::mutex> g(mu);
  // CHECK: delete-dtor.cpp:[[@LINE+1]]:3: note: via call to 'Flusher::~Flusher'
  delete p;
}

// Don't flag: deleted after the guard's scope.
void destroyOutside(Flusher *p) {
  {
    std::lock_guard<std::mutex> g(mu);
  }
  delete p;
}
