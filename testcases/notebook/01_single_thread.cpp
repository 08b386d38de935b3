// Port of notebook cell: Single Thread (In [3], In [4])
//
// One thread only: main calls myfunc(), which prints "hello", sleeps (10 s in the
// notebook, a few milliseconds here) and returns true; main prints the result.
//
// lockgraph check must report: nothing.
// lockgraph runtime must report: nothing.

#include <chrono>
#include <iostream>
#include <thread>

using namespace std::chrono_literals;

bool myfunc() {
  std::cout << "hello\n";
  std::this_thread::sleep_for(10ms);
  return true;
}

int main() {
  std::cout << std::boolalpha << myfunc() << '\n';
}
