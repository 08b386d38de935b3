#include <mutex>

std::mutex s;

void broken() {
  int x = ;
}
