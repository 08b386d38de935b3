// Port of notebook cell: Queue Model (In [29], In [30]) as the notebook wrote
// it, with lockgraph types: the run that never ended.
//
// The consumer loops `while not event.is_set() or not pipeline.empty` — but
// `pipeline.empty` is the method, never called, so it is always true and
// the consumer quits as soon as the event is set. The producer, still
// putting, fills the bounded queue (capacity 10) and blocks in put() for
// ever, and main blocks joining it. In Python the cell hangs. Here every
// thread is blocked in an untimed wait that nothing can end, so within a
// second the runtime reports a `deadlock` naming both waits, writes the
// report and stops the process (LOCKGRAPH_ON_DEADLOCK=abort, the default).
// `timeout` turns a regression (a hang) into a failure.
//
// RUN: %cxx -std=c++20 -I%rt_include %s %rt_lib/liblockgraph_rt.a -pthread -o %t
// RUN: rm -f %t.json
// RUN: env LOCKGRAPH_REPORT=%t.json not --crash timeout 20 %t > %t.out 2> %t.err
// RUN: FileCheck %s --check-prefix=ERR < %t.err
// RUN: FileCheck %s --check-prefix=JSON < %t.json

#include <lockgraph/lockgraph.hpp>

#include <chrono>
#include <iostream>

using namespace std::chrono_literals;

void producer(lockgraph::blocking_queue<int>& pipeline, const lockgraph::event& event) {
  for (int message = 1;; ++message) {
    pipeline.put(message);  // blocks for ever once the queue is full
    if (event.is_set()) std::this_thread::sleep_for(1ms);  // (keeps producing)
  }
}

void consumer(lockgraph::blocking_queue<int>& pipeline, const lockgraph::event& event) {
  const bool empty_is_a_method = true;  // `not pipeline.empty` is always false
  while (!event.is_set() || !empty_is_a_method) {
    pipeline.get();
    std::this_thread::sleep_for(1ms);
  }
}

int main() {
  lockgraph::blocking_queue<int> pipeline{10, "pipeline"};
  lockgraph::event event{"event"};
  lockgraph::thread producer_thread("producer", producer, std::ref(pipeline), std::cref(event));
  lockgraph::thread consumer_thread("consumer", consumer, std::ref(pipeline), std::cref(event));
  std::this_thread::sleep_for(20ms);
  event.set();
  consumer_thread.join();
  producer_thread.join();
  std::cout << "never printed\n";
}

// ERR: 13_queue_model_as_written.cpp:[[#@LINE-25]]:{{[0-9]+}}: error: every thread is blocked and none can wake another: 'producer' waits to put into full queue 'pipeline'; 'main' joins 'producer' [deadlock]
// ERR-NEXT: 13_queue_model_as_written.cpp:[[#@LINE-5]]:{{[0-9]+}}: note: thread 'main' joins 'producer' here
// ERR-NEXT: lockgraph: stopping the process at a deadlock (LOCKGRAPH_ON_DEADLOCK=abort)

// JSON: "check": "deadlock",
// JSON: "threads": [
// JSON-NEXT: "main",
// JSON-NEXT: "producer"
// JSON-NEXT: ],
