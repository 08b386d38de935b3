// lockgraph/shared.hpp — lockgraph::shared<T>: a value whose reads and
// writes the runtime checks for data races.
//
// Overview
// --------
// Wrap the state threads share in shared<T> and access it through the
// members below; every access tells the race detector which thread made it,
// where (a defaulted std::source_location, so the caller's line), which
// locks the thread held, and whether it read or wrote. Two accesses race
// when at least one writes, neither happens before the other, and the
// threads held no lock in common. The race is reported once per pair of
// source lines as a `data-race` error, while the program runs, whatever the
// interleaving: the detector does not need the race to corrupt the value.
//
//     lockgraph::shared<int> balance{"balance", 100};
//
//     void update(int amount) {
//       int local_copy = balance.load();   // read, at this line
//       local_copy += amount;
//       balance = local_copy;              // write, at this line
//     }
//
//     lockgraph::thread deposit("deposit", update, 150);
//     lockgraph::thread withdraw("withdraw", update, -150);
//     deposit.join();
//     withdraw.join();
//
//     bank.cpp:7:16: error: data race on 'balance': a write and a read by threads
//         'deposit' and 'withdraw' are not ordered and hold no lock in common [data-race]
//     bank.cpp:5:35: note: conflicting read by thread 'withdraw' here, holding no lock
//     bank.cpp:10:29: note: thread 'deposit' started here
//     bank.cpp:11:30: note: thread 'withdraw' started here
//     bank.cpp:7:16: error: data race on 'balance': writes by threads 'deposit' and
//         'withdraw' are not ordered and hold no lock in common [data-race]
//     bank.cpp:7:16: note: conflicting write by thread 'deposit' here, holding no lock
//     ...
//
// The finding points at the write (of two writes, at the later one); its
// note names the other access, its thread and the locks it held, and
// `locks` in the report lists the locks held at either access. Which thread
// is named in the note depends on the interleaving; the message, the sites
// and the fingerprint do not. With `std::lock_guard g(mu);` around the read
// and the write in update() the run is clean. The value itself is a plain T: shared<T> adds no
// synchronisation (that would hide the races it is there to find); only the
// detector's own bookkeeping is thread-safe.
//
// What orders two accesses (happens-before)
// ----------------------------------------
// | edge                                | from                    | to                       |
// |-------------------------------------|-------------------------|--------------------------|
// | program order                       | an access               | the same thread's later  |
// |                                     |                         | accesses                 |
// | lockgraph::thread start             | the spawner before the  | everything the new       |
// |                                     | constructor             | thread does              |
// | lockgraph::thread::join()           | everything the thread   | the joiner after join()  |
// |                                     | did                     |                          |
// | hand-over through lockgraph queues, | the releasing side      | the side that observes   |
// | events, semaphores, condition       | (put, set, release,     | it (get, wait, acquire,  |
// | variables, thread pools             | notify, submit)         | wake-up, task start)     |
//
// Mutexes are deliberately *not* edges: they are checked as locksets
// (Eraser), so two accesses under different locks race even when this run
// happened to order them through an unrelated lock. Threads not started by
// lockgraph::thread (std::thread, pthreads) have no start or join edges.
//
// States of one shared<T> (Eraser's, with ownership passed along
// happens-before edges)
// -----------------------------------------------------------------
// | state           | entered by                                | races reported |
// |-----------------|-------------------------------------------|----------------|
// | virgin          | construction (construction is no access)  | no             |
// | exclusive       | the first access; any access ordered after | no             |
// |                 | every earlier one (one owner at a time)   |                |
// | shared          | reads not ordered with an earlier access, | no             |
// |                 | no write among the unordered ones         |                |
// | shared-modified | an unordered access where one of the two  | yes, per pair  |
// |                 | writes                                    | of accesses    |
//
// Invalid operations
// ------------------
// | operation                                          | finding    | then                  |
// |----------------------------------------------------|------------|-----------------------|
// | two threads access it, one writing, unordered and  | data-race  | the access proceeds   |
// | with no lock in common                             | (error)    | (nothing is blocked)  |
// | destroying it while another thread accesses it     | none       | undefined, as for T   |
// | copying or moving a shared<T>                      | compile    | use load() / store()  |
// |                                                    | error      |                       |
//
// What counts as an access
// ------------------------
// | expression                                   | recorded as               | line           |
// |----------------------------------------------|---------------------------|----------------|
// | v.load(), v.get(), v.read(f)                 | a read                    | the caller's   |
// | v.store(x), v.set(x), v = x, v.write(f)      | a write                   | the caller's   |
// | v += x (all compound assignments), ++v, v--  | a read, then a write      | the caller's   |
// | v + x, x < v, -v, ... (operators on values)  | a read                    | the operator's |
// | std::cout << v                               | a read                    | the caller's   |
// | static_cast<T>(v), T x(v), if (v) for bool   | a read                    | unknown        |
// | v.unchecked()                                | nothing (an escape hatch) |                |
//
// The conversion to T is explicit because a conversion operator cannot
// take a location: `int x = v;` does not compile, `int x = v.load();` does
// and names its line. `balance = balance + amount` is a read (operator+)
// then a write (operator=), both at that line.
//
// Cost
// ----
// A shared<T> is a T plus one pointer. Per variable the detector keeps its
// state, the candidate lockset and the recent accesses no later access has
// made redundant (in practice one read and one write per thread that
// touches it concurrently, never more than 32), not every access. The first
// access of a kind by a thread in an epoch (since the thread last started a
// thread or released a sync object) takes the variable's internal lock and
// compares with the recorded accesses, one vector-clock entry each. Repeats
// in the same epoch, holding no lock or the same single lock, hit a
// per-thread memo: a call, a thread-local read, a few compares (plus a scan
// of the held locks when one is involved), no lock and no write. Measured:
// docs/runtime.md.
#pragma once

#include <lockgraph/config.hpp>

#include <concepts>
#include <functional>
#include <ostream>
#include <source_location>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

namespace lockgraph {

template <class T>
class shared;

namespace detail {

struct race_var;

// Race detector entry points (runtime/src/race_detector.cpp).
LOCKGRAPH_API race_var* on_shared_created(std::string_view name, std::source_location declared);
LOCKGRAPH_API void on_shared_destroyed(race_var* var) noexcept;
LOCKGRAPH_API void on_shared_read(race_var* var, std::source_location where) noexcept;
LOCKGRAPH_API void on_shared_write(race_var* var, std::source_location where) noexcept;
// The name in findings: as given, or "file:line" of the declaration.
LOCKGRAPH_API std::string shared_name(const race_var* var);

template <class S>
inline constexpr bool is_shared = false;
template <class T>
inline constexpr bool is_shared<shared<T>> = true;

// A shared<T> operand of an operator, with the location of the expression
// that uses it (captured when the operand is converted to this type).
template <class S>
struct read_site {
  read_site(const S& v, std::source_location site = std::source_location::current())
      : var(v), where(site) {}
  const S& var;
  std::source_location where;
};

template <class S>
struct write_site {
  write_site(S& v, std::source_location site = std::source_location::current())
      : var(v), where(site) {}
  S& var;
  std::source_location where;
};

// The right-hand side of `v = x`, with the assignment's location.
template <class T>
struct located {
  template <class U>
    requires(std::constructible_from<T, U &&> && !is_shared<std::remove_cvref_t<U>>)
  located(U&& v, std::source_location site = std::source_location::current())
      : value(std::forward<U>(v)), where(site) {}
  T value;
  std::source_location where;
};

template <class T>
concept printable = requires(std::ostream& os, const T& v) { os << v; };

}  // namespace detail

template <class T>
class shared {
  static_assert(std::is_object_v<T> && !std::is_const_v<T> && !std::is_volatile_v<T>,
                "lockgraph::shared<T> needs a non-const object type");

 public:
  using value_type = T;

  // An unnamed, value-initialised variable; findings call it by its
  // declaration site ("bank.cpp:12").
  shared(std::source_location declared = std::source_location::current())
    requires std::default_initializable<T>
      : value_(), var_(detail::on_shared_created({}, declared)) {}

  // An unnamed variable holding `value`: shared<int> hits{0};
  explicit shared(T value, std::source_location declared = std::source_location::current())
      : value_(std::move(value)), var_(detail::on_shared_created({}, declared)) {}

  // A named variable: shared<int> balance{"balance", 100}. Construction is
  // not an access: the first access makes the constructing (or any) thread
  // the owner.
  shared(std::string_view name, T value,
         std::source_location declared = std::source_location::current())
      : value_(std::move(value)), var_(detail::on_shared_created(name, declared)) {}

  // Destroying it while another thread still accesses it is undefined, as
  // for any object.
  ~shared() { detail::on_shared_destroyed(var_); }

  // A shared<T> is a location, not a value: copy the value with load().
  shared(const shared&) = delete;
  shared& operator=(const shared&) = delete;

  // --- reads ------------------------------------------------------------------

  // A copy of the value; records a read at the caller's line.
  T load(std::source_location where = std::source_location::current()) const {
    detail::on_shared_read(var_, where);
    return value_;
  }
  T get(std::source_location where = std::source_location::current()) const {
    detail::on_shared_read(var_, where);
    return value_;
  }

  // Calls f(const T&) on the value as one recorded read and returns what f
  // returns; for class types too large to copy, or to read several fields
  // at once:   auto n = queue.read([](const auto& q) { return q.size(); });
  template <class F>
    requires std::invocable<F, const T&>
  decltype(auto) read(F&& f, std::source_location where = std::source_location::current()) const {
    detail::on_shared_read(var_, where);
    return std::invoke(std::forward<F>(f), value_);
  }

  // A read with no known line (a conversion cannot take a location): prefer
  // load(). Explicit, so `int x = v;` asks for load() instead.
  explicit operator T() const {
    detail::on_shared_read(var_, std::source_location());
    return value_;
  }

  // --- writes -----------------------------------------------------------------

  // Replaces the value; records a write at the caller's line.
  void store(T value, std::source_location where = std::source_location::current()) {
    detail::on_shared_write(var_, where);
    value_ = std::move(value);
  }
  void set(T value, std::source_location where = std::source_location::current()) {
    detail::on_shared_write(var_, where);
    value_ = std::move(value);
  }

  // v = x: a write at the assignment's line.
  shared& operator=(detail::located<T> value) {
    detail::on_shared_write(var_, value.where);
    value_ = std::move(value.value);
    return *this;
  }

  // Calls f(T&) on the value as one recorded write (a write conflicts with
  // everything a read does, so a read-modify-write needs no separate read)
  // and returns what f returns:
  //   accounts.write([&](auto& m) { m[id] += amount; });
  template <class F>
    requires std::invocable<F, T&>
  decltype(auto) write(F&& f, std::source_location where = std::source_location::current()) {
    detail::on_shared_write(var_, where);
    return std::invoke(std::forward<F>(f), value_);
  }

  // --- without recording -------------------------------------------------------

  // The value itself, not recorded: for code that is ordered by means the
  // runtime cannot see. Races through it are not found.
  T& unchecked() noexcept { return value_; }
  const T& unchecked() const noexcept { return value_; }

  // The name in findings: as given, or "file:line" of the declaration.
  std::string name() const { return detail::shared_name(var_); }

  // --- operators -----------------------------------------------------------------
  // Hidden friends, so a shared<T> operand converts to read_site/write_site
  // and the location is the operator's.

#define LOCKGRAPH_SHARED_COMPOUND(op)                                                 \
  template <class U>                                                                  \
    requires requires(T& t, const U& u) { t op u; }                                   \
  friend shared& operator op(detail::write_site<shared> v, const U& rhs) {            \
    detail::on_shared_read(v.var.var_, v.where);                                      \
    detail::on_shared_write(v.var.var_, v.where);                                     \
    v.var.value_ op rhs;                                                              \
    return v.var;                                                                     \
  }
  LOCKGRAPH_SHARED_COMPOUND(+=)
  LOCKGRAPH_SHARED_COMPOUND(-=)
  LOCKGRAPH_SHARED_COMPOUND(*=)
  LOCKGRAPH_SHARED_COMPOUND(/=)
  LOCKGRAPH_SHARED_COMPOUND(%=)
  LOCKGRAPH_SHARED_COMPOUND(&=)
  LOCKGRAPH_SHARED_COMPOUND(|=)
  LOCKGRAPH_SHARED_COMPOUND(^=)
  LOCKGRAPH_SHARED_COMPOUND(<<=)
  LOCKGRAPH_SHARED_COMPOUND(>>=)
#undef LOCKGRAPH_SHARED_COMPOUND

#define LOCKGRAPH_SHARED_INCREMENT(op)                                                \
  friend shared& operator op(detail::write_site<shared> v)                           \
    requires requires(T& t) { op t; }                                                 \
  {                                                                                   \
    detail::on_shared_read(v.var.var_, v.where);                                      \
    detail::on_shared_write(v.var.var_, v.where);                                     \
    op v.var.value_;                                                                  \
    return v.var;                                                                     \
  }                                                                                   \
  friend T operator op(detail::write_site<shared> v, int)                            \
    requires requires(T& t) { t op; }                                                 \
  {                                                                                   \
    detail::on_shared_read(v.var.var_, v.where);                                      \
    detail::on_shared_write(v.var.var_, v.where);                                     \
    return v.var.value_ op;                                                           \
  }
  LOCKGRAPH_SHARED_INCREMENT(++)
  LOCKGRAPH_SHARED_INCREMENT(--)
#undef LOCKGRAPH_SHARED_INCREMENT

  // v op x, x op v and v op w: reads at the operator's line. (With two
  // shared<T> of one type both are read; mixing types reads through load().)
#define LOCKGRAPH_SHARED_BINARY(op)                                                   \
  template <class U>                                                                  \
    requires(!detail::is_shared<U> && requires(const T& t, const U& u) { t op u; })  \
  friend auto operator op(detail::read_site<shared> v, const U& rhs) {                \
    detail::on_shared_read(v.var.var_, v.where);                                      \
    return v.var.value_ op rhs;                                                       \
  }                                                                                   \
  template <class U>                                                                  \
    requires(!detail::is_shared<U> && requires(const U& u, const T& t) { u op t; })  \
  friend auto operator op(const U& lhs, detail::read_site<shared> v) {                \
    detail::on_shared_read(v.var.var_, v.where);                                      \
    return lhs op v.var.value_;                                                       \
  }                                                                                   \
  friend auto operator op(detail::read_site<shared> v, detail::read_site<shared> w)   \
    requires requires(const T& t) { t op t; }                                         \
  {                                                                                   \
    detail::on_shared_read(v.var.var_, v.where);                                      \
    detail::on_shared_read(w.var.var_, w.where);                                      \
    return v.var.value_ op w.var.value_;                                              \
  }
  LOCKGRAPH_SHARED_BINARY(+)
  LOCKGRAPH_SHARED_BINARY(-)
  LOCKGRAPH_SHARED_BINARY(*)
  LOCKGRAPH_SHARED_BINARY(/)
  LOCKGRAPH_SHARED_BINARY(%)
  LOCKGRAPH_SHARED_BINARY(&)
  LOCKGRAPH_SHARED_BINARY(|)
  LOCKGRAPH_SHARED_BINARY(^)
  LOCKGRAPH_SHARED_BINARY(<<)
  LOCKGRAPH_SHARED_BINARY(>>)
  LOCKGRAPH_SHARED_BINARY(==)
  LOCKGRAPH_SHARED_BINARY(!=)
  LOCKGRAPH_SHARED_BINARY(<)
  LOCKGRAPH_SHARED_BINARY(<=)
  LOCKGRAPH_SHARED_BINARY(>)
  LOCKGRAPH_SHARED_BINARY(>=)
#undef LOCKGRAPH_SHARED_BINARY

#define LOCKGRAPH_SHARED_UNARY(op)                                                    \
  friend auto operator op(detail::read_site<shared> v)                               \
    requires requires(const T& t) { op t; }                                           \
  {                                                                                   \
    detail::on_shared_read(v.var.var_, v.where);                                      \
    return op v.var.value_;                                                           \
  }
  LOCKGRAPH_SHARED_UNARY(-)
  LOCKGRAPH_SHARED_UNARY(!)
  LOCKGRAPH_SHARED_UNARY(~)
#undef LOCKGRAPH_SHARED_UNARY

  // Prints <lockgraph::shared "balance" value=100> (the value only when T
  // can be printed); a read at the caller's line.
  friend std::ostream& operator<<(std::ostream& os, detail::read_site<shared> v) {
    detail::on_shared_read(v.var.var_, v.where);
    os << "<lockgraph::shared \"" << v.var.name() << '"';
    if constexpr (detail::printable<T>) os << " value=" << v.var.value_;
    return os << '>';
  }

 private:
  T value_;
  detail::race_var* var_;
};

}  // namespace lockgraph
