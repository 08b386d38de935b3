// RUN: %check --checks='-*,unguarded-shared-state' %s -- -std=c++20 \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error}}:'
// A shared_mutex held in shared mode by readers and exclusively by the
// writer protects the value; a reader that skips the lock does not.
#include <mutex>
#include <shared_mutex>
#include <thread>

std::shared_mutex rw;
int config_version = 0;

void writer() {
  std::unique_lock lk(rw);
  ++config_version;
}
void reader() {
  std::shared_lock lk(rw);
  int v = config_version;
  (void)v;
}
void sloppy_reader() { int v = config_version; (void)v; }

int main() {
  std::thread w(writer), r(reader), s(sloppy_reader);
  w.join();
  r.join();
  s.join();
}
// CHECK: reader-writer.cpp:14:3: warning: writing 'config_version' holding 'rw' in thread 'writer' races with a read in thread 'sloppy_reader' with no lock held [unguarded-shared-state]
