#include "cross-tu.h"
#include <thread>

int main() {
  std::thread a(bump), b(report);
  a.join();
  b.join();
  return hits;
}
