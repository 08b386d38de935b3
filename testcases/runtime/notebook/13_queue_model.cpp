// Port of notebook cell: Queue Model (In [29], In [30]), written with
// lockgraph types.
//
// A bounded lockgraph::blocking_queue (capacity 10) connects a producer and
// a consumer, and a lockgraph::event tells the producer to stop. The
// notebook's run never ended: its consumer quit once the event was set
// while the producer sat in put() on the full queue. Here the producer stops
// on the event and closes the queue, and the consumer drains it: get()
// returns std::nullopt once the queue is closed and empty. No findings.
//
// RUN: %cxx -std=c++20 -I%rt_include %s %rt_lib/liblockgraph_rt.a -pthread -o %t
// RUN: rm -f %t.json
// RUN: env LOCKGRAPH_REPORT=%t.json timeout 20 %t > %t.out 2> %t.err
// RUN: FileCheck %s --check-prefix=OUT < %t.out
// RUN: count 0 < %t.err
// RUN: FileCheck %s --check-prefix=JSON < %t.json

#include <lockgraph/lockgraph.hpp>

#include <chrono>
#include <iostream>
#include <random>
#include <vector>

using namespace std::chrono_literals;

std::vector<int> producer_pipeline, consumer_pipeline;

void producer(lockgraph::blocking_queue<int>& pipeline, const lockgraph::event& event) {
  std::mt19937 rng{std::random_device{}()};
  std::uniform_int_distribution<int> random_message(1, 100);
  while (!event.is_set()) {
    int message = random_message(rng);
    producer_pipeline.push_back(message);
    pipeline.put(message);
  }
  pipeline.close();  // nothing more will come
}

void consumer(lockgraph::blocking_queue<int>& pipeline) {
  while (std::optional<int> message = pipeline.get()) {
    consumer_pipeline.push_back(*message);
    std::this_thread::sleep_for(1ms);  // time.sleep(random.random())
  }
}

int main() {
  lockgraph::blocking_queue<int> pipeline{10, "pipeline"};  // queue.Queue(maxsize=10)
  lockgraph::event event{"event"};                           // threading.Event()
  lockgraph::thread producer_thread("producer", producer, std::ref(pipeline), std::cref(event));
  lockgraph::thread consumer_thread("consumer", consumer, std::ref(pipeline));
  std::this_thread::sleep_for(20ms);
  event.set();
  std::cout << event << '\n';
  producer_thread.join();
  consumer_thread.join();
  std::cout << "producer: " << producer_pipeline.size() << " messages\n";
  std::cout << "consumer: " << consumer_pipeline.size() << " messages\n";
  std::cout << "same messages: " << (producer_pipeline == consumer_pipeline) << '\n';
  std::cout << pipeline << '\n';
}

// OUT: <lockgraph::event "event" set>
// OUT-NEXT: producer: [[#N:]] messages
// OUT-NEXT: consumer: [[#N]] messages
// OUT-NEXT: same messages: 1
// OUT-NEXT: <lockgraph::blocking_queue "pipeline" size=0 capacity=10 closed>

// JSON:      "findings": [],
