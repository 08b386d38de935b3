// RUN: %check --checks='-*,unguarded-shared-state' %s -- -std=c++20 -I%src_root/runtime/include \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error}}:'
// The lockgraph runtime's thread pool starts threads: submit() runs a task
// on a worker, map() runs one per element at once; a future's get() and
// the pool's end wait for them.
#include <lockgraph/thread_pool.hpp>

int tally = 0;
int squares = 0;

void count() { ++tally; }
int square(int v) { squares += v * v; return v * v; }

int submitted() {
  lockgraph::thread_pool pool(2);
  auto f = pool.submit(count);
  f.get();
  return tally;                  // after get(): ordered
}

int mapped() {
  int seen = 0;
  {
    lockgraph::thread_pool pool(2);
    pool.map(square, std::vector<int>{1, 2, 3});
  }                              // the pool waited for every task
  seen = squares;
  return seen;
}

int racy() {
  lockgraph::thread_pool pool(2);
  auto f = pool.submit(count);
  int seen = tally;              // the task may be running
  f.get();
  return seen;
}

int main() { return submitted() + mapped() + racy(); }
// CHECK: runtime-pool.cpp:11:16: warning: writing 'tally' with no lock held in thread 'count' races with a read in thread 'racy' with no lock held [unguarded-shared-state]
// CHECK: runtime-pool.cpp:12:21: warning: writing 'squares' with no lock held in thread 'square' races with a read in thread 'square' with no lock held [unguarded-shared-state]
