// RUN: %check --checks='-*,unguarded-shared-state' %s -- -std=c++20 \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error}}:'
#include <future>

class Stats {
public:
  void add(int v) { sum_ += v; }
  int sum() const { return sum_; }

private:
  int sum_ = 0;
};

int racy() {
  Stats s;
  auto f = std::async(std::launch::async, &Stats::add, &s, 1);
  int seen = s.sum();   // the task may be running
  f.get();
  return seen;
}

int ordered() {
  Stats s;
  auto f = std::async(std::launch::async, &Stats::add, &s, 1);
  f.get();
  return s.sum();       // after get(): ordered
}

int deferred() {
  Stats s;
  auto f = std::async(std::launch::deferred, &Stats::add, &s, 1);
  int seen = s.sum();   // a deferred task runs in get()
  f.get();
  return seen;
}

int main() { return racy() + ordered() + deferred(); }
// CHECK: async-member.cpp:7:21: warning: writing 'sum_' with no lock held in thread 'Stats::add' races with a read in thread 'racy' with no lock held [unguarded-shared-state]
// CHECK: async-member.cpp:17:14: note: via call to 'Stats::sum'
// CHECK: async-member.cpp:8:28: note: conflicting read of 'sum_' with no lock held
// CHECK: async-member.cpp:16:12: note: thread 'Stats::add' starts here
