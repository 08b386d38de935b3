// First translation unit of cross-tu.test: the thread start and a holder
// that releases before calling into the other unit. Line numbers are
// checked there.
#include <mutex>
#include <thread>

extern std::mutex jobs_mu;
void finish_job();
void drain_jobs();

void run_job() {
  jobs_mu.lock();
  jobs_mu.unlock();
  finish_job();
}

// Don't flag: the holder calls the releasing helper once.
void run_job_once() {
  jobs_mu.lock();
  finish_job();
}

void start() {
  std::thread t(drain_jobs);
  t.join();
}
