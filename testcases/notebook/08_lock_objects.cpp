// Port of notebook cell: Lock Objects (In [31])
//
// Create a lock, lock it, unlock it, printing its state after each step the way
// Python prints a Lock. A std::mutex cannot be asked whether it is locked (and
// try_lock by the thread that owns it is undefined), so the program prints the
// state it knows the mutex to be in.
//
// lockgraph check must report: nothing.
// lockgraph runtime must report: nothing.

#include <iostream>
#include <mutex>

void show(bool locked) {
  std::cout << '<' << (locked ? "locked" : "unlocked") << " std::mutex object>\n";
}

int main() {
  std::mutex lock;  // create lock
  show(false);

  lock.lock();  // lock the lock
  show(true);

  lock.unlock();  // open/release the lock
  show(false);
}
