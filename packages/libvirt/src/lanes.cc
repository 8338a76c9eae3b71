#include "lanes.h"

#include <libvirt/virterror.h>
#include <pthread.h>

#include <chrono>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <set>
#include <string>
#include <vector>

namespace nbh {

namespace {

constexpr auto kIdleExit = std::chrono::seconds(5);

}  // namespace

class Lane {
 public:
  Lane(const char* n, int c, bool e) : name(n), cap(c), exempt(e) {}

  // Everything below is guarded by the scheduler's mutex.
  const char* const name;
  const int cap;
  const bool exempt;  // outside the global cap (the teardown lane)
  std::deque<Job*> queue;
  int threads = 0;       // live threads of this lane
  int free = 0;          // threads not running a job (they look at the queue before sleeping)
  int idle = 0;          // threads asleep on `cv`
  int exitRequests = 0;  // idle threads asked to give their slot to a waiting lane
  bool closed = false;
  bool waitingForSlot = false;
  std::condition_variable cv;
};

namespace {

struct Scheduler {
  std::mutex mu;
  int threads = 0;     // every binding thread
  int capped = 0;      // threads counted against kGlobalCap
  int queued = 0;
  std::deque<LanePtr> waiting;  // lanes that need a thread but hit the global cap
  std::set<Lane*> idleLanes;    // lanes with idle > 0 (a live thread keeps each one alive)
};

// Never freed: see the header.
Scheduler& S() {
  static Scheduler* s = new Scheduler();
  return *s;
}

void* ThreadMain(void* arg);

// Asks one idle thread of another lane to exit, so its slot goes to a waiting lane.
void AskIdleThreadToYield(const Lane* except) {
  for (Lane* l : S().idleLanes) {
    if (l == except || l->exempt || l->idle <= l->exitRequests) continue;
    l->exitRequests++;
    l->cv.notify_all();
    return;
  }
}

// Starts threads for `lane` while it has more queued jobs than free threads. Under S().mu.
// Jobs that can never run (no thread could be started and none is left) are moved to `orphans`,
// to be failed after the lock is released.
void MaybeSpawn(const LanePtr& lane, std::vector<Job*>* orphans) {
  Scheduler& s = S();
  while (static_cast<int>(lane->queue.size()) > lane->free && lane->threads < lane->cap) {
    if (!lane->exempt && s.capped >= kGlobalCap) {
      if (!lane->waitingForSlot) {
        lane->waitingForSlot = true;
        s.waiting.push_back(lane);
      }
      AskIdleThreadToYield(lane.get());
      return;
    }
    pthread_attr_t attr;
    pthread_attr_init(&attr);
    pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
    auto* arg = new LanePtr(lane);
    pthread_t tid;
    int rc = pthread_create(&tid, &attr, ThreadMain, arg);
    pthread_attr_destroy(&attr);
    if (rc != 0) {
      delete arg;
      if (lane->threads == 0) {
        // Nobody will ever drain this queue: fail its jobs rather than leave them hanging.
        for (Job* j : lane->queue) orphans->push_back(j);
        s.queued -= static_cast<int>(lane->queue.size());
        lane->queue.clear();
      }
      return;
    }
    lane->threads++;
    lane->free++;
    s.threads++;
    if (!lane->exempt) s.capped++;
  }
}

void FailOrphans(const std::vector<Job*>& orphans) {
  for (Job* j : orphans) {
    j->Fail(Status::Error(VIR_ERR_SYSTEM_ERROR, "libvirt binding: cannot start a worker thread"));
  }
}

// A capped thread is exiting: hand its slot to the lanes waiting for one. Under S().mu.
void HandOverSlots(std::vector<Job*>* orphans) {
  Scheduler& s = S();
  while (!s.waiting.empty() && s.capped < kGlobalCap) {
    LanePtr next = s.waiting.front();
    s.waiting.pop_front();
    next->waitingForSlot = false;
    MaybeSpawn(next, orphans);
  }
}

void* ThreadMain(void* arg) {
  LanePtr lane = std::move(*static_cast<LanePtr*>(arg));
  delete static_cast<LanePtr*>(arg);
  pthread_setname_np(pthread_self(), lane->name);

  Scheduler& s = S();
  std::unique_lock<std::mutex> lock(s.mu);
  for (;;) {
    if (!lane->queue.empty()) {
      Job* job = lane->queue.front();
      lane->queue.pop_front();
      s.queued--;
      lane->free--;
      lock.unlock();
      job->Execute();
      lock.lock();
      lane->free++;
      continue;
    }
    if (lane->closed) break;
    // Another lane waits for a slot under the global cap: give ours rather than sleep on it.
    if (!lane->exempt && !lane->waitingForSlot && !s.waiting.empty()) break;

    if (lane->idle++ == 0) s.idleLanes.insert(lane.get());
    bool woken = lane->cv.wait_for(lock, kIdleExit, [&] {
      return !lane->queue.empty() || lane->closed || lane->exitRequests > 0;
    });
    if (--lane->idle == 0) s.idleLanes.erase(lane.get());
    if (!lane->queue.empty()) continue;
    if (lane->exitRequests > 0) {
      lane->exitRequests--;
      break;
    }
    if (!woken || lane->closed) break;
  }

  lane->threads--;
  lane->free--;
  s.threads--;
  std::vector<Job*> orphans;
  if (!lane->exempt) {
    s.capped--;
    HandOverSlots(&orphans);
  }
  lock.unlock();
  FailOrphans(orphans);
  return nullptr;
}

}  // namespace

LanePtr NewLane(const char* name, int cap) { return std::make_shared<Lane>(name, cap, false); }

void Submit(const LanePtr& lane, Job* job) {
  std::vector<Job*> orphans;
  {
    std::lock_guard<std::mutex> lock(S().mu);
    lane->queue.push_back(job);
    S().queued++;
    if (lane->idle > 0) lane->cv.notify_one();
    MaybeSpawn(lane, &orphans);
  }
  FailOrphans(orphans);
}

void CloseLane(const LanePtr& lane) {
  std::lock_guard<std::mutex> lock(S().mu);
  lane->closed = true;
  lane->cv.notify_all();
}

const LanePtr& TeardownLane() {
  // Never freed, like the scheduler.
  static const LanePtr* lane = new LanePtr(std::make_shared<Lane>("nbh-lv-teardown", kTeardownLaneCap, true));
  return *lane;
}

LaneCounts CountLanes() {
  std::lock_guard<std::mutex> lock(S().mu);
  return LaneCounts{S().threads, S().queued};
}

}  // namespace nbh
