// Second translation unit of cross-tu.test: the releases. Line numbers are
// checked there.
#include <mutex>

std::mutex jobs_mu;
int jobs;

void finish_job() {
  jobs--;
  jobs_mu.unlock();
}

// A thread entry that releases, through a call, what it never took.
void drain_jobs() {
  finish_job();
}
