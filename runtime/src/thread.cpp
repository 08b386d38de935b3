// lockgraph::thread's out-of-line parts; its lifetime hooks are recorder entry
// points (recorder.cpp).
#include <lockgraph/thread.hpp>

#include <lockgraph/detail/waits.hpp>

#include <ostream>

namespace lockgraph {

void thread::join_native(std::source_location where) {
  // Only a join that will wait is registered; joining itself is left to
  // std::thread (resource_deadlock_would_occur).
  if (record_ && impl_.joinable() && impl_.get_id() != std::this_thread::get_id() &&
      !detail::thread_ended(record_)) {
    detail::wait_target target;
    target.kind = detail::wait_kind::join;
    target.thread = record_;
    detail::wait_scope wait(target, where);
    impl_.join();
    return;
  }
  impl_.join();
}

std::ostream& operator<<(std::ostream& os, const thread& t) {
  os << "<lockgraph::thread";
  if (t.record_) os << " \"" << t.name() << '"';
  return os << (t.joinable() ? " joinable>" : " not joinable>");
}

}  // namespace lockgraph
