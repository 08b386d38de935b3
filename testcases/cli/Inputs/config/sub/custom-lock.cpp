// SpinLock is not a known primitive: only the configuration makes it a lock.
class SpinLock {
public:
  void lock();
  void unlock();
};

SpinLock spin;

void twice() {
  spin.lock();
  spin.lock();
  spin.unlock();
}
