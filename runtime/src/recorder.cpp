// The recorder: thread states, lock nodes, the lock-order graph, detectors
// and findings. See recorder.hpp for the rules it keeps.
#include "recorder.hpp"

#include "cycle_graph.hpp"
#include "edge_cache.hpp"
#include "findings.hpp"
#include "graph_dot.hpp"
#include "report_writer.hpp"
#include "thread_clock.hpp"

#include <lockgraph/mutex.hpp>
#include <lockgraph/thread.hpp>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <map>
#include <mutex>
#include <set>
#include <span>
#include <tuple>
#include <unordered_map>
#include <utility>

#include <pthread.h>
#include <unistd.h>

namespace lockgraph::detail {
namespace {

constexpr std::size_t max_findings = 10000;
constexpr std::size_t max_witnesses = 4;
constexpr std::size_t max_sites_per_edge = 4;

// Set while the state is being created and after it has been destroyed at
// thread exit: hooks then do nothing instead of recursing or resurrecting.
__thread bool t_unavailable LOCKGRAPH_TLS_MODEL = false;

// Unique lock generations; constant-initialised, so usable in static init.
std::atomic<std::uint64_t> g_next_generation{0};

// Marks the thread as inside the recorder for the guard's lifetime.
class hook_scope {
 public:
  explicit hook_scope(thread_state* s) : s_(s), was_(s ? s->in_hook : false) {
    if (s_) s_->in_hook = true;
  }
  ~hook_scope() {
    if (s_) s_->in_hook = was_;
  }
  hook_scope(const hook_scope&) = delete;
  hook_scope& operator=(const hook_scope&) = delete;

 private:
  thread_state* s_;
  bool was_;
};

bool same_site(const call_site& a, const call_site& b) {
  return a.pc == b.pc && a.loc.line() == b.loc.line() && a.loc.column() == b.loc.column() &&
         std::strcmp(a.loc.file_name(), b.loc.file_name()) == 0;
}

struct witness {
  thread_record* thread;
  call_site from_site;  // where the held lock was acquired
  call_site to_site;    // where the new lock was acquired while holding it
};

struct edge_record {
  lock_node* from = nullptr;
  lock_node* to = nullptr;
  std::vector<witness> witnesses;  // the first is the one reported
  bool in_cycle = false;           // part of a reported cycle
  // Whether some witness could block: not both `from` held and `to` taken
  // shared (readers do not block readers).
  bool blocking = false;
  // Gate locks: held exclusively (besides `from`) by every witness so far.
  std::vector<lock_node*> gates;
};

// A lock a thread really holds exclusively (its stack entry is not stale).
bool holds_exclusive(const thread_state* s, const held_lock& h) {
  return h.mode == lock_mode::exclusive && h.node->owner.load(std::memory_order_relaxed) == s->record;
}

std::uint64_t mix(std::uint64_t x) {
  x ^= x >> 33;
  x *= 0xff51afd7ed558ccdULL;
  x ^= x >> 33;
  return x;
}

// The key under which a thread remembers that it recorded the edge from
// held[index] to `to`: the edge itself in the common case (exclusive locks,
// nothing else held); otherwise also the modes and the other locks held
// (possible gates), so that the same edge taken in a new context is
// recorded again. 0 when a held lock has no graph id yet.
std::uint64_t witness_key(const thread_state* s, std::uint32_t index, std::uint32_t from,
                          std::uint32_t to, lock_mode mode) {
  const held_lock& h = s->held[index];
  if (s->held_size == 1 && h.mode == lock_mode::exclusive && mode == lock_mode::exclusive)
    return edge_key(from, to);
  std::uint64_t key = mix(edge_key(from, to)) + static_cast<std::uint64_t>(h.mode) * 2 +
                      static_cast<std::uint64_t>(mode);
  for (std::uint32_t j = 0; j < s->held_size; ++j) {
    const held_lock& g = s->held[j];
    if (j == index || !holds_exclusive(s, g)) continue;
    const std::uint32_t id = g.node->graph_index.load(std::memory_order_acquire);
    if (id == 0) return 0;
    key ^= mix(id + 0x9e3779b97f4a7c15ULL);
  }
  return key | (std::uint64_t{1} << 63);
}

void print_text(const std::string& text) {
  if (!text.empty()) std::fputs(text.c_str(), stderr);
}

void thread_exit(void* state);
void at_exit();

class recorder {
 public:
  static recorder& get() {
    // Never destroyed: threads still running at exit and static destructors
    // that run after ours may call in.
    static recorder* const instance = new recorder();
    return *instance;
  }

  pthread_key_t key() const { return key_; }

  std::uint64_t tick() { return clock_.fetch_add(1, std::memory_order_acq_rel) + 1; }

  thread_record* new_record(std::string_view name, std::source_location where, bool is_main,
                            std::uint64_t start_tick) {
    auto* r = new thread_record;
    if (!name.empty())
      r->name = std::string(name);
    else if (is_main)
      r->name = "main";
    else
      r->name =
          "thread-" + std::to_string(next_unnamed_.fetch_add(1, std::memory_order_relaxed) + 1);
    r->created = where;
    r->start_tick = start_tick;
    // Kept reachable (leak checkers), lock-free: threads start often.
    r->next = records_.load(std::memory_order_relaxed);
    while (!records_.compare_exchange_weak(r->next, r, std::memory_order_release,
                                           std::memory_order_relaxed)) {
    }
    return r;
  }

  // --- settings ---------------------------------------------------------------
  std::atomic<deadlock_mode> mode{deadlock_mode::abort};
  std::atomic<bool> quiet{false};

  std::string report_path() {
    std::lock_guard lock(mu_);
    return report_path_;
  }
  void set_report_path(std::string path) {
    std::lock_guard lock(mu_);
    report_path_ = std::move(path);
  }
  std::string graph_path() {
    std::lock_guard lock(mu_);
    return graph_path_;
  }
  void set_graph_path(std::string path) {
    std::lock_guard lock(mu_);
    graph_path_ = std::move(path);
  }

  std::string thread_name(const thread_record* r) {
    std::lock_guard lock(mu_);
    return r->name;
  }
  void set_thread_name(thread_record* r, std::string_view name) {
    std::lock_guard lock(mu_);
    r->name = std::string(name);
  }

  // A finding made by a detector in another file (race_detector.cpp).
  std::string add_finding(finding f) {
    std::lock_guard lock(mu_);
    return add_finding_locked(std::move(f));
  }

  // A destroyed lock whose node must outlive it, outside the graph.
  void retire(lock_node* node) {
    std::lock_guard lock(mu_);
    retired_.push_back(node);
  }

  // --- detectors (slow paths; the caller is not inside a hook) ----------------

  acquire_verdict self_deadlock(thread_state* s, lock_node* node, call_site site);
  release_verdict unlock_not_held(thread_state* s, lock_node* node, thread_record* owner,
                                  call_site site);
  void add_edge(thread_state* s, std::uint32_t index, lock_node* to, lock_mode mode,
                call_site site);
  void thread_ended(thread_state* s);
  [[noreturn]] void thread_not_joined(thread_state* s, thread_record* r);

  // --- reports ---------------------------------------------------------------
  report_data snapshot();
  bool write_report(const std::string& path);
  bool write_graph(const std::string& path);
  void write_configured_report();
  void clear_findings() {
    std::lock_guard lock(mu_);
    findings_.clear();
    finding_index_.clear();
    finding_seen_.clear();
  }
  std::uint64_t findings_mark() {
    std::lock_guard lock(mu_);
    return finding_seq_;
  }
  std::vector<finding> findings_since(std::uint64_t mark);
  void exit_summary();

 private:
  recorder();

  std::uint32_t graph_id_locked(lock_node* node);
  // Keeps `f` unless an equal one exists (then merges its threads). Returns
  // the text to print for a new finding (empty when quiet or a duplicate).
  std::string add_finding_locked(finding f);
  std::string cycle_finding_locked(const witness& closing, edge_record& closing_edge,
                                   const std::vector<cycle_graph::node_id>& path);
  // Cycles of readers only, or whose edges all held a common gate lock,
  // cannot deadlock: their closing edges wait here and are looked at again
  // when one of their edges gains a blocking witness or loses a gate.
  bool cycle_suppressed_locked(const std::vector<lock_node*>& cycle,
                               const std::vector<const edge_record*>& edges);
  std::string recheck_suppressed_locked();


  std::atomic<std::uint64_t> clock_{0};
  std::atomic<std::uint64_t> next_unnamed_{0};
  std::atomic<thread_record*> records_{nullptr};
  pthread_key_t key_{};

  std::mutex mu_;  // guards everything below and thread names
  std::string report_path_;
  std::string graph_path_;
  cycle_graph graph_;
  std::vector<lock_node*> graph_nodes_{nullptr};  // graph id -> node
  std::unordered_map<std::uint64_t, edge_record> edges_;
  std::vector<cycle_graph::node_id> cycle_;  // scratch
  std::vector<std::uint64_t> suppressed_;    // closing edges of harmless cycles
  std::vector<finding> findings_;
  std::unordered_map<std::string, std::size_t> finding_index_;
  // Sequence numbers for findings_since(): the last time each finding (by
  // index) was recorded, and the last number handed out.
  std::vector<std::uint64_t> finding_seen_;
  std::uint64_t finding_seq_ = 0;
  std::size_t dropped_findings_ = 0;
  std::vector<lock_node*> retired_;  // kept reachable for leak checkers
};

bool is_main_thread() { return ::gettid() == ::getpid(); }

void thread_exit(void* state) {
  auto* s = static_cast<thread_state*>(state);
  recorder::get().thread_ended(s);
  t_state = nullptr;
  t_unavailable = true;
  delete s;
}

void at_exit() {
  recorder& r = recorder::get();
  hook_scope scope(current());
  r.write_configured_report();
  r.exit_summary();
}

recorder::recorder() {
  pthread_key_create(&key_, &thread_exit);
  if (const char* path = std::getenv("LOCKGRAPH_REPORT")) report_path_ = path;
  if (const char* path = std::getenv("LOCKGRAPH_GRAPH")) graph_path_ = path;
  if (const char* value = std::getenv("LOCKGRAPH_ON_DEADLOCK"); value && *value) {
    const std::string_view m(value);
    if (m == "abort")
      mode = deadlock_mode::abort;
    else if (m == "throw")
      mode = deadlock_mode::throw_error;
    else if (m == "block")
      mode = deadlock_mode::block;
    else
      std::fprintf(stderr,
                   "lockgraph: warning: LOCKGRAPH_ON_DEADLOCK=%s is not one of abort, throw, "
                   "block; using abort\n",
                   value);
  }
  if (const char* value = std::getenv("LOCKGRAPH_QUIET"))
    quiet = *value != '\0' && std::strcmp(value, "0") != 0;
  std::atexit(&at_exit);
}

std::uint32_t recorder::graph_id_locked(lock_node* node) {
  std::uint32_t id = node->graph_index.load(std::memory_order_relaxed);
  if (id == 0) {
    id = graph_.add_node();
    graph_nodes_.push_back(node);
    node->graph_index.store(id, std::memory_order_release);
  }
  return id;
}

note note_at(const call_site& site, std::string message) {
  note n;
  n.file = report_path_of(site.loc.file_name());
  n.line = site.loc.line();
  n.column = site.loc.column();
  n.message = std::move(message);
  return n;
}

void locate(finding& f, const call_site& site) {
  f.file = report_path_of(site.loc.file_name());
  f.line = site.loc.line();
  f.column = site.loc.column();
}

std::string recorder::add_finding_locked(finding f) {
  std::string key = f.check + '\0' + f.file + '\0' + std::to_string(f.line) + '\0' +
                    std::to_string(f.column) + '\0' + f.message;
  if (auto it = finding_index_.find(key); it != finding_index_.end()) {
    finding_seen_[it->second] = ++finding_seq_;
    auto& threads = findings_[it->second].threads;
    for (std::string& t : f.threads)
      if (std::find(threads.begin(), threads.end(), t) == threads.end())
        threads.push_back(std::move(t));
    return {};
  }
  if (findings_.size() >= max_findings) {
    if (dropped_findings_++ == 0 && !quiet)
      return "lockgraph: warning: more than " + std::to_string(max_findings) +
             " findings; dropping the rest\n";
    return {};
  }
  std::string text = quiet ? std::string() : format_text(f);
  finding_index_.emplace(std::move(key), findings_.size());
  findings_.push_back(std::move(f));
  finding_seen_.push_back(++finding_seq_);
  return text;
}

acquire_verdict recorder::self_deadlock(thread_state* s, lock_node* node, call_site site) {
  std::string text;
  {
    hook_scope scope(s);
    const std::string name = display_name(*node);
    finding f;
    f.check = "self-deadlock";
    f.severity = "error";
    locate(f, site);
    f.message = "acquiring mutex " + quoted(name) + " that is already held";
    f.locks = {name};
    for (const held_lock& h : std::span(s->held, s->held_size))
      if (h.node == node) {
        f.notes.push_back(note_at(h.site, quoted(name) + " first acquired here"));
        break;
      }
    std::lock_guard lock(mu_);
    f.threads = {s->record->name};
    text = add_finding_locked(std::move(f));
  }
  print_text(text);
  switch (mode.load()) {
    case deadlock_mode::throw_error:
      return acquire_verdict::deadlock_throw;
    case deadlock_mode::block: {
      hook_scope scope(s);
      write_configured_report();
      if (!quiet)
        std::fputs("lockgraph: blocking as std::mutex would (LOCKGRAPH_ON_DEADLOCK=block)\n",
                   stderr);
      return acquire_verdict::deadlock_block;
    }
    case deadlock_mode::abort:
      break;
  }
  {
    hook_scope scope(s);
    write_configured_report();
    if (!quiet)
      std::fputs(
          "lockgraph: stopping the process at a self-deadlock (LOCKGRAPH_ON_DEADLOCK=abort)\n",
          stderr);
  }
  std::abort();
}

release_verdict recorder::unlock_not_held(thread_state* s, lock_node* node, thread_record* owner,
                                          call_site site) {
  std::string text;
  {
    hook_scope scope(s);
    const std::string name = display_name(*node);
    finding f;
    f.check = "unlock-not-held";
    f.severity = "error";
    locate(f, site);
    f.locks = {name};
    std::lock_guard lock(mu_);
    f.threads = {s->record->name};
    if (owner) {
      f.message = "releasing mutex " + quoted(name) +
                  " that this thread does not hold (held by thread " + quoted(owner->name) + ")";
      f.threads.push_back(owner->name);
    } else {
      f.message = "releasing mutex " + quoted(name) + " that is not held";
    }
    text = add_finding_locked(std::move(f));
  }
  print_text(text);
  if (!owner) return release_verdict::not_locked;
  // A plain mutex is then released on the owner's behalf (Python's Lock
  // allows it, and it is what the program meant); the owner's stack entry
  // goes stale and is dropped lazily, so the node must outlive it.
  node->pinned.store(true, std::memory_order_relaxed);
  if (node->kind == lock_kind::mutex || node->kind == lock_kind::timed_mutex)
    node->owner.store(nullptr, std::memory_order_relaxed);
  return release_verdict::held_by_other;
}

// Two threads ran at the same time: neither ended before the other started.
bool overlapped(const thread_record* a, const thread_record* b) {
  return a->start_tick < b->end_tick.load(std::memory_order_acquire) &&
         b->start_tick < a->end_tick.load(std::memory_order_acquire);
}

void recorder::add_edge(thread_state* s, std::uint32_t index, lock_node* to, lock_mode mode,
                        call_site site) {
  const held_lock from = s->held[index];
  std::string text;
  std::uint64_t key = 0;
  {
    hook_scope scope(s);
    std::lock_guard lock(mu_);
    const std::uint32_t a = graph_id_locked(from.node);
    const std::uint32_t b = graph_id_locked(to);
    // The other locks held exclusively: this witness's gates.
    std::vector<lock_node*> gates;
    for (std::uint32_t j = 0; j < s->held_size; ++j)
      if (j != index && s->held[j].node != to && holds_exclusive(s, s->held[j])) {
        graph_id_locked(s->held[j].node);  // for witness_key
        gates.push_back(s->held[j].node);
      }
    key = witness_key(s, index, a, b, mode);
    auto [it, inserted] = edges_.try_emplace(edge_key(a, b));
    edge_record& e = it->second;
    const witness w{s->record, from.site, site};
    const bool blocking = !(from.mode == lock_mode::shared && mode == lock_mode::shared);
    bool weakened = false;  // may no longer be harmless in a suppressed cycle
    if (inserted) {
      e.from = from.node;
      e.to = to;
      e.blocking = blocking;
      e.gates = std::move(gates);
    } else {
      if (blocking && !e.blocking) e.blocking = weakened = true;
      const std::size_t before = e.gates.size();
      std::erase_if(e.gates, [&](lock_node* g) {
        return std::find(gates.begin(), gates.end(), g) == gates.end();
      });
      weakened = weakened || e.gates.size() != before;
    }
    const bool known_witness =
        std::any_of(e.witnesses.begin(), e.witnesses.end(), [&](const witness& x) {
          return x.thread == w.thread && same_site(x.from_site, w.from_site) &&
                 same_site(x.to_site, w.to_site);
        });
    if (e.witnesses.size() < max_witnesses && !known_witness) e.witnesses.push_back(w);
    // The acyclic graph refuses the closing edge; edges_ keeps it, so it is
    // known from now on and the cycle is reported once.
    if (inserted && !graph_.add_edge(a, b, &cycle_))
      text = cycle_finding_locked(w, e, cycle_);
    else if (weakened && !suppressed_.empty())
      text = recheck_suppressed_locked();
  }
  if (key != 0) s->known_edges.insert(key);
  print_text(text);
}

bool recorder::cycle_suppressed_locked(const std::vector<lock_node*>& cycle,
                                       const std::vector<const edge_record*>& edges) {
  if (std::none_of(edges.begin(), edges.end(), [](const edge_record* e) { return e->blocking; }))
    return true;  // readers only: none of them can block another
  std::vector<lock_node*> common = edges[0]->gates;
  for (const edge_record* e : edges)
    std::erase_if(common, [&](lock_node* g) {
      return std::find(e->gates.begin(), e->gates.end(), g) == e->gates.end();
    });
  std::erase_if(common,
                [&](lock_node* g) { return std::find(cycle.begin(), cycle.end(), g) != cycle.end(); });
  return !common.empty();  // one gate serialises every edge of the cycle
}

std::string recorder::recheck_suppressed_locked() {
  std::vector<std::uint64_t> keys;
  keys.swap(suppressed_);
  std::string text;
  for (std::uint64_t key : keys) {
    edge_record& e = edges_.at(key);
    const std::uint32_t a = e.from->graph_index.load(std::memory_order_relaxed);
    const std::uint32_t b = e.to->graph_index.load(std::memory_order_relaxed);
    // Still refused (the graph only grows): yields the path again.
    if (!graph_.add_edge(a, b, &cycle_)) text += cycle_finding_locked(e.witnesses[0], e, cycle_);
  }
  return text;
}

std::string recorder::cycle_finding_locked(const witness& closing, edge_record& closing_edge,
                                           const std::vector<cycle_graph::node_id>& path) {
  // path is to -> ... -> from in the graph; the cycle is from -> to -> ... -> from.
  lock_node* const from = closing_edge.from;
  std::vector<lock_node*> cycle{from};
  for (cycle_graph::node_id id : path) cycle.push_back(graph_nodes_[id]);
  cycle.pop_back();  // `from` again
  {
    std::vector<const edge_record*> all{&closing_edge};
    for (std::size_t i = 1; i < cycle.size(); ++i)
      all.push_back(&edges_.at(edge_key(cycle[i]->graph_index.load(std::memory_order_relaxed),
                                        cycle[(i + 1) % cycle.size()]->graph_index.load(
                                            std::memory_order_relaxed))));
    if (cycle_suppressed_locked(cycle, all)) {
      suppressed_.push_back(edge_key(from->graph_index.load(std::memory_order_relaxed),
                                     closing_edge.to->graph_index.load(std::memory_order_relaxed)));
      return {};
    }
  }
  closing_edge.in_cycle = true;

  // Instances of one lock class are told apart by their generation.
  std::vector<std::string> names;
  for (lock_node* n : cycle) names.push_back(display_name(*n));
  std::vector<std::string> shown = names;
  for (std::size_t i = 0; i < cycle.size(); ++i)
    if (std::count(names.begin(), names.end(), names[i]) > 1)
      shown[i] += "#" + std::to_string(cycle[i]->id.generation);

  // The cycle's edges in order, starting with the closing one.
  std::vector<const edge_record*> edges{nullptr};
  for (std::size_t i = 1; i < cycle.size(); ++i) {
    const std::size_t j = (i + 1) % cycle.size();
    edge_record& e = edges_.at(edge_key(cycle[i]->graph_index.load(std::memory_order_relaxed),
                                        cycle[j]->graph_index.load(std::memory_order_relaxed)));
    e.in_cycle = true;
    edges.push_back(&e);
  }
  // Each other edge is shown by its most telling witness: another thread
  // that ran at the same time as the closing one, else another thread.
  auto rank = [&](const witness& w) {
    if (w.thread == closing.thread) return 2;
    return overlapped(w.thread, closing.thread) ? 0 : 1;
  };
  std::vector<const witness*> witnesses{&closing};
  for (std::size_t i = 1; i < edges.size(); ++i)
    witnesses.push_back(
        &*std::min_element(edges[i]->witnesses.begin(), edges[i]->witnesses.end(),
                           [&](const witness& x, const witness& y) { return rank(x) < rank(y); }));
  // The cycle could deadlock in this run if two of its edges were taken by
  // different threads that ran at the same time.
  auto threads_of = [&](std::size_t i) {
    std::vector<thread_record*> out;
    if (i == 0)
      out.push_back(closing.thread);
    else
      for (const witness& w : edges[i]->witnesses) out.push_back(w.thread);
    return out;
  };
  bool concurrent = false;
  for (std::size_t i = 0; i < edges.size() && !concurrent; ++i)
    for (std::size_t j = i + 1; j < edges.size() && !concurrent; ++j)
      for (thread_record* x : threads_of(i))
        for (thread_record* y : threads_of(j))
          if (x != y && overlapped(x, y)) concurrent = true;

  finding f;
  f.check = "lock-order-inversion";
  locate(f, closing.to_site);
  const std::string held = quoted(shown[0]);
  const std::string wanted = quoted(shown[1]);
  if (cycle.size() == 2) {
    f.message = "acquiring mutex " + wanted + " while holding " + held +
                " inverts the lock order: elsewhere " + held + " is acquired while holding " +
                wanted;
  } else {
    std::string chain;
    for (const std::string& n : shown) chain += n + " -> ";
    chain += shown[0];
    f.message = "acquiring mutex " + wanted + " while holding " + held +
                " closes a lock-order cycle: " + chain;
  }
  f.locks = names;
  f.notes.push_back(note_at(closing.from_site,
                            held + " acquired here by thread " + quoted(closing.thread->name)));
  for (std::size_t i = 1; i < cycle.size(); ++i) {
    const std::string x = quoted(shown[i]);
    const std::string y = quoted(shown[(i + 1) % cycle.size()]);
    const witness& w = *witnesses[i];
    const std::string by = " by thread " + quoted(w.thread->name);
    f.notes.push_back(note_at(w.to_site, y + " acquired here" + by + " while holding " + x));
    f.notes.push_back(note_at(w.from_site, x + " acquired here" + by));
  }

  std::vector<thread_record*> threads;
  for (const witness* w : witnesses)
    if (std::find(threads.begin(), threads.end(), w->thread) == threads.end())
      threads.push_back(w->thread);
  for (thread_record* t : threads) f.threads.push_back(t->name);
  f.concurrent = concurrent;
  f.severity = concurrent ? "error" : "warning";
  if (!concurrent)
    f.notes.push_back(
        note{"", 0, 0,
             threads.size() == 1
                 ? "one thread made every acquisition of the cycle; two threads running this code "
                   "at the same time can deadlock"
                 : "the threads of the cycle never ran at the same time, so this run could not "
                   "deadlock; a schedule where they overlap can"});
  return add_finding_locked(std::move(f));
}

void recorder::thread_ended(thread_state* s) {
  if (s->ended) return;
  s->ended = true;
  std::string text;
  {
    hook_scope scope(s);
    std::lock_guard lock(mu_);
    for (const held_lock& h : std::span(s->held, s->held_size)) {
      if (h.mode == lock_mode::exclusive && !holds_exclusive(s, h)) continue;  // stale
      const std::string name = display_name(*h.node);
      finding f;
      f.check = "lock-leak";
      f.severity = "warning";
      locate(f, h.site);
      f.message = "mutex " + quoted(name) + " is still held when thread " +
                  quoted(s->record->name) + " ends";
      f.locks = {name};
      f.threads = {s->record->name};
      if (*s->record->created.file_name())
        f.notes.push_back(
            note_at({s->record->created}, "thread " + quoted(s->record->name) + " started here"));
      text += add_finding_locked(std::move(f));
    }
  }
  s->record->end_tick.store(tick(), std::memory_order_release);
  print_text(text);
}

void recorder::thread_not_joined(thread_state* s, thread_record* r) {
  std::string text;
  {
    hook_scope scope(s);
    finding f;
    f.check = "thread-not-joined";
    f.severity = "error";
    locate(f, {r->created});
    std::lock_guard lock(mu_);
    f.message = "thread " + quoted(r->name) +
                " is destroyed while joinable; std::terminate follows (join or detach it first)";
    f.threads = {r->name};
    text = add_finding_locked(std::move(f));
  }
  print_text(text);
  {
    hook_scope scope(s);
    write_configured_report();
  }
  std::terminate();
}

report_data recorder::snapshot() {
  report_data data;
  std::map<std::string, std::string> nodes;
  struct edge_out {
    std::set<location_out> sites;
    bool in_cycle = false;
  };
  std::map<std::pair<std::string, std::string>, edge_out> edges;
  {
    std::lock_guard lock(mu_);
    data.findings = findings_;
    for (std::size_t i = 1; i < graph_nodes_.size(); ++i)
      nodes.emplace(display_name(*graph_nodes_[i]), kind_name(graph_nodes_[i]->kind));
    for (const auto& [key, e] : edges_) {
      edge_out& out = edges[{display_name(*e.from), display_name(*e.to)}];
      out.in_cycle = out.in_cycle || e.in_cycle;
      for (const witness& w : e.witnesses)
        out.sites.insert({report_path_of(w.to_site.loc.file_name()), w.to_site.loc.line(),
                          w.to_site.loc.column()});
    }
  }
  for (finding& f : data.findings) {
    std::sort(f.threads.begin(), f.threads.end());
    f.threads.erase(std::unique(f.threads.begin(), f.threads.end()), f.threads.end());
  }
  sort_findings(data.findings);
  fingerprint_findings(data.findings);
  for (auto& [name, kind] : nodes) data.nodes.push_back({name, kind});
  for (auto& [names, e] : edges) {
    graph_edge_out out{names.first, names.second, {}, e.in_cycle};
    for (const location_out& site : e.sites) {
      if (out.sites.size() == max_sites_per_edge) break;
      out.sites.push_back(site);
    }
    data.edges.push_back(std::move(out));
  }
  return data;
}

bool recorder::write_report(const std::string& path) {
  hook_scope scope(current());
  std::string error;
  if (write_text_file(path, report_json(snapshot()), error)) return true;
  std::fprintf(stderr, "lockgraph: error: cannot write the report: %s\n", error.c_str());
  return false;
}

bool recorder::write_graph(const std::string& path) {
  hook_scope scope(current());
  std::string error;
  if (write_text_file(path, graph_dot(snapshot()), error)) return true;
  std::fprintf(stderr, "lockgraph: error: cannot write the graph: %s\n", error.c_str());
  return false;
}

std::vector<finding> recorder::findings_since(std::uint64_t mark) {
  std::set<std::tuple<std::string, std::string, unsigned, unsigned, std::string>> recent;
  {
    std::lock_guard lock(mu_);
    for (std::size_t i = 0; i < findings_.size(); ++i)
      if (finding_seen_[i] > mark) {
        const finding& f = findings_[i];
        recent.emplace(f.check, f.file, f.line, f.column, f.message);
      }
  }
  if (recent.empty()) return {};
  // Taken from a full snapshot so that order and fingerprints are the
  // report's.
  std::vector<finding> all = snapshot().findings;
  std::erase_if(all, [&](const finding& f) {
    return !recent.contains({f.check, f.file, f.line, f.column, f.message});
  });
  return all;
}

void recorder::write_configured_report() {
  const std::string path = report_path();
  if (!path.empty()) write_report(path);
  const std::string graph = graph_path();
  if (!graph.empty()) write_graph(graph);
}

void recorder::exit_summary() {
  if (quiet) return;
  std::size_t errors = 0, warnings = 0;
  {
    std::lock_guard lock(mu_);
    for (const finding& f : findings_) (f.severity == "error" ? errors : warnings)++;
  }
  if (errors + warnings == 0) return;
  auto count = [](std::size_t n, const char* what) {
    return std::to_string(n) + " " + what + (n == 1 ? "" : "s");
  };
  std::string line = "lockgraph: ";
  if (errors) line += count(errors, "error");
  if (errors && warnings) line += " and ";
  if (warnings) line += count(warnings, "warning");
  line += " found";
  if (const std::string path = report_path(); !path.empty()) line += "; report: " + path;
  std::fprintf(stderr, "%s\n", line.c_str());
}

void add_order_edges(thread_state* s, lock_node* node, lock_mode mode, call_site site) {
  for (std::uint32_t i = 0; i < s->held_size;) {
    const held_lock& held = s->held[i];
    if (held.mode == lock_mode::exclusive && !holds_exclusive(s, held)) {
      // Released by another thread (unlock-not-held already reported).
      s->erase_at(i);
      continue;
    }
    if (held.node != node) {  // a second read lock of a held shared_mutex: no edge
      const std::uint32_t from = held.node->graph_index.load(std::memory_order_acquire);
      const std::uint32_t to = node->graph_index.load(std::memory_order_acquire);
      const std::uint64_t key = from && to ? witness_key(s, i, from, to, mode) : 0;
      if (!(key && s->known_edges.contains(key))) recorder::get().add_edge(s, i, node, mode, site);
    }
    ++i;
  }
}

}  // namespace

__thread thread_state* t_state LOCKGRAPH_TLS_MODEL = nullptr;

thread_state::~thread_state() {
  if (held != inline_held) std::free(held);
}

void thread_state::push_grow(const held_lock& lock) {
  if (held_size == held_capacity) {
    const std::uint32_t capacity = 2 * held_capacity;
    auto* bigger = static_cast<held_lock*>(std::malloc(capacity * sizeof(held_lock)));
    if (!bigger) std::abort();  // no memory for the bookkeeping of a held lock
    std::copy(held, held + held_size, bigger);
    if (held != inline_held) std::free(held);
    held = bigger;
    held_capacity = capacity;
  }
  held[held_size++] = lock;
}

void thread_state::erase_at(std::uint32_t index) {
  std::copy(held + index + 1, held + held_size, held + index);
  --held_size;
}

thread_state* create_state(thread_record* given) {
  if (t_unavailable) return nullptr;
  t_unavailable = true;  // what follows may allocate, and allocation may lock
  recorder& r = recorder::get();
  auto* s = new thread_state;
  s->is_main = is_main_thread();
  s->record = given ? given : r.new_record({}, {}, s->is_main, 0);
  t_state = s;
  // The main thread's state is never destroyed (it is used until the very
  // end of exit); other threads free theirs in thread_exit.
  if (!s->is_main) pthread_setspecific(r.key(), s);
  t_unavailable = false;
  return s;
}

// --- entry points ----------------------------------------------------------------

const char* kind_name(lock_kind kind) {
  switch (kind) {
    case lock_kind::mutex:
      return "mutex";
    case lock_kind::recursive_mutex:
      return "recursive_mutex";
    case lock_kind::timed_mutex:
      return "timed_mutex";
    case lock_kind::shared_mutex:
      return "shared_mutex";
  }
  return "unknown";
}

std::string display_name(const lock_node& node) {
  if (!node.name.empty()) return node.name;
  const std::string file = report_path_of(node.declared.file_name());
  if (file.empty())
    return std::string(kind_name(node.kind)) + "#" + std::to_string(node.id.generation);
  return file + ":" + std::to_string(node.declared.line());
}

std::string owner_name(const lock_node& node) {
  thread_record* owner = node.owner.load(std::memory_order_relaxed);
  return owner ? recorder::get().thread_name(owner) : std::string();
}

lock_node* on_lock_created(const void* address, lock_kind kind, std::string_view name,
                           std::source_location declared) {
  // No recorder state is needed until the lock is part of an edge, so
  // creating a lock takes no global lock.
  auto* node = new lock_node;
  node->id = {address, g_next_generation.fetch_add(1, std::memory_order_relaxed) + 1};
  node->kind = kind;
  node->name = std::string(name);
  node->declared = declared;
  return node;
}

void on_lock_destroyed(lock_node* node) noexcept {
  // Part of the graph: the graph keeps the node, its edges stay in the report.
  if (node->graph_index.load(std::memory_order_acquire) != 0) return;
  // Still held, or released by a non-owner: a thread's stack may point at it.
  if (node->owner.load(std::memory_order_relaxed) != nullptr ||
      node->pinned.load(std::memory_order_relaxed)) {
    recorder::get().retire(node);
    return;
  }
  delete node;
}

acquire_verdict acquire_begin_slow(lock_node* node, lock_mode mode, call_site site) {
  thread_state* s = current();
  if (!s || s->in_hook) return acquire_verdict::proceed;
  if (node->owner.load(std::memory_order_relaxed) == s->record) {
    if (node->kind == lock_kind::recursive_mutex) return acquire_verdict::reentrant;
    return recorder::get().self_deadlock(s, node, site);
  }
  // Writing a shared_mutex the thread reads waits for itself. (Reading it
  // twice does not block while no writer waits, and is not reported.)
  if (mode == lock_mode::exclusive && node->kind == lock_kind::shared_mutex)
    for (const held_lock& h : std::span(s->held, s->held_size))
      if (h.node == node) return recorder::get().self_deadlock(s, node, site);
  if (s->held_size != 0) add_order_edges(s, node, mode, site);
  return acquire_verdict::proceed;
}

void acquired_slow(lock_node* node, lock_mode mode, call_site site) noexcept {
  thread_state* s = current();
  if (!s || s->in_hook) return;
  s->push_grow({node, site, mode});
  if (mode == lock_mode::exclusive) node->owner.store(s->record, std::memory_order_relaxed);
}

release_verdict release_slow(lock_node* node, lock_mode mode, call_site site, bool keeps_holding) {
  thread_state* s = current();
  if (!s || s->in_hook) return release_verdict::released;
  if (mode == lock_mode::shared) {  // a read lock: the thread's own stack says
    for (std::uint32_t i = s->held_size; i-- > 0;)
      if (s->held[i].node == node && s->held[i].mode == lock_mode::shared) {
        s->erase_at(i);
        return release_verdict::released;
      }
    return recorder::get().unlock_not_held(s, node, nullptr, site);
  }
  thread_record* owner = node->owner.load(std::memory_order_relaxed);
  if (owner != s->record) return recorder::get().unlock_not_held(s, node, owner, site);
  if (keeps_holding) return release_verdict::released;
  node->owner.store(nullptr, std::memory_order_relaxed);
  for (std::uint32_t i = s->held_size; i-- > 0;)
    if (s->held[i].node == node) {
      s->erase_at(i);
      break;
    }
  return release_verdict::released;
}

report_data snapshot_report() { return recorder::get().snapshot(); }

void write_configured_report() {
  hook_scope scope(t_state);
  recorder::get().write_configured_report();
}

void mark_internal_thread() noexcept { t_unavailable = true; }

void report_finding(finding f) {
  std::string text;
  {
    hook_scope scope(current());
    text = recorder::get().add_finding(std::move(f));
  }
  print_text(text);
}

// --- threads ---------------------------------------------------------------------

thread_record* on_thread_spawn(std::string_view name, std::source_location where) {
  recorder& r = recorder::get();
  // Built inside the standard library (emplace_back, make_unique): unknown.
  if (in_standard_library(where)) where = std::source_location();
  thread_record* record = r.new_record(name, where, false, r.tick());
  hb_thread_spawned(record);
  return record;
}

void on_thread_begin(thread_record* thread) noexcept {
  create_state(thread);
  hb_thread_started(thread);
}

void on_thread_end(thread_record* thread) noexcept {
  thread_state* s = t_state;
  if (s && s->record == thread) recorder::get().thread_ended(s);
}

void on_thread_not_joined(thread_record* thread) noexcept {
  recorder::get().thread_not_joined(current(), thread);
}

std::string thread_name(const thread_record* thread) { return recorder::get().thread_name(thread); }

}  // namespace lockgraph::detail

// --- public settings and reports (lockgraph/report.hpp, lockgraph/thread.hpp) --------

namespace lockgraph {

using detail::recorder;

void set_deadlock_mode(deadlock_mode mode) { recorder::get().mode = mode; }
deadlock_mode get_deadlock_mode() { return recorder::get().mode; }
void set_report_path(std::string path) { recorder::get().set_report_path(std::move(path)); }
std::string report_path() { return recorder::get().report_path(); }
void set_quiet(bool quiet) { recorder::get().quiet = quiet; }
bool quiet() { return recorder::get().quiet; }
bool write_report(const std::string& path) { return recorder::get().write_report(path); }
std::vector<finding> findings() { return recorder::get().snapshot().findings; }
void clear_findings() { recorder::get().clear_findings(); }
std::uint64_t findings_mark() { return recorder::get().findings_mark(); }
std::vector<finding> findings_since(std::uint64_t mark) {
  return recorder::get().findings_since(mark);
}
void set_graph_path(std::string path) { recorder::get().set_graph_path(std::move(path)); }
std::string graph_path() { return recorder::get().graph_path(); }
bool write_graph(const std::string& path) { return recorder::get().write_graph(path); }

namespace this_thread {

void set_name(std::string_view name) {
  if (detail::thread_state* s = detail::current()) recorder::get().set_thread_name(s->record, name);
}

std::string name() {
  detail::thread_state* s = detail::current();
  return s ? recorder::get().thread_name(s->record) : std::string();
}

}  // namespace this_thread
}  // namespace lockgraph
