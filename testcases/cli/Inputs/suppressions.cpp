#include <mutex>

std::mutex m;

void same_line() {
  m.lock();
  m.lock(); // lockgraph: ignore[self-deadlock]
  m.unlock();
}

void line_before() {
  m.lock();
  // lockgraph: ignore[self-deadlock]
  m.lock();
  m.unlock();
}

void bare_ignore() {
  m.lock();
  m.lock(); // lockgraph: ignore
  m.unlock();
}

void bare_ignore_line_before() {
  m.lock();
  // lockgraph: ignore
  m.lock();
  m.unlock();
}

void nolint() {
  m.lock();
  m.lock(); // NOLINT(lockgraph-self-deadlock)
  m.unlock();
}

void nolintnextline_glob() {
  m.lock();
  // NOLINTNEXTLINE(lockgraph-*)
  m.lock();
  m.unlock();
}

void ignore_list() {
  m.lock();
  m.lock(); /* lockgraph: ignore[lock-leak, self-deadlock] */
  m.unlock();
}

void ignore_other_check() {
  m.lock();
  m.lock(); // lockgraph: ignore[lock-leak]
  m.unlock();
}

void ignore_other_check_line_before() {
  m.lock();
  // lockgraph: ignore[unlock-not-held]
  m.lock();
  m.unlock();
}

void nolint_other_check() {
  m.lock();
  m.lock(); // NOLINT(lockgraph-lock-leak)
  m.unlock();
}

void nolintnextline_other_tool() {
  m.lock();
  // NOLINTNEXTLINE(bugprone-*)
  m.lock();
  m.unlock();
}

void nolint_on_line_before() {
  m.lock();
  // NOLINT(lockgraph-self-deadlock)
  m.lock();
  m.unlock();
}

void nolintnextline_on_same_line() {
  m.lock();
  m.lock(); // NOLINTNEXTLINE(lockgraph-self-deadlock)
  m.unlock();
}

void comment_on_first_acquisition() {
  m.lock(); // lockgraph: ignore[self-deadlock]

  m.lock();
  m.unlock();
}

void not_a_directive() {
  m.lock();
  m.lock(); // lockgraph: ignored-by-nobody
  m.unlock();
}

void unsuppressed() {
  m.lock();
  m.lock();
  m.unlock();
}
