// Port of notebook cell: Producer-Consumer Pipeline (In [20], In [24]),
// written with lockgraph types.
//
// Two plain locks hand each message over: the constructor locks
// consumer_lock; set_message locks producer_lock, stores the message and
// unlocks consumer_lock; get_message locks consumer_lock, takes the message
// and unlocks producer_lock. Each lock is unlocked by a thread that does not
// hold it, which Python's Lock allows and std::mutex does not.
//
// The runtime reports every such unlock (unlock-not-held) and, as Python
// does, releases the lock on the owner's behalf. A producer that locks
// producer_lock again before the consumer released it is waiting for
// itself (self-deadlock); with LOCKGRAPH_ON_DEADLOCK=block it then waits as
// Python's acquire() would, until the consumer's unlock releases it, so the
// pipeline runs to the end with Python's semantics instead of hanging. The
// deadlock detector sees a hand-off, not a deadlock: every message arrives.
// Which self-deadlocks and lock leaks appear depends on timing; the
// unlock-not-held findings do not.
//
// RUN: %cxx -std=c++20 -I%rt_include %s %rt_lib/liblockgraph_rt.a -pthread -o %t
// RUN: rm -f %t.json
// RUN: env LOCKGRAPH_ON_DEADLOCK=block LOCKGRAPH_REPORT=%t.json timeout 20 %t > %t.out 2> %t.err
// RUN: FileCheck %s --check-prefix=OUT < %t.out
// RUN: FileCheck %s --check-prefix=ERR --implicit-check-not="[deadlock]" < %t.err
// RUN: FileCheck %s --check-prefix=JSON --implicit-check-not='"check": "deadlock"' < %t.json

#include <lockgraph/lockgraph.hpp>

#include <chrono>
#include <functional>
#include <iostream>
#include <random>
#include <vector>

using namespace std::chrono_literals;

constexpr int kFinish = -1;  // FINISH = 'THE END'
std::vector<int> producer_pipeline, consumer_pipeline;

class Pipeline {
 public:
  explicit Pipeline(int capacity) : capacity_(capacity) { consumer_lock_.lock(); }
  int capacity() const { return capacity_; }
  void set_message(int message) {
    producer_pipeline.push_back(message);
    producer_lock_.lock();
    message_ = message;
    consumer_lock_.unlock();
  }
  int get_message() {
    consumer_lock_.lock();
    int message = message_;
    producer_lock_.unlock();
    consumer_pipeline.push_back(message);
    return message;
  }

 private:
  const int capacity_;
  int message_ = 0;
  lockgraph::mutex producer_lock_{"producer_lock"};
  lockgraph::mutex consumer_lock_{"consumer_lock"};
};

void producer(Pipeline& pipeline) {
  std::mt19937 rng{std::random_device{}()};
  std::uniform_int_distribution<int> random_message(1, 100);
  for (int i = 0; i < pipeline.capacity(); ++i) pipeline.set_message(random_message(rng));
  pipeline.set_message(kFinish);
}

void consumer(Pipeline& pipeline) {
  for (int message = 0; message != kFinish;) {
    message = pipeline.get_message();
    if (message != kFinish) std::this_thread::sleep_for(1ms);  // time.sleep(random.random())
  }
}

int main() {
  Pipeline pipeline(10);
  lockgraph::thread producer_thread("producer", producer, std::ref(pipeline));
  lockgraph::thread consumer_thread("consumer", consumer, std::ref(pipeline));
  producer_thread.join();
  consumer_thread.join();
  std::cout << "producer: " << producer_pipeline.size() << " messages\n";
  std::cout << "consumer: " << consumer_pipeline.size() << " messages\n";
  std::cout << "same messages: " << (producer_pipeline == consumer_pipeline) << '\n';
}

// OUT:      producer: 11 messages
// OUT-NEXT: consumer: 11 messages
// OUT-NEXT: same messages: 1

// ERR-DAG: 12_pipeline_two_locks.cpp:[[#@LINE-46]]:{{[0-9]+}}: error: releasing mutex 'consumer_lock' that this thread does not hold (held by thread 'main') [unlock-not-held]
// ERR-DAG: 12_pipeline_two_locks.cpp:[[#@LINE-42]]:{{[0-9]+}}: error: releasing mutex 'producer_lock' that this thread does not hold (held by thread 'producer') [unlock-not-held]
// ERR-DAG: mutex 'consumer_lock' is still held when thread 'consumer' ends [lock-leak]
// ERR: lockgraph: {{[0-9]+}} errors{{.*}} found; report: {{.*}}.json

// JSON-DAG: "check": "unlock-not-held",
// JSON-DAG: "message": "releasing mutex 'consumer_lock' that this thread does not hold (held by thread 'main')",
// JSON-DAG: "message": "releasing mutex 'producer_lock' that this thread does not hold (held by thread 'producer')",
