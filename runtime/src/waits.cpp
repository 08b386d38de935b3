// The wait registry and the real-deadlock detector.
//
// Every wait that really blocks (a contended lock, a join, a condition,
// semaphore, queue, event or future wait without a timeout) is registered in
// the waiting thread's slot for as long as it lasts. Two rules find
// deadlocks:
//
//   * a cycle of lock and join waits (T1 waits for a lock T2 holds, T2 for
//     one T1 holds; or T1 joins T2 while T2 joins T1) is found when the wait
//     that closes it is registered, by following "waits for the holder of" /
//     "joins" links from the new wait; the closing thread is the detecting
//     waiter, so in throw mode it throws instead of blocking;
//   * every live thread blocked (a consumer on an empty queue that nobody
//     will put into while main joins it) is found by a watchdog thread that
//     wakes every 100 ms while some wait is registered, compares the
//     registered waits with the process's threads (/proc/self/task) and
//     reports when all of them (but itself) have been stuck in the same
//     untimed waits for half a second. A wait is stuck while nothing that
//     could end it has happened since it began: its object's epoch has not
//     moved (every put, release, set and notify bumps it), the lock it wants
//     still has a holder, the thread it joins has not ended. A thread that is
//     merely slow is running, not registered, so it is never a deadlock;
//     threads the runtime does not know (std::thread blocked in
//     std::condition_variable, sleeping, in I/O) count as running.
//
// The registry takes only its own std::mutex; it may take the recorder's
// after it (thread names, findings), never the other way round, and never a
// user-visible lock. A registering thread is marked as inside the recorder,
// so an allocation that locks a lockgraph lock does not re-enter.
#include "recorder.hpp"

#include <lockgraph/detail/waits.hpp>
#include <lockgraph/thread.hpp>

#include "findings.hpp"
#include "happens_before.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <mutex>
#include <span>
#include <system_error>
#include <thread>
#include <unordered_map>
#include <vector>

#include <dirent.h>
#include <unistd.h>

namespace lockgraph::detail {
namespace {

constexpr auto scan_period = std::chrono::milliseconds(100);
constexpr int stable_scans = 5;  // all stuck in the same waits this many scans in a row

struct wait_slot {
  thread_record* thread = nullptr;
  bool active = false;
  std::uint64_t seq = 0;  // changes with every new wait (and renewal)
  wait_target target;
  std::uint64_t epoch_seen = 0;
  call_site site;
  std::vector<held_lock> held;  // what the thread held when it began to wait
  bool reported = false;
  std::atomic<bool> cancelled{false};
  std::string deadlock_message;  // for the exception in throw mode
};

class marks_in_hook {
 public:
  explicit marks_in_hook(thread_state* s) : s_(s), was_(s->in_hook) { s_->in_hook = true; }
  ~marks_in_hook() { s_->in_hook = was_; }
  marks_in_hook(const marks_in_hook&) = delete;
  marks_in_hook& operator=(const marks_in_hook&) = delete;

 private:
  thread_state* s_;
  bool was_;
};

std::string lock_name(const lock_node& node) { return quoted(display_name(node)); }

class registry {
 public:
  static registry& get() {
    static registry* const instance = new registry();  // never destroyed
    return *instance;
  }

  std::mutex mu;
  std::unordered_map<thread_record*, wait_slot> slots;  // node-stable
  std::size_t active = 0;
  std::uint64_t next_seq = 0;
  pid_t watchdog_pid = 0;  // the process that started the watchdog
  std::vector<thread_record*> daemons;

  void ensure_watchdog_locked() {
    if (watchdog_pid == ::getpid()) return;  // (a forked child starts its own)
    watchdog_pid = ::getpid();
    std::thread(&registry::watch, this).detach();
  }

  // The threads the wait in `slot` waits for (lock holder, joined thread).
  static thread_record* waits_for(const wait_slot& slot) {
    switch (slot.target.kind) {
      case wait_kind::lock:
      case wait_kind::lock_shared:
        return slot.target.lock->owner.load(std::memory_order_relaxed);
      case wait_kind::join:
        return thread_ended(slot.target.thread) ? nullptr : slot.target.thread;
      default:
        return nullptr;
    }
  }

  // The cycle of lock/join waits that `start` closes: start, then the slot
  // of the thread it waits for, and so on back to start. Empty if none.
  std::vector<wait_slot*> cycle_from_locked(wait_slot* start) {
    std::vector<wait_slot*> chain{start};
    thread_record* next = waits_for(*start);
    if (next == start->thread) return {};  // a self-deadlock, reported as such
    while (next) {
      if (next == start->thread) return chain;
      auto it = slots.find(next);
      if (it == slots.end() || !it->second.active) return {};
      wait_slot* w = &it->second;
      if (std::find(chain.begin(), chain.end(), w) != chain.end()) return {};
      chain.push_back(w);
      next = waits_for(*w);
    }
    return {};
  }

  // Whether nothing that could end the wait has happened since it began.
  static bool stuck(const wait_slot& slot) {
    const bool epoch_still =
        slot.target.epoch &&
        slot.target.epoch->load(std::memory_order_acquire) == slot.epoch_seen;
    switch (slot.target.kind) {
      case wait_kind::lock:
      case wait_kind::lock_shared:
        // A holder is recorded (cleared before the native unlock), or the
        // lock's release count has not moved (readers hold it).
        return slot.target.lock->owner.load(std::memory_order_relaxed) != nullptr || epoch_still;
      case wait_kind::join:
        return !thread_ended(slot.target.thread);
      default:
        return epoch_still;
    }
  }

  // "waits for mutex 'a' held by 't1'"
  static std::string describe(const wait_slot& slot) {
    const std::string object = slot.target.object ? quoted(slot.target.object->display_name()) : "";
    switch (slot.target.kind) {
      case wait_kind::lock:
      case wait_kind::lock_shared: {
        std::string text = std::string(slot.target.kind == wait_kind::lock ? "waits for mutex "
                                                                           : "waits to read mutex ") +
                           lock_name(*slot.target.lock);
        if (thread_record* owner = slot.target.lock->owner.load(std::memory_order_relaxed))
          text += " held by " + quoted(thread_name(owner));
        return text;
      }
      case wait_kind::join:
        return "joins " + quoted(thread_name(slot.target.thread));
      case wait_kind::condition:
        return "waits on condition_variable " + object;
      case wait_kind::semaphore:
        return "waits to acquire semaphore " + object;
      case wait_kind::queue_get:
        return "waits to get from empty queue " + object;
      case wait_kind::queue_put:
        return "waits to put into full queue " + object;
      case wait_kind::event:
        return "waits for event " + object;
      case wait_kind::future:
        return "waits for the result of a task of thread_pool " + object;
    }
    return "waits";
  }

  // The finding for `waits` (the first is the primary location).
  static finding deadlock_finding(const std::vector<wait_slot*>& waits, bool cycle) {
    finding f;
    f.check = "deadlock";
    f.severity = "error";
    const wait_slot& first = *waits.front();
    f.file = report_path_of(first.site.loc.file_name());
    f.line = first.site.loc.line();
    f.column = first.site.loc.column();
    std::vector<std::string> names;
    for (const wait_slot* w : waits) names.push_back(thread_name(w->thread));
    std::string parts;
    for (std::size_t i = 0; i < waits.size(); ++i) {
      if (i) parts += "; ";
      parts += quoted(names[i]) + " " + describe(*waits[i]);
    }
    if (cycle) {
      std::string list;
      for (std::size_t i = 0; i < names.size(); ++i) {
        if (i) list += i + 1 == names.size() ? " and " : ", ";
        list += quoted(names[i]);
      }
      f.message = "threads " + list + " are deadlocked: " + parts;
    } else {
      f.message = "every thread is blocked and none can wake another: " + parts;
    }
    for (std::size_t i = 0; i < waits.size(); ++i) {
      const wait_slot& w = *waits[i];
      f.threads.push_back(names[i]);
      if (w.target.lock) f.locks.push_back(display_name(*w.target.lock));
      note n;
      n.file = report_path_of(w.site.loc.file_name());
      n.line = w.site.loc.line();
      n.column = w.site.loc.column();
      n.message = "thread " + quoted(names[i]) + " " + describe(w) + " here";
      if (i) f.notes.push_back(std::move(n));
      for (const held_lock& h : w.held) {
        note held;
        held.file = report_path_of(h.site.loc.file_name());
        held.line = h.site.loc.line();
        held.column = h.site.loc.column();
        held.message = lock_name(*h.node) + " acquired here by thread " + quoted(names[i]);
        f.notes.push_back(std::move(held));
        f.locks.push_back(display_name(*h.node));
      }
    }
    std::sort(f.locks.begin(), f.locks.end());
    f.locks.erase(std::unique(f.locks.begin(), f.locks.end()), f.locks.end());
    return f;
  }

  void watch();

 private:
  registry() = default;
};

// The process's threads, or 0 when /proc cannot tell.
std::size_t count_threads() {
  DIR* dir = ::opendir("/proc/self/task");
  if (!dir) return 0;
  std::size_t n = 0;
  while (const dirent* e = ::readdir(dir))
    if (e->d_name[0] != '.') ++n;
  ::closedir(dir);
  return n;
}

[[noreturn]] void stop_process() {
  write_configured_report();
  if (!quiet())
    std::fputs("lockgraph: stopping the process at a deadlock (LOCKGRAPH_ON_DEADLOCK=abort)\n",
               stderr);
  std::abort();
}

void registry::watch() {
  mark_internal_thread();
  std::vector<std::pair<thread_record*, std::uint64_t>> last, now;
  int stable = 0;
  for (;;) {
    std::this_thread::sleep_for(scan_period);
    {
      std::lock_guard lock(mu);
      if (active == 0) {
        stable = 0;
        continue;
      }
    }
    const std::size_t threads = count_threads();
    if (threads < 2) continue;
    std::unique_lock lock(mu);
    now.clear();
    std::vector<wait_slot*> waits;
    bool all_stuck = true, all_reported = true;
    for (auto& [record, slot] : slots)
      if (slot.active) {
        all_stuck = all_stuck && stuck(slot);
        all_reported = all_reported && slot.reported;
        now.emplace_back(record, slot.seq);
        waits.push_back(&slot);
      }
    if (!all_stuck || all_reported || waits.size() != threads - 1) {
      stable = 0;
      continue;
    }
    std::sort(now.begin(), now.end());
    stable = now == last ? stable + 1 : 1;
    last = now;
    if (stable < stable_scans) continue;
    stable = 0;
    // The primary wait: one that is not on a lock, a join or a result (the
    // root of the blockage, e.g. the empty queue), then by thread name.
    auto rank = [](const wait_slot* w) {
      switch (w->target.kind) {
        case wait_kind::lock:
        case wait_kind::lock_shared:
        case wait_kind::join:
        case wait_kind::future:
          return 1;
        default:
          return 0;
      }
    };
    std::vector<std::pair<std::string, wait_slot*>> named;
    for (wait_slot* w : waits) named.emplace_back(thread_name(w->thread), w);
    std::sort(named.begin(), named.end(), [&](const auto& x, const auto& y) {
      return std::pair(rank(x.second), x.first) < std::pair(rank(y.second), y.first);
    });
    for (std::size_t i = 0; i < named.size(); ++i) waits[i] = named[i].second;
    finding f = deadlock_finding(waits, false);
    for (wait_slot* w : waits) w->reported = true;
    const deadlock_mode mode = get_deadlock_mode();
    wait_slot* victim = nullptr;
    if (mode == deadlock_mode::throw_error)
      for (wait_slot* w : waits)
        if (w->target.wake && (!victim || w->seq > victim->seq)) victim = w;
    std::uint64_t victim_seq = 0;
    if (victim) {
      victim->deadlock_message = f.message;
      victim_seq = victim->seq;
    }
    lock.unlock();
    report_finding(std::move(f));
    if (mode == deadlock_mode::abort) stop_process();
    lock.lock();
    if (victim && victim->active && victim->seq == victim_seq) {
      // Woken under the registry's mutex, so the waiter (and its object)
      // cannot be gone.
      victim->cancelled.store(true, std::memory_order_release);
      victim->target.wake(victim->target.wake_context);
    } else if (!victim) {
      lock.unlock();
      write_configured_report();
      if (!quiet())
        std::fputs(mode == deadlock_mode::throw_error
                       ? "lockgraph: none of the deadlocked waits can be interrupted; they stay "
                         "blocked\n"
                       : "lockgraph: the deadlocked threads stay blocked "
                         "(LOCKGRAPH_ON_DEADLOCK=block)\n",
                   stderr);
    }
  }
}

void report_daemons_at_exit() {
  registry& r = registry::get();
  std::vector<thread_record*> running;
  {
    std::lock_guard lock(r.mu);
    for (thread_record* t : r.daemons)
      if (!thread_ended(t)) running.push_back(t);
  }
  if (quiet()) return;
  for (thread_record* t : running) {
    std::string where;
    if (*t->created.file_name())
      where = " (started at " + report_path_of(t->created.file_name()) + ":" +
              std::to_string(t->created.line()) + ")";
    std::fprintf(stderr,
                 "lockgraph: note: daemon thread %s%s is still running at exit; it ends with the "
                 "process\n",
                 quoted(thread_name(t)).c_str(), where.c_str());
  }
}

}  // namespace

std::string sync_info::display_name() const {
  if (!name.empty()) return name;
  const std::string file = report_path_of(declared.file_name());
  if (file.empty()) return type;
  return file + ":" + std::to_string(declared.line());
}

void sync_release(const void* object) noexcept { hb_release(object); }
void sync_acquire(const void* object) noexcept { hb_acquire(object); }
void sync_forget(const void* object) noexcept { hb_forget(object); }

bool thread_ended(const thread_record* thread) noexcept {
  return thread->end_tick.load(std::memory_order_acquire) !=
         std::numeric_limits<std::uint64_t>::max();
}

void on_sync_created() noexcept { current(); }

void on_daemon_started(thread_record* thread) {
  registry& r = registry::get();
  std::lock_guard lock(r.mu);
  // Registered after the recorder's own exit hook, so it runs first and
  // the note comes before the summary line.
  if (r.daemons.empty()) std::atexit(&report_daemons_at_exit);
  r.daemons.push_back(thread);
}

wait_scope::wait_scope(const wait_target& target, std::source_location where) {
  thread_state* s = current();
  if (!s || s->in_hook) return;
  marks_in_hook hook(s);
  registry& r = registry::get();
  std::unique_lock lock(r.mu);
  wait_slot& slot = r.slots[s->record];
  slot.thread = s->record;
  slot.active = true;
  slot.seq = ++r.next_seq;
  slot.target = target;
  slot.epoch_seen = target.epoch ? target.epoch->load(std::memory_order_acquire) : 0;
  slot.site = {where};
  slot.held.assign(s->held, s->held + s->held_size);
  // Drop entries released by another thread (stale).
  std::erase_if(slot.held, [&](const held_lock& h) {
    return h.mode == lock_mode::exclusive &&
           h.node->owner.load(std::memory_order_relaxed) != s->record;
  });
  slot.reported = target.reported;
  slot.cancelled.store(false, std::memory_order_relaxed);
  ++r.active;
  slot_ = &slot;
  r.ensure_watchdog_locked();
  if (target.reported || !(target.kind == wait_kind::lock || target.kind == wait_kind::lock_shared ||
                           target.kind == wait_kind::join))
    return;
  std::vector<wait_slot*> cycle = r.cycle_from_locked(&slot);
  if (cycle.empty()) return;
  for (wait_slot* w : cycle) w->reported = true;
  finding f = registry::deadlock_finding(cycle, true);
  const std::string message = f.message;
  const deadlock_mode mode = get_deadlock_mode();
  if (mode == deadlock_mode::throw_error) {  // the detecting waiter does not block
    slot.active = false;
    --r.active;
    slot_ = nullptr;
  }
  lock.unlock();
  report_finding(std::move(f));
  switch (mode) {
    case deadlock_mode::abort:
      stop_process();
    case deadlock_mode::throw_error:
      throw std::system_error(std::make_error_code(std::errc::resource_deadlock_would_occur),
                              "lockgraph: " + message);
    case deadlock_mode::block:
      write_configured_report();
      if (!quiet())
        std::fputs("lockgraph: blocking as the deadlocked threads would (LOCKGRAPH_ON_DEADLOCK=block)\n",
                   stderr);
      return;
  }
}

wait_scope::~wait_scope() {
  if (!slot_) return;
  registry& r = registry::get();
  std::lock_guard lock(r.mu);
  static_cast<wait_slot*>(slot_)->active = false;
  --r.active;
}

void wait_scope::renew() {
  if (!slot_) return;
  registry& r = registry::get();
  std::lock_guard lock(r.mu);
  auto* slot = static_cast<wait_slot*>(slot_);
  slot->seq = ++r.next_seq;
  if (slot->target.epoch) slot->epoch_seen = slot->target.epoch->load(std::memory_order_acquire);
}

bool wait_scope::cancelled() const {
  return slot_ && static_cast<wait_slot*>(slot_)->cancelled.load(std::memory_order_acquire);
}

void wait_scope::throw_deadlock() const {
  std::string message;
  {
    registry& r = registry::get();
    std::lock_guard lock(r.mu);
    if (slot_) message = static_cast<wait_slot*>(slot_)->deadlock_message;
  }
  throw std::system_error(std::make_error_code(std::errc::resource_deadlock_would_occur),
                          "lockgraph: " + message);
}

}  // namespace lockgraph::detail
