// A tiny program built against an installed lockgraph: two threads take
// two locks in opposite orders, one after the other, and the program lists
// what the runtime found.
#include <lockgraph/lockgraph.hpp>

#include <iostream>
#include <mutex>

int main() {
  lockgraph::mutex a{"a"}, b{"b"};
  lockgraph::thread t1("t1", [&] {
    std::lock_guard x(a);
    std::lock_guard y(b);
  });
  t1.join();
  lockgraph::thread t2("t2", [&] {
    std::lock_guard y(b);
    std::lock_guard x(a);
  });
  t2.join();
  std::cout << "lockgraph " << LOCKGRAPH_VERSION_MAJOR << '.' << LOCKGRAPH_VERSION_MINOR << ": "
            << a << '\n';
  for (const lockgraph::finding& f : lockgraph::findings())
    std::cout << f.check << ' ' << f.severity << ": " << f.message << '\n';
}
