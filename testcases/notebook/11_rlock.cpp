// Port of notebook cell: Deadlocks / RLock (In [45])
//
// The same double acquisition as 10_double_acquire.cpp, on a std::recursive_mutex:
// the owning thread may lock it again, and it stays locked until it has been
// unlocked as many times as it was locked. The program prints the state like
// Python's RLock repr (a std::recursive_mutex cannot report its owner or count,
// so the program prints the state it knows), then the current thread. Unlike the
// notebook cell, which leaves one level held, it unlocks both levels.
//
// lockgraph check must report: nothing.
// lockgraph runtime must report: nothing.

#include <iostream>
#include <mutex>
#include <thread>

void show(std::thread::id owner, int count) {
  std::cout << "<locked std::recursive_mutex owner=" << owner << " count=" << count << ">\n";
}

int main() {
  std::recursive_mutex lock;
  const std::thread::id me = std::this_thread::get_id();

  lock.lock();
  lock.lock();  // no deadlock: the owner may lock a recursive mutex again
  show(me, 2);

  lock.unlock();
  show(me, 1);
  std::cout << "<main thread, id " << me << ">\n";  // print(threading.current_thread())

  lock.unlock();  // release the last level too
}
