// Port of notebook cell: Joining Threads (In [12])
//
// main starts a thread running myfunc and joins it before printing "main ended",
// so the thread's output always comes first.
//
// lockgraph check must report: nothing.
// lockgraph runtime must report: nothing.

#include <chrono>
#include <iostream>
#include <string>
#include <thread>

using namespace std::chrono_literals;

void myfunc(const std::string& name) {
  std::cout << "my func started with " << name << '\n';
  std::this_thread::sleep_for(10ms);
  std::cout << "myfunc ended\n";
}

int main() {
  std::cout << "main started\n";
  std::thread t(myfunc, std::string("brian"));
  t.join();
  std::cout << "main ended\n";
}
