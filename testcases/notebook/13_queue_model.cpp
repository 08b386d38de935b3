// Port of notebook cell: Queue Model (In [29], In [30])
//
// A bounded blocking queue (capacity 10) connects a producer and a consumer, and
// an event tells the producer to stop. The notebook's run never ended: its consumer
// quit once the event was set (`not pipeline.empty` is always false: the method is
// never called) while the producer sat in put() on the full queue. Here the
// producer stops on the event and then puts an end marker, and the consumer
// drains the queue up to that marker.
//
// lockgraph check must report: nothing.
// lockgraph runtime must report: nothing.

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <functional>
#include <iostream>
#include <mutex>
#include <queue>
#include <random>
#include <thread>
#include <vector>

using namespace std::chrono_literals;

class BlockingQueue {
 public:
  explicit BlockingQueue(std::size_t capacity) : capacity_(capacity) {}
  void put(int item) {
    std::unique_lock lock(mu_);
    not_full_.wait(lock, [this] { return items_.size() < capacity_; });
    items_.push(item);
    not_empty_.notify_one();
  }
  int get() {
    std::unique_lock lock(mu_);
    not_empty_.wait(lock, [this] { return !items_.empty(); });
    int item = items_.front();
    items_.pop();
    not_full_.notify_one();
    return item;
  }
  std::size_t size() const { std::lock_guard lock(mu_); return items_.size(); }

 private:
  const std::size_t capacity_;
  mutable std::mutex mu_;
  std::condition_variable not_full_, not_empty_;
  std::queue<int> items_;
};

constexpr int kFinish = -1;  // end marker: nothing else will be put
std::vector<int> producer_pipeline, consumer_pipeline;

void producer(BlockingQueue& pipeline, const std::atomic<bool>& event) {
  std::mt19937 rng{std::random_device{}()};
  std::uniform_int_distribution<int> random_message(1, 100);
  while (!event.load()) {
    int message = random_message(rng);
    std::cout << "producing message of " << message << '\n';
    producer_pipeline.push_back(message);
    pipeline.put(message);
  }
  pipeline.put(kFinish);
}

void consumer(BlockingQueue& pipeline) {
  for (;;) {
    std::cout << "queue size is " << pipeline.size() << '\n';
    int message = pipeline.get();
    if (message == kFinish) return;
    std::cout << "consuming message of " << message << '\n';
    consumer_pipeline.push_back(message);
    std::this_thread::sleep_for(1ms);  // time.sleep(random.random())
  }
}

int main() {
  BlockingQueue pipeline(10);  // Pipeline(queue.Queue) with maxsize=10
  std::atomic<bool> event{false};  // threading.Event()
  std::thread producer_thread(producer, std::ref(pipeline), std::cref(event));
  std::thread consumer_thread(consumer, std::ref(pipeline));
  std::this_thread::sleep_for(20ms);
  event.store(true);  // event.set()
  producer_thread.join();
  consumer_thread.join();
  std::cout << "producer: " << producer_pipeline.size() << " messages, consumer: "
            << consumer_pipeline.size() << " messages\n";
}
