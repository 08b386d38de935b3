// Port of notebook cell: Producer-Consumer Pipeline (In [20], In [24])
//
// Two plain locks hand each message over: the constructor locks consumer_lock_;
// set_message locks producer_lock_, stores the message, unlocks consumer_lock_;
// get_message locks consumer_lock_, takes the message, unlocks producer_lock_.
// Each mutex is thus unlocked by a thread that does not own it, which Python's
// Lock allows and std::mutex does not (undefined behaviour). The design is kept;
// the program may hang, so run it only under a timeout or under lockgraph.
//
// lockgraph check must report:
//   unlock-not-held (error) at consumer_lock_.unlock() in set_message, reached
//     from the producer thread, and at producer_lock_.unlock() in get_message,
//     reached from the consumer thread: neither thread ever locked that mutex;
//   self-deadlock (warning) at producer_lock_.lock() in set_message and at
//     consumer_lock_.lock() in get_message: each loop locks again the mutex its
//     own previous call left held;
//   lock-leak (warning): the producer thread ends holding producer_lock_, the
//     consumer thread may end holding consumer_lock_, and main returns holding
//     consumer_lock_ (locked by the constructor). set_message, get_message and
//     the constructor hold a lock on every return, so they are acquire
//     functions and their callers are reported instead;
//   unguarded-shared-state on message_: written in set_message (only
//     producer_lock_ held), read in get_message (no lock for the print, then
//     only consumer_lock_); blocking-under-lock: the consumer's sleep and main's
//     joins hold a lock (the consumer's join is an error: it needs that lock).
// lockgraph runtime must report:
//   unlock-not-held at consumer_lock_.unlock() in set_message (always first); then,
//   by timing: unlock-not-held in get_message, self-deadlock when the producer
//   re-locks producer_lock_ before the consumer released it, lock-leak for a thread
//   that ends holding a lock.

#include <chrono>
#include <functional>
#include <iostream>
#include <mutex>
#include <random>
#include <thread>
#include <vector>

using namespace std::chrono_literals;

constexpr int kFinish = -1;  // FINISH = 'THE END'
std::vector<int> producer_pipeline, consumer_pipeline;

class Pipeline {
 public:
  explicit Pipeline(int capacity) : capacity_(capacity) { consumer_lock_.lock(); }
  int capacity() const { return capacity_; }
  void set_message(int message) {
    std::cout << "producing message of " << message << '\n';
    producer_pipeline.push_back(message);
    producer_lock_.lock();
    message_ = message;
    consumer_lock_.unlock();
  }
  int get_message() {
    std::cout << "consuming message of " << message_ << '\n';
    consumer_lock_.lock();
    int message = message_;
    producer_lock_.unlock();
    consumer_pipeline.push_back(message);
    return message;
  }

 private:
  const int capacity_;
  int message_ = 0;
  std::mutex producer_lock_;
  std::mutex consumer_lock_;
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
  std::thread producer_thread(producer, std::ref(pipeline));
  std::thread consumer_thread(consumer, std::ref(pipeline));
  producer_thread.join();
  consumer_thread.join();
  std::cout << "producer:";
  for (int message : producer_pipeline) std::cout << ' ' << message;
  std::cout << "\nconsumer:";
  for (int message : consumer_pipeline) std::cout << ' ' << message;
  std::cout << '\n';
}
