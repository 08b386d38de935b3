// The race detector behind lockgraph::shared<T> (see race_detector.hpp for
// the state it keeps and lockgraph/shared.hpp for what users see).
#include "race_detector.hpp"

#include "findings.hpp"
#include "recorder.hpp"
#include "thread_clock.hpp"

#include <lockgraph/mutex.hpp>
#include <lockgraph/shared.hpp>
#include <lockgraph/thread.hpp>

#include <algorithm>
#include <span>
#include <utility>

namespace lockgraph::detail {
namespace {

constexpr std::uint8_t covers_read = 1;
constexpr std::uint8_t covers_write = 2;

std::atomic<std::uint64_t> g_next_var_id{0};

// Marks the thread as inside the recorder, so lock hooks run by anything
// the detector calls (allocation) return at once.
class busy_scope {
 public:
  explicit busy_scope(thread_state* s) : s_(s), was_(s->in_hook) { s_->in_hook = true; }
  ~busy_scope() { s_->in_hook = was_; }
  busy_scope(const busy_scope&) = delete;
  busy_scope& operator=(const busy_scope&) = delete;

 private:
  thread_state* s_;
  bool was_;
};

using lockset = std::vector<lock_node*>;

bool subset(const lockset& a, const lockset& b) {
  return std::includes(b.begin(), b.end(), a.begin(), a.end());
}

bool disjoint(const lockset& a, const lockset& b) {
  auto i = a.begin();
  auto j = b.begin();
  while (i != a.end() && j != b.end()) {
    if (*i == *j) return false;
    if (*i < *j)
      ++i;
    else
      ++j;
  }
  return true;
}

lockset intersect(const lockset& a, const lockset& b) {
  lockset out;
  std::set_intersection(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(out));
  return out;
}

// The locks protecting this access (Eraser): for a write, the locks held
// exclusively; for a read, any lock held, shared or not.
lockset locks_held(const thread_state* s, bool write) {
  lockset out;
  for (const held_lock& h : std::span(s->held, s->held_size)) {
    if (h.mode == lock_mode::exclusive) {
      // Released on our behalf by another thread: stale.
      if (h.node->owner.load(std::memory_order_relaxed) != s->record) continue;
    } else if (write) {
      continue;
    }
    out.push_back(h.node);
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

// A recorded access may outlive its locks: keep their nodes.
void pin(const lockset& locks) {
  for (lock_node* n : locks)
    if (!n->pinned.load(std::memory_order_relaxed)) n->pinned.store(true, std::memory_order_relaxed);
}

std::string site_key(const std::source_location& s) {
  return std::string(s.file_name()) + ':' + std::to_string(s.line()) + ':' +
         std::to_string(s.column());
}

// One racing pair, copied out of the variable to report without its lock.
struct race_pair {
  access_record primary;  // where the finding points: the write (the later one of two)
  access_record other;
};

std::string var_display_name(const race_var& v) {
  if (!v.name.empty()) return v.name;
  const std::string file = report_path_of(v.declared.file_name());
  if (file.empty()) return "shared";
  return file + ":" + std::to_string(v.declared.line());
}

std::string holding(const lockset& locks) {
  if (locks.empty()) return "holding no lock";
  std::vector<std::string> names;
  for (lock_node* n : locks) names.push_back(quoted(display_name(*n)));
  std::sort(names.begin(), names.end());
  std::string out = "holding ";
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (i) out += i + 1 == names.size() ? " and " : ", ";
    out += names[i];
  }
  return out;
}

note note_at(const std::source_location& site, std::string message) {
  note n;
  n.file = report_path_of(site.file_name());
  n.line = site.line();
  n.column = site.column();
  n.message = std::move(message);
  return n;
}

finding race_finding(const std::string& var_name, const race_pair& p) {
  const std::string primary_thread = thread_name(p.primary.thread);
  const std::string other_thread = thread_name(p.other.thread);
  // Thread names sorted, so the message (and the fingerprint) does not
  // depend on which thread came first in this run.
  const auto [first, second] = std::minmax(primary_thread, other_thread);

  finding f;
  f.check = "data-race";
  f.severity = "error";
  f.file = report_path_of(p.primary.site.file_name());
  f.line = p.primary.site.line();
  f.column = p.primary.site.column();
  const std::string by = " by threads " + quoted(first) + " and " + quoted(second);
  f.message = "data race on " + quoted(var_name) + ": " +
              (p.other.write ? "writes" + by : "a write and a read" + by) +
              " are not ordered and hold no lock in common";

  std::vector<std::string> locks;
  for (const access_record* a : {&p.primary, &p.other})
    for (lock_node* n : a->locks) locks.push_back(display_name(*n));
  std::sort(locks.begin(), locks.end());
  locks.erase(std::unique(locks.begin(), locks.end()), locks.end());
  f.locks = std::move(locks);
  f.threads = {primary_thread, other_thread};

  std::string text = std::string("conflicting ") + (p.other.write ? "write" : "read") +
                     " by thread " + quoted(other_thread);
  if (p.other.site.line() == 0)
    text += " (a conversion to the value type, line unknown; read with load() to see it)";
  else
    text += " here";
  text += ", " + holding(p.other.locks);
  if (!p.primary.locks.empty())
    text += "; the write by thread " + quoted(primary_thread) + " is " + holding(p.primary.locks);
  f.notes.push_back(note_at(p.other.site, std::move(text)));

  // Where the threads started, by name (not by role, which varies by run).
  std::vector<std::pair<std::string, thread_record*>> threads{{primary_thread, p.primary.thread}};
  if (p.other.thread != p.primary.thread) threads.emplace_back(other_thread, p.other.thread);
  std::sort(threads.begin(), threads.end());
  for (const auto& [name, t] : threads)
    if (*t->created.file_name())
      f.notes.push_back(note_at(t->created, "thread " + quoted(name) + " started here"));
  return f;
}

// The slow path: every access the thread's memo does not cover.
void access_slow(race_var* v, bool write, std::source_location site) {
  thread_state* s = current();
  if (!s || s->in_hook) return;
  busy_scope busy(s);
  thread_clock* self = clock_of_current_thread();
  const vector_clock& now_clock = self->clock;
  const epoch now = self->current_epoch();
  lockset held = locks_held(s, write);

  std::vector<race_pair> races;
  std::string var_name;
  {
    std::lock_guard lock(v->mu);

    // Which recorded accesses are not ordered before this one, and which of
    // those race with it.
    bool unordered = false;
    bool unordered_write = false;
    const bool check_pairs =
        v->state == race_state::virgin || v->state == race_state::exclusive ||
        intersect(v->candidates, held).empty();
    for (const access_record& a : v->accesses) {
      if (now_clock.covers(a.when)) continue;
      unordered = true;
      unordered_write = unordered_write || a.write;
      if (check_pairs && (a.write || write) && disjoint(a.locks, held)) {
        // The finding points at the write; of two writes, at this one.
        access_record current{now, write, site, s->record, held};
        if (write)
          races.push_back({std::move(current), a});
        else
          races.push_back({a, std::move(current)});
      }
    }

    // Eraser's state machine; ownership follows happens-before.
    switch (v->state) {
      case race_state::virgin:
        v->state = race_state::exclusive;
        v->owner = now.tid;
        break;
      case race_state::exclusive:
      case race_state::shared:
      case race_state::shared_modified:
        if (!unordered) {
          // Every earlier access happens before this one: handed over.
          v->state = race_state::exclusive;
          v->owner = now.tid;
          v->candidates.clear();
          break;
        }
        if (v->state == race_state::exclusive) {
          // C(v) starts as the locks every recorded access and this one hold.
          lockset c = held;
          for (const access_record& a : v->accesses) c = intersect(c, a.locks);
          v->candidates = std::move(c);
          v->state = race_state::shared;
        } else {
          v->candidates = intersect(v->candidates, held);
        }
        if (write || unordered_write) v->state = race_state::shared_modified;
        break;
    }

    // Record this access unless one in the same epoch already stands for it
    // (then that one is kept, with its site). Either way, drop what it makes
    // redundant: accesses ordered before it that hold no fewer locks and are
    // no stronger. (An earlier access of this epoch stands for this one, and
    // anything that later covers this epoch covers all the thread knew in it.)
    const bool redundant =
        std::any_of(v->accesses.begin(), v->accesses.end(), [&](const access_record& a) {
          return a.when == now && (a.write || !write) && subset(a.locks, held);
        });
    std::erase_if(v->accesses, [&](const access_record& a) {
      return now_clock.covers(a.when) && subset(held, a.locks) && (write || !a.write) &&
             !(redundant && a.when == now);
    });
    if (!redundant) {
      if (v->accesses.size() == race_var::max_accesses) v->accesses.erase(v->accesses.begin());
      pin(held);
      v->accesses.push_back({now, write, site, s->record, held});
    }

    // Remember the access that stands for this one, for the fast path,
    // when it held at most one lock.
    for (const access_record& a : v->accesses) {
      if (!(a.when == now && (a.write || !write) && subset(a.locks, held))) continue;
      if (a.locks.size() > 1 || self->epoch_key == 0) break;
      if (!self->cache) self->cache = new race_cache;
      race_cache::slot& slot = self->cache->slots[v->id % race_cache::size];
      lock_node* lock = a.locks.empty() ? nullptr : a.locks[0];
      const std::uint8_t kinds = a.write ? covers_read | covers_write : covers_read;
      if (slot.var_id == v->id && slot.epoch_key == self->epoch_key && slot.lock == lock) {
        slot.kinds |= kinds;
      } else {
        slot = {v->id, self->epoch_key, lock, kinds};
      }
      break;
    }

    // One finding per pair of sites.
    std::erase_if(races, [&](const race_pair& p) {
      std::string a = site_key(p.primary.site);
      std::string b = site_key(p.other.site);
      if (b < a) std::swap(a, b);
      std::string key = a + '\0' + b;
      if (std::find(v->reported.begin(), v->reported.end(), key) != v->reported.end())
        return true;
      v->reported.push_back(std::move(key));
      return false;
    });
    if (!races.empty()) var_name = var_display_name(*v);
  }

  for (const race_pair& p : races) report_finding(race_finding(var_name, p));
}

// Whether the calling thread holds `lock` in a way that protects the access
// (exclusively for a write).
bool still_holds(const lock_node* lock, bool write) {
  const thread_state* s = t_state;
  if (!s) return false;
  for (std::uint32_t i = 0; i < s->held_size; ++i) {
    const held_lock& h = s->held[i];
    if (h.node != lock) continue;
    if (h.mode == lock_mode::exclusive)
      return h.node->owner.load(std::memory_order_relaxed) == s->record;
    if (!write) return true;
  }
  return false;
}

void access(race_var* v, bool write, std::source_location where) {
  // Fast path: this thread already recorded, in this epoch, an access of
  // this kind (or a write) to this variable holding no lock or a lock it
  // still holds. That access stands for this one: anything racing with this
  // one races with it (same epoch, no more locks, no weaker kind), and it is
  // dropped only when a later access covers it, which then covers this one.
  // Only the thread's own memo and the variable's fixed id are read.
  if (const thread_clock* c = t_clock; LOCKGRAPH_LIKELY(c != nullptr && c->cache != nullptr)) {
    const race_cache::slot& slot = c->cache->slots[v->id % race_cache::size];
    if (slot.var_id == v->id && slot.epoch_key == c->epoch_key &&
        (slot.kinds & (write ? covers_write : covers_read)) &&
        (slot.lock == nullptr || still_holds(slot.lock, write)))
      return;
  }
  access_slow(v, write, where);
}

}  // namespace

const char* state_name(race_state state) {
  switch (state) {
    case race_state::virgin:
      return "virgin";
    case race_state::exclusive:
      return "exclusive";
    case race_state::shared:
      return "shared";
    case race_state::shared_modified:
      return "shared-modified";
  }
  return "unknown";
}

race_state state_of(race_var* var) {
  std::lock_guard lock(var->mu);
  return var->state;
}

std::size_t recorded_accesses(race_var* var) {
  std::lock_guard lock(var->mu);
  return var->accesses.size();
}

race_var* on_shared_created(std::string_view name, std::source_location declared) {
  auto* v = new race_var;
  v->id = g_next_var_id.fetch_add(1, std::memory_order_relaxed) + 1;
  v->name = std::string(name);
  v->declared = in_standard_library(declared) ? std::source_location() : declared;
  return v;
}

void on_shared_destroyed(race_var* var) noexcept { delete var; }

void on_shared_read(race_var* var, std::source_location where) noexcept {
  access(var, false, where);
}

void on_shared_write(race_var* var, std::source_location where) noexcept {
  access(var, true, where);
}

std::string shared_name(const race_var* var) { return var_display_name(*var); }

}  // namespace lockgraph::detail
