// RUN: %check --checks='-*,detached-thread-escape' %s -- -std=c++20 \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error}}:'
#include <functional>
#include <string>
#include <thread>

void consume(int *p) { *p += 1; }
void by_ref(int &r) { r += 1; }
void by_value(std::string s) { s += "!"; }

int shared_counter = 0;

void escapes_by_reference_capture() {
  int local = 0;
  std::thread([&] { local += 1; }).detach();
}

void escapes_by_pointer() {
  int local = 0;
  std::thread t(consume, &local);
  t.detach();
}

void escapes_by_std_ref() {
  int local = 0;
  std::thread t(by_ref, std::ref(local));
  t.detach();
}

void copies_are_safe() {
  std::string name = "worker";
  std::thread t(by_value, name);            // copied into the thread
  t.detach();
  int seed = 1;
  std::thread([seed] { int x = seed; (void)x; }).detach();
}

void globals_are_safe() {
  std::thread([] { shared_counter += 1; }).detach();
}

void joined_is_safe() {
  int local = 0;
  std::thread t([&] { local += 1; });
  t.join();
}

int main() {
  escapes_by_reference_capture();
  escapes_by_pointer();
  escapes_by_std_ref();
  copies_are_safe();
  globals_are_safe();
  joined_is_safe();
}
// CHECK: escape.cpp:15:3: warning: detached thread 'lambda at escape.cpp:15' refers to 'local', a local of 'escapes_by_reference_capture' that ends when it returns, maybe before the thread does [detached-thread-escape]
// CHECK: escape.cpp:15:21: note: 'local' used by the thread here
// CHECK: escape.cpp:20:15: warning: detached thread 'consume' refers to 'local', a local of 'escapes_by_pointer' that ends when it returns, maybe before the thread does [detached-thread-escape]
// CHECK: escape.cpp:26:15: warning: detached thread 'by_ref' refers to 'local', a local of 'escapes_by_std_ref' that ends when it returns, maybe before the thread does [detached-thread-escape]
