// lockgraph::thread's out-of-line parts; its lifetime hooks are recorder entry
// points (recorder.cpp).
#include <lockgraph/thread.hpp>

#include <ostream>

namespace lockgraph {

std::ostream& operator<<(std::ostream& os, const thread& t) {
  os << "<lockgraph::thread";
  if (t.record_) os << " \"" << t.name() << '"';
  return os << (t.joinable() ? " joinable>" : " not joinable>");
}

}  // namespace lockgraph
