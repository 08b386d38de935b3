// RUN: %check --checks='-*,unguarded-shared-state' %s -- -std=c++20 \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error}}:'
// An object's own fields in its constructor and destructor are not shared;
// a worker started in the constructor and joined in the destructor runs
// alongside the methods called in between.
#include <thread>

class Worker {
public:
  Worker() : ticks_(0) {
    ticks_ = 1;                       // not shared yet
    thread_ = std::thread(&Worker::loop, this);
  }
  ~Worker() {
    thread_.join();
    ticks_ = 0;                       // not shared any more
  }
  int ticks() const { return ticks_; }

private:
  void loop() {
    for (int i = 0; i < 100; ++i)
      ++ticks_;
  }
  int ticks_;
  std::thread thread_;
};

int main() {
  Worker w;
  return w.ticks();
}
// CHECK: ctor-dtor.cpp:23:7: warning: writing 'ticks_' with no lock held in thread 'Worker::loop' races with a read in thread 'main' with no lock held [unguarded-shared-state]
// CHECK: ctor-dtor.cpp:31:10: note: via call to 'Worker::ticks'
