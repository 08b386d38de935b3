// Port of notebook cell: Semaphore (In [31], In [32], In [33], In [34])
//
// A counting semaphore starts with 50 permits; three acquires take it to 47 and
// one release brings it back to 48, printing the value each time as the notebook
// prints sem._value. std::counting_semaphore cannot report its value, so this
// port wraps a POSIX semaphore (sem_getvalue). In [31] prints dir() of a default
// Semaphore, whose value is 1; C++ has no dir(), so the program prints that value.
//
// lockgraph check must report: nothing.
// lockgraph runtime must report: nothing.

#include <semaphore.h>

#include <cerrno>
#include <iostream>

class Semaphore {
 public:
  explicit Semaphore(unsigned value = 1) { sem_init(&sem_, 0, value); }
  ~Semaphore() { sem_destroy(&sem_); }
  Semaphore(const Semaphore&) = delete;
  Semaphore& operator=(const Semaphore&) = delete;

  void acquire() {
    while (sem_wait(&sem_) != 0 && errno == EINTR) {
    }
  }
  void release() { sem_post(&sem_); }
  int value() {
    int value = 0;
    sem_getvalue(&sem_, &value);
    return value;
  }

 private:
  sem_t sem_;
};

int main() {
  Semaphore default_sem;  // threading.Semaphore()
  std::cout << default_sem.value() << '\n';

  Semaphore sem(50);  // threading.Semaphore(value=50)
  std::cout << sem.value() << '\n';

  sem.acquire();
  sem.acquire();
  sem.acquire();
  std::cout << sem.value() << '\n';

  sem.release();
  std::cout << sem.value() << '\n';
}
