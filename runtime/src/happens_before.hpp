// Happens-before edges between threads, for the race detector on shared<T>.
// Synchronising primitives call these: the releasing side (queue put, event
// set, semaphore release, condition notify, pool submit, task end) calls
// hb_release(object); the side that observes it (queue get, event wait
// returning true, semaphore acquire, condition wake, task start, future get)
// calls hb_acquire(object) afterwards. Everything the releasing thread did
// before hb_release then happens before what the acquiring thread does after
// hb_acquire. Thread start and join are recorded by the thread hooks.
//
// Mutex lock/unlock deliberately create no edge: the race detector checks
// locksets for them (Eraser), so a race hidden by an unrelated lock's
// ordering in one run is still found.
#pragma once

namespace lockgraph::detail {

void hb_release(const void* sync) noexcept;
void hb_acquire(const void* sync) noexcept;
// The sync object is gone; its clock can be dropped.
void hb_forget(const void* sync) noexcept;

}  // namespace lockgraph::detail
