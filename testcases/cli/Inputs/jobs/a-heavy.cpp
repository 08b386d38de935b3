// Slow to compile, so that with -j it finishes after the files behind it.
#include "locks.h"
#include <functional>
#include <future>
#include <iostream>
#include <map>
#include <regex>
#include <thread>
#include <unordered_map>

std::mutex first;
std::mutex second;

void heavy_order() {
  std::lock_guard<std::mutex> g(first);
  take_second();
}
