// RUN: %check --checks='-*,detached-thread-escape' %s -- -std=c++20 \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error}}:'
#include <memory>
#include <thread>
#include <vector>

struct Buffer {
  char data[64];
  int used = 0;
};

void fill(Buffer *b) { b->used = 64; }

void member_of_local() {
  Buffer buf;
  std::thread t([&buf] { buf.used = 1; });
  t.detach();
}

void pointer_argument_struct() {
  Buffer buf;
  std::thread(fill, &buf).detach();
}

void heap_is_safe() {
  auto buf = std::make_shared<Buffer>();
  std::thread([buf] { buf->used = 2; }).detach();
}

void static_is_safe() {
  static Buffer buf;
  std::thread([] { buf.used = 3; }).detach();
}

int main() {
  member_of_local();
  pointer_argument_struct();
  heap_is_safe();
  static_is_safe();
}
// CHECK: more.cpp:16:15: warning: detached thread 'lambda at more.cpp:16' refers to 'buf', a local of 'member_of_local' that ends when it returns, maybe before the thread does [detached-thread-escape]
// CHECK: more.cpp:16:26: note: 'buf' used by the thread here
// CHECK: more.cpp:22:3: warning: detached thread 'fill' refers to 'buf', a local of 'pointer_argument_struct' that ends when it returns, maybe before the thread does [detached-thread-escape]
