// Pearce–Kelly incremental topological order; see cycle_graph.hpp.
#include "cycle_graph.hpp"

#include <algorithm>
#include <cassert>

namespace lockgraph::detail {

cycle_graph::node_id cycle_graph::add_node() {
  const auto id = static_cast<node_id>(ord_.size());
  // Positions are 1..n, one per node, so a new node can take n + 1.
  ord_.push_back(id);
  out_.emplace_back();
  in_.emplace_back();
  parent_.push_back(0);
  visited_.push_back(0);
  return id;
}

bool cycle_graph::has_edge(node_id from, node_id to) const {
  const auto& succ = out_[from];
  return std::find(succ.begin(), succ.end(), to) != succ.end();
}

bool cycle_graph::add_edge(node_id from, node_id to, std::vector<node_id>* cycle) {
  assert(from != 0 && to != 0 && from < ord_.size() && to < ord_.size() && "unknown node");
  if (from == to) {
    if (cycle) cycle->assign(1, from);
    return false;
  }
  if (has_edge(from, to)) return true;

  const std::uint32_t lower = ord_[to];
  const std::uint32_t upper = ord_[from];
  if (lower < upper) {
    // `to` comes first: the new edge may close a cycle, and if not, the
    // affected region has to be reordered.
    const bool closes = search_forward(to, from, upper);
    if (closes) {
      if (cycle) {
        cycle->clear();
        for (node_id n = from; n != 0; n = parent_[n]) cycle->push_back(n);
        std::reverse(cycle->begin(), cycle->end());  // to -> ... -> from
      }
      for (node_id n : forward_) visited_[n] = 0;
      return false;
    }
    search_backward(from, lower);
    reorder();
  }
  out_[from].push_back(to);
  in_[to].push_back(from);
  return true;
}

bool cycle_graph::search_forward(node_id start, node_id target, std::uint32_t upper) {
  forward_.clear();
  forward_.push_back(start);
  visited_[start] = 1;
  parent_[start] = 0;
  for (std::size_t head = 0; head < forward_.size(); ++head) {
    const node_id n = forward_[head];
    for (node_id w : out_[n]) {
      if (w == target) {
        parent_[w] = n;
        return true;
      }
      // Nodes placed after `target` cannot reach it (order invariant).
      if (!visited_[w] && ord_[w] < upper) {
        visited_[w] = 1;
        parent_[w] = n;
        forward_.push_back(w);
      }
    }
  }
  return false;
}

void cycle_graph::search_backward(node_id start, std::uint32_t lower) {
  backward_.clear();
  stack_.clear();
  stack_.push_back(start);
  visited_[start] = 1;
  while (!stack_.empty()) {
    const node_id n = stack_.back();
    stack_.pop_back();
    backward_.push_back(n);
    for (node_id w : in_[n]) {
      if (!visited_[w] && ord_[w] > lower) {
        visited_[w] = 1;
        stack_.push_back(w);
      }
    }
  }
}

void cycle_graph::reorder() {
  // Everything that reaches `from` must now come before everything `to`
  // reaches; both groups keep their internal order and reuse the positions
  // they already occupied.
  auto by_order = [this](node_id a, node_id b) { return ord_[a] < ord_[b]; };
  std::sort(backward_.begin(), backward_.end(), by_order);
  std::sort(forward_.begin(), forward_.end(), by_order);

  std::vector<std::uint32_t> slots;
  slots.reserve(backward_.size() + forward_.size());
  for (node_id n : backward_) slots.push_back(ord_[n]);
  for (node_id n : forward_) slots.push_back(ord_[n]);
  std::sort(slots.begin(), slots.end());

  std::size_t i = 0;
  for (node_id n : backward_) {
    ord_[n] = slots[i++];
    visited_[n] = 0;
  }
  for (node_id n : forward_) {
    ord_[n] = slots[i++];
    visited_[n] = 0;
  }
}

}  // namespace lockgraph::detail
