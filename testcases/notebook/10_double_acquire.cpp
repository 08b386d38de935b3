// Port of notebook cell: Deadlocks (In [42])
//
// The main thread locks a non-recursive std::mutex and then locks it again
// without unlocking it in between. In the notebook the second acquire() blocks
// forever (the cell had to be interrupted); for std::mutex it is undefined
// behaviour, and with glibc it blocks forever too. This program hangs by design:
// run it only under a timeout or under lockgraph. The unlock is never reached.
//
// lockgraph check must report:
//   self-deadlock (error) at the second lock.lock(): the main thread already
//   holds `lock` (first acquired by the first lock.lock()).
// lockgraph runtime must report:
//   self-deadlock at the second lock.lock(), detected before the thread blocks,
//   so the run ends with a report instead of hanging.

#include <iostream>
#include <mutex>

int main() {
  std::mutex lock;
  lock.lock();
  std::cout << "lock acquired once" << std::endl;
  // causes deadlock by calling lock() before calling unlock()
  lock.lock();
  std::cout << "never printed\n";
  lock.unlock();
}
