// lockgraph::thread_pool: lockgraph threads taking tasks from a
// lockgraph::blocking_queue.
#include <lockgraph/thread_pool.hpp>

#include <ostream>
#include <stdexcept>

namespace lockgraph {

thread_pool::thread_pool(std::size_t workers, std::source_location declared)
    : info_(std::make_shared<detail::sync_info>(detail::sync_info{"thread_pool", {}, declared})),
      tasks_(0, declared) {
  start(workers);
}

thread_pool::thread_pool(std::size_t workers, std::string_view name,
                         std::source_location declared)
    : info_(std::make_shared<detail::sync_info>(
          detail::sync_info{"thread_pool", std::string(name), declared})),
      tasks_(0, name, declared) {
  start(workers);
}

void thread_pool::start(std::size_t workers) {
  if (workers == 0) throw std::invalid_argument("lockgraph: a thread_pool needs a worker");
  const std::string base = info_->name.empty() ? "pool" : info_->name;
  workers_.reserve(workers);
  for (std::size_t i = 0; i < workers; ++i)
    workers_.emplace_back(thread_options{base + "-" + std::to_string(i + 1), info_->declared},
                          [this] {
                            // Each task's exceptions go to its future.
                            while (std::optional<std::function<void()>> task = tasks_.get())
                              (*task)();
                          });
}

thread_pool::~thread_pool() { shutdown(true); }

void thread_pool::enqueue(std::function<void()> task) {
  if (shut_down_.load(std::memory_order_acquire))
    throw std::runtime_error("lockgraph: submit to thread_pool '" + name() + "' after shutdown");
  try {
    tasks_.put(std::move(task));
  } catch (const queue_closed&) {
    throw std::runtime_error("lockgraph: submit to thread_pool '" + name() + "' after shutdown");
  }
}

void thread_pool::shutdown(bool wait) {
  shut_down_.store(true, std::memory_order_release);
  tasks_.close();
  if (!wait) return;
  for (thread& worker : workers_)
    if (worker.joinable()) worker.join();
}

std::ostream& operator<<(std::ostream& os, const thread_pool& p) {
  os << "<lockgraph::thread_pool \"" << p.name() << "\" workers=" << p.size()
     << " queued=" << p.tasks_.size();
  return os << (p.shut_down_.load() ? " shut down>" : ">");
}

}  // namespace lockgraph
