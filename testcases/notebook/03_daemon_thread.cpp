// Port of notebook cell: Daemon Thread (In [11])
//
// A daemon thread is one the main thread does not wait for; in C++ that is a
// detached std::thread. myfunc takes its name by value and std::thread copies its
// arguments into the new thread, so the detached thread never refers to main's
// local `name` (the Python cell is safe for the same reason: args are copied).
// The notebook still shows "myfunc ended" because the Jupyter kernel keeps running
// after the cell; main sleeps briefly for the same effect, without joining.
//
// lockgraph check must report: nothing (no detached-thread-escape: `name` is copied).
// lockgraph runtime must report: nothing.

#include <chrono>
#include <iostream>
#include <string>
#include <thread>

using namespace std::chrono_literals;

void myfunc(std::string name) {
  std::cout << "my func started with " << name << '\n';
  std::this_thread::sleep_for(5ms);
  std::cout << "myfunc ended\n";
}

int main() {
  std::cout << "main started\n";
  std::string name = "brian";
  std::thread t(myfunc, name);
  t.detach();  // daemon=True: main will not wait for it
  std::cout << "main ended\n";
  std::this_thread::sleep_for(100ms);  // stands in for the kernel that keeps running
}
