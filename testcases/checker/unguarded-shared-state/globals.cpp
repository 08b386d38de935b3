// RUN: %check --checks='-*,unguarded-shared-state' %s -- -std=c++20 \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error}}:'
#include <atomic>
#include <thread>

int counter = 0;
int setup_value = 0;
thread_local int per_thread = 0;
const int table[3] = {1, 2, 3};
constexpr int limit = 10;
std::atomic<int> hits{0};

void work() {
  ++counter;
  per_thread += table[1] + limit;
  hits.fetch_add(1);
  hits++;
}

void reader() { int copy = setup_value; (void)copy; }

int main() {
  setup_value = 42;                // before any thread starts: ordered
  std::thread a(work), b(work);
  std::thread r(reader);
  a.join();
  b.join();
  r.join();
  setup_value = counter;           // after every join: ordered
  return setup_value;
}
// Two threads run work(): the increment races with itself.
// CHECK: globals.cpp:14:3: warning: writing 'counter' with no lock held in thread 'work' races with a read in thread 'work' with no lock held [unguarded-shared-state]
// CHECK: globals.cpp:14:3: note: conflicting read of 'counter' with no lock held
// CHECK: globals.cpp:24:24: note: thread 'work' starts here
// CHECK: globals.cpp:24:15: note: thread 'work' starts here
