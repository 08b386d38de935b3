// Port of notebook cell: Thread Pool (In [19])
//
// A fixed pool of three worker threads takes tasks from a queue guarded by a
// mutex and a condition variable. main maps myfunc over three names, printing
// "main started"/"main ended" while the tasks still run; leaving the block
// destroys the pool, which (like leaving `with ThreadPoolExecutor`) lets the
// workers finish every queued task and then joins them.
//
// lockgraph check must report: nothing.
// lockgraph runtime must report: nothing.

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <functional>
#include <iostream>
#include <mutex>
#include <queue>
#include <string>
#include <thread>
#include <vector>

using namespace std::chrono_literals;

class ThreadPool {
 public:
  explicit ThreadPool(std::size_t max_workers) {
    for (std::size_t i = 0; i < max_workers; ++i) workers_.emplace_back([this] { work(); });
  }
  ~ThreadPool() {
    {
      std::lock_guard lock(mu_);
      shutting_down_ = true;
    }
    cv_.notify_all();
    for (std::thread& worker : workers_) worker.join();
  }
  void submit(std::function<void()> task) {
    {
      std::lock_guard lock(mu_);
      tasks_.push(std::move(task));
    }
    cv_.notify_one();
  }

 private:
  void work() {
    for (;;) {
      std::function<void()> task;
      {
        std::unique_lock lock(mu_);
        cv_.wait(lock, [this] { return shutting_down_ || !tasks_.empty(); });
        if (tasks_.empty()) return;  // shutting down and nothing left to do
        task = std::move(tasks_.front());
        tasks_.pop();
      }
      task();  // run outside the lock
    }
  }

  std::mutex mu_;
  std::condition_variable cv_;
  std::queue<std::function<void()>> tasks_;
  bool shutting_down_ = false;
  std::vector<std::thread> workers_;  // last: started after the members above exist
};

void myfunc(const std::string& name) {
  std::cout << "my func started with " << name << '\n';
  std::this_thread::sleep_for(10ms);
  std::cout << "myfunc ended with " << name << '\n';
}

int main() {
  ThreadPool pool(3);  // ThreadPoolExecutor(max_workers=3); ~ThreadPool waits at the end
  std::cout << "main started\n";
  for (std::string name : {"brian", "ciran", "david"}) pool.submit([name] { myfunc(name); });
  std::cout << "main ended\n";
}
