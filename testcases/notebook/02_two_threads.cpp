// Port of notebook cell: Two Threads (In [5], In [6], In [9])
//
// myfunc(name) prints, sleeps and prints again. main first calls it directly
// (In [6]: everything happens in order), then runs it on a second std::thread
// (In [9]): "main ended" is printed while the thread is still sleeping. Python
// waits for non-daemon threads when the interpreter exits; in C++ main has to
// join the thread itself before the std::thread is destroyed, so it does that last.
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
  // In [6]: a plain call on the main thread.
  std::cout << "main started\n";
  myfunc("brian");
  std::cout << "main ended\n";

  // In [9]: the same function on its own thread.
  std::cout << "main started\n";
  std::thread t(myfunc, std::string("brian"));
  std::cout << "main ended\n";
  t.join();  // what the Python interpreter does for us at exit
}
