// Happens-before edges: each thread's vector clock, the clocks of sync
// objects (hb_release/hb_acquire), and thread start and join.
#include "happens_before.hpp"

#include "race_detector.hpp"
#include "recorder.hpp"
#include "thread_clock.hpp"

#include <lockgraph/thread.hpp>

#include <array>
#include <atomic>
#include <functional>
#include <mutex>
#include <unordered_map>

namespace lockgraph::detail {

__thread thread_clock* t_clock LOCKGRAPH_TLS_MODEL = nullptr;

thread_clock::~thread_clock() { delete cache; }

namespace {

// Fresh tids; reused ones come from a joiner's free list.
std::atomic<tid_t> g_next_tid{0};

// Clocks of sync objects, striped by address so unrelated queues do not
// share a lock. A stripe's mutex is internal: no user lock is taken here.
class sync_clocks {
 public:
  static sync_clocks& get() {
    static sync_clocks* const instance = new sync_clocks();  // never destroyed
    return *instance;
  }

  void release(const void* sync, const vector_clock& clock) {
    stripe& s = stripe_of(sync);
    std::lock_guard lock(s.mu);
    s.clocks[sync].join(clock);
  }

  void acquire(const void* sync, vector_clock& clock) {
    stripe& s = stripe_of(sync);
    std::lock_guard lock(s.mu);
    if (auto it = s.clocks.find(sync); it != s.clocks.end()) clock.join(it->second);
  }

  void forget(const void* sync) {
    stripe& s = stripe_of(sync);
    std::lock_guard lock(s.mu);
    s.clocks.erase(sync);
  }

 private:
  struct stripe {
    std::mutex mu;
    std::unordered_map<const void*, vector_clock> clocks;
  };
  stripe& stripe_of(const void* sync) { return stripes_[std::hash<const void*>{}(sync) % 16]; }

  std::array<stripe, 16> stripes_;
};

// Clocks of lockgraph::threads between spawn and join, by thread record.
class thread_clocks {
 public:
  static thread_clocks& get() {
    static thread_clocks* const instance = new thread_clocks();  // never destroyed
    return *instance;
  }

  void put(thread_record* r, thread_clock* c) {
    std::lock_guard lock(mu_);
    clocks_[r] = c;
  }
  thread_clock* find(thread_record* r) {
    std::lock_guard lock(mu_);
    auto it = clocks_.find(r);
    return it == clocks_.end() ? nullptr : it->second;
  }
  thread_clock* take(thread_record* r) {
    std::lock_guard lock(mu_);
    auto it = clocks_.find(r);
    if (it == clocks_.end()) return nullptr;
    thread_clock* c = it->second;
    clocks_.erase(it);
    return c;
  }

 private:
  std::mutex mu_;
  std::unordered_map<thread_record*, thread_clock*> clocks_;
};

thread_clock* new_clock(tid_t tid) {
  auto* c = new thread_clock;
  c->tid = tid;
  return c;
}

}  // namespace

thread_clock* clock_of_current_thread() {
  if (thread_clock* c = t_clock) return c;
  // Not started by lockgraph::thread: no edge from anyone. Kept until exit
  // (a few words per such thread).
  thread_clock* c = new_clock(g_next_tid.fetch_add(1, std::memory_order_relaxed));
  c->clock.set(c->tid, 1);
  c->refresh_key();
  t_clock = c;
  return c;
}

void hb_thread_spawned(thread_record* child) {
  thread_clock* parent = clock_of_current_thread();
  tid_t tid;
  if (!parent->free_tids.empty()) {
    tid = parent->free_tids.back();
    parent->free_tids.pop_back();
  } else {
    tid = g_next_tid.fetch_add(1, std::memory_order_relaxed);
  }
  thread_clock* c = new_clock(tid);
  // The parent's clock covers a reused tid's last time (it joined that
  // thread), so the new thread continues after it.
  c->clock = parent->clock;
  c->clock.tick(tid);
  c->refresh_key();
  thread_clocks::get().put(child, c);
  parent->advance();
}

void hb_thread_started(thread_record* self) {
  // std::thread's start synchronises with the spawner, so the clock made
  // there is complete.
  if (thread_clock* c = thread_clocks::get().find(self)) t_clock = c;
}

void on_thread_joined(thread_record* thread) noexcept {
  // join() synchronised with the thread's end: its clock is final.
  thread_clock* finished = thread_clocks::get().take(thread);
  if (!finished) return;
  thread_clock* self = clock_of_current_thread();
  self->clock.join(finished->clock);
  self->free_tids.push_back(finished->tid);
  self->refresh_key();
  delete finished;
}

void hb_release(const void* sync) noexcept {
  thread_clock* self = clock_of_current_thread();
  sync_clocks::get().release(sync, self->clock);
  // Later actions of this thread are not covered by this release.
  self->advance();
}

void hb_acquire(const void* sync) noexcept {
  thread_clock* self = clock_of_current_thread();
  sync_clocks::get().acquire(sync, self->clock);
  self->refresh_key();
}

void hb_forget(const void* sync) noexcept { sync_clocks::get().forget(sync); }

}  // namespace lockgraph::detail
