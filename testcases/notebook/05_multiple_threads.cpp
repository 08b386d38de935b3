// Port of notebook cell: Multiple Threads (In [17])
//
// Three threads run three functions at the same time; main starts all three,
// then joins them in order before printing "main ended". Their "ended" lines may
// come in any order.
//
// lockgraph check must report: nothing.
// lockgraph runtime must report: nothing.

#include <chrono>
#include <iostream>
#include <string>
#include <thread>

using namespace std::chrono_literals;

void myfunc1(const std::string& name) {
  std::cout << "my func1 started with " << name << '\n';
  std::this_thread::sleep_for(10ms);
  std::cout << "myfunc1 ended\n";
}

void myfunc2(const std::string& name) {
  std::cout << "my func2 started with " << name << '\n';
  std::this_thread::sleep_for(10ms);
  std::cout << "myfunc2 ended\n";
}

void myfunc3(const std::string& name) {
  std::cout << "my func3 started with " << name << '\n';
  std::this_thread::sleep_for(10ms);
  std::cout << "myfunc3 ended\n";
}

int main() {
  std::cout << "main started\n";
  std::thread t1(myfunc1, std::string("brian"));
  std::thread t2(myfunc2, std::string("ciran"));
  std::thread t3(myfunc3, std::string("david"));
  t1.join();
  t2.join();
  t3.join();
  std::cout << "main ended\n";
}
