// RUN: %check --checks='-*,unguarded-shared-state' %s -- -std=c++20 \
// RUN:   | count 0
// Values passed by copy, results through futures, atomics and locals each
// thread owns: nothing is shared.
#include <atomic>
#include <future>
#include <thread>
#include <vector>

struct Job {
  int input = 0;
  int output = 0;
};

void run(Job job) { job.output = job.input * 2; }
int square(int v) { return v * v; }

struct Stats {
  std::atomic<long> done{0};
  void finish() { done++; }
};

int main() {
  Job job;
  job.input = 3;
  std::thread a(run, job), b(run, job);   // copies
  a.join();
  b.join();

  auto f = std::async(std::launch::async, square, 4);
  int result = f.get();

  Stats stats;
  std::thread c(&Stats::finish, &stats), d(&Stats::finish, &stats);
  c.join();
  d.join();
  return result + int(stats.done) + job.output;
}
