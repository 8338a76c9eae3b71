// Lanes: the binding's own worker threads. Every libvirt call runs on one of them, never on
// libuv's shared pool (4 threads for the whole process: fs, dns, zlib, crypto), so a libvirtd
// whose calls hang cannot starve the rest of the process.
//
// A lane is a FIFO of jobs with a cap on its threads. Each connection has two:
//   query  (cap 2) — reads: host facts, listings, XML, bulk stats, open, event registration;
//   action (cap 4) — lifecycle, define/undefine, snapshot create/revert/delete;
// so a long memory snapshot never holds up sampling, and actions on different VMs do not wait for
// each other. One process-wide teardown lane (cap 8) runs close() and the teardown of collected
// connections, so closing never queues behind a connection's hung calls.
//
// Threads and lifetimes:
// - Threads are spawned on demand, when a lane has more jobs than free threads and is below its
//   cap. A thread exits after kIdleExit without work, at once when its lane is closed and its
//   queue is empty, or early when another lane is waiting for a slot under the global cap.
// - kGlobalCap bounds the connection lanes' threads together (a string of hung connections stays
//   bounded); beyond it a lane's jobs wait in its queue until a slot frees. The teardown lane is
//   outside the global cap (its own cap bounds it), so close() can always make progress.
// - One mutex (the scheduler's) guards every lane's fields; it is never held while a job runs.
// - A thread holds a LanePtr, so a lane outlives its threads. The scheduler and the teardown lane
//   are allocated once and never freed: detached threads may still use them while the process
//   exits, after static destructors have run.
// - A queued job is owned by its lane. Once taken, Job::Execute (or Job::Fail) owns it and
//   disposes of it (a Task hands itself to its completion channel, see completions.h).
#pragma once

#include <memory>

#include "status.h"

namespace nbh {

class Job {
 public:
  virtual ~Job() = default;
  // Runs on a lane thread, outside every lock. Disposes of the job when done.
  virtual void Execute() = 0;
  // Called instead of Execute when no thread could be started for its lane (any thread).
  virtual void Fail(Status why) = 0;
};

class Lane;
using LanePtr = std::shared_ptr<Lane>;

// `name` (≤ 15 chars) names the threads, e.g. for top -H; it must be a string literal.
LanePtr NewLane(const char* name, int cap);
// Queues a job; it runs on one of the lane's threads. Any thread.
void Submit(const LanePtr& lane, Job* job);
// Lets the lane's threads exit as soon as its queue is empty. Jobs submitted later still run.
void CloseLane(const LanePtr& lane);
// The process-wide lane for connection teardown.
const LanePtr& TeardownLane();

struct LaneCounts {
  int threads = 0;  // live binding threads, teardown lane included
  int queued = 0;   // jobs waiting for a thread
};
LaneCounts CountLanes();

constexpr int kQueryLaneCap = 2;
constexpr int kActionLaneCap = 4;
constexpr int kTeardownLaneCap = 8;
constexpr int kGlobalCap = 64;

}  // namespace nbh
